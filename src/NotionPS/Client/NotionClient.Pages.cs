using System;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Client
{
    /// <summary>The calls the page cmdlets make: pages, their blocks, and search for pages.</summary>
    internal sealed partial class NotionClient
    {
        /// <summary>
        /// Creates a page from a whole request body (parent, properties, icon). Not repeated after a 5xx or a
        /// dropped connection: it may already exist.
        /// </summary>
        public Task<JsonDocument> CreatePageAsync(JsonObject body, INotionLog log, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Post, "v1/pages", body, false, log, cancellationToken);

        /// <summary>One page of the workspace's custom emojis of exactly <paramref name="name"/> (GET v1/custom_emojis?name=).</summary>
        public async Task<ListPage> ListCustomEmojisAsync(string name, string? startCursor, INotionLog log, CancellationToken cancellationToken)
        {
            var path = $"v1/custom_emojis?name={Uri.EscapeDataString(name)}&page_size={MaximumPageSize}" + (startCursor == null ? string.Empty : "&start_cursor=" + Uri.EscapeDataString(startCursor));
            using (var document = await SendAsync(HttpMethod.Get, path, null, true, log, cancellationToken).ConfigureAwait(false))
            {
                return ListPage.From(document.RootElement, HttpMethod.Get.Method, path);
            }
        }

        /// <summary>
        /// One page of a page's or block's children, read in place from the response: the blocks are valid until the
        /// page is disposed (<see cref="ListPage.Owning"/>).
        /// </summary>
        public async Task<ListPage> GetBlockChildrenAsync(string blockId, string? startCursor, INotionLog log, CancellationToken cancellationToken)
        {
            var path = $"v1/blocks/{RequestAddress.Segment(blockId)}/children?page_size={MaximumPageSize}" + (startCursor == null ? string.Empty : "&start_cursor=" + Uri.EscapeDataString(startCursor));
            return ListPage.Owning(await SendAsync(HttpMethod.Get, path, null, true, log, cancellationToken).ConfigureAwait(false), TimeSpan.Zero, HttpMethod.Get.Method, path);
        }

        /// <summary>
        /// Appends blocks under a page or block, at the end or after one of its children: <c>position</c> from
        /// 2026-03-11, <c>after</c> before it. Returns the new top-level blocks, in order. Not repeated after a
        /// 5xx or a dropped connection: the blocks may already be there.
        /// </summary>
        public async Task<ListPage> AppendBlockChildrenAsync(string blockId, JsonArray children, string? afterBlockId, INotionLog log, CancellationToken cancellationToken)
        {
            var body = new JsonObject { ["children"] = children };
            if (afterBlockId != null)
            {
                if (string.CompareOrdinal(Options.ApiVersion, ApiVersion.Latest) >= 0)
                {
                    body["position"] = new JsonObject { ["type"] = "after_block", ["after_block"] = new JsonObject { ["id"] = afterBlockId } };
                }
                else
                {
                    body["after"] = afterBlockId;
                }
            }

            var path = $"v1/blocks/{RequestAddress.Segment(blockId)}/children";
            using (var document = await SendAsync(Patch, path, body, false, log, cancellationToken).ConfigureAwait(false))
            {
                return ListPage.From(document.RootElement, Patch.Method, path);
            }
        }

        /// <summary>Moves a block to the trash. Repeating it is harmless.</summary>
        public async Task DeleteBlockAsync(string blockId, INotionLog log, CancellationToken cancellationToken)
        {
            using (await SendAsync(HttpMethod.Delete, "v1/blocks/" + RequestAddress.Segment(blockId), null, true, log, cancellationToken).ConfigureAwait(false))
            {
            }
        }

        /// <summary>
        /// One page of search results for pages whose title contains <paramref name="query"/>, and with
        /// <paramref name="withDatabases"/> the databases' (since 2025-09-03, their data sources') too, in the same request.
        /// </summary>
        public async Task<ListPage> SearchPagesAsync(string? query, bool withDatabases, INotionLog log, CancellationToken cancellationToken)
        {
            var body = new JsonObject { ["page_size"] = MaximumPageSize };
            if (!withDatabases)
            {
                body["filter"] = new JsonObject { ["property"] = "object", ["value"] = "page" };
            }

            if (!string.IsNullOrEmpty(query))
            {
                body["query"] = query;
            }

            using (var document = await SendAsync(HttpMethod.Post, SearchPath, body, true, log, cancellationToken).ConfigureAwait(false))
            {
                return ListPage.From(document.RootElement, HttpMethod.Post.Method, SearchPath);
            }
        }
    }
}
