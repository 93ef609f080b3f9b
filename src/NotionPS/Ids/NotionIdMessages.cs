using System.Globalization;
using NotionPS.Client;

namespace NotionPS.Ids
{
    /// <summary>
    /// What each rejection tells the user: what was wrong and what to copy instead. Kept together so
    /// the wording stays consistent (and can move to a resource file as one piece).
    /// </summary>
    internal static class NotionIdMessages
    {
        private const string AcceptedHosts =
            "notion.so, notion.site and notion.com and their subdomains (www.notion.so, <workspace>.notion.site, "
            + "app.notion.com, notion:// desktop links)";

        public static string Empty(NotionIdSubject subject) =>
            "No URL or ID was given. Pass " + subject.WhatToPass + ".";

        public static string NotALinkOrId(string input, NotionIdSubject subject) => Format(
            "'{0}' is not a Notion link or ID. Pass {1}, such as 1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6.",
            Quoted(input), subject.WhatToPass);

        public static string LinkWithoutId(string input, NotionIdSubject subject) => Format(
            "'{0}' is a Notion link, but its path does not end in an ID. A Notion link ends in the 32-character ID "
            + "(after the title words and a dash) before any '?', "
            + "such as https://www.notion.so/acme/Tasks-1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6?v=... Pass {1}.",
            Quoted(input), subject.WhatToPass);

        public static string ViewIdOnly(string input, NotionIdSubject subject) => subject == NotionIdSubject.Database
            ? Format(
                "'{0}' holds only a view ID (after ?v=), not the database ID. Copy the 32 characters before the '?' "
                + "in the database's link instead. If the link has none, the database is inline on a page: "
                + "open it as a full page (••• > Open as full page) and copy that link.",
                Quoted(input))
            : Format("'{0}' holds only a view ID (after ?v=), which names no {1}. Pass {2}.", Quoted(input), subject.Noun, subject.WhatToPass);

        public static string PageIdOnly(string input, NotionIdSubject subject) => subject == NotionIdSubject.Database
            ? Format(
                "'{0}' holds only the ID of a page (after p=, the row that was open in a side peek), not the database ID. "
                + "Close the peek, open the database as a full page and copy the 32 characters before the '?' in its link.",
                Quoted(input))
            : Format("'{0}' holds only the ID of a page (after p=), not a {1}'s. Pass {2}.", Quoted(input), subject.Noun, subject.WhatToPass);

        public static string NoDiscussionId(string input, NotionIdSubject subject) => Format(
            "'{0}' names no discussion: it is a page's link, and a comment's link has its discussion's ID after d=. Pass {1}.",
            Quoted(input), subject.WhatToPass);

        public static string WrongLength(string input, string run, int digits, NotionIdSubject subject) => Format(
            "'{0}' contains '{1}', {2} hexadecimal characters where a Notion ID has exactly 32 "
            + "(together, or dashed as 8-4-4-4-12). It was probably cut short or joined to other text: "
            + "copy it again and pass it whole: {3} (in a link, the 32 characters before the '?').",
            Quoted(input), run, digits, subject.WhatToPass);

        public static string MisplacedDashes(string input, string run, NotionIdSubject subject) => Format(
            "'{0}' contains '{1}', which has 32 hexadecimal characters but dashes outside the 8-4-4-4-12 pattern "
            + "of a Notion ID. Copy it again: {2} (in a link, the 32 characters before the '?').",
            Quoted(input), run, subject.WhatToPass);

        public static string SeveralIds(string input, int count, NotionIdSubject subject) => Format(
            "'{0}' holds {1} IDs, so which {2} is meant is unclear. Pass one ID or link at a time.",
            Quoted(input), count, subject.Noun);

        public static string NotNotionHost(string input, string host) => Format(
            "'{0}' links to {1}, not to Notion. Accepted are links to " + AcceptedHosts
            + ", or a bare 32-character ID.",
            Quoted(input), host);

        public static string NotNotionScheme(string input, string scheme) => Format(
            "'{0}' is a {1}: link. Accepted are https://, http:// and notion:// links to " + AcceptedHosts
            + ", or a bare 32-character ID.",
            Quoted(input), scheme);

        /// <summary>The input as quoted: anyone's text, so its control characters shown and a long one cut (the whole input stays the error's target).</summary>
        private static string Quoted(string input) => ServerText.VisibleShort(input, 300);

        private static string Format(string format, params object[] args) =>
            string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
