using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using NotionPS.Client;
using NotionPS.Errors;

namespace NotionPS.Rows
{
    /// <summary>
    /// An input object's properties mapped onto a data source's columns (by name, case-insensitively,
    /// an exact-case match first) and converted to Notion property values.
    /// </summary>
    internal sealed class RowMapping
    {
        private RowMapping(JsonObject properties, IReadOnlyDictionary<string, object?> values, IReadOnlyList<string> skippedReadOnly, IReadOnlyList<string> ignoredUnknown, IReadOnlyList<PendingFile> pendingFiles, IReadOnlyList<(string Column, string Name)> addedOptions)
        {
            AddedOptions = addedOptions;
            Properties = properties;
            PendingFiles = pendingFiles;
            Values = values;
            SkippedReadOnly = skippedReadOnly;
            IgnoredUnknown = ignoredUnknown;
        }

        /// <summary>The <c>properties</c> object of a create or update request.</summary>
        public JsonObject Properties { get; }

        /// <summary>The input values by the schema's column name (for -MatchOn).</summary>
        public IReadOnlyDictionary<string, object?> Values { get; }

        /// <summary>Columns Notion computes that the input had values for; they are left out.</summary>
        public IReadOnlyList<string> SkippedReadOnly { get; }

        /// <summary>Input properties with no column, left out because unknown properties were to be ignored.</summary>
        public IReadOnlyList<string> IgnoredUnknown { get; }

        /// <summary>Files-cell items to upload or check before the row is sent (see <see cref="FileCells"/>).</summary>
        public IReadOnlyList<PendingFile> PendingFiles { get; }

        /// <summary>The options the row writes to select and multi-select columns that are not among the options it was mapped with: Notion adds them.</summary>
        public IReadOnlyList<(string Column, string Name)> AddedOptions { get; }

        /// <param name="schema">Column name to Notion property type.</param>
        /// <param name="input">The input's property names and plain values.</param>
        /// <param name="source">Where the input came from: how its names are read, and what is checked in its values.</param>
        /// <param name="ignoreUnknown">Leave out input properties with no column instead of refusing the row.</param>
        /// <param name="userIdByEmail">Looks up a person by e-mail address, for people given that way (see <see cref="PeopleCells"/>).</param>
        /// <param name="resolvePath">A local path as given to a full path, for files cells; null when files cannot be uploaded.</param>
        /// <param name="options">Select, multi-select and status columns' options by column name, which values take ignoring case; a name among none of them is one of <see cref="AddedOptions"/>.</param>
        /// <exception cref="UnknownColumnException">An input property names no column.</exception>
        /// <exception cref="ColumnAmbiguousException">An input property's name matches two or more columns in other cases, none exactly.</exception>
        /// <exception cref="RowValueException">A value does not fit its column.</exception>
        public static RowMapping Build(IReadOnlyDictionary<string, string> schema, IReadOnlyList<KeyValuePair<string, object?>> input, RowSource source, bool ignoreUnknown, Func<string, string?>? userIdByEmail = null, Func<string, string>? resolvePath = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? options = null)
        {
            var files = resolvePath == null ? null : new FileCellWriting(resolvePath);
            var properties = new JsonObject();
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            var skipped = new List<string>();
            var unknown = new List<string>();
            var added = new List<(string, string)>();
            foreach (var (pair, requested, column) in Columns(schema, input, source))
            {
                if (column == null)
                {
                    if (!ColumnNames.IsRowProperty(requested))
                    {
                        unknown.Add(pair.Key);
                    }

                    continue;
                }

                var type = schema[column];
                if (PropertyWriter.IsReadOnly(type))
                {
                    skipped.Add(column);
                    continue;
                }

                var value = type == "people" && userIdByEmail != null ? PeopleCells.WithIds(column, pair.Value, userIdByEmail) : pair.Value;
                var columnOptions = options != null && options.TryGetValue(column, out var known) ? known : null;
                var property = PropertyWriter.ToPropertyValue(column, type, value, source, files, columnOptions);
                properties[column] = property;
                values[column] = pair.Value;
                if (columnOptions != null && (type == "select" || type == "multi_select"))
                {
                    added.AddRange(OptionNamesIn(property, type).Where(name => !columnOptions.Contains(name, StringComparer.Ordinal)).Select(name => (column, name)));
                }
            }

            if (unknown.Count > 0 && !ignoreUnknown)
            {
                throw new UnknownColumnException(unknown, schema.Keys.ToList());
            }

            return new RowMapping(properties, values, skipped, unknown, (IReadOnlyList<PendingFile>?)files?.Pending ?? Array.Empty<PendingFile>(), added);
        }

        /// <summary>The option names a select or multi-select property value holds.</summary>
        private static IEnumerable<string> OptionNamesIn(JsonObject property, string type) =>
            property[type] is JsonArray items ? items.Select(item => (string)item!["name"]!)
            : property[type] is JsonObject option ? new[] { (string)option["name"]! }
            : Enumerable.Empty<string>();

        /// <summary>
        /// The e-mail addresses the input gives in people columns, which <see cref="Build"/> looks up: none means the
        /// lookup is never called, so the workspace's people need not be listed.
        /// </summary>
        public static IReadOnlyList<string> PeopleEmails(IReadOnlyDictionary<string, string> schema, IReadOnlyList<KeyValuePair<string, object?>> input, RowSource source) =>
            Columns(schema, input, source)
                .Where(named => named.Column != null && schema[named.Column] == "people")
                .SelectMany(named => PeopleCells.Emails(named.Pair.Value))
                .ToList();

        /// <summary>Each input property that names something (a row's own property of a read row names nothing), with the column it names or null.</summary>
        /// <exception cref="ColumnAmbiguousException">A name matches case twins, or two properties name one column (a case-sensitive dictionary's Name and name).</exception>
        private static IEnumerable<(KeyValuePair<string, object?> Pair, string Requested, string? Column)> Columns(
            IReadOnlyDictionary<string, string> schema, IReadOnlyList<KeyValuePair<string, object?>> input, RowSource source)
        {
            var inputNames = input.Select(pair => pair.Key).ToList();
            var namedBy = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in input)
            {
                var requested = ColumnNames.ColumnFor(pair.Key, inputNames, source == RowSource.NotionRow, schema.Keys);
                if (requested != null)
                {
                    var column = WrittenColumn(schema, pair.Key, requested);
                    if (column != null)
                    {
                        if (namedBy.TryGetValue(column, out var earlier))
                        {
                            throw ColumnAmbiguousException.NamedTwice(earlier, pair.Key, column);
                        }

                        namedBy[column] = pair.Key;
                    }

                    yield return (pair, requested, column);
                }
            }
        }

        /// <summary>
        /// The column an input property <paramref name="given"/> writes, which asks for <paramref name="requested"/>
        /// (<see cref="ColumnNames.ColumnFor"/>): <see cref="FindColumn"/>, null for none. A name two columns have in other
        /// cases only is refused, not taken for unknown: -IgnoreUnknownProperty must not silently drop it.
        /// </summary>
        /// <exception cref="ColumnAmbiguousException">Two or more columns have the name in other cases, none exactly.</exception>
        public static string? WrittenColumn(IReadOnlyDictionary<string, string> schema, string given, string requested) =>
            FindColumn(schema, requested) ?? (Ambiguity(schema, given, requested) is { } ambiguous ? throw ambiguous : (string?)null);

        /// <summary>
        /// The schema's name for a column a caller named (-Where, -Sort): <see cref="NamedColumn"/>. Notion itself matches
        /// names exactly, so it is resolved here, and a name matching none or two is refused.
        /// </summary>
        /// <exception cref="UnknownColumnException">No column has the name, in any case.</exception>
        /// <exception cref="ColumnAmbiguousException">Two or more columns have it in other cases, none exactly.</exception>
        public static string ResolveColumn(IReadOnlyDictionary<string, string> schema, string name) =>
            WrittenColumn(schema, name) ?? throw new UnknownColumnException(new[] { name }, schema.Keys.ToList());

        /// <summary><see cref="NamedColumn"/>, for a name given alone (-MatchOn, -Key, -Property), refusing one that two columns have in other cases only.</summary>
        /// <exception cref="ColumnAmbiguousException">Two or more columns have the name in other cases, none exactly.</exception>
        public static string? WrittenColumn(IReadOnlyDictionary<string, string> schema, string name) => WrittenColumn(schema, name, Requested(schema, name));

        /// <summary>
        /// The error for <paramref name="given"/>, which asks for <paramref name="requested"/> and names no single column, when
        /// two or more columns have that name in other cases; null when none has it.
        /// </summary>
        private static ColumnAmbiguousException? Ambiguity(IReadOnlyDictionary<string, string> schema, string given, string requested)
        {
            var matches = schema.Keys.Where(key => string.Equals(key, requested, StringComparison.OrdinalIgnoreCase)).OrderBy(key => key, StringComparer.Ordinal).ToList();
            return matches.Count > 1 ? new ColumnAmbiguousException(given, matches, ColumnNames.OutputNamesByColumn(schema.Keys.ToList())) : null;
        }

        /// <summary>
        /// The column a name a caller gave alone names (-Where, -Sort, -MatchOn), as a cell's key names it: the name a row
        /// gives the column ("&lt;name&gt; (column)" for a case twin or a column named like a row's own property, see
        /// <see cref="ColumnNames.ColumnFor"/>), else the exact name, else the one match ignoring case; null for none or several.
        /// </summary>
        public static string? NamedColumn(IReadOnlyDictionary<string, string> schema, string name) => FindColumn(schema, Requested(schema, name));

        /// <summary>The schema's name for a column: the exact name, else the one match ignoring case, else null.</summary>
        public static string? FindColumn(IReadOnlyDictionary<string, string> schema, string name)
        {
            if (schema.ContainsKey(name))
            {
                return name;
            }

            var matches = schema.Keys.Where(column => string.Equals(column, name, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
            return matches.Count == 1 ? matches[0] : null;
        }

        /// <summary>The column name a name given alone asks for: never null, as a name alone is no row (a row property's name is then the column's).</summary>
        private static string Requested(IReadOnlyDictionary<string, string> schema, string name) =>
            ColumnNames.ColumnFor(name, new[] { name }, isRow: false, schema.Keys)!;
    }

    /// <summary>Input properties that name no column of the data source.</summary>
    internal sealed class UnknownColumnException : NotionException
    {
        private readonly IReadOnlyList<string> unknown;

        private readonly IReadOnlyList<string> available;

        public UnknownColumnException(IReadOnlyList<string> unknown, IReadOnlyList<string> available)
            : base(NotionErrorIds.NotionUnknownColumn, $"No column named {string.Join(", ", unknown.Select(name => "'" + ServerText.VisibleShort(name) + "'"))}. The columns are: {ServerText.Visible(string.Join(", ", available))}.")
        {
            this.unknown = unknown;
            this.available = available;
        }

        public IReadOnlyList<string> Unknown => Shown(unknown);

        public IReadOnlyList<string> Available => Shown(available);
    }

    /// <summary>
    /// A name that matches, in other cases only, two or more columns (Notion allows names that differ only in case); the
    /// message names each as its column has it and as a row does (<paramref name="rowNames"/>: "name (column)"), either of which names it.
    /// </summary>
    internal sealed class ColumnAmbiguousException : NotionException
    {
        public ColumnAmbiguousException(string name, IReadOnlyList<string> matches, IReadOnlyDictionary<string, string> rowNames)
            : base(
                NotionErrorIds.NotionColumnAmbiguous,
                $"'{ServerText.VisibleShort(name)}' matches the columns {string.Join(" and ", matches.Select(Quoted))}, whose names differ only in case. "
                + $"Name one exactly as the column has it, or as a row does: {string.Join(", ", matches.Select(match => Quoted(rowNames[match])))}.")
        {
        }

        private ColumnAmbiguousException(string message)
            : base(NotionErrorIds.NotionColumnAmbiguous, message)
        {
        }

        /// <summary>Two input properties that name one column: which value is meant is unclear, so neither is taken.</summary>
        public static ColumnAmbiguousException NamedTwice(string first, string second, string column) =>
            new ColumnAmbiguousException(
                $"{Quoted(first)} and {Quoted(second)} both name the column {Quoted(column)} (names match columns ignoring case), so either value could be meant. Give the column once.");

        private static string Quoted(string name) => "'" + ServerText.VisibleShort(name) + "'";
    }
}
