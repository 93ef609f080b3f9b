using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Operations
{
    /// <summary>Lists the children of a page or block, every page of them, without reading further down.</summary>
    internal sealed class BlockLister
    {
        private readonly NotionClient client;
        private readonly INotionLog log;

        public BlockLister(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = log;
        }

        public async Task<IReadOnlyList<JsonElement>> TopLevelAsync(string blockId, CancellationToken cancellationToken)
        {
            var blocks = new List<JsonElement>();
            string? cursor = null;
            do
            {
                var page = await client.GetBlockChildrenAsync(blockId, cursor, log, cancellationToken).ConfigureAwait(false);
                blocks.AddRange(page.Results);
                cursor = page.HasMore ? page.NextCursor : null;
            }
            while (cursor != null);

            return blocks;
        }
    }
}
