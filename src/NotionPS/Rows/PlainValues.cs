using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotionPS.Rows
{
    /// <summary>
    /// Helpers for the plain .NET values rows are made of, both ways: JSON to dictionaries and arrays,
    /// and input values (already unwrapped from any PowerShell wrapper by the caller) to JSON.
    /// </summary>
    internal static class PlainValues
    {
        /// <summary>Any JSON as plain values: objects as ordered dictionaries, arrays as object[], numbers as double.</summary>
        public static object? FromJson(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var dictionary = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                    foreach (var property in element.EnumerateObject())
                    {
                        dictionary[property.Name] = FromJson(property.Value);
                    }

                    return dictionary;
                case JsonValueKind.Array:
                    return element.EnumerateArray().Select(FromJson).ToArray();
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    return element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }

        /// <summary>
        /// Plain values as JSON: dictionaries as objects, sequences as arrays, everything else as a scalar.
        /// <paramref name="root"/> names the value in errors (Body, Filter, a column).
        /// </summary>
        /// <exception cref="InputValueException">The value is nested too deep or holds NaN or an infinity.</exception>
        public static JsonNode? ToJson(object? value, string root) => ToJson(value, new ValuePath(root));

        private static JsonNode? ToJson(object? value, ValuePath path)
        {
            switch (value)
            {
                case null:
                    return null;
                case JsonNode node:
                    return JsonNode.Parse(node.ToJsonString());
                case JsonElement element:
                    return JsonNode.Parse(element.GetRawText());
                case string text:
                    return JsonValue.Create(text);
                case bool flag:
                    return JsonValue.Create(flag);
                case DateTime time:
                    return JsonValue.Create(FormatDate(time));
                case DateTimeOffset offset:
                    return JsonValue.Create(FormatDate(offset));
                case IDictionary dictionary:
                    path.EnterContainer();
                    var json = new JsonObject();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        var key = ToInvariantString(entry.Key);
                        path.PushKey(key);
                        json[key] = ToJson(entry.Value, path);
                        path.Pop();
                    }

                    return json;
                case IEnumerable sequence:
                    path.EnterContainer();
                    var array = new JsonArray();
                    var index = 0;
                    foreach (var item in sequence)
                    {
                        path.PushIndex(index++);
                        array.Add(ToJson(item, path));
                        path.Pop();
                    }

                    return array;
                default:
                    if (!IsNumber(value))
                    {
                        return JsonValue.Create(ToInvariantString(value));
                    }

                    return JsonValue.Create(Finite(Convert.ToDouble(value, CultureInfo.InvariantCulture), path));
            }
        }

        /// <summary>
        /// The number, unless it is NaN or infinite, which JSON and Notion have no form for: the one check for
        /// cells, -Where, -Body and -Filter alike.
        /// </summary>
        /// <param name="where">Names where the number is in the error (its text, such as a column or Body.a[1]), formatted only then.</param>
        /// <exception cref="InputValueException">NotionNumberNotFinite.</exception>
        public static double Finite(double number, object where) =>
            double.IsNaN(number) || double.IsInfinity(number) ? throw InputValueException.NotFinite(where.ToString()!, number) : number;

        /// <summary>A date-time with an offset as Notion takes it: UTC ends in Z, any other offset is kept as written.</summary>
        public static string FormatDate(DateTimeOffset offset) =>
            offset.Offset == TimeSpan.Zero
                ? FormatDate(offset.UtcDateTime)
                : offset.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

        /// <summary>
        /// A DateTime as Notion takes it, one meaning per kind: Utc is that instant (ends in Z); Local is that
        /// instant on this machine's clock (sent with the machine's offset at that date); Unspecified is a
        /// wall-clock time sent as written, without an offset (Notion reads it as UTC unless the date names a
        /// time zone), and at midnight it is a date without a time.
        /// </summary>
        public static string FormatDate(DateTime time)
        {
            switch (time.Kind)
            {
                case DateTimeKind.Utc:
                    return time.ToString("yyyy-MM-ddTHH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                case DateTimeKind.Local:
                    return new DateTimeOffset(time).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
                default:
                    return time.TimeOfDay == TimeSpan.Zero
                        ? time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                        : time.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture);
            }
        }

        public static bool IsNumber(object value) =>
            value is byte || value is sbyte || value is short || value is ushort || value is int || value is uint
            || value is long || value is ulong || value is float || value is double || value is decimal;

        public static string ToInvariantString(object? value)
        {
            switch (value)
            {
                case null:
                    return string.Empty;
                case string text:
                    return text;
                case DateTime time:
                    return FormatDate(time);
                case IFormattable formattable:
                    return formattable.ToString(null, CultureInfo.InvariantCulture);
                case IEnumerable sequence when !(value is IDictionary):
                    return string.Join(", ", sequence.Cast<object?>().Select(ToInvariantString));
                default:
                    return value.ToString() ?? string.Empty;
            }
        }

        /// <summary>
        /// The text of a value for a text, title, option or URL cell: scalars in the invariant culture, a
        /// sequence's items joined by ", ". A hashtable, an object or anything else with no text of its own
        /// (whose ToString is its type name) is refused, so a .NET type name is never written as text.
        /// </summary>
        /// <exception cref="FormatException">The value, or one of its items, is not text.</exception>
        public static string Text(object? value)
        {
            if (value is IDictionary || (value != null && !(value is IFormattable) && !(value is IEnumerable) && value.ToString() == value.GetType().ToString()))
            {
                throw new FormatException("a hashtable or object is not text. Give the text itself, or the one property that holds it (such as $item.Name).");
            }

            return value is IEnumerable sequence && !(value is string)
                ? string.Join(", ", sequence.Cast<object?>().Select(Text))
                : ToInvariantString(value);
        }

        /// <summary>Null, DBNull (what SQL exports give), an empty or blank string, or an empty sequence: what clears a column.</summary>
        public static bool IsEmpty(object? value) =>
            value == null
            || value is DBNull
            || (value is string text && text.Trim().Length == 0)
            || (value is ICollection collection && !(value is IDictionary) && collection.Count == 0);

        /// <summary>A member of a dictionary (case-insensitive key) or a public property of an object.</summary>
        public static object? Member(object item, string name)
        {
            if (item is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (string.Equals(ToInvariantString(entry.Key), name, StringComparison.OrdinalIgnoreCase))
                    {
                        return entry.Value;
                    }
                }

                return null;
            }

            var property = item.GetType().GetProperties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.GetIndexParameters().Length == 0);
            return property?.GetValue(item);
        }
    }
}
