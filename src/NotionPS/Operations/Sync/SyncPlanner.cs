using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Rows;

namespace NotionPS.Operations
{
    /// <summary>
    /// Compares inputs with the rows of a data source, read once, by a key column: each input becomes an add,
    /// an update of only the columns whose values differ, or nothing at all. Nothing here sends a request
    /// (but the one listing of the workspace's people, for an e-mail address no row of the data source has).
    /// </summary>
    internal sealed class SyncPlanner
    {
        private readonly DataSourceSchema schema;
        private readonly string keyColumn;

        /// <summary>Each column's name on a row read from Notion (see <see cref="ColumnNames.OutputNames"/>).</summary>
        private readonly IReadOnlyDictionary<string, string> rowNames;
        private readonly HashSet<string>? columns;
        private readonly bool ignoreUnknown;
        private readonly Dictionary<string, (ExistingRow Row, SyncKey Key)> rowsByKey = new Dictionary<string, (ExistingRow, SyncKey)>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> knownPeople = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private readonly Func<string, string?> lookUpEmail;

        /// <summary>The options the planned rows add, which later inputs write in the same spelling (all are sent, or none).</summary>
        private readonly AddedOptions addedOptions = new AddedOptions();

        /// <param name="keyColumn">A writable column of <paramref name="schema"/> (see <see cref="RowUpsert.WritableColumn"/>).</param>
        /// <param name="columns">The columns to compare and write (the key is always one); null for every column the input names.</param>
        /// <param name="rows">Every row of the data source.</param>
        /// <param name="lookUpEmail">A person's user ID by e-mail address, for an address no row's people cell shows.</param>
        /// <param name="ignoreUnknown">Leave out input properties that name no column instead of refusing the row.</param>
        /// <exception cref="SyncKeyException">Several rows have the same key.</exception>
        public SyncPlanner(DataSourceSchema schema, string keyColumn, IReadOnlyCollection<string>? columns, IEnumerable<PageRow> rows, Func<string, string?> lookUpEmail, bool ignoreUnknown)
        {
            this.ignoreUnknown = ignoreUnknown;
            this.schema = schema;
            this.keyColumn = keyColumn;
            rowNames = ColumnNames.OutputNamesByColumn(schema.Properties.Select(property => property.Name).ToList());
            this.columns = columns == null ? null : new HashSet<string>(columns.Append(keyColumn), StringComparer.Ordinal);
            this.lookUpEmail = lookUpEmail;
            var duplicates = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                var existing = new ExistingRow(row);
                RememberPeople(existing);
                var keyValue = existing.Value(rowNames[keyColumn]);
                var key = PlainValues.IsEmpty(keyValue) ? null : KeyOf(keyValue, RowSource.NotionRow);
                if (key == null)
                {
                    RowsWithoutKey++;
                }
                else if (rowsByKey.TryGetValue(key.Compared, out var first))
                {
                    // Each row of a key given twice is named by its page and its key as Notion holds it, so it can be found.
                    if (!duplicates.TryGetValue(key.Compared, out var named))
                    {
                        duplicates[key.Compared] = named = new List<string> { SyncStep.RowLabel(first.Row.Row.PageId, first.Key) };
                    }

                    named.Add(SyncStep.RowLabel(row.PageId, key));
                }
                else
                {
                    rowsByKey[key.Compared] = (existing, key);
                }
            }

            if (duplicates.Count > 0)
            {
                throw SyncKeyException.DuplicateInNotion(keyColumn, schema.Name, duplicates.Select(pair => new SyncKeyException.Duplicate(rowsByKey[pair.Key].Key.Given, pair.Value)).ToList());
            }
        }

        /// <summary>Rows of the data source with no value in the key column: no input matches them, and they are never trashed.</summary>
        public int RowsWithoutKey { get; }

        /// <summary>Columns of the input that Notion computes (skipped); the cmdlet warns about each once.</summary>
        public IReadOnlyList<string> SkippedReadOnly => skippedReadOnly;

        private readonly List<string> skippedReadOnly = new List<string>();

        /// <summary>What to do with one input: a failed step (with its error) when it has no key, names no column (unless ignored) or a value does not fit.</summary>
        /// <param name="rowNumber">The input's position, for messages.</param>
        /// <param name="source">Where the input came from: how its names are read, and what is checked in its values (see <see cref="RowSource"/>).</param>
        public SyncStep Compare(int rowNumber, IReadOnlyList<KeyValuePair<string, object?>> input, RowSource source)
        {
            var label = $"Row {rowNumber}";
            var names = input.Select(pair => pair.Key).ToList();
            // The key is read by the key column alone, before anything else can fail the input, so a failed input
            // that gives its key keeps its row from -DeleteMissing. Two properties naming the key fail in the mapping below.
            IReadOnlyList<SyncKey> keys;
            try
            {
                keys = KeysOf(input.Where(pair => NamesKey(pair.Key, names, source)), source);
            }
            catch (NotionException ex)
            {
                return SyncStep.Failed(Array.Empty<SyncKey>(), label, ex);
            }

            if (keys.Count == 0)
            {
                return SyncStep.Failed(keys, label, SyncKeyException.Missing(keyColumn));
            }

            var key = keys[0];
            label = $"Row {rowNumber} (key \"{ServerText.VisibleShort(key.Given)}\")";
            RowMapping mapping;
            try
            {
                // Without -Property every input property is mapped, so one naming no column is refused as Add-NotionDatabaseRow
                // refuses it; with -Property, the properties outside it (named columns or not) are not compared at all.
                var members = columns == null ? input
                    : input.Where(pair => Column(pair.Key, names, source) is string column && columns.Contains(column)).ToList();
                mapping = RowMapping.Build(schema.PropertyTypes, members, source, ignoreUnknown, UserIdByEmail, options: addedOptions.For(schema));
            }
            catch (NotionException ex)
            {
                return SyncStep.Failed(keys, label, ex);
            }

            addedOptions.Keep(schema, mapping);

            skippedReadOnly.AddRange(mapping.SkippedReadOnly.Where(column => !skippedReadOnly.Contains(column)));
            if (!rowsByKey.TryGetValue(key.Compared, out var found))
            {
                var added = mapping.Properties.Select(property => new CellChange(property.Key, CellComparison.Display(null), CellComparison.Display(mapping.Values[property.Key]))).ToList();
                return SyncStep.Add(key, label, mapping.Properties, added);
            }

            var existing = found.Row;
            var changed = new JsonObject();
            var changes = new List<CellChange>();
            // The key matched (trimmed), so it is not rewritten.
            foreach (var property in mapping.Properties.Where(property => property.Key != keyColumn))
            {
                var type = schema.PropertyTypes[property.Key];
                var old = existing.Value(rowNames[property.Key]);
                if (CellComparison.CanonicalOfRead(property.Key, type, old) != CellComparison.Canonical(type, (JsonObject)property.Value!))
                {
                    changed[property.Key] = property.Value!.DeepClone();
                    changes.Add(new CellChange(property.Key, CellComparison.Display(old), CellComparison.Display(mapping.Values[property.Key])));
                }
            }

            return changes.Count == 0
                ? SyncStep.Unchanged(key, label, existing.Row.PageId)
                : SyncStep.Update(key, label, existing.Row.PageId, changed, changes);
        }

        /// <summary>The rows whose key is none of <paramref name="inputKeys"/> (rows without a key are left alone), in read order.</summary>
        public IEnumerable<SyncStep> Missing(ISet<string> inputKeys) =>
            rowsByKey.Values.Where(row => !inputKeys.Contains(row.Key.Compared)).Select(row => SyncStep.Trash(row.Key, row.Row.Row.PageId));

        /// <summary>
        /// A key cell's key: compared by its canonical text (so '3' and 3 are one key), trimmed; an option key as the option it
        /// writes, so 'high' is the key of the row holding 'High'. Output shows it trimmed; messages about a key given twice name it as given (<see cref="SyncKey.Given"/>).
        /// </summary>
        /// <exception cref="RowValueException">The value does not fit the key column.</exception>
        private SyncKey KeyOf(object? value, RowSource source)
        {
            var type = schema.PropertyTypes[keyColumn];
            var options = addedOptions.For(schema).TryGetValue(keyColumn, out var known) ? known : null;
            return new SyncKey(CellComparison.Canonical(type, PropertyWriter.ToPropertyValue(keyColumn, type, value, source, options: options)).Trim(), CellComparison.Display(value));
        }

        /// <summary>The schema's column an input property names, or null (a row's own property, or no column).</summary>
        /// <exception cref="ColumnAmbiguousException">The name matches two or more columns in other cases, none exactly.</exception>
        private string? Column(string name, IReadOnlyCollection<string> names, RowSource source)
        {
            var requested = ColumnNames.ColumnFor(name, names, source == RowSource.NotionRow, schema.PropertyTypes.Keys);
            return requested == null ? null : RowMapping.WrittenColumn(schema.PropertyTypes, name, requested);
        }

        /// <summary>The keys that <paramref name="keyMembers"/>, an input's properties naming the key column, give: none, one, or (an error of the input) several.</summary>
        /// <exception cref="RowValueException">A value does not fit the key column.</exception>
        public IReadOnlyList<SyncKey> KeysOf(IEnumerable<KeyValuePair<string, object?>> keyMembers, RowSource source) =>
            keyMembers.Where(pair => !PlainValues.IsEmpty(pair.Value)).Select(pair => KeyOf(pair.Value, source)).ToList();

        /// <summary>Whether an input property names the key column; a name matching case twins names neither, and fails its input in the mapping.</summary>
        public bool NamesKey(string name, IReadOnlyCollection<string> names, RowSource source) =>
            ColumnNames.ColumnFor(name, names, source == RowSource.NotionRow, schema.PropertyTypes.Keys) is string requested
            && RowMapping.FindColumn(schema.PropertyTypes, requested) == keyColumn;

        /// <summary>An address any row's people cell shows is known without a request; any other is looked up.</summary>
        private string? UserIdByEmail(string email) => knownPeople.TryGetValue(email, out var id) ? id : lookUpEmail(email);

        private void RememberPeople(ExistingRow row)
        {
            foreach (var people in row.Row.Columns.Select(column => column.Value).OfType<NotionUserList>())
            {
                foreach (var person in people.Where(person => !string.IsNullOrEmpty(person.Email)))
                {
                    knownPeople[person.Email!] = person.Id;
                }
            }
        }

        /// <summary>A row read from Notion with its cells by column name.</summary>
        private sealed class ExistingRow
        {
            private readonly Dictionary<string, object?> cells = new Dictionary<string, object?>(StringComparer.Ordinal);

            public ExistingRow(PageRow row)
            {
                Row = row;
                foreach (var column in row.Columns)
                {
                    cells[column.Key] = column.Value;
                }
            }

            public PageRow Row { get; }

            /// <summary>The cell a row holds under <paramref name="rowName"/>, a column's name on a row (see <see cref="ColumnNames.OutputNames"/>).</summary>
            public object? Value(string rowName) => cells.TryGetValue(rowName, out var value) ? value : null;
        }
    }
}
