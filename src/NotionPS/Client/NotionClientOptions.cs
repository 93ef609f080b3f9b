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

        /// <summary>Average request starts per second for the token; Notion allows 3. 0 turns the limiter off.</summary>
        public double RequestsPerSecond { get; set; } = 3;

        /// <summary>
        /// How many requests may start back to back before spacing applies. Notion's own burst is larger;
        /// keeping ours small leaves its bucket room for network jitter.
        /// </summary>
        public int RateLimitBurst { get; set; } = 1;

        /// <summary>
        /// Throws <see cref="ArgumentException"/> for a base URI the token must not be sent to: not absolute,
        /// not http(s), or plain http to anything but this machine.
        /// </summary>
        public void Validate()
        {
            if (!BaseUri.IsAbsoluteUri || (BaseUri.Scheme != Uri.UriSchemeHttps && BaseUri.Scheme != Uri.UriSchemeHttp))
            {
                throw new ArgumentException($"The base URI '{BaseUri}' must be an absolute https:// address, such as {DefaultBaseUri}.", nameof(BaseUri));
            }

            if (BaseUri.Scheme == Uri.UriSchemeHttp && !BaseUri.IsLoopback)
            {
                throw new ArgumentException(
                    $"The base URI '{BaseUri}' uses plain http:// to another machine, which would send the token unencrypted. Use https://, or http:// only for an emulator on this machine (localhost, 127.0.0.1 or [::1]).",
                    nameof(BaseUri));
            }

            if (Array.IndexOf(Client.ApiVersion.Supported, ApiVersion) < 0)
            {
                throw new ArgumentException($"Notion-Version '{ApiVersion}' is not supported. Use one of: {string.Join(", ", Client.ApiVersion.Supported)}.", nameof(ApiVersion));
            }

            if (Timeout <= TimeSpan.Zero)
            {
                throw new ArgumentException("The time-out must be positive.", nameof(Timeout));
            }
        }
    }
}
