using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Rows;

namespace NotionPS.Operations
{
    /// <summary>
    /// Pages as rows, complete: a page object cuts people, relation and text values at 25 items, so those
    /// are read in full from the property endpoint.
    /// </summary>
    internal sealed class RowFetcher
    {
        private readonly NotionClient client;
        private readonly INotionLog log;

        public RowFetcher(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = log;
        }

        /// <summary>A page as a row, with every value a page object cut at 25 fetched from the property endpoint.</summary>
        public async Task<PageRow> FullRowAsync(JsonElement page, CancellationToken cancellationToken)
        {
            Dictionary<string, JsonElement>? replacements = null;
            if (JsonRead.Object(page, "properties") is JsonElement properties)
            {
                foreach (var property in properties.EnumerateObject().Where(p => PropertyReader.MayBeTruncated(p.Value)))
                {
                    var type = JsonRead.String(property.Value, "type")!;
                    var items = await client.GetPropertyItemsAsync(JsonRead.String(page, "id")!, JsonRead.String(property.Value, "id") ?? property.Name, log, cancellationToken).ConfigureAwait(false);
                    (replacements ??= new Dictionary<string, JsonElement>())[property.Name] = JsonSerializer.SerializeToElement(PropertyReader.FromPropertyItems(type, items));
                }
            }

            return PageRow.From(page, replacements);
        }

        /// <summary>The pages as rows, in order.</summary>
        public async Task<List<PageRow>> FullRowsAsync(IReadOnlyList<JsonElement> pages, CancellationToken cancellationToken)
        {
            var rows = new List<PageRow>(pages.Count);
            foreach (var page in pages)
            {
                // Almost every row is complete as it came: read it without a task of its own.
                rows.Add(PageRow.FromComplete(page) ?? await FullRowAsync(page, cancellationToken).ConfigureAwait(false));
            }

            return rows;
        }
    }
}
