using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations.Files;
using NotionPS.Rows;

namespace NotionPS.Operations
{
    /// <summary>
    /// How a JSON backup's columns meet the data source it is imported into: matched by name (ignoring case, an
    /// exact match first), the ones missing there, and the rows as the plain values each column is written from.
    /// Columns Notion computes (formula, rollup, created and edited time and by, unique ID) are not written.
    /// </summary>
    internal sealed class ImportPlan
    {
        private readonly IReadOnlyList<BackupColumn> columns;
        private readonly string? backupFolder;
        private readonly LocalFileRoot? savedFilesRoot;
        private DataSourceSchema schema;
        private List<KeyValuePair<BackupColumn, string>> written = new List<KeyValuePair<BackupColumn, string>>();

        /// <param name="backupFolder">The backup file's folder, where the paths of files it saved start; null to take the files' URLs.</param>
        /// <param name="localFileRoot">-LocalFileRoot, the folder the saved files must lie under; null for the backup's folder.</param>
        public ImportPlan(IReadOnlyList<BackupColumn> columns, DataSourceSchema schema, string? backupFolder = null, LocalFileRoot? localFileRoot = null)
        {
            this.columns = columns;
            this.backupFolder = backupFolder;
            savedFilesRoot = backupFolder == null ? null : localFileRoot ?? new LocalFileRoot(backupFolder);
            this.schema = schema;
            Match();
        }

        public DataSourceSchema Schema => schema;

        /// <summary>The backup's columns that the data source lacks, writable or not.</summary>
        public IReadOnlyList<BackupColumn> Missing { get; private set; } = Array.Empty<BackupColumn>();

        /// <summary>The backup's columns whose values are written that the data source lacks: the import cannot go on without them.</summary>
        public IReadOnlyList<BackupColumn> MissingWritable => Missing.Where(column => !PropertyWriter.IsReadOnly(column.Type)).ToList();

        /// <summary>Columns of another type in the data source than in the backup: each value is converted to the data source's type.</summary>
        public IEnumerable<string> TypeChanges =>
            written.Where(pair => schema.PropertyTypes[pair.Value] != pair.Key.Type)
                .Select(pair => $"'{pair.Value}' is {pair.Key.Type} in the backup and {schema.PropertyTypes[pair.Value]} here");

        /// <summary>The columns missing, each as "name (type)", for a message.</summary>
        public static string Describe(IEnumerable<BackupColumn> missing) => string.Join(", ", missing.Select(column => $"'{ServerText.VisibleShort(column.Name)}' ({ServerText.Visible(column.Type)})"));

        /// <summary>
        /// Adds every missing column to the data source from the backup's definitions and matches the columns again:
        /// first all but the rollups, then the rollups, which name a relation that must exist by then.
        /// </summary>
        public async Task CreateMissingColumnsAsync(NotionClient client, INotionLog log, CancellationToken cancellationToken)
        {
            foreach (var batch in Missing.GroupBy(column => column.Type == "rollup").OrderBy(group => group.Key))
            {
                var properties = new JsonObject();
                foreach (var column in batch)
                {
                    properties[column.Name] = NewColumn(column);
                }

                // Notion answers a change with the whole data source as it now is: no second request to read it.
                using (var changed = await client.UpdateDataSourceAsync(schema.Id, new JsonObject { ["properties"] = properties }, log, cancellationToken).ConfigureAwait(false))
                {
                    schema = DataSourceSchema.From(changed.RootElement);
                }
            }

            Match();
        }

        /// <summary>A backup row's cells as the input of a row write: the data source's column name and the plain value.</summary>
        /// <param name="refusedFile">Told of each saved file that is not uploaded (not there, its path refused, or a file the API cannot take): its URL is taken instead.</param>
        /// <exception cref="ExportException">The row has no cells object, or gives a key twice.</exception>
        public IReadOnlyList<KeyValuePair<string, object?>> Members(JsonElement row, Action<SavedFileRefusal>? refusedFile = null)
        {
            if (JsonRead.RepeatedKey(row) is string repeated)
            {
                throw new ExportException(NotionErrorIds.NotionImportFileInvalid, BackupFile.Repeated("the row", repeated));
            }

            if (!(JsonRead.Object(row, "cells") is JsonElement cells))
            {
                throw new ExportException(NotionErrorIds.NotionImportFileInvalid, "the row has no \"cells\" object.");
            }

            var members = new List<KeyValuePair<string, object?>>(written.Count);
            foreach (var pair in written)
            {
                if (cells.TryGetProperty(pair.Key.Name, out var cell))
                {
                    var column = pair.Key.Name;
                    members.Add(new KeyValuePair<string, object?>(pair.Value, BackupCells.ToInput(pair.Key.Type, cell, (path, url) => SavedFile(path, url, column, refusedFile))));
                }
            }

            return members;
        }

        /// <summary>
        /// The full path of a file the backup saved, when it is there, its path is allowed (see <see cref="SavedFilePaths.Resolve"/>)
        /// and it is a file the API takes: Notion's app attaches any file (a .zip, an empty one), the API uploads fewer, and such
        /// a file would fail its whole row where its URL restores it. A recorded path with no file there is told too: the backup
        /// was moved without its files, and the URL written instead has most likely expired.
        /// </summary>
        private string? SavedFile(string? recordedPath, string? url, string column, Action<SavedFileRefusal>? refusedFile)
        {
            if (backupFolder == null || string.IsNullOrWhiteSpace(recordedPath))
            {
                return null;
            }

            var copy = ShownCopy(recordedPath!);
            try
            {
                var saved = SavedFilePaths.Resolve(backupFolder, savedFilesRoot!, recordedPath)
                    ?? throw new NotionFileException(NotionErrorIds.NotionFileNotFound, $"No file '{copy}'.");
                LocalFile.Check(saved, null, null);
                return saved;
            }
            catch (NotionFileException ex)
            {
                refusedFile?.Invoke(new SavedFileRefusal(column, ex, url, ex.ErrorId == NotionErrorIds.NotionFileNotFound ? null : copy));
                return null;
            }
        }

        /// <summary>Where a recorded path points, as a message shows it: made full from the backup's folder where the system takes it as a path.</summary>
        private string ShownCopy(string recordedPath)
        {
            var local = recordedPath.Replace('/', System.IO.Path.DirectorySeparatorChar);
            try
            {
                return ShownPaths.Shown(System.IO.Path.GetFullPath(System.IO.Path.Combine(backupFolder!, local)));
            }
            catch (Exception ex) when (UnusablePaths.IsRefusal(ex))
            {
                return ShownPaths.Shown(recordedPath);
            }
        }

        /// <summary>
        /// A column to create, from its definition as Notion gave it: the type's settings without what belongs to the
        /// database it came from (option and property IDs, a dual relation's synced column, status groups).
        /// </summary>
        internal static JsonObject NewColumn(BackupColumn column)
        {
            var settings = column.Definition.ValueKind == JsonValueKind.Object && column.Definition.TryGetProperty(column.Type, out var given) && given.ValueKind == JsonValueKind.Object
                ? (JsonObject)JsonNode.Parse(given.GetRawText())!
                : new JsonObject();
            switch (column.Type)
            {
                case "select":
                case "multi_select":
                case "status":
                    settings = new JsonObject { ["options"] = Options(settings["options"] as JsonArray) };
                    break;
                case "relation":
                    var kind = settings["type"]?.GetValue<string>() ?? "single_property";
                    var relation = new JsonObject { ["type"] = kind, [kind] = new JsonObject() };
                    if (settings["data_source_id"] is JsonNode dataSource)
                    {
                        relation["data_source_id"] = dataSource.DeepClone();
                    }
                    else if (settings["database_id"] is JsonNode database)
                    {
                        relation["database_id"] = database.DeepClone();
                    }

                    settings = relation;
                    break;
                case "rollup":
                    settings = new JsonObject
                    {
                        ["relation_property_name"] = settings["relation_property_name"]?.DeepClone(),
                        ["rollup_property_name"] = settings["rollup_property_name"]?.DeepClone(),
                        ["function"] = settings["function"]?.DeepClone(),
                    };
                    break;
            }

            return new JsonObject { [column.Type] = settings };
        }

        private static JsonArray Options(JsonArray? options) =>
            new JsonArray((options ?? new JsonArray()).OfType<JsonObject>()
                .Select(option => (JsonNode)new JsonObject { ["name"] = option["name"]?.DeepClone(), ["color"] = option["color"]?.DeepClone() })
                .ToArray());

        private void Match()
        {
            var missing = new List<BackupColumn>();
            written = new List<KeyValuePair<BackupColumn, string>>();
            // A backup column with a case twin in the backup (Name and name) matches only its exact name: matched
            // ignoring case, both would write one column and the other's values would be lost.
            var twins = new HashSet<string>(columns.GroupBy(column => column.Name, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1).SelectMany(group => group).Select(column => column.Name), StringComparer.Ordinal);
            foreach (var column in columns)
            {
                var target = twins.Contains(column.Name)
                    ? (schema.PropertyTypes.ContainsKey(column.Name) ? column.Name : null)
                    : RowMapping.FindColumn(schema.PropertyTypes, column.Name);
                if (target == null)
                {
                    missing.Add(column);
                }
                else if (!PropertyWriter.IsReadOnly(column.Type) && !PropertyWriter.IsReadOnly(schema.PropertyTypes[target]))
                {
                    written.Add(new KeyValuePair<BackupColumn, string>(column, target));
                }
            }

            Missing = missing;
        }
    }
}
