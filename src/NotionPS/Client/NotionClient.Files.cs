using System;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Client
{
    /// <summary>
    /// File uploads (<c>/v1/file_uploads</c>: create, send, complete, retrieve) and the workspace's upload limit.
    /// Downloads go to file hosts, not to the API: <see cref="FileHost"/>.
    /// </summary>
    internal sealed partial class NotionClient
    {
        /// <summary>The largest file the workspace takes (<c>bot.workspace_limits.max_file_upload_size_in_bytes</c>), or null when Notion does not say.</summary>
        public async Task<long?> GetMaxUploadBytesAsync(INotionLog log, CancellationToken cancellationToken)
        {
            using (var document = await SendAsync(HttpMethod.Get, "v1/users/me", null, true, log, cancellationToken).ConfigureAwait(false))
            {
                var limits = JsonRead.Object(JsonRead.Object(document.RootElement, "bot") ?? default, "workspace_limits") ?? default;
                return limits.ValueKind == JsonValueKind.Object && limits.TryGetProperty("max_file_upload_size_in_bytes", out var max) && max.TryGetInt64(out var bytes)
                    ? bytes
                    : (long?)null;
            }
        }

        /// <summary>Creates a file upload. Not repeated after a 5xx: an upload nobody sends to expires by itself, but a second one is not wanted.</summary>
        public Task<JsonDocument> CreateFileUploadAsync(JsonObject body, INotionLog log, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Post, "v1/file_uploads", body, false, log, cancellationToken);

        /// <summary>
        /// Sends one part (or the whole of a single-part upload) as multipart/form-data. Safe to repeat: a part sent
        /// again replaces the one before. <paramref name="content"/> makes the form afresh for each attempt.
        /// </summary>
        public async Task<JsonDocument> SendFilePartAsync(string fileUploadId, Func<HttpContent> content, INotionLog log, CancellationToken cancellationToken)
        {
            log = Redacting(log);
            var path = $"v1/file_uploads/{RequestAddress.Segment(fileUploadId)}/send";
            return await SendWithRetriesAsync(HttpMethod.Post, RequestUri(HttpMethod.Post, path), path, null, content, true, log, answered: null, sending: null, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Completes a multi-part upload; repeating it after a dropped answer is refused by Notion, never harmful.</summary>
        public Task<JsonDocument> CompleteFileUploadAsync(string fileUploadId, INotionLog log, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Post, $"v1/file_uploads/{RequestAddress.Segment(fileUploadId)}/complete", new JsonObject(), false, log, cancellationToken);

        public Task<JsonDocument> GetFileUploadAsync(string fileUploadId, INotionLog log, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Get, "v1/file_uploads/" + RequestAddress.Segment(fileUploadId), null, true, log, cancellationToken);
    }
}
