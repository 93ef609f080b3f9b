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

        private static readonly Utf8Names PagedTypes = new Utf8Names("title", "rich_text", "people", "relation");

        /// <summary>The property types read here, so that a value's type is matched in place rather than read into a new string.</summary>
        private static readonly Utf8Names KnownTypes = new Utf8Names(
            "title", "rich_text", "number", "select", "status", "multi_select", "date", "checkbox", "url", "email", "phone_number", "people",
            "created_by", "last_edited_by", "relation", "created_time", "last_edited_time", "formula", "rollup", "unique_id", "files");

        /// <summary>The title's number among <see cref="KnownTypes"/>.</summary>
        private static readonly int TitleType = KnownTypes.IndexOf("title");

        /// <summary>Whether each of <see cref="KnownTypes"/> is one of <see cref="PagedTypes"/>.</summary>
        private static readonly bool[] KnownTypeIsPaged = Enumerable.Range(0, KnownTypes.Count).Select(i => PagedTypes.Contains(KnownTypes[i])).ToArray();

        public static object? ToPlain(JsonElement property) => ToPlain(property, out _);

        /// <summary>Whether a type <see cref="ToPlain(JsonElement, ref int, out bool)"/> set is the title's.</summary>
        public static bool IsTitle(int type) => type == TitleType;

        public static object? ToPlain(JsonElement property, out bool mayBeTruncated)
        {
            var noLikelyType = -1;
            return ToPlain(property, ref noLikelyType, out mayBeTruncated);
        }

        /// <param name="likelyType">
        /// The type the value at this column had in the row before (see <see cref="RecentNames.TypeAt"/>), tried first
        /// (a column's values share one type, and matching it against all 21 names cost every value up to 21 comparisons);
        /// set to this value's type.
        /// </param>
        /// <param name="mayBeTruncated">
        /// What <see cref="MayBeTruncated"/> says of the property, found from the type this read matches anyway
        /// (every value of every row is read so: asking it apart matched each value's type twice).
        /// </param>
        public static object? ToPlain(JsonElement property, ref int likelyType, out bool mayBeTruncated)
        {
            var known = TypeOf(property, KnownTypes, likelyType, readOther: true, out var otherType);
            likelyType = known;
            var value = default(JsonElement);
            var found = known >= 0 ? property.TryGetProperty(KnownTypes.Utf8(known), out value) : otherType != null && property.TryGetProperty(otherType, out value);
            mayBeTruncated = found && known >= 0 && KnownTypeIsPaged[known] && IsCut(property, value);
            if (!found)
            {
                return PlainValues.FromJson(property);
            }

            switch (known >= 0 ? KnownTypes[known] : otherType)
            {
                case "title":
                case "rich_text":
                    return JsonRead.PlainText(value);
                case "number":
                    return value.ValueKind == JsonValueKind.Number ? value.GetDouble() : (double?)null;
                case "select":
                case "status":
                    return JsonRead.String(value, "name"u8);
                case "multi_select":
                    return new MultiValue(Items(value, option => JsonRead.String(option, "name"u8) ?? string.Empty));
                case "date":
                    return Date(value);
                case "checkbox":
                    return value.ValueKind == JsonValueKind.True;
                case "url":
                case "email":
                case "phone_number":
                    return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                case "people":
                    return new NotionUserList(Items(value, User));
                case "created_by":
                case "last_edited_by":
                    return value.ValueKind == JsonValueKind.Object ? User(value) : null;
                case "relation":
                    return new MultiValue(Items(value, related => JsonRead.String(related, "id"u8) ?? string.Empty));
                case "created_time":
                case "last_edited_time":
                    return Time(value);
                case "formula":
                    return Typed(value);
                case "rollup":
                    return Rollup(value);
                case "unique_id":
                    return UniqueId(value);
                case "files":
                    return MultiValue.OfFiles(Items(value, file => (FileUrl(file), JsonRead.String(file, "name"))));
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
            var paged = TypeOf(property, PagedTypes, likely: -1, readOther: false, out _);
            return paged >= 0 && property.TryGetProperty(PagedTypes.Utf8(paged), out var value) && IsCut(property, value);
        }

        /// <summary>Whether a paged type's <paramref name="value"/> (a field of <paramref name="property"/>) may have been cut short.</summary>
        private static bool IsCut(JsonElement property, JsonElement value) =>
            (property.TryGetProperty("has_more"u8, out var hasMore) && hasMore.ValueKind == JsonValueKind.True)
            || (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() >= PageObjectValueLimit);

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
            var start = TimeField(date, "start"u8);
            if (start == null)
            {
                return null;
            }

            var end = TimeField(date, "end"u8);
            return end == null ? (object)start.Value : new NotionDateRange(start.Value, end.Value, JsonRead.String(date, "time_zone"));
        }

        /// <summary>
        /// A date or time string as <see cref="ParseTime"/> reads it, or null for anything but a string. Read from the
        /// UTF-8 bytes where that gives the same answer (every value Notion sends: a date, or a time with its offset).
        /// </summary>
        public static DateTime? Time(JsonElement value)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            if (value.TryGetDateTime(out var parsed))
            {
                switch (parsed.Kind)
                {
                    case DateTimeKind.Utc:
                        return parsed;
                    case DateTimeKind.Local when value.TryGetDateTimeOffset(out var withOffset):
                        // An offset other than Z: read again with it, as local time would be ambiguous once a year.
                        return withOffset.UtcDateTime;
                    case DateTimeKind.Unspecified when parsed.TimeOfDay != TimeSpan.Zero:
                        // A time without an offset is taken as UTC.
                        return DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
                    case DateTimeKind.Unspecified when IsDay(value, parsed):
                        return parsed;
                }
            }

            // A midnight without an offset, or what ISO 8601 does not cover.
            return ParseTime(value.GetString()!);
        }

        /// <summary>A page's own timestamp (created_time, last_edited_time) as <see cref="JsonRead.Time"/> reads it, from the UTF-8 bytes when it is UTC.</summary>
        public static DateTime? Timestamp(JsonElement page, ReadOnlySpan<byte> utf8Name)
        {
            if (page.ValueKind != JsonValueKind.Object || !page.TryGetProperty(utf8Name, out var value) || value.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            return value.TryGetDateTime(out var time) && time.Kind == DateTimeKind.Utc ? time : JsonRead.Time(value);
        }

        private static DateTime? TimeField(JsonElement parent, ReadOnlySpan<byte> utf8Name) =>
            parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(utf8Name, out var value) ? Time(value) : null;

        /// <summary>Whether the string is the date alone ("yyyy-MM-dd" of <paramref name="day"/>), compared in place.</summary>
        private static bool IsDay(JsonElement value, DateTime day)
        {
            Span<byte> text = stackalloc byte[10];
            WriteDigits(text.Slice(0, 4), day.Year);
            text[4] = (byte)'-';
            WriteDigits(text.Slice(5, 2), day.Month);
            text[7] = (byte)'-';
            WriteDigits(text.Slice(8, 2), day.Day);
            return value.ValueEquals(text);
        }

        private static void WriteDigits(Span<byte> digits, int number)
        {
            for (var i = digits.Length - 1; i >= 0; i--, number /= 10)
            {
                digits[i] = (byte)('0' + (number % 10));
            }
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

        /// <summary>
        /// The index in <paramref name="types"/> of the property's type, matched in place (<paramref name="likely"/> first); -1 for another type or none.
        /// Another type's name is read into <paramref name="otherType"/> (a new string) only when <paramref name="readOther"/>.
        /// </summary>
        private static int TypeOf(JsonElement property, Utf8Names types, int likely, bool readOther, out string? otherType)
        {
            otherType = null;
            if (property.ValueKind != JsonValueKind.Object || !property.TryGetProperty("type"u8, out var type) || type.ValueKind != JsonValueKind.String)
            {
                return -1;
            }

            var index = types.IndexOf(type, likely);
            if (index < 0 && readOther)
            {
                otherType = type.GetString();
            }

            return index;
        }

        /// <summary>
        /// Each item of a JSON array (none for anything else) through <paramref name="read"/>, into an array of its length:
        /// no boxed enumerator and no list grown item by item, for every list cell of every row.
        /// </summary>
        private static T[] Items<T>(JsonElement array, Func<JsonElement, T> read)
        {
            if (array.ValueKind != JsonValueKind.Array)
            {
                return Array.Empty<T>();
            }

            var items = new T[array.GetArrayLength()];
            var next = 0;
            foreach (var item in array.EnumerateArray())
            {
                items[next++] = read(item);
            }

            return items;
        }

        private static NotionUser User(JsonElement user)
        {
            var email = user.TryGetProperty("person"u8, out var person) ? JsonRead.String(person, "email"u8) : null;
            return new NotionUser(JsonRead.String(user, "id"u8) ?? string.Empty, JsonRead.String(user, "name"u8), email);
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
                return Items(items, Typed);
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
