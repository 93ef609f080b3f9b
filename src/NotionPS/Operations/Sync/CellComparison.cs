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
                    return value == null ? string.Empty : Date(value);
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
        /// <summary>
        /// A date cell as its start and end instants. A time written in a named time zone (as a request may carry it) is the
        /// instant it names there: Notion answers it with a UTC offset and no zone, so the two meet. Where this system does
        /// not know the zone (Windows PowerShell 5.1 knows no IANA names) it stays marked with the zone's name, unequal to what
        /// Notion answers, so a row is written again rather than taken for another.
        /// </summary>
        private static string Date(JsonNode value)
        {
            var zoneName = (string?)value["time_zone"];
            var zone = zoneName == null ? null : FindZone(zoneName);
            var instants = $"{Instant((string?)value["start"], zone)}/{Instant((string?)value["end"], zone)}";
            return zoneName != null && zone == null ? $"{instants}@{zoneName}" : instants;
        }

        private static TimeZoneInfo? FindZone(string name)
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(name);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException || ex is InvalidTimeZoneException || ex is ArgumentException || ex is System.Security.SecurityException)
            {
                return null;
            }
        }

        private static string Instant(string? text, TimeZoneInfo? zone)
        {
            if (text == null || text.Length == 10)
            {
                return text ?? string.Empty;
            }

            if (zone != null
                && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                && local.Kind == DateTimeKind.Unspecified)
            {
                // An invalid local time (in a spring-forward gap) has no instant; it is left to the parse below.
                if (!zone.IsInvalidTime(local))
                {
                    return ToText(TimeZoneInfo.ConvertTimeToUtc(local, zone));
                }
            }

            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
                ? ToText(instant.UtcDateTime)
                : text;
        }

        private static string ToText(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
    }
}
