using System;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Client
{
    /// <summary>Comments, moving a page and taking it out of the trash.</summary>
    internal sealed partial class NotionClient
    {
        /// <summary>
        /// A new comment: a discussion of its own on <paramref name="pageId"/>, or a reply in <paramref name="discussionId"/>
        /// when given. Not repeated after a 5xx or a dropped connection: the comment may already be there.
        /// </summary>
        public Task<JsonDocument> CreateCommentAsync(string pageId, string? discussionId, JsonArray richText, INotionLog log, CancellationToken cancellationToken)
        {
            var body = new JsonObject { ["rich_text"] = richText };
            if (discussionId != null)
            {
                body["discussion_id"] = discussionId;
            }
            else
            {
                body["parent"] = new JsonObject { ["page_id"] = pageId };
            }

            return SendAsync(HttpMethod.Post, "v1/comments", body, false, log, cancellationToken);
        }

        /// <summary>One page of the comments on a page or block, oldest first.</summary>
        public async Task<ListPage> ListCommentsAsync(string blockId, string? startCursor, INotionLog log, CancellationToken cancellationToken)
        {
            var path = $"v1/comments?block_id={RequestAddress.Segment(blockId)}&page_size={MaximumPageSize}" + (startCursor == null ? string.Empty : "&start_cursor=" + Uri.EscapeDataString(startCursor));
            using (var document = await SendAsync(HttpMethod.Get, path, null, true, log, cancellationToken).ConfigureAwait(false))
            {
                return ListPage.From(document.RootElement, HttpMethod.Get.Method, path);
            }
        }

        /// <summary>
        /// Moves a page under a page or into a data source (<paramref name="parentType"/> page_id or data_source_id).
        /// Repeating it is harmless: the page is already there.
        /// </summary>
        /// <param name="sending">See <see cref="SendAsync"/>.</param>
        public Task<JsonDocument> MovePageAsync(string pageId, string parentType, string parentId, INotionLog log, CancellationToken cancellationToken, Action<bool>? sending = null)
        {
            var body = new JsonObject { ["parent"] = new JsonObject { ["type"] = parentType, [parentType] = parentId } };
            return SendAsync(HttpMethod.Post, $"v1/pages/{RequestAddress.Segment(pageId)}/move", body, true, log, cancellationToken, sending);
        }

        /// <summary>Takes a page out of the trash (<c>archived</c> or <c>in_trash</c> false, by version). Repeating it is harmless.</summary>
        /// <param name="sending">See <see cref="SendAsync"/>.</param>
        public Task<JsonDocument> RestorePageAsync(string pageId, INotionLog log, CancellationToken cancellationToken, Action<bool>? sending = null) =>
            SendAsync(Patch, "v1/pages/" + RequestAddress.Segment(pageId), new JsonObject { [ApiVersion.TrashProperty(Options.ApiVersion)] = false }, true, log, cancellationToken, sending);
    }
}
