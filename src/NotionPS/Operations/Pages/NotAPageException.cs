using System;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>An ID given as a page's whose content was asked for, that is a database's (the mirror of <see cref="NotADatabaseException"/>).</summary>
    internal sealed class NotAPageException : NotionException
    {
        private readonly string id;

        private NotAPageException(string id, NotionApiException? notionsAnswer)
            : base(NotionErrorIds.NotionIdIsADatabase, $"{id} is a database, not a page: a database has rows, not content blocks.", notionsAnswer)
        {
            this.id = id;
        }

        public string Id => Shown(id);

        /// <summary>Found by reading <paramref name="id"/> as a block, before Notion was asked to write to it.</summary>
        public static NotAPageException Found(string id) => new NotAPageException(id, null);

        /// <summary>
        /// <paramref name="failure"/>, or this exception when it came because <paramref name="pageId"/> is a database's: Notion
        /// refuses a database's blocks with a 400 whose wording it does not document, so only then is the ID asked about as a block.
        /// </summary>
        public static async Task<NotionException> ExplainAsync(NotionClient client, string pageId, NotionException failure, INotionLog log, CancellationToken cancellationToken)
        {
            if (!(failure is NotionApiException { Status: 400 } refusal))
            {
                return failure;
            }

            try
            {
                using (var block = await client.GetBlockAsync(pageId, log, cancellationToken).ConfigureAwait(false))
                {
                    return JsonRead.String(block.RootElement, "type") == "child_database" ? new NotAPageException(pageId, refusal) : failure;
                }
            }
            catch (NotionApiException)
            {
                // Not readable as a block either: Notion's first answer is the one to show.
                return failure;
            }
        }
    }
}
