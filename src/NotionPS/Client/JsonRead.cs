using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NotionPS.Client
{
    /// <summary>
    /// Tolerant readers for Notion's JSON: a missing or differently typed field is null, never an exception.
    /// Code that runs for every value of every row names fields in UTF-8 (<c>"id"u8</c>): a name given as a
    /// string is transcoded to UTF-8 on each lookup.
    /// </summary>
    internal static class JsonRead
    {
        /// <summary>
        /// Where a key first appears twice in one object of <paramref name="element"/>, at any depth, such as
        /// <c>cells.Name</c>; null when none does. JSON readers keep one of the two values, so a file edited by hand
        /// that repeats a key says two things. Recursive: the reader that parsed the element bounds its depth.
        /// </summary>
        public static string? RepeatedKey(JsonElement element, string? at = null)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var seen = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
                    foreach (var property in element.EnumerateObject())
                    {
                        var path = at == null ? property.Name : at + "." + property.Name;
                        if (!seen.Add(property.Name))
                        {
                            return path;
                        }

                        if (RepeatedKey(property.Value, path) is string repeated)
                        {
                            return repeated;
                        }
                    }

                    return null;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        if (RepeatedKey(item, (at ?? string.Empty) + "[" + index++.ToString(CultureInfo.InvariantCulture) + "]") is string repeated)
                        {
                            return repeated;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        public static string? String(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;

        public static string? String(JsonElement element, ReadOnlySpan<byte> utf8Name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(utf8Name, out var value) && value.ValueKind == JsonValueKind.String
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

        public static JsonElement? Object(JsonElement element, ReadOnlySpan<byte> utf8Name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(utf8Name, out var value) && value.ValueKind == JsonValueKind.Object
                ? value
                : (JsonElement?)null;

        public static JsonElement? Array(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
                ? value
                : (JsonElement?)null;

        public static DateTime? Time(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? Time(value) : null;

        /// <summary>A time string (UTC when it names no offset), or null for anything else.</summary>
        public static DateTime? Time(JsonElement value) =>
            value.ValueKind == JsonValueKind.String && DateTime.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
                ? time
                : (DateTime?)null;

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
                var content = String(item, "plain_text"u8) ?? String(Object(item, "text"u8) ?? default, "content"u8);
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
