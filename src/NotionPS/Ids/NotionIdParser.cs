using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace NotionPS.Ids
{
    /// <summary>
    /// Finds the database ID in what a person copied from Notion: a bare ID, any of the link forms
    /// Notion produces (workspace and title-prefixed paths, notion.site, app.notion.com, notion://
    /// desktop links, peek links, fragments), or the tail of one. Where the input does not clearly
    /// hold an ID it says so rather than guess: a view ID, a peeked row or a truncated run of hex
    /// is never taken for the database.
    /// </summary>
    internal static class NotionIdParser
    {
        private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

        // Notion writes the ID at the end of the last path segment, after the title words and a dash.
        private static readonly Regex TrailingId = new Regex("(?:^|-)(?<id>" + NotionId.Pattern + ")$", Options);

        // Near misses, told apart from titles by having at least 16 digits: five dash-separated
        // groups (a dashed ID with a group cut or misplaced) or one undashed run. Matched from the
        // end: tried from the left, a long run of digits that does not reach the end is scanned
        // again from each of its digits (200 KB took minutes).
        private static readonly Regex TrailingDashedRun = new Regex("(?:^|-)(?<run>(?:[0-9a-f]+-){4}[0-9a-f]+)$", Options | RegexOptions.RightToLeft);
        private static readonly Regex TrailingHexRun = new Regex("(?<run>[0-9a-f]+)$", Options | RegexOptions.RightToLeft);
        private const int NearMissMinimumDigits = 16;

        // An ID in any written form that is not part of a longer run of hexadecimal digits.
        private static readonly Regex StandaloneId = new Regex(@"(?<![0-9a-f])(?:" + NotionId.Pattern + @"|\{0x[0-9a-f]{1,8},0x[0-9a-f]{1,4},0x[0-9a-f]{1,4},\{(?:0x[0-9a-f]{1,2},){7}0x[0-9a-f]{1,2}\}\})(?![0-9a-f])", Options);

        // "notion.so/..." and "www.notion.so/..." pasted without a scheme.
        private static readonly Regex StartsWithHost = new Regex(@"^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::[0-9]+)?(?:[/?#]|$)", Options);

        private static readonly string[] AcceptedSchemes = { "https", "http", "notion" };
        private static readonly string[] NotionDomains = { "notion.so", "notion.site", "notion.com" };

        // Pairs a copy from chat, mail, Markdown or a shell may wrap around a link.
        private static readonly (char Open, char Close)[] Wrappers =
        {
            ('"', '"'), ('\'', '\''), ('`', '`'), ('<', '>'), ('\u201C', '\u201D'), ('\u2018', '\u2019'), ('\u00AB', '\u00BB'),
        };

        // Characters char.IsWhiteSpace misses that copy-paste still brings along.
        private static readonly char[] InvisibleCharacters = { '\u200B', '\uFEFF' };

        /// <param name="subject">What the ID is wanted for, named by a rejection's message; a database when not given.</param>
        public static NotionIdParseResult Parse(string? input, NotionIdSubject? subject = null)
        {
            subject ??= NotionIdSubject.Database;
            // Messages quote the input as unwrapped ("shown"): what the person meant to pass.
            var text = Unwrap(input ?? string.Empty);
            if (input is null || text.Length == 0)
            {
                return new RejectedNotionId(NotionIdProblem.Empty, NotionIdMessages.Empty(subject));
            }

            // Text that is no link and holds several IDs before any '?' (where a link's tail keeps its view) is never
            // narrowed to one of them: which one was meant is unclear.
            if (!IsLink(text))
            {
                var ids = StandaloneId.Matches(text.Split('?', '#')[0]);
                if (ids.Count > 1)
                {
                    var found = ids.Cast<Match>().Select(match => NotionId.TryNormalize(match.Value, out var id) ? id : match.Value).ToList();
                    return new RejectedNotionId(NotionIdProblem.SeveralIds, NotionIdMessages.SeveralIds(text, ids.Count, subject), found);
                }
            }

            return ParseUnwrapped(input, text, subject);
        }

        private static bool IsLink(string text) => text.Contains("://") || StartsWithHost.IsMatch(text);

        private static NotionIdParseResult ParseUnwrapped(string input, string text, NotionIdSubject subject)
        {
            if (NotionId.TryNormalize(text, out var id))
            {
                return new ParsedNotionId(input, id, viewId: null, pageId: null);
            }

            if (IsLink(text))
            {
                return ParseLink(text.Contains("://") ? text : "https://" + text, input, text, subject);
            }

            // Not a link: perhaps its last segment ("Tasks-<id>?v=...", "Page-<id>#<block>") or text that holds no ID.
            // A longer path ("acme/Tasks-<id>", "localhost/<id>") could come from any host, so it is refused.
            var hash = text.IndexOf('#');
            var pathAndQuery = (hash < 0 ? text : text.Substring(0, hash)).Split(new[] { '?' }, 2);
            if (pathAndQuery[0].Contains("/"))
            {
                return new RejectedNotionId(NotionIdProblem.NoId, NotionIdMessages.NotALinkOrId(text, subject));
            }

            var location = new LinkLocation(pathAndQuery[0], pathAndQuery.Length > 1 ? pathAndQuery[1] : string.Empty, hash < 0 ? string.Empty : text.Substring(hash + 1));
            return ParseLocation(location, input, text, isLink: false, subject);
        }

        private static NotionIdParseResult ParseLink(string link, string input, string shown, NotionIdSubject subject)
        {
            if (!Uri.TryCreate(link, UriKind.Absolute, out var uri))
            {
                return new RejectedNotionId(NotionIdProblem.NoId, NotionIdMessages.NotALinkOrId(shown, subject));
            }

            if (!AcceptedSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
            {
                return new RejectedNotionId(NotionIdProblem.NotNotionLink, NotionIdMessages.NotNotionScheme(shown, uri.Scheme));
            }

            var host = uri.Host.TrimEnd('.');
            if (!NotionDomains.Any(domain => host.Equals(domain, StringComparison.OrdinalIgnoreCase)
                || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase)))
            {
                return new RejectedNotionId(NotionIdProblem.NotNotionLink, NotionIdMessages.NotNotionHost(shown, uri.Host));
            }

            return ParseLocation(new LinkLocation(uri.AbsolutePath, uri.Query.TrimStart('?'), uri.Fragment.TrimStart('#')), input, shown, isLink: true, subject);
        }

        private static NotionIdParseResult ParseLocation(LinkLocation location, string input, string shown, bool isLink, NotionIdSubject subject)
        {
            switch (subject.LinkPart)
            {
                case NotionLinkPart.Fragment when FromFragment(location.Fragment, input, shown, subject) is { } block:
                    return block;
                case NotionLinkPart.DiscussionQuery:
                    return FromDiscussionQuery(location.Query, input, shown, subject);
            }

            var query = location.Query;
            var lastSegment = Uri.UnescapeDataString(location.Path.Split('/').LastOrDefault(segment => segment.Length > 0) ?? string.Empty);
            var viewValue = QueryValue(query, "v");
            var pageValue = QueryValue(query, "p");

            var match = TrailingId.Match(lastSegment);
            if (match.Success && NotionId.TryNormalize(match.Groups["id"].Value, out var id))
            {
                return new ParsedNotionId(input, id, NormalizeOrNull(viewValue), NormalizeOrNull(pageValue));
            }

            if (FindNearMiss(lastSegment, shown, subject) is { } nearMiss)
            {
                return nearMiss;
            }

            // A link to a side peek (?p=) without the database's ID names the page the person wants, when a page is wanted.
            if (subject.TakesPeekedPage && NormalizeOrNull(pageValue) is { } peeked)
            {
                return new ParsedNotionId(input, peeked, NormalizeOrNull(viewValue), peeked);
            }

            if (viewValue != null)
            {
                return new RejectedNotionId(NotionIdProblem.ViewIdOnly, NotionIdMessages.ViewIdOnly(shown, subject));
            }

            if (pageValue != null)
            {
                return new RejectedNotionId(NotionIdProblem.PageIdOnly, NotionIdMessages.PageIdOnly(shown, subject));
            }

            return new RejectedNotionId(
                NotionIdProblem.NoId,
                isLink ? NotionIdMessages.LinkWithoutId(shown, subject) : NotionIdMessages.NotALinkOrId(shown, subject));
        }

        /// <summary>
        /// The block after the '#' of a "Copy link to block" link (spaces and tabs around it trimmed), a refusal for an ID cut short there, or null when the
        /// link has no ID after a '#' (then the path's page is the block: the API takes a page's ID for a block's).
        /// </summary>
        private static NotionIdParseResult? FromFragment(string fragment, string input, string shown, NotionIdSubject subject)
        {
            // "# <id>", written as a heading is: the spaces around the ID are no part of it.
            var text = Uri.UnescapeDataString(fragment).Trim(' ', '\t');
            return NotionId.TryNormalize(text, out var id)
                ? new ParsedNotionId(input, id, viewId: null, pageId: null)
                : FindNearMiss(text, shown, subject);
        }

        /// <summary>
        /// The discussion in d= of a comment's link. The rest of a link names a page, never a discussion: a link
        /// without d= is refused rather than taken for one.
        /// </summary>
        private static NotionIdParseResult FromDiscussionQuery(string query, string input, string shown, NotionIdSubject subject)
        {
            var discussion = QueryValue(query, "d");
            if (NormalizeOrNull(discussion) is { } id)
            {
                return new ParsedNotionId(input, id, viewId: null, pageId: null);
            }

            return (discussion == null ? null : FindNearMiss(discussion, shown, subject))
                ?? new RejectedNotionId(NotionIdProblem.NoDiscussionId, NotionIdMessages.NoDiscussionId(shown, subject));
        }

        private static RejectedNotionId? FindNearMiss(string segment, string shown, NotionIdSubject subject)
        {
            var dashed = TrailingDashedRun.Match(segment);
            var run = dashed.Success ? dashed.Groups["run"].Value : TrailingHexRun.Match(segment).Groups["run"].Value;
            var digits = run.Count(character => character != '-');
            if (digits < NearMissMinimumDigits || (digits == 32 && !dashed.Success))
            {
                // Too short to have been meant as an ID, or a whole ID glued to other text.
                return null;
            }

            return digits == 32
                ? new RejectedNotionId(NotionIdProblem.MalformedId, NotionIdMessages.MisplacedDashes(shown, run, subject))
                : new RejectedNotionId(NotionIdProblem.MalformedId, NotionIdMessages.WrongLength(shown, run, digits, subject));
        }

        private static string? QueryValue(string query, string name)
        {
            foreach (var pair in query.Split('&'))
            {
                var separator = pair.IndexOf('=');
                if (separator > 0 && pair.Substring(0, separator) == name)
                {
                    return Uri.UnescapeDataString(pair.Substring(separator + 1));
                }
            }

            return null;
        }

        private static string? NormalizeOrNull(string? value) =>
            value != null && NotionId.TryNormalize(value, out var id) ? id : null;

        /// <summary>
        /// The input without the whitespace, invisible characters and wrapping pairs around it. Moves two
        /// indexes inward and copies once, so however many layers there are it stays linear in the length.
        /// </summary>
        private static string Unwrap(string input)
        {
            var start = 0;
            var end = input.Length;
            SkipInvisible(input, ref start, ref end);
            while (end - start >= 2 && Wrappers.Any(pair => input[start] == pair.Open && input[end - 1] == pair.Close))
            {
                start++;
                end--;
                SkipInvisible(input, ref start, ref end);
            }

            return input.Substring(start, end - start);
        }

        private static void SkipInvisible(string text, ref int start, ref int end)
        {
            while (start < end && IsInvisible(text[start]))
            {
                start++;
            }

            while (end > start && IsInvisible(text[end - 1]))
            {
                end--;
            }
        }

        private static bool IsInvisible(char character) => char.IsWhiteSpace(character) || Array.IndexOf(InvisibleCharacters, character) >= 0;

        /// <summary>A link's parts after the host (or a link's tail's): the path, the query without its '?', the fragment without its '#'.</summary>
        private sealed class LinkLocation
        {
            public LinkLocation(string path, string query, string fragment)
            {
                Path = path;
                Query = query;
                Fragment = fragment;
            }

            public string Path { get; }

            public string Query { get; }

            public string Fragment { get; }
        }
    }
}
