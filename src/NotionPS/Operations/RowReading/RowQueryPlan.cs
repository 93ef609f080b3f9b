using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using NotionPS.Client;
using NotionPS.Rows;

namespace NotionPS.Operations
{
    /// <summary>
    /// What a read of rows asks Notion for, from the caller's choices as plain values (no PowerShell wrappers):
    /// one filter AND-ing the caller's own filter, the column = value pairs and the edited/created-since bounds,
    /// and the sorts.
    /// </summary>
    internal sealed class RowQueryPlan
    {
        // The values' names in errors, as the caller wrote them.
        private const string FilterName = "Filter";
        private const string SortName = "Sort";

        /// <summary>The keys of a sort in Notion's shape.</summary>
        private static readonly string[] SortKeys = { "property", "direction", "timestamp" };

        /// <summary>The values a sort's direction and timestamp take, as Notion spells them (it refuses 'Descending').</summary>
        private static readonly string[] SortDirections = { "ascending", "descending" };

        private static readonly string[] SortTimestamps = { "created_time", "last_edited_time" };

        private static readonly string[] SortWords = SortDirections.Concat(SortTimestamps).ToArray();

        private readonly object? filter;
        private readonly IReadOnlyList<KeyValuePair<string, object?>> where;
        private readonly IReadOnlyList<object?> sorts;
        private readonly DateTime? editedSince;
        private readonly DateTime? createdSince;

        /// <param name="filter">A filter in Notion's shape, or null.</param>
        /// <param name="where">Column = value pairs, each an equality by the column's type.</param>
        /// <param name="sorts">Column names (ascending) or sorts in Notion's shape; none for created order.</param>
        /// <param name="editedSince">Only rows edited at or after this time, or null.</param>
        /// <param name="createdSince">Only rows created at or after this time, or null.</param>
        /// <exception cref="InputValueException">A sort is neither a column name nor a sort in Notion's shape, so Notion would refuse it.</exception>
        public RowQueryPlan(object? filter, IReadOnlyList<KeyValuePair<string, object?>> where, IReadOnlyList<object?> sorts, DateTime? editedSince, DateTime? createdSince)
        {
            for (var i = 0; i < sorts.Count; i++)
            {
                if (sorts[i] is IDictionary dictionary)
                {
                    CheckSort($"{SortName}[{i}]", dictionary);
                }
                else if (!(sorts[i] is string))
                {
                    throw InputValueException.NotASort($"{SortName}[{i}]", sorts[i]);
                }
            }

            this.filter = filter;
            this.where = where;
            this.sorts = sorts;
            this.editedSince = editedSince;
            this.createdSince = createdSince;
        }

        /// <summary>
        /// Whether the filter or the sorts need the data source's columns: the column = value pairs for their types, and
        /// the sorts by column for the names as the schema has them (Notion matches a sort's name exactly).
        /// </summary>
        public bool NeedsColumns => where.Count > 0 || sorts.Any(NamesColumn);

        /// <summary>
        /// All the conditions as one filter, null for none; <paramref name="schema"/> is needed only when
        /// <see cref="NeedsColumns"/>. Side by side in one "and": Notion nests filters only 2 levels deep.
        /// </summary>
        /// <exception cref="RowValueException">A pair's value does not fit its column.</exception>
        /// <exception cref="UnknownColumnException">A pair names no column.</exception>
        /// <exception cref="InputValueException">The filter is nested too deep or holds NaN or an infinity.</exception>
        public JsonNode? Filter(DataSourceSchema? schema)
        {
            var conditions = new List<JsonNode>();
            if (filter != null)
            {
                conditions.Add(PlainValues.ToJson(filter, FilterName)!);
            }

            if (where.Count > 0)
            {
                conditions.AddRange(RowFilter.Conditions(schema!.PropertyTypes, where, schema.PropertyOptions));
            }

            if (editedSince != null)
            {
                conditions.Add(RowQuery.Since("last_edited_time", editedSince.Value));
            }

            if (createdSince != null)
            {
                conditions.Add(RowQuery.Since("created_time", createdSince.Value));
            }

            return conditions.Count == 0 ? null : conditions.Count == 1 ? conditions[0] : new JsonObject { ["and"] = new JsonArray(conditions.Select(c => c.DeepClone()).ToArray()) };
        }

        /// <summary>
        /// The sorts in Notion's shape (a new array each time: a node belongs to one request), null for created order, with
        /// each column named as the schema has it (<see cref="ColumnName"/>) and a dictionary's keys as Notion spells them,
        /// in any case given; <paramref name="schema"/> is needed only when <see cref="NeedsColumns"/>.
        /// </summary>
        /// <exception cref="InputValueException">A sort is nested too deep or holds NaN or an infinity.</exception>
        /// <exception cref="UnknownColumnException">A sort names no column.</exception>
        /// <exception cref="ColumnAmbiguousException">A sort's name matches two columns in other cases.</exception>
        public JsonArray? Sorts(DataSourceSchema? schema) =>
            sorts.Count == 0
                ? null
                : new JsonArray(sorts.Select(sort => sort is string column
                    ? new JsonObject { ["property"] = ColumnName(schema!, column), ["direction"] = "ascending" }
                    : WithColumnResolved(PlainValues.ToJson(sort, SortName), schema)).ToArray());

        /// <summary>
        /// Refuses a sort in Notion's shape that Notion would refuse (no property or timestamp, both, a direction or timestamp
        /// it does not have), so a typo such as direction = 'desc' costs no request. Keys and words are read in any case, as sent.
        /// </summary>
        private static void CheckSort(string path, IDictionary sort)
        {
            object? Value(string key) => sort.Keys.OfType<string>().FirstOrDefault(given => given.Equals(key, StringComparison.OrdinalIgnoreCase)) is string found ? sort[found] ?? string.Empty : null;
            bool IsOneOf(object? value, string[] words) => value is string word && words.Any(known => known.Equals(word, StringComparison.OrdinalIgnoreCase));
            string Shown(object value) => value is string text ? $"'{text}'" : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);

            var property = Value("property");
            var timestamp = Value("timestamp");
            var direction = Value("direction");
            if (property == null && timestamp == null)
            {
                throw InputValueException.SortIncomplete(path, $"{path} names neither a property (a column) nor a timestamp, so it is not a sort.");
            }

            if (property != null && timestamp != null)
            {
                throw InputValueException.SortIncomplete(path, $"{path} names both a property and a timestamp; a sort has one of them.");
            }

            if (direction == null)
            {
                throw InputValueException.SortIncomplete(path, $"{path} has no direction; a sort's direction is ascending or descending.");
            }

            if (!IsOneOf(direction, SortDirections))
            {
                throw InputValueException.SortIncomplete(path, $"{path} has the direction {Shown(direction)}; a sort's direction is ascending or descending.");
            }

            if (timestamp != null && !IsOneOf(timestamp, SortTimestamps))
            {
                throw InputValueException.SortIncomplete(path, $"{path} has the timestamp {Shown(timestamp)}; a sort's timestamp is created_time or last_edited_time.");
            }
        }

        private static bool NamesColumn(object? sort) =>
            sort is string || (sort is IDictionary dictionary && dictionary.Keys.OfType<string>().Any(key => key.Equals("property", StringComparison.OrdinalIgnoreCase)));

        /// <summary>
        /// A sort in Notion's shape with its keys, direction and timestamp spelt as Notion's (PowerShell users write
        /// @{ Property = ...; Direction = 'Descending' }) and its property named as the schema has it.
        /// </summary>
        private static JsonNode? WithColumnResolved(JsonNode? sort, DataSourceSchema? schema)
        {
            if (!(sort is JsonObject fields))
            {
                return sort;
            }

            foreach (var key in fields.Select(field => field.Key).ToList())
            {
                var spelt = SortKeys.FirstOrDefault(known => known.Equals(key, StringComparison.OrdinalIgnoreCase));
                if (spelt != null && spelt != key && !fields.ContainsKey(spelt))
                {
                    var value = fields[key];
                    fields.Remove(key);
                    fields[spelt] = value;
                }
            }

            foreach (var key in new[] { "direction", "timestamp" })
            {
                if (fields[key] is JsonValue value && value.TryGetValue<string>(out var word)
                    && SortWords.FirstOrDefault(known => known.Equals(word, StringComparison.OrdinalIgnoreCase)) is string spelt)
                {
                    fields[key] = spelt;
                }
            }

            if (fields["property"] is JsonValue name && name.TryGetValue<string>(out var column))
            {
                fields["property"] = ColumnName(schema!, column);
            }

            return sort;
        }

        /// <summary>
        /// The name of the column <paramref name="given"/> names: by its name as a row or the schema gives it, in any case
        /// (<see cref="RowMapping.NamedColumn"/>), else by its property ID as the API gives it (%3AbC, title). Sent by name,
        /// the one Notion's reference documents for a sort.
        /// </summary>
        private static string ColumnName(DataSourceSchema schema, string given) =>
            RowMapping.NamedColumn(schema.PropertyTypes, given)
                ?? schema.Properties.FirstOrDefault(property => property.Id == given)?.Name
                ?? RowMapping.ResolveColumn(schema.PropertyTypes, given);
    }
}
