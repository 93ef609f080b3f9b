using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotionPS.Client;

namespace NotionPS.Rows
{
    /// <summary>
    /// Plain values to Notion property values, by the column's type in the schema. Values that cannot be
    /// converted throw <see cref="RowValueException"/>; empty values clear the column.
    /// </summary>
    internal static class PropertyWriter
    {
        /// <summary>Notion's limit on one text item's content.</summary>
        public const int TextItemLimit = 2000;

        private static readonly HashSet<string> ReadOnlyTypes = new HashSet<string>(StringComparer.Ordinal)
        {
            "formula", "rollup", "created_time", "created_by", "last_edited_time", "last_edited_by", "unique_id", "button", "verification",
        };

        private static readonly Regex IdPattern = new Regex("^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly string[] TrueWords = { "true", "yes", "y", "1", "x", "on", "checked" };
        private static readonly string[] FalseWords = { "false", "no", "n", "0", "off", "unchecked" };

        /// <summary>Types Notion computes or sets itself: never written.</summary>
        public static bool IsReadOnly(string type) => ReadOnlyTypes.Contains(type);

        /// <summary>The columns of <paramref name="schema"/> (name to type) that can be written, in its order: those a refusal offers instead.</summary>
        public static IReadOnlyList<string> WritableColumns(IReadOnlyDictionary<string, string> schema) =>
            schema.Where(column => !IsReadOnly(column.Value)).Select(column => column.Key).ToList();

        /// <summary>The property value for a column of <paramref name="type"/>, such as <c>{"number": 3}</c>.</summary>
        /// <param name="source">Where the value came from: a URL the user gives in a url or files cell is checked (<see cref="CellUrls"/>), one Notion held is kept.</param>
        /// <param name="files">For a files column: how local files are found, and where the items to upload go (see <see cref="FileCells"/>).</param>
        /// <param name="options">For a select, multi-select or status column: its options, which a name takes ignoring case (see <see cref="OptionName"/>).</param>
        public static JsonObject ToPropertyValue(string column, string type, object? value, RowSource source, FileCellWriting? files = null, IReadOnlyList<string>? options = null)
        {
            // DBNull (what SQL exports give) is empty in every column type.
            value = value is DBNull ? null : value;
            try
            {
                return new JsonObject { [type] = type == "files" ? FileCells.Write(column, value, source, files) : ValueFor(column, type, value, source, options) };
            }
            catch (FormatException ex)
            {
                throw new RowValueException(column, type, value, ex.Message);
            }
            catch (OverflowException ex)
            {
                throw new RowValueException(column, type, value, ex.Message);
            }
        }

        private static JsonNode? ValueFor(string column, string type, object? value, RowSource source, IReadOnlyList<string>? options)
        {
            if (IsReadOnly(type))
            {
                throw new RowValueException(column, type, value, "Notion computes this column; it cannot be written.");
            }

            switch (type)
            {
                case "title":
                case "rich_text":
                    return TextItems(column, type, value);
                case "number":
                    return PlainValues.IsEmpty(value) ? null : JsonValue.Create(Number(column, value!));
                case "select":
                case "status":
                    return PlainValues.IsEmpty(value) ? null : new JsonObject { ["name"] = OptionName(column, type, value!, options) };
                case "multi_select":
                    return new JsonArray(OptionNames(column, type, value, source, options).Select(name => (JsonNode)new JsonObject { ["name"] = name }).ToArray());
                case "date":
                    return PlainValues.IsEmpty(value) ? null : Date(column, CellText.DateRangeOrValue(value!));
                case "checkbox":
                    return JsonValue.Create(Checkbox(value));
                case "url":
                    return PlainValues.IsEmpty(value) ? null : JsonValue.Create(CellUrls.Checked(column, PlainValues.Text(value).Trim(), source));
                case "email":
                case "phone_number":
                    return PlainValues.IsEmpty(value) ? null : JsonValue.Create(PlainValues.Text(value).Trim());
                case "people":
                    return new JsonArray(CellText.Items(value).Select(item => (JsonNode)new JsonObject { ["object"] = "user", ["id"] = Id(column, type, item, "Id") }).ToArray());
                case "relation":
                    return new JsonArray(CellText.Items(value).Select(item => (JsonNode)new JsonObject { ["id"] = Id(column, type, item, "PageId", "Id") }).ToArray());
                default:
                    if (value is IDictionary)
                    {
                        // A type NotionPS does not know: the caller gave the value in Notion's own shape.
                        return PlainValues.ToJson(value, column);
                    }

                    throw new RowValueException(column, type, value, $"NotionPS does not know how to write a '{type}' column; give the value as a hashtable in Notion's own shape, or use Invoke-NotionApi.");
            }
        }

        /// <summary>A text column's items, refused before sending when Notion would refuse them (more than its 100 items).</summary>
        private static JsonArray TextItems(string column, string type, object? value)
        {
            var text = PlainValues.IsEmpty(value) ? string.Empty : PlainValues.Text(value);
            var items = RichText(text);
            if (items.Count > Content.RichText.MaxItems)
            {
                throw new RowValueException(column, type, value,
                    $"it is {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long, and Notion takes at most {Content.RichText.MaxItems} text items "
                    + $"of {TextItemLimit.ToString("N0", CultureInfo.InvariantCulture)} characters in one value. Shorten the text.");
            }

            return items;
        }

        /// <summary>Text as rich-text items of at most 2000 characters each, never splitting a surrogate pair.</summary>
        public static JsonArray RichText(string text)
        {
            var items = new JsonArray();
            var start = 0;
            while (start < text.Length)
            {
                var length = Math.Min(TextItemLimit, text.Length - start);
                if (length == TextItemLimit && start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
                {
                    length--;
                }

                items.Add(new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["content"] = text.Substring(start, length) } });
                start += length;
            }

            return items;
        }

        /// <summary>A number from a .NET number or from text, by the culture-free rule of <see cref="CultureFreeText"/>.</summary>
        public static double Number(string column, object value) =>
            PlainValues.IsNumber(value) ? CultureFreeText.Number((IFormattable)value, column) : CultureFreeText.Number(PlainValues.Text(value), column);

        public static bool Checkbox(object? value)
        {
            switch (value)
            {
                case null:
                    return false;
                case bool flag:
                    return flag;
                default:
                    if (PlainValues.IsNumber(value))
                    {
                        return System.Convert.ToDouble(value, CultureInfo.InvariantCulture) != 0;
                    }

                    var text = PlainValues.ToInvariantString(value).Trim();
                    if (text.Length == 0 || FalseWords.Contains(text, StringComparer.OrdinalIgnoreCase))
                    {
                        return false;
                    }

                    if (TrueWords.Contains(text, StringComparer.OrdinalIgnoreCase))
                    {
                        return true;
                    }

                    throw new FormatException("not true or false (use true/false, yes/no or 1/0).");
            }
        }

        /// <summary>
        /// A date property value from a DateTime, a DateTimeOffset, a <see cref="NotionDateRange"/>, text
        /// (by the culture-free rule of <see cref="CultureFreeText"/>), or an object with Start and End.
        /// </summary>
        public static JsonObject Date(string column, object value)
        {
            switch (value)
            {
                case NotionDateRange range:
                    return DateObject(PlainValues.FormatDate(range.Start), range.End == null ? null : PlainValues.FormatDate(range.End.Value), range.TimeZone);
                case IDictionary dictionary:
                    return DateFromMembers(column, dictionary);
                default:
                    if (!(value is string) && !(value is DateTime) && !(value is DateTimeOffset) && PlainValues.Member(value, "Start") != null)
                    {
                        return DateFromMembers(column, value);
                    }

                    return DateObject(DateText(value), null, null);
            }
        }

        /// <summary>A date or date-time as Notion writes it.</summary>
        public static string DateText(object value)
        {
            switch (value)
            {
                case DateTime time:
                    return PlainValues.FormatDate(time);
                case DateTimeOffset offset:
                    return PlainValues.FormatDate(offset);
                default:
                    var parsed = CultureFreeText.Date(PlainValues.Text(value));
                    return parsed is DateTimeOffset withOffset ? PlainValues.FormatDate(withOffset) : PlainValues.FormatDate((DateTime)parsed);
            }
        }

        private static JsonObject DateFromMembers(string column, object value)
        {
            var start = PlainValues.Member(value, "Start") ?? throw new RowValueException(column, "date", value, "a date range needs a Start.");
            var end = PlainValues.Member(value, "End");
            var timeZone = PlainValues.Member(value, "TimeZone") ?? PlainValues.Member(value, "time_zone");
            return DateObject(DateText(start), PlainValues.IsEmpty(end) ? null : DateText(end!), PlainValues.IsEmpty(timeZone) ? null : PlainValues.ToInvariantString(timeZone));
        }

        private static JsonObject DateObject(string start, string? end, string? timeZone)
        {
            var date = new JsonObject { ["start"] = start };
            if (end != null)
            {
                date["end"] = end;
            }

            if (timeZone != null)
            {
                date["time_zone"] = timeZone;
            }

            return date;
        }

        /// <summary>
        /// The option a name means. Notion matches names by exact case and adds an option for any other spelling, so
        /// "high" beside "High" would become a near-twin: the exact option wins, else the one that matches ignoring case
        /// (<see cref="ExistingOption"/>), else the name as given, a new option (status columns cannot take one through the API).
        /// </summary>
        private static string OptionName(string column, string type, object value, IReadOnlyList<string>? options)
        {
            var name = PlainValues.Text(value).Trim();
            if (name.Contains(","))
            {
                // Notion refuses commas in option names; a comma here means a list went to a single-valued column.
                throw new RowValueException(column, type, value, "option names cannot contain commas.");
            }

            var existing = ExistingOption(column, type, value, name, options);
            if (existing == null && type == "status" && options != null && options.Count > 0)
            {
                throw new RowValueException(column, type, value, $"not an option of this status column ({string.Join(", ", options.Select(Quoted))}); Notion adds status options only in its own app.");
            }

            return existing ?? name;
        }

        /// <summary>
        /// A multi-select cell's options (<see cref="OptionName"/>), each once: two spellings of one new option in one cell
        /// ("new; NEW") are the first one, as Notion would otherwise add both; options that differ only in case stay two, and
        /// so does every option of a cell read from Notion (it holds options the column has, whether or not they are known here).
        /// </summary>
        private static List<string> OptionNames(string column, string type, object? value, RowSource source, IReadOnlyList<string>? options)
        {
            var names = new List<string>();
            foreach (var item in CellText.Items(value))
            {
                var name = OptionName(column, type, item, options);
                if (source != RowSource.NotionRow && (options == null || !options.Contains(name, StringComparer.Ordinal)))
                {
                    name = names.FirstOrDefault(earlier => string.Equals(earlier, name, StringComparison.OrdinalIgnoreCase)) ?? name;
                }

                if (!names.Contains(name, StringComparer.Ordinal))
                {
                    names.Add(name);
                }
            }

            return names;
        }

        /// <summary>
        /// The option name a filter compares a select, multi-select or status column with (-Where): the option the value
        /// means (<see cref="ExistingOption"/>), else the value as given, so a filter on an option the column lacks finds
        /// nothing rather than failing, as a filter on an option no row holds does.
        /// </summary>
        /// <exception cref="RowValueException">Two options differ only in case and the value is a third spelling.</exception>
        public static string OptionToFind(string column, string type, object value, IReadOnlyList<string>? options)
        {
            var name = PlainValues.Text(value).Trim();
            return ExistingOption(column, type, value, name, options) ?? name;
        }

        /// <summary>
        /// The option of <paramref name="options"/> that <paramref name="name"/> names: the exact one, else the one that
        /// matches ignoring case (ordinal, as PowerShell users expect of names); null for none. Two options that differ only
        /// in case and a third spelling are refused, not guessed.
        /// </summary>
        /// <exception cref="RowValueException">Two options match ignoring case, neither exactly.</exception>
        private static string? ExistingOption(string column, string type, object value, string name, IReadOnlyList<string>? options)
        {
            if (options == null)
            {
                return null;
            }

            if (options.Contains(name, StringComparer.Ordinal))
            {
                return name;
            }

            var matches = options.Where(option => string.Equals(option, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count > 1)
            {
                throw new RowValueException(column, type, value, $"it matches the options {string.Join(" and ", matches.Select(Quoted))}, which differ only in case; give one of them exactly.");
            }

            return matches.SingleOrDefault();
        }

        private static string Quoted(string option) => "'" + ServerText.VisibleShort(option) + "'";

        /// <summary>A user or page ID from an ID string or an object carrying one of <paramref name="members"/>.</summary>
        private static string Id(string column, string type, object item, params string[] members)
        {
            var candidate = item is string ? item : members.Select(member => PlainValues.Member(item, member)).FirstOrDefault(found => found != null) ?? item;
            var text = PlainValues.ToInvariantString(candidate).Trim();
            if (!IdPattern.IsMatch(text))
            {
                var wanted = type == "people" ? "a user ID, an e-mail address or an object with an Id (as people columns read)" : "a page ID or a row with a PageId";
                throw new RowValueException(column, type, item, $"not {wanted}.");
            }

            var hex = text.Replace("-", string.Empty).ToLowerInvariant();
            return $"{hex.Substring(0, 8)}-{hex.Substring(8, 4)}-{hex.Substring(12, 4)}-{hex.Substring(16, 4)}-{hex.Substring(20)}";
        }
    }
}
