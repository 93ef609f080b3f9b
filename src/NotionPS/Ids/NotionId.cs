using System.Text.RegularExpressions;

namespace NotionPS.Ids
{
    /// <summary>
    /// A Notion ID on its own: 32 hexadecimal digits, written together or dashed as 8-4-4-4-12, in
    /// either case. The version nibble is never checked: Notion issues IDs that are not UUID v4.
    /// </summary>
    internal static class NotionId
    {
        /// <summary>The two written forms, as a pattern other patterns can embed.</summary>
        internal const string Pattern =
            "[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

        private static readonly Regex Whole = new Regex(
            "^(?:" + Pattern + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>
        /// Turns an ID in either written form into the dashed lowercase form the API returns.
        /// </summary>
        public static bool TryNormalize(string text, out string id)
        {
            if (!Whole.IsMatch(text))
            {
                id = string.Empty;
                return false;
            }

            var digits = text.Replace("-", string.Empty).ToLowerInvariant();
            id = digits.Substring(0, 8) + "-" + digits.Substring(8, 4) + "-" + digits.Substring(12, 4) + "-"
                + digits.Substring(16, 4) + "-" + digits.Substring(20, 12);
            return true;
        }
    }
}
