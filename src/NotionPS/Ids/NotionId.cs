using System;
using System.Text.RegularExpressions;

namespace NotionPS.Ids
{
    /// <summary>
    /// A Notion ID on its own: 32 hexadecimal digits, written together or dashed as 8-4-4-4-12, in
    /// either case, or in any other of the standard forms .NET and other tools write a GUID in:
    /// {8-4-4-4-12}, (8-4-4-4-12) and {0x...,0x...,0x...,{0x..,...}}. The version nibble is never
    /// checked: Notion issues IDs that are not UUID v4.
    /// </summary>
    internal static class NotionId
    {
        /// <summary>The two written forms, as a pattern other patterns can embed.</summary>
        internal const string Pattern =
            "[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

        private static readonly Regex Whole = new Regex(
            "^(?:" + Pattern + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        // Guid's standard formats beyond the two of Pattern: braces, parentheses, hexadecimal fields.
        private static readonly string[] GuidFormats = { "B", "P", "X" };

        /// <summary>
        /// Turns an ID in any of its written forms into the dashed lowercase form the API returns.
        /// </summary>
        public static bool TryNormalize(string text, out string id)
        {
            if (!Whole.IsMatch(text))
            {
                foreach (var format in GuidFormats)
                {
                    if (Guid.TryParseExact(text, format, out var guid))
                    {
                        id = guid.ToString("D");
                        return true;
                    }
                }

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
