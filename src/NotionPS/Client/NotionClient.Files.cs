using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Client
{
    /// <summary>
    /// File uploads (<c>/v1/file_uploads</c>: create, send, complete, retrieve), the workspace's upload limit, and
    /// downloads of the files Notion serves at signed URLs.
    /// </summary>
    internal sealed partial class NotionClient
    {
        private static readonly ConcurrentDictionary<bool, HttpClient> DownloadClients = new ConcurrentDictionary<bool, HttpClient>();

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
            var path = $"v1/file_uploads/{fileUploadId}/send";
            return (await SendWithRetriesAsync(HttpMethod.Post, RequestUri(HttpMethod.Post, path), path, content, true, log, cancellationToken).ConfigureAwait(false)).Document;
        }

        /// <summary>Completes a multi-part upload; repeating it after a dropped answer is refused by Notion, never harmful.</summary>
        public Task<JsonDocument> CompleteFileUploadAsync(string fileUploadId, INotionLog log, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Post, $"v1/file_uploads/{fileUploadId}/complete", new JsonObject(), false, log, cancellationToken);

        public Task<JsonDocument> GetFileUploadAsync(string fileUploadId, INotionLog log, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Get, "v1/file_uploads/" + fileUploadId, null, true, log, cancellationToken);

        /// <summary>
        /// Streams the file at <paramref name="url"/> (a signed URL Notion gave, or an external link) into
        /// <paramref name="destination"/>. The request carries no token and no Notion header: a signed URL needs
        /// none, and the host is not Notion's. Only the URL's host and path are logged: its query is the signature.
        /// Throws <see cref="FileDownloadException"/> for an answer that is not a success.
        /// </summary>
        public async Task DownloadAsync(Uri url, Stream destination, Action<long>? bytesCopied, INotionLog log, CancellationToken cancellationToken)
        {
            log = Redacting(log);
            var shown = url.GetLeftPart(UriPartial.Path);
            try
            {
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                using (var request = new HttpRequestMessage(HttpMethod.Get, url))
                {
                    timeout.CancelAfter(Options.Timeout);
                    using (var response = await DownloadClient(url).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false))
                    {
                        log.Verbose($"GET {shown} -> {(int)response.StatusCode} {response.ReasonPhrase}");
                        if (!response.IsSuccessStatusCode)
                        {
                            throw new FileDownloadException((int)response.StatusCode, $"{shown} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
                        }

                        using (var source = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                        {
                            var buffer = new byte[81920];
                            while (true)
                            {
                                // The time-out is for silence, not for the whole file: each read starts it again.
                                timeout.CancelAfter(Options.Timeout);
                                var read = await source.ReadAsync(buffer, 0, buffer.Length, timeout.Token).ConfigureAwait(false);
                                if (read == 0)
                                {
                                    return;
                                }

                                await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                                bytesCopied?.Invoke(read);
                            }
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new FileDownloadException(0, $"{shown} sent nothing for {Options.Timeout.TotalSeconds:0} s.");
            }
            catch (HttpRequestException ex)
            {
                throw new FileDownloadException(0, $"Could not download from {shown}: {Innermost(ex).Message}");
            }
            catch (IOException ex) when (!(ex is FileNotFoundException))
            {
                throw new FileDownloadException(0, $"The download from {shown} broke off: {ex.Message}");
            }
        }

        /// <summary>
        /// Clients for file hosts, apart from the API's: redirects are followed (the request carries nothing secret),
        /// and a loopback host is reached without a proxy, as the API's is.
        /// </summary>
        private static HttpClient DownloadClient(Uri url) =>
            DownloadClients.GetOrAdd(url.IsLoopback, loopback =>
                new HttpClient(new HttpClientHandler { AllowAutoRedirect = true, UseProxy = !loopback }) { Timeout = Timeout.InfiniteTimeSpan });
    }

    /// <summary>A file host that did not serve a file: <see cref="Status"/> 0 when it did not answer at all.</summary>
    internal sealed class FileDownloadException : Exception
    {
        public FileDownloadException(int status, string message)
            : base(message)
        {
            Status = status;
        }

        public int Status { get; }

        /// <summary>Notion's signed URLs answer 403 once they have expired (S3's AccessDenied, "Request has expired").</summary>
        public bool MayHaveExpired => Status == 403;
    }
}
