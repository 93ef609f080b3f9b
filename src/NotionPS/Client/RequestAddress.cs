using System;
using System.Linq;

namespace NotionPS.Client
{
    /// <summary>
    /// Whether a request's address, as the runtime built it, stays under the connection's API address: the token goes only there.
    /// A gateway's base URI such as https://gateway.example/notion/ shares its host with other services, so the host is not enough.
    /// </summary>
    internal static class RequestAddress
    {
        /// <summary>
        /// Null when <paramref name="path"/>, resolved as <paramref name="uri"/>, stays under <paramref name="baseUri"/>: same scheme,
        /// user info, host and port, and a path that starts with the base path segment-wise; else how it leaves it, for the refusal.
        /// No path of Notion's API has a dot segment, so one is refused however it is spelled ("..", "%2e%2e", "..%2f", "..\"):
        /// Uri resolves some spellings itself, and a server or proxy that decodes the path first may resolve the others above the
        /// base path. An ID put in a path (<see cref="Segment"/>) can therefore not change the address either.
        /// </summary>
        public static string? Escape(Uri baseUri, string path, Uri uri)
        {
            if (HasDotSegment(path))
            {
                return "has a . or .. segment, which no Notion path has";
            }

            if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            {
                return $"is a {uri.Scheme}: address";
            }

            if (Uri.Compare(uri, baseUri, UriComponents.Scheme | UriComponents.UserInfo | UriComponents.Host | UriComponents.StrongPort, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                return "leads to " + uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
            }

            return uri.AbsolutePath.StartsWith(BasePath(baseUri), StringComparison.Ordinal)
                ? null
                : "leads to " + uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        }

        /// <summary>
        /// An ID (of a block, page, data source or file upload, as given or as Notion answered) as one segment of a request's path:
        /// escaped, so a slash, ?, # or % in it cannot reach another endpoint; "." and ".." are left for <see cref="Escape"/> to refuse.
        /// </summary>
        public static string Segment(string id) => Uri.EscapeDataString(id);

        /// <summary>Whether the path part of <paramref name="path"/> (before any query or fragment), percent-decoded, has a "." or ".." segment.</summary>
        private static bool HasDotSegment(string path)
        {
            var end = path.IndexOfAny(new[] { '?', '#' });
            var decoded = Uri.UnescapeDataString(end < 0 ? path : path.Substring(0, end));
            return decoded.Split('/', '\\').Any(segment => segment == "." || segment == "..");
        }

        /// <summary>The base URI's path with a trailing slash, so /api/ is not taken as the start of /apix/.</summary>
        public static string BasePath(Uri baseUri) =>
            baseUri.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? baseUri.AbsolutePath : baseUri.AbsolutePath + "/";
    }
}
