using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Operations
{
    /// <summary>One page of a page's or block's comments, and the cursor to the next (null at the end).</summary>
    internal sealed class CommentPage
    {
        public CommentPage(IReadOnlyList<NotionComment> comments, string? nextCursor)
        {
            Comments = comments;
            NextCursor = nextCursor;
        }

        public IReadOnlyList<NotionComment> Comments { get; }

        public string? NextCursor { get; }
    }

    /// <summary>Reads the comments on a page or block, oldest first, one page of Notion's list at a time.</summary>
    internal sealed class CommentReader
    {
        private readonly NotionClient client;
        private readonly INotionLog log;

        public CommentReader(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = log;
        }

        /// <param name="cursor">Null for the first page; then the previous page's <see cref="CommentPage.NextCursor"/>.</param>
        public async Task<CommentPage> ReadPageAsync(string blockId, string? cursor, CancellationToken cancellationToken)
        {
            using (var page = await client.ListCommentsAsync(blockId, cursor, log, cancellationToken).ConfigureAwait(false))
            {
                return new CommentPage(page.Results.Select(NotionComment.FromJson).ToList(), page.HasMore ? page.NextCursor : null);
            }
        }
    }
}
