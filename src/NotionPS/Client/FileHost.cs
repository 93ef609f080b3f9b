using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Client
{
    /// <summary>
    /// Downloads from the hosts that serve files (Notion's signed URLs, or a file linked by URL), apart from
    /// <see cref="NotionClient"/>: its clients carry no token and no Notion header, and build no request of their
    /// own, so nothing here can send the token anywhere. A signed URL needs none.
    /// </summary>
    internal static class FileHost
    {
        private static readonly ConcurrentDictionary<bool, HttpClient> Clients = new ConcurrentDictionary<bool, HttpClient>();

        /// <summary>
        /// Streams the file at <paramref name="url"/> into <paramref name="destination"/>. <paramref name="silenceLimit"/>
        /// is for silence: each read starts it again. Only the URL's host and path are logged, since its query is
        /// the signature, and a user name and password in it (a linked file's URL may hold them) as "***".
        /// Throws <see cref="FileDownloadException"/> for an answer that is not a success.
        /// </summary>
        public static async Task DownloadAsync(Uri url, Stream destination, TimeSpan silenceLimit, INotionLog log, CancellationToken cancellationToken)
        {
            var server = url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
            var shown = url.UserInfo.Length == 0 ? server : server.Insert(url.Scheme.Length + Uri.SchemeDelimiter.Length, "***@");
            using (var silence = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var ended = AttemptFailure.None;
                try
                {
                    silence.CancelAfter(silenceLimit);
                    using (var response = await Client(url).GetAsync(url, HttpCompletionOption.ResponseHeadersRead, silence.Token).ConfigureAwait(false))
                    using (NetFrameworkTransport.EndWhenCancelled(response, silence.Token))
                    {
                        log.Verbose($"GET {shown} -> {(int)response.StatusCode} {response.ReasonPhrase}");
                        if (!response.IsSuccessStatusCode)
                        {
                            throw new FileDownloadException((int)response.StatusCode, $"{shown} answered {(int)response.StatusCode} {ServerText.VisibleOrNull(response.ReasonPhrase)}.");
                        }

                        using (var source = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                        {
                            var buffer = new byte[81920];
                            while (true)
                            {
                                silence.CancelAfter(silenceLimit);
                                var read = await source.ReadAsync(buffer, 0, buffer.Length, silence.Token).ConfigureAwait(false);
                                if (read == 0)
                                {
                                    return;
                                }

                                await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                            }
                        }
                    }
                }
                catch (Exception ex) when (!(ex is FileNotFoundException)
                    && (ended = NotionClient.ClassifyFailure(ex, cancellationToken.IsCancellationRequested, silence.IsCancellationRequested)) != AttemptFailure.None)
                {
                    switch (ended)
                    {
                        case AttemptFailure.CallerCancelled:
                            throw NotionClient.CallerCancellation(ex, cancellationToken);
                        case AttemptFailure.TimedOut:
                            throw new FileDownloadException(0, $"{shown} sent nothing for {silenceLimit.TotalSeconds:0} s.");
                        default:
                            throw new FileDownloadException(0, ex is HttpRequestException
                                ? $"Could not download from {shown}: {ex.GetBaseException().Message}"
                                : $"The download from {shown} broke off: {ex.Message}");
                    }
                }
            }
        }

        /// <summary>Redirects are followed (the request carries nothing secret); a loopback host is reached without a proxy, as the API's is.</summary>
        private static HttpClient Client(Uri url) =>
            Clients.GetOrAdd(url.IsLoopback, loopback =>
            {
                NetFrameworkTransport.EnsureModernTls();
                var handler = NetFrameworkTransport.NewHandler(allowAutoRedirect: true, useProxy: !loopback, NetFrameworkTransport.IsNetFramework);
                return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
            });
    }
}
