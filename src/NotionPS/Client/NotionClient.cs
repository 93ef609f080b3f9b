using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Client
{
    /// <summary>
    /// One integration's door to the Notion API: headers, JSON, error mapping, rate limiting and retries.
    /// Knows nothing of PowerShell. The token stays a <see cref="SecureString"/> and is unwrapped only to
    /// build each request's Authorization header.
    /// </summary>
    internal sealed partial class NotionClient
    {
        private static readonly ConcurrentDictionary<string, HttpClient> HttpClientsByBaseUri = new ConcurrentDictionary<string, HttpClient>(StringComparer.OrdinalIgnoreCase);
        private static readonly string UserAgent = BuildUserAgent();

        private readonly SecureString token;
        private readonly HttpClient http;
        private readonly RetryPolicy retryPolicy;
        private readonly IClock clock;
        private readonly Func<string, string> redact;

        /// <summary><see cref="NotionClockAhead"/> in ticks; <see cref="long.MinValue"/> before any answer with a Date header.</summary>
        private long notionClockAheadTicks = long.MinValue;

        public NotionClient(SecureString token, NotionClientOptions options)
            : this(token, options, SystemClock.Instance, null, null)
        {
        }

        /// <summary>For tests: a fake clock, a private limiter and a handler in place of the network.</summary>
        internal NotionClient(SecureString token, NotionClientOptions options, IClock clock, RateLimiter? limiter, HttpMessageHandler? handler)
        {
            var (normalized, problem) = token == null ? (null, NotionTokenProblem.Empty) : NotionToken.Normalize(token);
            if (normalized == null)
            {
                throw new ArgumentException(NotionToken.Describe(problem), nameof(token));
            }

            options.Validate();
            this.token = normalized;
            redact = TokenRedaction.For(normalized);
            Options = options;
            this.clock = clock;
            retryPolicy = new RetryPolicy(options.MaximumRetryCount, options.MaximumRetryWait);
            http = handler == null ? SharedHttpClient(options.BaseUri) : new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            RateLimiter = limiter ?? RateLimiter.ForToken(TokenKey(normalized, options.BaseUri), options.RequestsPerSecond, options.RateLimitBurst, options.RequestsPerMinute);
        }

        public NotionClientOptions Options { get; }

        public RateLimiter RateLimiter { get; }

        /// <summary>
        /// How far Notion's clock is ahead of this machine's (negative: behind), from the Date header of the latest answer:
        /// that answer's Date less the moment it arrived here. Date is whole seconds and the answer took time to arrive,
        /// so this never overstates Notion's time: this machine's time plus this is no later than Notion's at that moment.
        /// Null before any answer with a Date header.
        /// </summary>
        public TimeSpan? NotionClockAhead
        {
            get
            {
                var ticks = Interlocked.Read(ref notionClockAheadTicks);
                return ticks == long.MinValue ? (TimeSpan?)null : TimeSpan.FromTicks(ticks);
            }
        }

        /// <summary>
        /// Sends one request and returns the parsed JSON response (the caller disposes it), or throws
        /// <see cref="NotionApiException"/>. <paramref name="safeToRepeat"/> marks requests that change
        /// nothing (GET, read-only queries): only those are repeated after a 5xx or a dropped connection.
        /// </summary>
        /// <param name="sending">
        /// Called with true as an attempt is handed to the connection, past the rate limit's wait: from then on a stop may come
        /// after Notion did the work, so a caller that writes can tell a request never sent from one whose outcome is unknown.
        /// Called with false when the attempt's answer shows nothing was done (<see cref="NotionApiException.ShowsNothingWasDone"/>:
        /// a 429 or 529 whose retry is waited for, a 4xx), so a stop in that wait leaves nothing that may have been written.
        /// </param>
        public Task<JsonDocument> SendAsync(HttpMethod method, string path, JsonNode? body, bool safeToRepeat, INotionLog log, CancellationToken cancellationToken, Action<bool>? sending = null) =>
            SendJsonAsync(method, path, body, safeToRepeat, log, answered: null, sending, cancellationToken);

        /// <summary>
        /// <see cref="SendAsync"/>, also returning how long the answered attempt took from sending to the parsed
        /// body (no rate-limit wait included): a read uses it to tell whether one request at a time can keep up.
        /// </summary>
        public async Task<TimedAnswer> SendTimedAsync(HttpMethod method, string path, JsonNode? body, bool safeToRepeat, INotionLog log, CancellationToken cancellationToken)
        {
            var roundTrip = TimeSpan.Zero;
            var document = await SendJsonAsync(method, path, body, safeToRepeat, log, answered: took => roundTrip = took, sending: null, cancellationToken).ConfigureAwait(false);
            return new TimedAnswer(document, roundTrip);
        }

        /// <summary>
        /// The request's checked address and body text, then its attempts. Not an async method (a state machine less to
        /// JIT-compile at a fresh process's first request), but it fails as one would: a refused path or body comes back as
        /// the faulted task, never thrown at the call.
        /// </summary>
        private Task<JsonDocument> SendJsonAsync(HttpMethod method, string path, JsonNode? body, bool safeToRepeat, INotionLog log, Action<TimeSpan>? answered, Action<bool>? sending, CancellationToken cancellationToken)
        {
            try
            {
                log = Redacting(log);
                var uri = RequestUri(method, path);
                var bodyText = body?.ToJsonString();
                if (bodyText != null && log.IsDebugEnabled)
                {
                    log.Debug($"{method} {path} request body: {bodyText}");
                }

                return SendWithRetriesAsync(method, uri, path, bodyText, null, safeToRepeat, log, answered, sending, cancellationToken);
            }
            catch (Exception ex)
            {
                return Task.FromException<JsonDocument>(ex);
            }
        }

        /// <summary>
        /// The attempts of one request, within the rate limit, as the retry policy allows: a JSON body, or a
        /// <paramref name="form"/> made afresh for each attempt (a file part is read from disk again). <paramref name="answered"/>,
        /// if given, is told how long the answered attempt took from sending to the parsed body; <paramref name="sending"/>, as each attempt goes out
        /// and when its answer shows nothing was done (see <see cref="SendAsync"/>).
        /// </summary>
        private async Task<JsonDocument> SendWithRetriesAsync(
            HttpMethod method, Uri uri, string path, string? bodyText, Func<HttpContent>? form, bool safeToRepeat, INotionLog log, Action<TimeSpan>? answered,
            Action<bool>? sending, CancellationToken cancellationToken)
        {
            // Once an attempt's answer left the work unknown (a 5xx, a timeout), a later attempt's "nothing done" speaks only for
            // itself: the request may still have been done, so the mark stays set.
            var mayHaveBeenDone = false;
            for (var attempt = 1; ; attempt++)
            {
                await RateLimiter.WaitAsync(cancellationToken, out var paceVersion).ConfigureAwait(false);
                sending?.Invoke(true);
                var started = Stopwatch.StartNew();
                var (document, failure, retryAfter) = await SendOnceAsync(method, uri, path, bodyText, form, attempt, log, cancellationToken).ConfigureAwait(false);
                if (failure == null)
                {
                    if (RateLimiter.TakeRestored())
                    {
                        log.Verbose($"Pacing this token at {RateLimiter.DescribePace()} again: no 429 since it was lowered.");
                    }

                    answered?.Invoke(started.Elapsed);
                    return document!;
                }

                if (!failure.ShowsNothingWasDone)
                {
                    mayHaveBeenDone = true;
                }
                else if (!mayHaveBeenDone)
                {
                    sending?.Invoke(false);
                }

                AdaptPace(failure, paceVersion, log);

                var wait = RetryPolicy.Delay(attempt, retryAfter);
                if (attempt <= retryPolicy.MaximumRetryCount && retryPolicy.IsWaitTooLong(failure.Status, wait))
                {
                    throw NotionApiException.RetryWaitTooLong(failure, wait, retryPolicy.MaximumWait);
                }

                if (!retryPolicy.ShouldRetry(attempt, failure.Status, safeToRepeat, wait))
                {
                    throw failure;
                }

                log.Verbose($"{method} {path}: {DescribeStatus(failure)}; retry {attempt} of {retryPolicy.MaximumRetryCount} in {wait.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
                if (RetryPolicy.IsServerAskingForRetry(failure.Status))
                {
                    // The connection's limit holds every caller of this token back; the workspace's, every token of the workspace.
                    var wholeWorkspace = RateLimitReasons.IsWorkspaceLimit(failure);
                    log.Verbose($"{method} {path}: waiting {NotionApiException.Seconds(wait)} s: {RateLimitReasons.Describe(failure)}" +
                        (wholeWorkspace ? ", for every connection of the workspace in this session" : string.Empty));
                    RateLimiter.PauseFor(wait, wholeWorkspace);
                }
                else
                {
                    await clock.Delay(wait, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>
        /// One attempt: the parsed body of a 2xx answer, or the failure and the server's Retry-After. A timeout or a dropped
        /// connection is a failure of status 0; one partway through the body fails like one that gave no answer, so the retry
        /// policy repeats a read and never a write whose answer was cut: the write may have been done.
        /// </summary>
        private async Task<Attempt> SendOnceAsync(
            HttpMethod method, Uri uri, string path, string? bodyText, Func<HttpContent>? form, int attempt, INotionLog log, CancellationToken cancellationToken)
        {
            var stopwatch = Stopwatch.StartNew();
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            using (var request = BuildRequest(method, uri, bodyText))
            {
                if (form != null)
                {
                    request.Content = form();
                }

                timeout.CancelAfter(Options.Timeout);
                var answerStarted = false;
                var ended = AttemptFailure.None;
                try
                {
                    // Waits for the headers only: a page of rows (~175 KB) is parsed as it arrives into pooled buffers, never copied whole or into a string.
                    using (var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false))
                    using (NetFrameworkTransport.EndWhenCancelled(response, timeout.Token))
                    {
                        answerStarted = true;
                        if (response.Headers.Date is DateTimeOffset notionNow)
                        {
                            Interlocked.Exchange(ref notionClockAheadTicks, (notionNow - clock.UtcNow).Ticks);
                        }

                        var status = (int)response.StatusCode;
                        log.Verbose($"{method} {path} -> {status} {response.ReasonPhrase} in {stopwatch.ElapsedMilliseconds} ms{AttemptSuffix(attempt)}");
                        if (IsRedirect(status))
                        {
                            return Attempt.Failed(Redirected(response, method.Method, path));
                        }

                        if (response.IsSuccessStatusCode)
                        {
                            return await ParseSuccessAsync(response, method, path, log, timeout.Token).ConfigureAwait(false);
                        }

                        var text = await ReadTextAsync(response, method.Method, path, log, timeout.Token).ConfigureAwait(false);
                        return Attempt.Failed(ParseFailure(text, status, response.ReasonPhrase, method.Method, path), ReadRetryAfter(response.Headers.RetryAfter));
                    }
                }
                catch (Exception ex) when ((ended = ClassifyFailure(ex, cancellationToken.IsCancellationRequested, timeout.IsCancellationRequested)) != AttemptFailure.None)
                {
                    if (ended == AttemptFailure.CallerCancelled)
                    {
                        throw CallerCancellation(ex, cancellationToken);
                    }

                    var failure = NetworkFailure(ex, ended == AttemptFailure.TimedOut, answerStarted, method.Method, path);
                    log.Verbose($"{method} {path} -> {failure.Code} after {stopwatch.ElapsedMilliseconds} ms{AttemptSuffix(attempt)}");
                    return Attempt.Failed(failure);
                }
            }
        }

        /// <summary>
        /// A 429 for the connection's limit that this process's pacing did not foresee (another process or tool spends the
        /// token too) lowers the token's pace (<see cref="TokenPace"/>). A workspace 429 does not: the workspace's limit is
        /// shared with other tokens, whose rates are not this one's to judge; nor does a 529, Notion's load and not the token's.
        /// </summary>
        private void AdaptPace(NotionApiException failure, int paceVersion, INotionLog log)
        {
            if (failure.Status == 429 && !RateLimitReasons.IsWorkspaceLimit(failure) && RateLimiter.SlowDown(paceVersion))
            {
                log.Verbose($"Pacing this token at {RateLimiter.DescribePace()} after a 429 its own pacing did not foresee " +
                    "(another process or tool is using the token's limit too); it recovers a tenth of the configured pace at a time while no 429 comes.");
            }
        }

        private static string AttemptSuffix(int attempt) => attempt == 1 ? string.Empty : $" (attempt {attempt})";

        private static string DescribeStatus(NotionApiException failure) =>
            failure.Status == 0 ? failure.Code : $"{failure.Status} {failure.Code}";

        /// <summary>
        /// What ended an attempt. A cancellation is the caller's when the caller's token fired, else a timeout; a transport
        /// error is a dropped connection, unless a token had fired: then it is how the runtime ended the read (.NET Framework
        /// throws WebException or IOException from an aborted request, and ObjectDisposedException from a disposed answer).
        /// Anything else is no network failure and goes up as it is.
        /// </summary>
        internal static AttemptFailure ClassifyFailure(Exception ex, bool callerCancelled, bool timedOut)
        {
            var tokenFired = callerCancelled || timedOut;
            var transport = ex is IOException || ex is HttpRequestException || ex is WebException || (tokenFired && ex is ObjectDisposedException);
            if (!(ex is OperationCanceledException) && !transport)
            {
                return AttemptFailure.None;
            }

            return callerCancelled ? AttemptFailure.CallerCancelled
                : timedOut || ex is OperationCanceledException ? AttemptFailure.TimedOut
                : AttemptFailure.ConnectionFailed;
        }

        /// <summary>
        /// An attempt the caller stopped (Ctrl+C) as a cancellation, whatever the runtime threw: its own
        /// OperationCanceledException is rethrown here with its stack kept; any other way the read was aborted
        /// (WebException, IOException, ObjectDisposedException) is returned wrapped in one, for the caller to throw.
        /// </summary>
        internal static OperationCanceledException CallerCancellation(Exception ex, CancellationToken cancellationToken)
        {
            if (ex is OperationCanceledException)
            {
                ExceptionDispatchInfo.Capture(ex).Throw();
            }

            return new OperationCanceledException(ex.Message, ex, cancellationToken);
        }

        /// <summary>A timeout or a dropped connection as a NotionApiException of status 0, said apart by whether the answer had begun.</summary>
        private NotionApiException NetworkFailure(Exception ex, bool timedOut, bool answerStarted, string method, string path)
        {
            if (timedOut)
            {
                return new NotionApiException(0, NotionErrorCodes.Timeout,
                    answerStarted
                        ? $"The answer from {Options.BaseUri} did not arrive in full within {Options.Timeout.TotalSeconds:0} s."
                        : $"No answer from {Options.BaseUri} within {Options.Timeout.TotalSeconds:0} s.",
                    null, method, path);
            }

            var message = answerStarted ? $"The connection to {Options.BaseUri} was dropped partway through the answer: {Innermost(ex).Message}"
                : ex is HttpRequestException ? $"Could not reach {Options.BaseUri}: {Innermost(ex).Message}{NetFrameworkTransport.SecureChannelHint(ex)}"
                : $"The connection to {Options.BaseUri} was dropped: {ex.Message}";
            return new NotionApiException(0, NotionErrorCodes.ConnectionFailure, message, null, method, path, ex);
        }

        /// <summary>An error body, read no further than <see cref="NotionClientOptions.MaximumAnswerBytes"/>; cancelled with the request's timeout.</summary>
        private async Task<string> ReadTextAsync(HttpResponseMessage response, string method, string path, INotionLog log, CancellationToken cancellationToken)
        {
            var content = response.Content;
            if (content == null)
            {
                LogBody(log, method, path, null, null);
                return string.Empty;
            }

            var charset = content.Headers.ContentType?.CharSet;
            using (var stream = Bounded(await content.ReadAsStreamAsync().ConfigureAwait(false), response, method, path, log))
            using (var copy = new MemoryStream())
            {
                try
                {
                    await stream.CopyToAsync(copy, 81920, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    LogBody(log, method, path, stream, charset);
                }

                copy.Position = 0;
                using (var reader = new StreamReader(copy, EncodingOf(charset), detectEncodingFromByteOrderMarks: true))
                {
                    return reader.ReadToEnd();
                }
            }
        }

        /// <summary>
        /// <paramref name="body"/> read no further than the limit: an answer longer than any of Notion's is refused, its rest never
        /// read. With -Debug, its start is kept for the log.
        /// </summary>
        private BoundedStream Bounded(Stream body, HttpResponseMessage response, string method, string path, INotionLog log)
        {
            var limit = Options.MaximumAnswerBytes;
            return new BoundedStream(body, limit, () => new NotionApiException((int)response.StatusCode, NotionErrorCodes.ResponseTooLarge,
                $"The answer from {Options.BaseUri} was longer than {limit} bytes, more than any answer of Notion's, so NotionPS stopped reading it. " +
                "Check that -BaseUri of Connect-NotionIntegration is Notion's API (or a proxy that passes its answers on unchanged).",
                null, method, path), log.IsDebugEnabled ? Options.DebugAnswerBytes : 0);
        }

        /// <summary>
        /// With -Debug, the start of an answer's body as it was read (<paramref name="body"/> null for none). A body cut there
        /// loses as many characters more as the longest escaped spelling of the token has, once the token is redacted, so a
        /// token the cut splits leaves no part of itself (a short start of it is not redacted: see <see cref="TokenRedaction"/>).
        /// </summary>
        private void LogBody(INotionLog log, string method, string path, BoundedStream? body, string? charset)
        {
            if (!log.IsDebugEnabled)
            {
                return;
            }

            var start = body?.Start ?? Array.Empty<byte>();
            var text = EncodingOf(charset).GetString(start);
            if (body != null && body.Total > start.Length)
            {
                var redacted = Redact(text);
                text = redacted.Substring(0, Math.Max(0, redacted.Length - TokenRedaction.LongestSpelling(token.Length))) +
                    $"... (cut: the log shows at most the first {Options.DebugAnswerBytes} bytes of an answer)";
            }

            log.Debug($"{method} {path} response body: {text}");
        }

        /// <summary>The answer's declared charset, as HttpContent.ReadAsStringAsync reads it; UTF-8 (Notion's) when absent or unknown.</summary>
        private static Encoding EncodingOf(string? charset)
        {
            try
            {
                return string.IsNullOrEmpty(charset) ? Encoding.UTF8 : Encoding.GetEncoding(charset!.Trim('"'));
            }
            catch (ArgumentException)
            {
                return Encoding.UTF8;
            }
        }

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null)
            {
                ex = ex.InnerException;
            }

            return ex;
        }

        /// <summary>
        /// The one place a request's address is made, checked before anything is sent: <paramref name="path"/>
        /// resolved against the base URI must stay under it (<see cref="RequestAddress.Escape"/>). A path such as
        /// "\/host/..." or "//host/..." resolves to another host, "../" or "%2e%2e/" to another path of the same host,
        /// and a full URL (or file:, mailto:) can name anything; the token goes only to the connection's own API address.
        /// </summary>
        internal Uri RequestUri(HttpMethod method, string path)
        {
            // Uri would make an empty path the base address itself, and escape a control character (%0A) into a path Notion never has.
            var problem = path.Trim().Length == 0 ? "is empty"
                : path.Any(ServerText.IsToEscape) ? "holds a control or invisible formatting character (a line break, a tab, an escape, a bidirectional mark), which no Notion path has"
                : null;
            if (problem != null)
            {
                throw new NotionApiException(0, NotionErrorCodes.InvalidPath,
                    $"The path '{ServerText.VisibleShort(path)}' {problem}. Give the path under the connection's API address, such as v1/users/me.",
                    null, method.Method, path);
            }

            var baseUri = Options.BaseUri;
            Uri? uri = null;
            try
            {
                uri = new Uri(baseUri, path.TrimStart('/'));
            }
            catch (UriFormatException)
            {
                // Described below like any other address that is not the connection's.
            }

            var escape = uri == null ? "is not a valid path" : RequestAddress.Escape(baseUri, path, uri);
            if (escape == null)
            {
                return uri!;
            }

            throw new NotionApiException(0, NotionErrorCodes.ForeignUrl,
                $"'{path}' {escape}: a request must stay under the connection's API address {baseUri} (paths under {RequestAddress.BasePath(baseUri)}), " +
                "as the token is sent only there. Give the path under it, such as v1/users/me.",
                null, method.Method, path);
        }

        private HttpRequestMessage BuildRequest(HttpMethod method, Uri uri, string? bodyText)
        {
            var request = new HttpRequestMessage(method, uri);

            // Each value is checked: the token by NotionToken, the version against the supported list, the agent when built.
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", UnwrapToken());
            request.Headers.Add("Notion-Version", Options.ApiVersion);
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

            // .NET Framework sends "Expect: 100-continue" with every body by default, a round trip more per write.
            request.Headers.ExpectContinue = false;
            if (bodyText != null)
            {
                request.Content = new StringContent(bodyText, Encoding.UTF8, "application/json");
            }

            return request;
        }

        /// <summary>A 2xx's JSON, parsed as it arrives and read no further than the limit; with -Debug, its start is logged as well.</summary>
        private async Task<Attempt> ParseSuccessAsync(HttpResponseMessage response, HttpMethod method, string path, INotionLog log, CancellationToken cancellationToken)
        {
            var content = response.Content;
            if (content == null || content.Headers.ContentLength == 0 || response.StatusCode == HttpStatusCode.NoContent)
            {
                LogBody(log, method.Method, path, null, null);
                return ParseSuccess(string.Empty, method, path);
            }

            var body = Bounded(await content.ReadAsStreamAsync().ConfigureAwait(false), response, method.Method, path, log);
            try
            {
                using (var stream = new LoneSurrogateEscapes(body))
                {
                    return Attempt.Answered(await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false));
                }
            }
            catch (JsonException ex)
            {
                return Attempt.Failed(NotAJsonAnswer(ex, method, path));
            }
            finally
            {
                LogBody(log, method.Method, path, body, content.Headers.ContentType?.CharSet);
            }
        }

        private static Attempt ParseSuccess(string text, HttpMethod method, string path)
        {
            try
            {
                return Attempt.Answered(JsonDocument.Parse(LoneSurrogateEscapes.Utf8(string.IsNullOrEmpty(text) ? "{}" : text)));
            }
            catch (JsonException ex)
            {
                return Attempt.Failed(NotAJsonAnswer(ex, method, path));
            }
        }

        /// <summary>A 2xx whose body is not JSON (a captive portal, a misconfigured proxy): a failure, never retried.</summary>
        private static NotionApiException NotAJsonAnswer(JsonException ex, HttpMethod method, string path) =>
            new NotionApiException(200, NotionErrorCodes.InvalidResponse, $"The response was not JSON: {ex.Message}", null, method.Method, path, ex);

        private static bool IsRedirect(int status) => status >= 300 && status < 400;

        /// <summary>
        /// A 3xx: never followed (the token and a body would go wherever it points, and a POST would turn
        /// into a GET), but said where it pointed so a wrong base address is easy to fix.
        /// </summary>
        private NotionApiException Redirected(HttpResponseMessage response, string method, string path)
        {
            var location = response.Headers.Location;
            var target = location == null ? "without saying where (no Location header)"
                : "to " + Redact((location.IsAbsoluteUri ? location : new Uri(response.RequestMessage?.RequestUri ?? Options.BaseUri, location)).ToString());
            var status = (int)response.StatusCode;
            return new NotionApiException(status, NotionErrorCodes.Redirect,
                $"The server redirected {target}. NotionPS does not follow redirects, so that the token and the request are never sent elsewhere.",
                null, method, path);
        }

        /// <summary>
        /// Notion's error, or a description of a body that is not one. Every text in it came from the server
        /// (which may quote the request, headers included), so the token is redacted from all of it.
        /// </summary>
        private NotionApiException ParseFailure(string text, int status, string? reasonPhrase, string method, string path)
        {
            text = Redact(text);
            try
            {
                using (var document = JsonDocument.Parse(LoneSurrogateEscapes.Utf8(text)))
                {
                    var root = document.RootElement;
                    if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
                    {
                        return new NotionApiException(status, Redact(code.GetString()!), Redact(StringOrEmpty(root, "message")), RedactOrNull(StringOrNull(root, "request_id")), method, path,
                            additionalData: root.TryGetProperty("additional_data", out var additional) ? additional.Clone() : (JsonElement?)null);
                    }
                }
            }
            catch (JsonException)
            {
                // Not Notion's error body (a proxy's HTML page, say): described from the status below.
            }

            return new NotionApiException(status, NotionErrorCodes.HttpStatusPrefix + status.ToString(CultureInfo.InvariantCulture), reasonPhrase == null ? "The server answered without a Notion error body." : Redact(reasonPhrase), null, method, path);
        }

        private static string StringOrEmpty(JsonElement element, string name) => StringOrNull(element, name) ?? string.Empty;

        private static string? StringOrNull(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private TimeSpan? ReadRetryAfter(RetryConditionHeaderValue? header)
        {
            if (header?.Delta != null)
            {
                return header.Delta.Value;
            }

            if (header?.Date != null)
            {
                return header.Date.Value - clock.UtcNow;
            }

            return null;
        }

        private string UnwrapToken() => SecureStrings.Unwrap(token);

        /// <summary>The always-redact rule of the logs and of every text from the server: the token never leaves in a message, in any spelling (<see cref="TokenRedaction"/>).</summary>
        internal string Redact(string message) => redact(message);

        /// <summary><paramref name="log"/> with every line redacted (once: a log already redacting is kept as it is).</summary>
        internal INotionLog Redacting(INotionLog log) => log as RedactingLog ?? new RedactingLog(log, Redact);

        private string? RedactOrNull(string? message) => message == null ? null : Redact(message);

        /// <summary>
        /// One HttpClient per API address. Redirects are never followed (see <see cref="Redirected"/>); a loopback
        /// address (the emulator) is reached directly, never through HTTP_PROXY or the system proxy, which
        /// would otherwise see its plain-http traffic, token included. Any other address uses the system proxy.
        /// </summary>
        private static HttpClient SharedHttpClient(Uri baseUri) =>
            HttpClientsByBaseUri.GetOrAdd(baseUri.GetLeftPart(UriPartial.Authority), _ =>
            {
                NetFrameworkTransport.EnsureModernTls();
                var handler = NetFrameworkTransport.NewHandler(allowAutoRedirect: false, useProxy: !baseUri.IsLoopback, NetFrameworkTransport.IsNetFramework);
                return new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            });

        /// <summary>A key for the token's process-wide limiter that does not reveal the token.</summary>
        private static string TokenKey(SecureString token, Uri baseUri)
        {
            var hash = SecureStrings.WithUnwrapped(token, (pointer, length) =>
            {
                var bytes = new byte[length * 2];
                Marshal.Copy(pointer, bytes, 0, bytes.Length);
                using (var sha = SHA256.Create())
                {
                    try
                    {
                        return sha.ComputeHash(bytes);
                    }
                    finally
                    {
                        Array.Clear(bytes, 0, bytes.Length);
                    }
                }
            });
            return baseUri.GetLeftPart(UriPartial.Authority) + "|" + BitConverter.ToString(hash);
        }

        private static string BuildUserAgent()
        {
            var version = typeof(NotionClient).Assembly.GetName().Version;
            var agent = $"NotionPS/{version?.ToString(3)} ({RuntimeInformation.FrameworkDescription.Trim()}; {RuntimeInformation.OSDescription.Trim()})";

            // The OS description is the system's text: kept to one header line.
            return new string(agent.Where(character => !char.IsControl(character)).ToArray());
        }
    }
}
