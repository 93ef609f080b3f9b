using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using NotionPS.Client;

namespace NotionPS.Ids
{
    /// <summary>
    /// The one rule for a URL the user gives that NotionPS stores in Notion for every reader (a link or file in page content,
    /// a bookmark or embed, a comment's link, a page icon or cover, a files cell): an absolute http(s) URL with a host, and
    /// no user name or password in it. Such credentials would be shown to anyone who can read the page, and browsers do not
    /// send them with the request for an image or other file a page shows (WHATWG Fetch), so it never loaded anyway.
    /// </summary>
    internal static class WebUrls
    {
        /// <summary>
        /// Why a URL with credentials is refused, and what to do instead: the end of every such error. For a file the page
        /// shows or embeds (<paramref name="isShown"/>: an image, a cover, a video, an embed), also why it never worked.
        /// </summary>
        public static string CredentialsRefused(bool isShown) =>
            "holds a user name or password (user:password@host), which Notion would show to everyone who can read the page"
            + (isShown
                ? ", and which browsers do not send when a page shows the file, so it would not load there anyway. Remove them and give a URL that needs no password, or upload the file instead."
                : ". Remove them and give a URL that needs no password.");

        /// <summary>The user info is shown as this in a message, never as written.</summary>
        private const string Mask = "***";

        // What comes before an authority, as the WHATWG URL parser reads it (once tabs and line breaks are out, see AsBrowsersRead):
        // after a special scheme (https:, http:, ftp:, ws:, wss:, file:) any run of '/' and '\', none included (https:user@host,
        // https:///user@host); after another scheme "//"; or "//" and more alone (a scheme-relative URL). The special schemes
        // come first: "https://" must not end the match before a third slash.
        private static readonly Regex AuthorityStart = new Regex(
            @"^(?:(?:https?|ftp|wss?|file):[/\\]*|[A-Za-z][A-Za-z0-9+.-]*:[/\\]{2}|[/\\]{2,})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>Whether <paramref name="url"/> is an absolute http:// or https:// URL with a host.</summary>
        public static bool IsWebUrl(string url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;

        /// <summary>Whether <paramref name="url"/> holds user info, a name or password before an '@' in its authority, as browsers read it (tabs and line breaks in it ignored).</summary>
        public static bool HasCredentials(string url) => UserInfo(url).Length > 0;

        /// <summary>
        /// <paramref name="url"/> as a message may quote it: its user info as "***", control characters made visible, cut
        /// short (<see cref="ServerText.VisibleShort"/>).
        /// </summary>
        public static string Shown(string url)
        {
            var (start, length) = UserInfo(url);
            return ServerText.VisibleShort(length == 0 ? url : url.Substring(0, start) + Mask + url.Substring(start + length));
        }

        /// <summary>
        /// Where the user info of <paramref name="url"/> starts and how long it is, up to its last '@' before the path, in
        /// <paramref name="url"/> as written (tabs and line breaks in it included); (0, 0) when it has none.
        /// </summary>
        private static (int Start, int Length) UserInfo(string url)
        {
            var (read, positions) = AsBrowsersRead(url);
            var start = AuthorityStart.Match(read);
            if (!start.Success)
            {
                return (0, 0);
            }

            var authorityEnd = read.IndexOfAny(new[] { '/', '\\', '?', '#' }, start.Length);
            var at = read.LastIndexOf('@', (authorityEnd < 0 ? read.Length : authorityEnd) - 1, (authorityEnd < 0 ? read.Length : authorityEnd) - start.Length);
            return at < 0 ? (0, 0) : (positions[start.Length], positions[at] - positions[start.Length]);
        }

        /// <summary>
        /// <paramref name="url"/> as browsers read it (WHATWG URL parsing): C0 controls and spaces around it and every tab, LF
        /// and CR in it removed, so ht\ttps://user:pass\n@host is https://user:pass@host; with the position in
        /// <paramref name="url"/> of each character read (and, last, of the end).
        /// </summary>
        private static (string Read, int[] Positions) AsBrowsersRead(string url)
        {
            var first = 0;
            var last = url.Length - 1;
            while (first <= last && url[first] <= ' ')
            {
                first++;
            }

            while (last >= first && url[last] <= ' ')
            {
                last--;
            }

            var read = new System.Text.StringBuilder(last - first + 1);
            var positions = new List<int>(last - first + 2);
            for (var index = first; index <= last; index++)
            {
                if (url[index] != '\t' && url[index] != '\n' && url[index] != '\r')
                {
                    read.Append(url[index]);
                    positions.Add(index);
                }
            }

            positions.Add(last + 1);
            return (read.ToString(), positions.ToArray());
        }
    }
}
