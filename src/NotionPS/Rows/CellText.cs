using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace NotionPS.Rows
{
    /// <summary>
    /// The text form of a multi-valued cell, as Export-Csv writes it and Import-Csv gives it back: items
    /// joined by "; ". A backslash before ';', ',', '\' or white space makes that character literal, so an
    /// item's own ';', ',' and '\' are written "\;", "\," and "\\", and so is white space at either end of an
    /// item, which reading would otherwise trim; any other backslash is itself (Dev\Ops stays Dev\Ops).
    /// Reading also splits at an unescaped ',' (what people type). An empty list, and a list of one empty item,
    /// are both an empty cell. A files cell holds URLs, which have ';', ',' and '\' of their own but no white
    /// space: its URLs are joined by "; " as they are, and split only at a ';' or ',' followed by white space.
    /// See about_NotionPS, "Rows in CSV files".
    /// </summary>
    internal static class CellText
    {
        public const string Separator = "; ";

        private const char Escape = '\\';

        /// <summary>An ISO 8601 date or date-time at both ends of a '/': a date range's text form.</summary>
        private static readonly Regex IsoRange = new Regex(
            @"^\s*(?<start>[0-9]{4}-[0-9]{2}-[0-9]{2}[^/\s]*)\s*/\s*(?<end>[0-9]{4}-[0-9]{2}-[0-9]{2}[^/\s]*)\s*$",
            RegexOptions.CultureInvariant);

        public static string Join(IEnumerable<string> items) => string.Join(Separator, items.Select(EscapeItem));

        /// <summary>A files cell's text: its URLs joined by "; " as they are.</summary>
        public static string JoinUrls(IEnumerable<string> urls) => string.Join(Separator, urls);

        /// <summary>The items of a cell's text, in order, empty ones included.</summary>
        public static IReadOnlyList<string> Split(string text) => Split(text, urls: false);

        /// <summary>The URLs of a files cell's text, in order: split only at a ';' or ',' followed by white space, no escapes.</summary>
        public static IReadOnlyList<string> SplitUrls(string text) => Split(text, urls: true);

        /// <summary>
        /// The items of a multi-valued input (multi-select, people, relation): a text is split as
        /// <see cref="Split"/> does; the items of a list (an array, a list read from a row) are single values,
        /// never split, since whoever made the list has split already. Blank items are dropped.
        /// </summary>
        public static IReadOnlyList<object> Items(object? value) => Items(value, urls: false);

        /// <summary><see cref="Items"/> for a files cell: a text is split as <see cref="SplitUrls"/> does.</summary>
        public static IReadOnlyList<object> Urls(object? value) => Items(value, urls: true);

        /// <summary>A date range's text form ("start/end", ISO 8601) as the Start and End a date column takes; other values as they are.</summary>
        public static object DateRangeOrValue(object value)
        {
            var match = value is string text ? IsoRange.Match(text) : null;
            return match == null || !match.Success
                ? value
                : new OrderedDictionary { ["Start"] = match.Groups["start"].Value, ["End"] = match.Groups["end"].Value };
        }

        private static IReadOnlyList<object> Items(object? value, bool urls) =>
            value is string text
                ? Split(text, urls).Where(item => item.Length > 0).Cast<object>().ToList()
                : ListItems(value)
                    .Select(item => item is string single ? single.Trim() : item!)
                    .Where(item => !(item is string single) || single.Length > 0)
                    .ToList();

        /// <summary>A list's items, nested lists flattened; a dictionary (one value in Notion's shape) or any other value is one item.</summary>
        private static IEnumerable<object?> ListItems(object? value) =>
            value is IEnumerable sequence && !(value is string) && !(value is IDictionary)
                ? sequence.Cast<object?>().SelectMany(ListItems)
                : value == null ? Enumerable.Empty<object?>() : new[] { value };

        private static IReadOnlyList<string> Split(string text, bool urls)
        {
            var items = new List<string>();
            if (text.Trim().Length == 0)
            {
                return items;
            }

            // Each character with whether it was escaped: only unescaped white space is trimmed.
            var item = new List<KeyValuePair<char, bool>>();
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (!urls && c == Escape && i + 1 < text.Length && IsEscapable(text[i + 1]))
                {
                    item.Add(new KeyValuePair<char, bool>(text[++i], true));
                }
                else if ((c == ';' || c == ',') && (!urls || i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
                {
                    items.Add(Trimmed(item));
                    item.Clear();
                }
                else
                {
                    item.Add(new KeyValuePair<char, bool>(c, false));
                }
            }

            items.Add(Trimmed(item));
            return items;
        }

        private static bool IsEscapable(char c) => c == ';' || c == ',' || c == Escape || char.IsWhiteSpace(c);

        private static string EscapeItem(string item)
        {
            var escaped = new StringBuilder(item.Length + 2);
            for (var i = 0; i < item.Length; i++)
            {
                var c = item[i];
                var edgeSpace = char.IsWhiteSpace(c) && (i == 0 || i == item.Length - 1);
                if (c == Escape || c == ';' || c == ',' || edgeSpace)
                {
                    escaped.Append(Escape);
                }

                escaped.Append(c);
            }

            return escaped.ToString();
        }

        private static string Trimmed(List<KeyValuePair<char, bool>> item)
        {
            var start = 0;
            var end = item.Count;
            while (start < end && !item[start].Value && char.IsWhiteSpace(item[start].Key))
            {
                start++;
            }

            while (end > start && !item[end - 1].Value && char.IsWhiteSpace(item[end - 1].Key))
            {
                end--;
            }

            var text = new StringBuilder(end - start);
            for (var i = start; i < end; i++)
            {
                text.Append(item[i].Key);
            }

            return text.ToString();
        }
    }
}
