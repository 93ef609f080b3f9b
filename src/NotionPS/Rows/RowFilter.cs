using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace NotionPS.Rows
{
    /// <summary>
    /// Notion query filters from the short form: column = value pairs, each an equality by the column's
    /// type (contains for multi-valued columns, is_empty for an empty value), all AND-ed. Several values
    /// for one column (an array) match a row that has any of them (an OR).
    /// </summary>
    internal static class RowFilter
    {
        /// <summary>One condition per pair, to be AND-ed (with any filter of the caller's, at the same level, as Notion nests filters only 2 levels deep).</summary>
        /// <exception cref="UnknownColumnException">A pair names no column.</exception>
        /// <exception cref="ColumnAmbiguousException">A pair's name matches two columns in other cases.</exception>
        /// <param name="options">Select, multi-select and status columns' options by column name, which values name ignoring case.</param>
        /// <exception cref="RowValueException">A value does not fit its column, or the column cannot be compared.</exception>
        public static IReadOnlyList<JsonObject> Conditions(IReadOnlyDictionary<string, string> schema, IEnumerable<KeyValuePair<string, object?>> pairs, IReadOnlyDictionary<string, IReadOnlyList<string>>? options = null) =>
            pairs.Select(pair =>
            {
                var column = RowMapping.ResolveColumn(schema, pair.Key);
                return Condition(column, schema[column], pair.Value, options != null && options.TryGetValue(column, out var known) ? known : null);
            }).ToList();

        /// <summary>
        /// One column's equality condition, such as <c>{"property":"Done","checkbox":{"equals":true}}</c>;
        /// for several values, an <c>or</c> of one condition per value.
        /// </summary>
        /// <param name="options">
        /// For a select, multi-select or status column: its options. Notion compares option names exactly, so a value names
        /// the option that matches it ignoring case (<see cref="PropertyWriter.OptionToFind"/>), else is sent as given.
        /// </param>
        public static JsonObject Condition(string column, string type, object? value, IReadOnlyList<string>? options = null)
        {
            if (IsSeveral(value))
            {
                // Nested arrays are one list of values: an or inside an or would pass Notion's 2 levels of nesting.
                var each = Flattened(value!).Select(item => Condition(column, type, item, options)).ToList();
                return each.Count == 1 ? each[0] : new JsonObject { ["or"] = new JsonArray(each.ToArray<JsonNode>()) };
            }

            if (type == "created_time" || type == "last_edited_time")
            {
                return new JsonObject { ["timestamp"] = type, [type] = Compare(value, () => DateOnly(column, type, value!)) };
            }

            JsonObject comparison;
            switch (type)
            {
                case "title":
                case "rich_text":
                case "url":
                case "email":
                case "phone_number":
                    comparison = Compare(value, () => Converted(column, type, value, () => PlainValues.Text(value)));
                    break;
                case "number":
                    comparison = Compare(value, () => Converted(column, type, value, () => PropertyWriter.Number(column, value!)));
                    break;
                case "select":
                case "status":
                    comparison = Compare(value, () => Converted(column, type, value, () => PropertyWriter.OptionToFind(column, type, value!, options)));
                    break;
                case "checkbox":
                    comparison = new JsonObject { ["equals"] = Converted(column, type, value, () => PropertyWriter.Checkbox(value)) };
                    break;
                case "date":
                    comparison = Compare(value, () => DateOnly(column, type, value!));
                    break;
                case "multi_select":
                    comparison = Contains(value, () => Converted(column, type, value, () => PropertyWriter.OptionToFind(column, type, value!, options)));
                    break;
                case "people":
                case "relation":
                    comparison = Contains(value, () => PropertyWriter.ToPropertyValue(column, type, value, RowSource.Given)[type]![0]!["id"]!.GetValue<string>());
                    break;
                default:
                    throw new RowValueException(column, type, value, "the short form compares only stored values.", RowValueProblem.ShortFormCannotCompare);
            }

            return new JsonObject { ["property"] = column, [type] = comparison };
        }

        /// <summary>
        /// Whether rows can be found by a value of <paramref name="type"/> (<see cref="Candidates"/>): not by a files cell, which
        /// Notion's filters cannot compare, nor a type NotionPS does not know.
        /// </summary>
        public static bool CanFindByValue(string type) => CandidateTypes.Contains(type);

        private static readonly HashSet<string> CandidateTypes = new HashSet<string>(StringComparer.Ordinal)
        {
            "title", "rich_text", "url", "email", "phone_number", "number", "select", "status", "checkbox", "date", "multi_select", "people", "relation",
        };

        /// <summary>
        /// A condition every row holding <paramref name="written"/> (a property value as a request writes it) meets, so the rows
        /// it finds can then be compared with it exactly: Notion's equality for a single value; for a list, rows that contain
        /// every item (they may hold more); for a date, rows within two days of its start (Notion compares dates by the day, in a
        /// time zone of its own, and a local date and its UTC date differ by up to 26 hours: UTC-12 to UTC+14).
        /// </summary>
        /// <exception cref="InvalidOperationException">A type <see cref="CanFindByValue"/> refuses.</exception>
        public static JsonObject Candidates(string column, string type, JsonObject written)
        {
            var value = written[type];
            JsonObject Condition(string on, string comparison, JsonNode? operand) => new JsonObject { ["property"] = column, [on] = new JsonObject { [comparison] = operand } };
            JsonObject All(IEnumerable<JsonObject> conditions)
            {
                var each = conditions.ToList();
                return each.Count == 1 ? each[0] : new JsonObject { ["and"] = new JsonArray(each.ToArray<JsonNode>()) };
            }

            switch (type)
            {
                case "title":
                case "rich_text":
                    var text = value is JsonArray items ? string.Concat(items.Select(item => (string?)item?["text"]?["content"])) : string.Empty;
                    return Condition(type, "equals", text);
                case "select":
                case "status":
                    return Condition(type, "equals", (string?)value?["name"]);
                case "url":
                case "email":
                case "phone_number":
                case "number":
                case "checkbox":
                    return Condition(type, "equals", value?.DeepClone());
                case "date":
                    var day = DateTime.ParseExact(((string)value!["start"]!).Substring(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    return All(new[]
                    {
                        Condition(type, "on_or_after", day.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                        Condition(type, "on_or_before", day.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    });
                case "multi_select":
                    return All(((JsonArray)value!).Select(item => Condition(type, "contains", (string?)item?["name"])));
                case "people":
                case "relation":
                    return All(((JsonArray)value!).Select(item => Condition(type, "contains", (string?)item?["id"])));
                default:
                    throw new InvalidOperationException($"Rows cannot be found by a {type} value.");
            }
        }

        private static bool IsSeveral(object? value) => value is IEnumerable && !(value is string) && !(value is IDictionary) && !PlainValues.IsEmpty(value);

        private static IEnumerable<object?> Flattened(object values) =>
            ((IEnumerable)values).Cast<object?>().SelectMany(item => IsSeveral(item) ? Flattened(item!) : new[] { item });

        private static JsonObject Compare(object? value, Func<JsonNode?> operand) =>
            PlainValues.IsEmpty(value) ? new JsonObject { ["is_empty"] = true } : new JsonObject { ["equals"] = operand() };

        private static JsonObject Contains(object? value, Func<JsonNode?> operand) =>
            PlainValues.IsEmpty(value) ? new JsonObject { ["is_empty"] = true } : new JsonObject { ["contains"] = operand() };

        private static string DateOnly(string column, string type, object value) =>
            Converted(column, type, value, () => PropertyWriter.DateText(value));

        private static T Converted<T>(string column, string type, object? value, Func<T> convert)
        {
            try
            {
                return convert();
            }
            catch (FormatException ex)
            {
                throw new RowValueException(column, type, value, ex.Message);
            }
        }
    }
}
