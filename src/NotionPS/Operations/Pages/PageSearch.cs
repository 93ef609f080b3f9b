using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
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
            using (var page = await client.SearchPagesAsync(title, false, log, cancellationToken).ConfigureAwait(false))
            {
                return (Pages(page.Results), !page.HasMore);
            }
        }

        /// <summary>Pages and databases by title in one search (the first hundred of both together).</summary>
        /// <returns>The pages, the databases as <see cref="DatabaseSearch"/> reads them, and whether they are all that Notion found.</returns>
        public async Task<(IReadOnlyList<NotionPage> Pages, IReadOnlyList<(string DatabaseId, string Title)> Databases, bool FoundAll)> SearchWithDatabasesAsync(string? title, CancellationToken cancellationToken)
        {
            using (var page = await client.SearchPagesAsync(title, true, log, cancellationToken).ConfigureAwait(false))
            {
                var databases = DatabaseSearch.Databases(page.Results.Where(result => !IsPage(result)), client.Options.ApiVersion).ToList();
                return (Pages(page.Results.Where(IsPage)), databases, !page.HasMore);
            }
        }

        private static bool IsPage(JsonElement result) => JsonRead.String(result, "object") == "page";

        private static IReadOnlyList<NotionPage> Pages(IEnumerable<JsonElement> results) =>
            results.Select(NotionPage.FromJson).Where(found => found.PageId.Length > 0).ToList();
    }
}
