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

        public const int MaximumRateLimitBurst = 1000;

        /// <summary>The longest Retry-After (of a 429 or 529) that is waited out; a longer one fails at once instead of hanging.</summary>
        public TimeSpan MaximumRetryWait { get; set; } = RetryPolicy.DefaultMaximumWait;

        internal static readonly string RequestsPerSecondRange = FormattableString.Invariant(
            $"The requests per second must be 0 (no limit) or between {MinimumRequestsPerSecond:0.####} (one a minute) and {MaximumRequestsPerSecond:0}.");

        /// <summary>Whether <paramref name="requestsPerSecond"/> is 0 (no limit) or within the supported range.</summary>
        public static bool IsValidRequestsPerSecond(double requestsPerSecond) =>
            requestsPerSecond == 0 || (requestsPerSecond >= MinimumRequestsPerSecond && requestsPerSecond <= MaximumRequestsPerSecond);

        /// <summary>
        /// <paramref name="uri"/> as it may be shown in a message: without a user name and password, should it carry them.
        /// </summary>
        public static string Display(Uri uri) =>
            uri.IsAbsoluteUri ? uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped) : uri.OriginalString;

        /// <summary>
        /// Throws <see cref="ArgumentException"/> for a base URI the token must not be sent to: not absolute,
        /// not http(s), carrying a user name or password, or plain http to anything but this machine.
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

            if (BaseUri.Scheme == Uri.UriSchemeHttp && !BaseUri.IsLoopback)
            {
                throw new ArgumentException(
                    $"The base URI '{shown}' uses plain http:// to another machine, which would send the token unencrypted. Use https://, or http:// only for an emulator on this machine (localhost, 127.0.0.1 or [::1]).",
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

            if (RequestsPerMinute < 0 || RequestsPerMinute > MaximumRequestsPerMinute)
            {
                throw new ArgumentException(FormattableString.Invariant($"The requests per minute must be 0 (not used) or between 1 and {MaximumRequestsPerMinute}."), nameof(RequestsPerMinute));
            }

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
    }
}
