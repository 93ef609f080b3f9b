using System;

namespace NotionPS.Client
{
    /// <summary>How a <see cref="NotionClient"/> talks to Notion. Validated once, when the client is made.</summary>
    internal sealed class NotionClientOptions
    {
        public const string DefaultApiVersion = Client.ApiVersion.Latest;
        public static readonly Uri DefaultBaseUri = new Uri("https://api.notion.com/");

        private Uri baseUri = DefaultBaseUri;

        /// <summary>Where the API lives; kept with a trailing slash so a path prefix (a proxy's /notion/) is not lost when paths are added.</summary>
        public Uri BaseUri
        {
            get => baseUri;
            set => baseUri = value.IsAbsoluteUri && !value.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? new Uri(value.AbsoluteUri + "/") : value;
        }

        public string ApiVersion { get; set; } = DefaultApiVersion;

        /// <summary>
        /// The most of one answer's body the client reads: 64 MiB. Notion's largest answers are a page of 100 rows or of 100
        /// blocks, usually well under 1 MB (a page of rows with a dozen columns is about 175 KB); even 100 blocks each at
        /// Notion's limit of 100 rich-text items of 2,000 characters is 20 million characters, about 60 MB were every one a
        /// 3-byte character. An answer longer than this is no answer of Notion's (a broken proxy, a server that never ends
        /// it) and is refused instead of filling memory. Settable for tests only.
        /// </summary>
        internal long MaximumAnswerBytes { get; set; } = 64L * 1024 * 1024;

        /// <summary>The most of one answer's body the -Debug log shows: 1 MiB keeps a page of rows whole and bounds the rest.</summary>
        internal int DebugAnswerBytes { get; set; } = 1024 * 1024;

        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

        public int MaximumRetryCount { get; set; } = 5;

        /// <summary>The slowest limit: one request a minute. Slower would leave the limiter's wait beyond what it can hold.</summary>
        public const double MinimumRequestsPerSecond = 1.0 / 60;

        public const double MaximumRequestsPerSecond = 1000;

        /// <summary>
        /// Average request starts per second for the token; Notion allows 3. 0 turns the limiter off; otherwise
        /// between <see cref="MinimumRequestsPerSecond"/> and <see cref="MaximumRequestsPerSecond"/>.
        /// </summary>
        public double RequestsPerSecond { get; set; } = 3;

        /// <summary>
        /// How many requests may start back to back before spacing applies. Notion's own burst is larger;
        /// keeping ours small leaves its bucket room for network jitter.
        /// </summary>
        public int RateLimitBurst { get; set; } = 1;

        /// <summary>
        /// A budget of request starts per 60 seconds (Notion's current wording of the connection limit), spent at any
        /// pace but never more in any 60 seconds; replaces <see cref="RequestsPerSecond"/> when above 0.
        /// </summary>
        public int RequestsPerMinute { get; set; }

        public const int MaximumRequestsPerMinute = 60000;

        /// <summary>
        /// The workspace's budget of request starts per 60 seconds, as the user declares it (Notion scales it to the
        /// plan and does not say it before it is spent): above 0, every connection of the workspace in the process is
        /// paced by one limiter at this budget, besides its own limit. 0: not declared.
        /// </summary>
        public int WorkspaceRequestsPerMinute { get; set; }

        public const int MaximumRateLimitBurst = 1000;

        /// <summary>The longest Retry-After (of a 429 or 529) that is waited out; a longer one fails at once instead of hanging.</summary>
        public TimeSpan MaximumRetryWait { get; set; } = RetryPolicy.DefaultMaximumWait;

        internal static readonly string RequestsPerSecondRange = FormattableString.Invariant(
            $"The requests per second must be 0 (no limit) or between {MinimumRequestsPerSecond:0.####} (one a minute) and {MaximumRequestsPerSecond:0}.");

        /// <summary>Whether <paramref name="requestsPerSecond"/> is 0 (no limit) or within the supported range.</summary>
        public static bool IsValidRequestsPerSecond(double requestsPerSecond) =>
            requestsPerSecond == 0 || (requestsPerSecond >= MinimumRequestsPerSecond && requestsPerSecond <= MaximumRequestsPerSecond);

        /// <summary>
        /// <paramref name="uri"/> as it may be shown in a message: without a user name and password, a query or a fragment, should it carry them.
        /// </summary>
        public static string Display(Uri uri) =>
            uri.IsAbsoluteUri ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : uri.OriginalString;

        /// <summary>
        /// Throws <see cref="ArgumentException"/> for a base URI the token must not be sent to: not absolute,
        /// not http(s), carrying a user name or password, or plain http to anything but this machine; or one ending in /v1.
        /// </summary>
        public void Validate()
        {
            var shown = Display(BaseUri);
            if (!BaseUri.IsAbsoluteUri || (BaseUri.Scheme != Uri.UriSchemeHttps && BaseUri.Scheme != Uri.UriSchemeHttp))
            {
                throw new ArgumentException($"The base URI '{shown}' must be an absolute https:// address, such as {DefaultBaseUri}.", nameof(BaseUri));
            }

            if (BaseUri.UserInfo.Length > 0)
            {
                throw new ArgumentException(
                    $"The base URI '{shown}' carries a user name or password before its host (user:password@), which NotionPS does not send: the token is the only credential. Give the address without it.",
                    nameof(BaseUri));
            }

            // A request's address is the base URI's path and its own (v1/users/me): a query or fragment would be dropped unseen.
            if (BaseUri.Query.Length > 0 || BaseUri.Fragment.Length > 0)
            {
                throw new ArgumentException(
                    $"The base URI '{shown}' has a query (?...) or fragment (#...), which NotionPS does not send: each request goes to the base URI's path followed by its own. Give the address without it.",
                    nameof(BaseUri));
            }

            if (BaseUri.Scheme == Uri.UriSchemeHttp && !BaseUri.IsLoopback)
            {
                throw new ArgumentException(
                    $"The base URI '{shown}' uses plain http:// to another machine, which would send the token unencrypted. Use https://, or http:// only for an emulator on this machine (localhost, 127.0.0.1 or [::1]).",
                    nameof(BaseUri));
            }

            // Notion's docs show addresses as https://api.notion.com/v1/...; every path here starts with v1/ already.
            if (BaseUri.AbsolutePath.EndsWith("/v1/", StringComparison.OrdinalIgnoreCase))
            {
                var withoutV1 = new UriBuilder(BaseUri) { Path = BaseUri.AbsolutePath.Substring(0, BaseUri.AbsolutePath.Length - "v1/".Length) }.Uri;
                throw new ArgumentException(
                    $"The base URI '{shown}' ends in /v1: give {Display(withoutV1)} instead. NotionPS adds v1/ to every request itself (v1/users/me), so this address would send them to /v1/v1/.",
                    nameof(BaseUri));
            }

            if (Array.IndexOf(Client.ApiVersion.Supported, ApiVersion) < 0)
            {
                throw new ArgumentException($"Notion-Version '{ApiVersion}' is not supported. Use one of: {string.Join(", ", Client.ApiVersion.Supported)}.", nameof(ApiVersion));
            }

            if (!IsValidRequestsPerSecond(RequestsPerSecond))
            {
                throw new ArgumentException(RequestsPerSecondRange, nameof(RequestsPerSecond));
            }

            CheckPerMinute(RequestsPerMinute, nameof(RequestsPerMinute), "requests per minute");
            CheckPerMinute(WorkspaceRequestsPerMinute, nameof(WorkspaceRequestsPerMinute), "workspace's requests per minute");

            if (RateLimitBurst < 1 || RateLimitBurst > MaximumRateLimitBurst)
            {
                throw new ArgumentException(FormattableString.Invariant($"The burst must be between 1 and {MaximumRateLimitBurst}."), nameof(RateLimitBurst));
            }

            if (MaximumRetryWait < TimeSpan.Zero)
            {
                throw new ArgumentException("The longest retry wait cannot be negative.", nameof(MaximumRetryWait));
            }

            if (Timeout <= TimeSpan.Zero)
            {
                throw new ArgumentException("The time-out must be positive.", nameof(Timeout));
            }
        }

        private static void CheckPerMinute(int budget, string name, string description)
        {
            if (budget < 0 || budget > MaximumRequestsPerMinute)
            {
                throw new ArgumentException(FormattableString.Invariant($"The {description} must be 0 (not used) or between 1 and {MaximumRequestsPerMinute}."), name);
            }
        }
    }
}
