using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NotionPS.Client
{
    /// <summary>Tolerant readers for Notion's JSON: a missing or differently typed field is null, never an exception.</summary>
    internal static class JsonRead
    {
        public static string? String(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;

        public static bool? Bool(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && (value.ValueKind == JsonValueKind.True || value.ValueKind == JsonValueKind.False)
                ? value.GetBoolean()
                : (bool?)null;

        public static JsonElement? Object(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
                ? value
                : (JsonElement?)null;

        public static JsonElement? Array(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
                ? value
                : (JsonElement?)null;

        public static DateTime? Time(JsonElement element, string name)
        {
            var text = String(element, name);
            return text != null && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
                ? time
                : (DateTime?)null;
        }

        /// <summary>The plain text of a rich-text array (a title, a text cell): its items' plain_text joined.</summary>
        public static string PlainText(JsonElement? richText)
        {
            if (richText == null || richText.Value.ValueKind != JsonValueKind.Array)
            {
                return string.Empty;
            }

            // Most texts are one item: its string as it is, no builder (this runs for every text cell read).
            string? first = null;
            StringBuilder? joined = null;
            foreach (var item in richText.Value.EnumerateArray())
            {
                var content = String(item, "plain_text") ?? String(Object(item, "text") ?? default, "content");
                if (first == null && joined == null)
                {
                    first = content ?? string.Empty;
                }
                else
                {
                    (joined ??= new StringBuilder(first)).Append(content);
                }
            }

            return joined?.ToString() ?? first ?? string.Empty;
        }
    }
}
