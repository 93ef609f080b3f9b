using System;
using System.Collections.Generic;
using System.Linq;
using NotionPS.Client;
using NotionPS.Rows;

namespace NotionPS.Operations
{
    /// <summary>
    /// The new options a command's rows wrote to select and multi-select columns, by data source, each in the spelling it
    /// was first written. A command reads a data source's options once, and Notion adds an option for every spelling it does
    /// not have, so without these "high" in one row and "HIGH" in the next would become two near-twin options. The code that
    /// sends the rows keeps a row's options in input order, and only for rows it sends, so the first spelling is the first
    /// such row's however the requests interleave. Safe from any thread.
    /// </summary>
    internal sealed class AddedOptions
    {
        private readonly object gate = new object();

        /// <summary>Data source ID to column name to the options added, in the order they were.</summary>
        private readonly Dictionary<string, Dictionary<string, List<string>>> bySource = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The options rows of <paramref name="schema"/> are mapped with (see <see cref="RowMapping.Build"/>): its own as read,
        /// then those earlier rows added that it lacks (a schema read again after a row added one has it already).
        /// </summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> For(DataSourceSchema schema)
        {
            lock (gate)
            {
                if (!bySource.TryGetValue(schema.Id, out var added))
                {
                    return schema.PropertyOptions;
                }

                return schema.PropertyOptions.ToDictionary(
                    pair => pair.Key,
                    pair => added.TryGetValue(pair.Key, out var names) ? pair.Value.Concat(names.Where(name => !pair.Value.Contains(name, StringComparer.Ordinal))).ToList() : pair.Value,
                    StringComparer.Ordinal);
            }
        }

        /// <summary>Keeps the options a row of <paramref name="schema"/> adds (<see cref="RowMapping.AddedOptions"/>), for the rows after it; call it when the row is sent.</summary>
        public void Keep(DataSourceSchema schema, RowMapping mapping)
        {
            if (mapping.AddedOptions.Count == 0)
            {
                return;
            }

            lock (gate)
            {
                if (!bySource.TryGetValue(schema.Id, out var added))
                {
                    bySource[schema.Id] = added = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                }

                foreach (var (column, name) in mapping.AddedOptions)
                {
                    if (!added.TryGetValue(column, out var names))
                    {
                        added[column] = names = new List<string>();
                    }

                    if (!names.Contains(name, StringComparer.Ordinal))
                    {
                        names.Add(name);
                    }
                }
            }
        }
    }
}
