using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace NotionPS.Rows
{
    /// <summary>
    /// Notion query filters from the short form: column = value pairs, each an equality by the column's
    /// type (contains for multi-valued columns, is_empty for an empty value), all AND-ed.
    /// </summary>
    internal static class RowFilter
    {
        /// <exception cref="UnknownColumnException">A pair names no column.</exception>
        /// <exception cref="RowValueException">A value does not fit its column, or the column cannot be compared.</exception>
        public static JsonObject Equality(IReadOnlyDictionary<string, string> schema, IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            var conditions = new JsonArray();
            foreach (var pair in pairs)
            {
                var column = RowMapping.FindColumn(schema, pair.Key) ?? throw new UnknownColumnException(new[] { pair.Key }, schema.Keys.ToList());
                conditions.Add(Condition(column, schema[column], pair.Value));
            }

            return new JsonObject { ["and"] = conditions };
        }

        /// <summary>One column's equality condition, such as <c>{"property":"Done","checkbox":{"equals":true}}</c>.</summary>
        public static JsonObject Condition(string column, string type, object? value)
        {
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
                    comparison = Compare(value, () => PlainValues.ToInvariantString(value));
                    break;
                case "number":
                    comparison = Compare(value, () => Converted(column, type, value, () => PropertyWriter.Number(value!)));
                    break;
                case "select":
                case "status":
                    comparison = Compare(value, () => PlainValues.ToInvariantString(value).Trim());
                    break;
                case "checkbox":
                    comparison = new JsonObject { ["equals"] = Converted(column, type, value, () => PropertyWriter.Checkbox(value)) };
                    break;
                case "date":
                    comparison = Compare(value, () => DateOnly(column, type, value!));
                    break;
                case "multi_select":
                    comparison = Contains(value, () => PlainValues.ToInvariantString(value).Trim());
                    break;
                case "people":
                case "relation":
                    comparison = Contains(value, () => PropertyWriter.ToPropertyValue(column, type, value)[type]![0]!["id"]!.GetValue<string>());
                    break;
                default:
                    throw new RowValueException(column, type, value, "the short form compares only stored values; write this condition with -Filter in Notion's own shape.");
            }

            return new JsonObject { ["property"] = column, [type] = comparison };
        }

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
