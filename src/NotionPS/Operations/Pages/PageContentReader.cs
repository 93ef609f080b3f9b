using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Content;

namespace NotionPS.Operations
{
    /// <summary>
    /// Reads a page's blocks with all their descendants, a page of 100 top-level blocks at a time: each block comes
    /// with a <c>children</c> array holding its children, read in full (every page of them) and each with its own.
    /// The blocks of a child page or child database are that page's or database's, and are not read.
    /// </summary>
    internal sealed class PageContentReader
    {
        /// <summary>Blocks that stand for a page or database of their own: their children are its content.</summary>
        internal static readonly HashSet<string> OwnContent = new HashSet<string> { "child_page", "child_database" };

        private readonly NotionClient client;
        private readonly INotionLog log;
        private readonly string pageId;
        private string? cursor;
        private bool done;

        public PageContentReader(NotionClient client, string pageId, INotionLog log)
        {
            this.client = client;
            this.pageId = pageId;
            this.log = log;
        }

        /// <summary>The next top-level blocks, each complete; null when the page has no more.</summary>
        public async Task<IReadOnlyList<JsonElement>?> NextAsync(CancellationToken cancellationToken)
        {
            if (done)
            {
                return null;
            }

            var page = await client.GetBlockChildrenAsync(pageId, cursor, log, cancellationToken).ConfigureAwait(false);
            cursor = page.HasMore ? page.NextCursor : null;
            done = cursor == null;
            var blocks = new JsonArray();
            foreach (var block in page.Results)
            {
                blocks.Add(await WithDescendantsAsync(block, cancellationToken).ConfigureAwait(false));
            }

            using (var document = JsonDocument.Parse(blocks.ToJsonString()))
            {
                return document.RootElement.EnumerateArray().Select(block => block.Clone()).ToList();
            }
        }

        /// <summary>The whole page as Markdown (see <see cref="BlocksToMarkdown"/>).</summary>
        public async Task<string> ReadMarkdownAsync(CancellationToken cancellationToken)
        {
            var blocks = new List<JsonElement>();
            for (var next = await NextAsync(cancellationToken).ConfigureAwait(false); next != null; next = await NextAsync(cancellationToken).ConfigureAwait(false))
            {
                blocks.AddRange(next);
            }

            return BlocksToMarkdown.Convert(blocks);
        }

        private async Task<JsonObject> WithDescendantsAsync(JsonElement block, CancellationToken cancellationToken)
        {
            var copy = JsonNode.Parse(block.GetRawText())!.AsObject();
            if (JsonRead.Bool(block, "has_children") == true && !OwnContent.Contains(JsonRead.String(block, "type") ?? string.Empty))
            {
                var children = new JsonArray();
                foreach (var child in await new BlockLister(client, log).TopLevelAsync(JsonRead.String(block, "id")!, cancellationToken).ConfigureAwait(false))
                {
                    children.Add(await WithDescendantsAsync(child, cancellationToken).ConfigureAwait(false));
                }

                copy["children"] = children;
            }

            return copy;
        }
    }
}
