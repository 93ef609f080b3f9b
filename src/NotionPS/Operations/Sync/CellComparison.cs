using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using NotionPS.Operations.Files;
using NotionPS.Rows;

namespace NotionPS.Operations
{
    /// <summary>
    /// Whether two cells hold the same value, by the column's type. Both sides are first written the way a
    /// request would carry them (<see cref="PropertyWriter"/>), so CSV text and typed values meet in one shape
    /// ('3' and 3, '2025-01-31' and a DateTime), then reduced to a canonical text: multi-select, people,
    /// relation and files cells as sets (order does not matter), dates as instants, text as its plain text.
    /// </summary>
    internal static class CellComparison
    {
        /// <summary>Separates the items of a set cell in its canonical text (no option name or ID holds it).</summary>
        private const char ItemSeparator = '\u001f';

        /// <summary>The canonical text of a property value in the shape <see cref="PropertyWriter.ToPropertyValue"/> gives.</summary>
        public static string Canonical(string type, JsonObject propertyValue)
        {
            var value = propertyValue[type];
            switch (type)
            {
                case "title":
                case "rich_text":
                    // A page object's mention or equation item has no text content, only its plain text (which Notion's filters compare).
                    return value is JsonArray items ? string.Concat(items.Select(item => (string?)item?["text"]?["content"] ?? (string?)item?["plain_text"])) : string.Empty;
                case "number":
                    return value == null ? string.Empty : value.GetValue<double>().ToString("R", CultureInfo.InvariantCulture);
                case "select":
                case "status":
                    return (string?)value?["name"] ?? string.Empty;
                case "multi_select":
                    return Set(value, item => (string?)item?["name"]);
                case "people":
                case "relation":
                    return Set(value, item => (string?)item?["id"]);
                case "files":
                    return Set(value, item => (string?)item?["external"]?["url"] ?? (string?)item?["name"]);
                case "date":
                    return value == null ? string.Empty : $"{Instant((string?)value["start"])}/{Instant((string?)value["end"])}@{(string?)value["time_zone"]}";
                case "checkbox":
                    return value != null && value.GetValue<bool>() ? "true" : "false";
                case "url":
                case "email":
                case "phone_number":
                    return (string?)value ?? string.Empty;
                default:
                    return value?.ToJsonString() ?? string.Empty;
            }
        }

        /// <summary>
        /// The canonical text of a row's cell as read (a plain value of <see cref="PageRow"/>); null when the value
        /// cannot be written back as it is (it then differs from every input, so it is rewritten).
        /// </summary>
        public static string? CanonicalOfRead(string column, string type, object? value)
        {
            try
            {
                return Canonical(type, PropertyWriter.ToPropertyValue(column, type, value, RowSource.NotionRow));
            }
            catch (Exception ex) when (ex is RowValueException || ex is NotionFileException)
            {
                return null;
            }
        }

        /// <summary>A cell as the plan shows it: its text as Export-Csv writes it (list items joined by "; ", people by e-mail), or "(empty)".</summary>
        public static string Display(object? value)
        {
            switch (value)
            {
                case var _ when PlainValues.IsEmpty(value):
                    return "(empty)";
                case NotionUserList people:
                    return people.ToString();
                case IEnumerable items when !(value is string) && !(value is IDictionary):
                    return CellText.Join(items.Cast<object?>().Select(PlainValues.ToInvariantString));
                default:
                    return PlainValues.ToInvariantString(value);
            }
        }

        private static string Set(JsonNode? value, Func<JsonNode?, string?> item) =>
            value is JsonArray items
                ? string.Join(ItemSeparator.ToString(), items.Select(item).Select(text => text ?? string.Empty).Distinct(StringComparer.Ordinal).OrderBy(text => text, StringComparer.Ordinal))
                : string.Empty;

        /// <summary>A date as written: a date alone stays a date; a date-time becomes its UTC instant (no offset is UTC, as Notion reads it).</summary>
        private static string Instant(string? text)
        {
            if (text == null || text.Length == 10)
            {
                return text ?? string.Empty;
            }

            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
                ? instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)
                : text;
        }
    }
}
