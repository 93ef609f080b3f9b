using System;

namespace NotionPS.Client
{
    /// <summary>How a <see cref="NotionClient"/> talks to Notion. Validated once, when the client is made.</summary>
    internal sealed class NotionClientOptions
    {
        public const string DefaultApiVersion = "2026-03-11";
        public static readonly Uri DefaultBaseUri = new Uri("https://api.notion.com/");
        public static readonly string[] SupportedApiVersions = { "2026-03-11", "2025-09-03", "2022-06-28" };

        public Uri BaseUri { get; set; } = DefaultBaseUri;

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

            if (Array.IndexOf(SupportedApiVersions, ApiVersion) < 0)
            {
                throw new ArgumentException($"Notion-Version '{ApiVersion}' is not supported. Use one of: {string.Join(", ", SupportedApiVersions)}.", nameof(ApiVersion));
            }

            if (Timeout <= TimeSpan.Zero)
            {
                throw new ArgumentException("The time-out must be positive.", nameof(Timeout));
            }
        }
    }
}
