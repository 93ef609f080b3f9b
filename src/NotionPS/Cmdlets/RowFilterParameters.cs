using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using NotionPS.Client;
using NotionPS.Rows;

namespace NotionPS.Cmdlets
{
    /// <summary>-Filter (Notion's own shape) and -Where (column = value pairs) as one query filter: the cmdlets that read rows share them.</summary>
    internal static class RowFilterParameters
    {
        /// <summary>Whether -Where needs the data source's column types.</summary>
        public static bool NeedsColumns(Hashtable? where) => where != null && where.Count > 0;

        /// <summary>Both, and any <paramref name="more"/> conditions, as one filter (null for none); <paramref name="schema"/> (the column types) is needed only for -Where.</summary>
        /// <exception cref="RowValueException">A -Where value does not fit its column.</exception>
        /// <exception cref="UnknownColumnException">-Where names no column.</exception>
        public static JsonNode? Build(Hashtable? filter, Hashtable? where, DataSourceSchema? schema, params JsonNode[] more)
        {
            var conditions = new List<JsonNode>();
            if (filter != null)
            {
                conditions.Add(PlainValues.ToJson(RowObjects.Plain(filter, "Filter"), "Filter")!);
            }

            if (NeedsColumns(where))
            {
                conditions.AddRange(RowFilter.Conditions(schema!.PropertyTypes, RowObjects.Members(new PSObject(where))));
            }

            conditions.AddRange(more);
            return conditions.Count == 0 ? null : conditions.Count == 1 ? conditions[0] : new JsonObject { ["and"] = new JsonArray(conditions.Select(c => c.DeepClone()).ToArray()) };
        }
    }
}
