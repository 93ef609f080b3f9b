using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Operations
{
    /// <summary>Searches the pages shared with the integration by title (the first hundred found).</summary>
    internal sealed class PageSearch
    {
        private readonly NotionClient client;
        private readonly INotionLog log;

        public PageSearch(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = log;
        }

        /// <param name="title">Text the title contains; all pages when null or empty.</param>
        /// <returns>The pages, and whether they are all that Notion found (or only its first hundred).</returns>
        public async Task<(IReadOnlyList<NotionPage> Found, bool FoundAll)> SearchAsync(string? title, CancellationToken cancellationToken)
        {
            using (var page = await client.SearchPagesAsync(title, log, cancellationToken).ConfigureAwait(false))
            {
                return (page.Results.Select(NotionPage.FromJson).Where(found => found.PageId.Length > 0).ToList(), !page.HasMore);
            }
        }
    }
}
