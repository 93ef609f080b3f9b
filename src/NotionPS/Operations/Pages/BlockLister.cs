using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Operations
{
    /// <summary>Lists the children of a page or block (copies, usable after the responses are gone), every page of them, without reading further down.</summary>
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
                using (var page = await client.GetBlockChildrenAsync(blockId, cursor, log, cancellationToken).ConfigureAwait(false))
                {
                    foreach (var block in page.Results)
                    {
                        blocks.Add(block.Clone());
                    }

                    cursor = page.HasMore ? page.NextCursor : null;
                }
            }
            while (cursor != null);

            return blocks;
        }
    }
}
