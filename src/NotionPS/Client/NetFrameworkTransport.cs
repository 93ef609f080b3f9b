using System;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading;

namespace NotionPS.Client
{
    /// <summary>
    /// What Windows PowerShell 5.1 (.NET Framework) needs before its HttpClientHandler, built on HttpWebRequest, can
    /// talk to Notion as PowerShell 7's does. Each decision takes the runtime as a fact, so both branches are tested anywhere.
    /// </summary>
    internal static class NetFrameworkTransport
    {
        /// <summary>
        /// Connections per host a handler may open on .NET Framework, where it starts from
        /// ServicePointManager.DefaultConnectionLimit (2 outside ASP.NET): more than the module ever has in flight at
        /// once (a read's 64 slices); the rate limiter, not the connection count, holds the pace.
        /// </summary>
        internal const int ConnectionsPerServer = 64;

        private const SecurityProtocolType Tls12 = (SecurityProtocolType)3072;
        private const SecurityProtocolType Tls13 = (SecurityProtocolType)12288;

        public static bool IsNetFramework { get; } =
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        /// <summary>A handler with <paramref name="onNetFramework"/>'s connection limit lifted; .NET (Core) has none to lift.</summary>
        public static HttpClientHandler NewHandler(bool allowAutoRedirect, bool useProxy, bool onNetFramework)
        {
            var handler = new HttpClientHandler { AllowAutoRedirect = allowAutoRedirect, UseProxy = useProxy };
            if (onNetFramework)
            {
                handler.MaxConnectionsPerServer = ConnectionsPerServer;
            }

            return handler;
        }

        /// <summary>
        /// Disposes <paramref name="response"/> when <paramref name="cancellationToken"/> fires. .NET Framework's HttpClient
        /// lets go of the token once the headers are in, and its response stream reads without one, so a stalled body
        /// would outlast the timeout and Ctrl+C; disposing the answer ends the read (.NET reads with the token anyway).
        /// </summary>
        public static CancellationTokenRegistration EndWhenCancelled(HttpResponseMessage response, CancellationToken cancellationToken) =>
            cancellationToken.Register(state => ((HttpResponseMessage)state!).Dispose(), response);

        /// <summary>
        /// What to do when the TLS handshake failed (.NET Framework's WebException status SecureChannelFailure, "The
        /// underlying connection was closed"): on Windows PowerShell that is mostly a system that offers no TLS 1.2.
        /// Empty for any other failure.
        /// </summary>
        public static string SecureChannelHint(Exception ex)
        {
            for (var inner = ex; inner != null; inner = inner.InnerException)
            {
                if (inner is WebException web && web.Status == WebExceptionStatus.SecureChannelFailure)
                {
                    return " The secure (TLS) connection could not be set up, and Notion takes TLS 1.2 or later. On Windows PowerShell 5.1 with [Net.ServicePointManager]::SecurityProtocol at SystemDefault on an older Windows, enable TLS 1.2 for .NET Framework (the SchUseStrongCrypto and SystemDefaultTlsVersions registry values) or run [Net.ServicePointManager]::SecurityProtocol = 'Tls12' before connecting.";
                }
            }

            return string.Empty;
        }

        /// <summary>
        /// Adds TLS 1.2 (and 1.3 where the runtime knows it) to ServicePointManager.SecurityProtocol on .NET Framework,
        /// which Notion requires and which Windows PowerShell leaves out (Ssl3, Tls) unless SchUseStrongCrypto is set.
        /// Process-wide, as the setting is: what the user or another module chose stays.
        /// </summary>
        public static void EnsureModernTls()
        {
            var widened = ProtocolsToSet(IsNetFramework, ServicePointManager.SecurityProtocol, Enum.IsDefined(typeof(SecurityProtocolType), Tls13));
            if (widened.HasValue)
            {
                ServicePointManager.SecurityProtocol = widened.Value;
            }
        }

        /// <summary>
        /// The protocols to set, or null to leave <paramref name="current"/> alone: on .NET (Core) the setting does not
        /// reach HttpClient, and SystemDefault (0) lets Windows choose, which offers TLS 1.2 on every Windows that runs
        /// .NET Framework 4.7.2. Otherwise TLS 1.2 and 1.3 are added and nothing is taken away.
        /// </summary>
        internal static SecurityProtocolType? ProtocolsToSet(bool onNetFramework, SecurityProtocolType current, bool tls13Known)
        {
            if (!onNetFramework || current == 0)
            {
                return null;
            }

            var wanted = current | Tls12 | (tls13Known ? Tls13 : 0);
            return wanted == current ? (SecurityProtocolType?)null : wanted;
        }
    }
}
