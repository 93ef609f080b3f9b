using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotionPS.Client;

namespace NotionPS.Rows
{
    /// <summary>
    /// Notion property values (as a page object carries them) to plain values. Each value names its own
    /// type, so no schema is needed. A type this code does not know comes through as plain dictionaries
    /// and arrays of its raw JSON: never an exception.
    /// </summary>
    internal static class PropertyReader
    {
        /// <summary>How many values of a people or relation property (or items of a text) a page object carries at most.</summary>
        public const int PageObjectValueLimit = 25;

        private static readonly string[] PagedTypes = { "title", "rich_text", "people", "relation" };

        public static object? ToPlain(JsonElement property)
        {
            var type = JsonRead.String(property, "type");
            if (type == null || !property.TryGetProperty(type, out var value))
            {
                return PlainValues.FromJson(property);
            }

            switch (type)
            {
                case "title":
                case "rich_text":
                    return JsonRead.PlainText(value);
                case "number":
                    return value.ValueKind == JsonValueKind.Number ? value.GetDouble() : (double?)null;
                case "select":
                case "status":
                    return JsonRead.String(value, "name");
                case "multi_select":
                    return new MultiValue(value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(option => JsonRead.String(option, "name") ?? string.Empty) : Array.Empty<string>());
                case "date":
                    return Date(value);
                case "checkbox":
                    return value.ValueKind == JsonValueKind.True;
                case "url":
                case "email":
                case "phone_number":
                    return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                case "people":
                    return new NotionUserList(value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(User) : Array.Empty<NotionUser>());
                case "created_by":
                case "last_edited_by":
                    return value.ValueKind == JsonValueKind.Object ? User(value) : null;
                case "relation":
                    return new MultiValue(value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(related => JsonRead.String(related, "id") ?? string.Empty) : Array.Empty<string>());
                case "created_time":
                case "last_edited_time":
                    return value.ValueKind == JsonValueKind.String ? ParseTime(value.GetString()!) : null;
                case "formula":
                    return Typed(value);
                case "rollup":
                    return Rollup(value);
                case "unique_id":
                    return UniqueId(value);
                case "files":
                    return MultiValue.OfUrls(value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(FileUrl) : Array.Empty<string>());
                default:
                    return PlainValues.FromJson(value);
            }
        }

        /// <summary>
        /// Whether a page object may have cut this property's list at <see cref="PageObjectValueLimit"/>
        /// values, so the full list must come from the property-item endpoint.
        /// </summary>
        public static bool MayBeTruncated(JsonElement property)
        {
            // Asked of every value of every row: compares the type in place rather than reading it into a string.
            if (!property.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            string? type = null;
            foreach (var paged in PagedTypes)
            {
                if (typeElement.ValueEquals(paged))
                {
                    type = paged;
                }
            }

            if (type == null || !property.TryGetProperty(type, out var value))
            {
                return false;
            }

            if (property.TryGetProperty("has_more", out var hasMore) && hasMore.ValueKind == JsonValueKind.True)
            {
                return true;
            }

            return value.ValueKind == JsonValueKind.Array && value.GetArrayLength() >= PageObjectValueLimit;
        }

        /// <summary>
        /// A property value rebuilt from the items <c>GET /v1/pages/{id}/properties/{property_id}</c> pages
        /// through (each <c>{"type": T, T: value}</c>), in the shape a page object gives it.
        /// </summary>
        public static JsonObject FromPropertyItems(string type, IEnumerable<JsonElement> items)
        {
            var values = new JsonArray();
            foreach (var item in items)
            {
                if (item.TryGetProperty(type, out var value))
                {
                    values.Add(JsonNode.Parse(value.GetRawText()));
                }
            }

            return new JsonObject { ["type"] = type, [type] = values };
        }

        /// <summary>A single date as DateTime; a range as <see cref="NotionDateRange"/>; an empty date as null.</summary>
        public static object? Date(JsonElement date)
        {
            var start = JsonRead.String(date, "start");
            if (start == null)
            {
                return null;
            }

            var end = JsonRead.String(date, "end");
            var startTime = ParseTime(start);
            return end == null ? (object)startTime : new NotionDateRange(startTime, ParseTime(end), JsonRead.String(date, "time_zone"));
        }

        /// <summary>A date alone is a DateTime of unspecified kind at midnight; a date and time, UTC.</summary>
        public static DateTime ParseTime(string text)
        {
            if (text.Length == 10 && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                ? time.UtcDateTime
                : DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        }

        private static NotionUser User(JsonElement user)
        {
            var email = user.TryGetProperty("person", out var person) ? JsonRead.String(person, "email") : null;
            return new NotionUser(JsonRead.String(user, "id") ?? string.Empty, JsonRead.String(user, "name"), email);
        }

        /// <summary>A formula's result, or one item of a rollup array: <c>{"type": T, T: value}</c>.</summary>
        private static object? Typed(JsonElement value)
        {
            var type = JsonRead.String(value, "type");
            if (type == null || !value.TryGetProperty(type, out var inner))
            {
                return PlainValues.FromJson(value);
            }

            switch (type)
            {
                case "string":
                    return inner.ValueKind == JsonValueKind.String ? inner.GetString() : null;
                case "number":
                    return inner.ValueKind == JsonValueKind.Number ? inner.GetDouble() : (double?)null;
                case "boolean":
                    return inner.ValueKind == JsonValueKind.True;
                case "date":
                    return Date(inner);
                default:
                    return ToPlain(value);
            }
        }

        private static object? Rollup(JsonElement rollup)
        {
            var type = JsonRead.String(rollup, "type");
            if (type == "array" && rollup.TryGetProperty("array", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                return items.EnumerateArray().Select(Typed).ToArray();
            }

            return Typed(rollup);
        }

        private static object? UniqueId(JsonElement uniqueId)
        {
            if (!uniqueId.TryGetProperty("number", out var number) || number.ValueKind != JsonValueKind.Number)
            {
                return null;
            }

            var prefix = JsonRead.String(uniqueId, "prefix");
            return string.IsNullOrEmpty(prefix) ? (object)number.GetDouble() : prefix + "-" + number.GetRawText();
        }

        private static string FileUrl(JsonElement file)
        {
            var type = JsonRead.String(file, "type");
            return (type != null && file.TryGetProperty(type, out var inner) ? JsonRead.String(inner, "url") : null) ?? JsonRead.String(file, "name") ?? string.Empty;
        }

    }
}
