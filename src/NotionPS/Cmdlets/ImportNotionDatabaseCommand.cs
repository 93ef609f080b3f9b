using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations;
using NotionPS.Rows;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Adds the rows of a file Export-NotionDatabase wrote to a database: a JSON backup (its columns matched by
    /// name, each value written with the type the backup kept), or a CSV file (as Import-Csv | Add-NotionDatabaseRow
    /// adds it). With -MatchOn, rows that exist are updated instead.
    /// <para>
    /// Before any row is written, every column of the backup whose values are written must exist in the database:
    /// the missing ones are an error that lists them, or with -CreateMissingColumns they are created from the
    /// backup's definitions. A row that cannot be written gets its own error and the other rows go on.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsData.Import, "NotionDatabase", DefaultParameterSetName = ByDatabase, SupportsShouldProcess = true, HelpUri = HelpUriBase + "Import-NotionDatabase.md")]
    [OutputType("NotionPS.Row")]
    public sealed class ImportNotionDatabaseCommand : NotionRowWriteCmdlet
    {
        private const string ByDatabase = "ByDatabase";
        private const string ByDataSource = "ByDataSource";
        private const int ProgressActivityId = 7303;

        private DataSourceSchema? schema;

        /// <summary>The file to read: a *.json backup or a *.csv file Export-NotionDatabase wrote.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>The database's ID or URL. Not taken from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByDatabase)]
        [ArgumentCompleter(typeof(DatabaseIdCompleter))]
        [ValidateNotNull]
        public NotionDatabaseBind? DatabaseId { get; set; }

        /// <summary>The data source's ID, for a database with several.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByDataSource)]
        [ValidateNotNullOrEmpty]
        public string DataSourceId { get; set; } = string.Empty;

        /// <summary>A column that identifies rows: a row whose value there already exists is updated instead of added.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ColumnNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? MatchOn { get; set; }

        /// <summary>Create the backup's columns the database lacks, from the backup's definitions (JSON only).</summary>
        [Parameter]
        public SwitchParameter CreateMissingColumns { get; set; }

        /// <summary>Output each row as written.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Read a CSV file written with Export-NotionDatabase -EscapeFormula: take the ' it put before text cells off again.</summary>
        [Parameter]
        public SwitchParameter EscapeFormula { get; set; }

        /// <summary>
        /// The folder whose files the import may upload: a backup's saved files (their relative paths still taken from the
        /// backup's folder) instead of only those under the backup's folder, and files a cell's text names (a relative path
        /// taken from it); without it, text that is no http(s) URL is refused.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? LocalFileRoot { get; set; }

        /// <summary>
        /// The CSV file's text encoding, by the names Export-NotionDatabase -Encoding takes. Without it the file is read as
        /// UTF-8; either way a byte order mark wins, and bytes the encoding cannot decode refuse the file.
        /// </summary>
        [Parameter]
        [ValidateSet(ExportEncodings.Utf8, ExportEncodings.Utf8Bom, ExportEncodings.Utf8NoBom, ExportEncodings.Unicode, ExportEncodings.BigEndianUnicode, ExportEncodings.Utf32, ExportEncodings.BigEndianUtf32, ExportEncodings.Ascii, ExportEncodings.Latin1, IgnoreCase = true)]
        public string? Encoding { get; set; }

        private protected override bool WritesRows => PassThru;

        // A CSV file or a backup holds text, not file objects.
        private protected override string LocalFileRemedy =>
            "Add -LocalFileRoot <folder> to upload the files under that folder (a relative path is then taken from it), or put http(s) URLs in the column.";

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            TakeLocalFilesFrom(LocalFileRoot);
            schema = ResolveTargetOrThrow(ParameterSetName == ByDataSource ? NotionDatabaseBind.ForDataSourceId(DataSourceId) : DatabaseId!);
        }

        private protected override void ProcessInput()
        {
            var path = LocalPaths.FileSystemPathOrStop(this, Path);
            ExportFormat format;
            FileStream stream;
            try
            {
                format = ExportFormats.FromPath(path);
                if (format == ExportFormat.Json && Encoding != null && !ExportEncodings.IsUtf8(Encoding))
                {
                    ThrowTerminatingError(NotionErrorRecords.Create(
                        new System.ArgumentException($"A JSON backup is always UTF-8, so -Encoding {Encoding} is refused. Leave out -Encoding."),
                        NotionErrorIds.NotionExportEncodingInvalid,
                        Encoding));
                }

                BackupFile.RefuseNotAFile(path);
                stream = File.OpenRead(path);
            }
            catch (ExportException ex)
            {
                ThrowTerminatingError(NotionErrorRecords.From(ex, Path));
                return;
            }
            catch (System.Exception ex) when (ex is IOException || ex is System.UnauthorizedAccessException)
            {
                ThrowTerminatingError(NotionErrorRecords.Create(
                    new FileNotFoundException($"Cannot read '{path}': {ex.Message} Give the path of a file Export-NotionDatabase wrote.", ex),
                    NotionErrorIds.NotionImportFileNotFound,
                    Path));
                return;
            }

            using (stream)
            {
                if (format == ExportFormat.Json)
                {
                    ImportBackup(stream, path);
                }
                else
                {
                    ImportCsv(stream, path);
                }
            }
        }

        private void ImportBackup(Stream stream, string path)
        {
            if (EscapeFormula)
            {
                WriteWarning("-EscapeFormula is for CSV files; a JSON backup's text is read as it is.");
            }

            if (!TryOrStop(() => BackupFile.Read(stream, path), out var backup))
            {
                return;
            }

            using (backup)
            {
                var plan = new ImportPlan(backup.Columns, schema!, System.IO.Path.GetDirectoryName(path), FilesRoot);
                MatchColumns(plan);
                var upsert = MatchOn == null ? null : UpsertOrThrow(plan.Schema, MatchOn);
                var activity = $"Importing {path} into \"{plan.Schema.Name}\"";
                var number = 0;
                try
                {
                    // Read as they are written, one at a time, so a backup of any size takes the same memory.
                    foreach (var row in backup.ReadRows())
                    {
                        var rowNumber = ++number;
                        IReadOnlyList<KeyValuePair<string, object?>> members;
                        try
                        {
                            members = plan.Members(row, refused => WriteWarning($"Row {rowNumber}, column '{ServerText.Visible(refused.Column)}': {refused.Message}"));
                        }
                        catch (ExportException ex)
                        {
                            Work.Add(RowOutcomes.Failed(ex), new PendingRow($"Row {rowNumber}", null, false));
                            continue;
                        }

                        // The error's target is the row as values, which outlives the file's JSON.
                        StartRowWrite(plan.Schema, upsert, RowLabel(rowNumber, plan.Schema, members), Values(members), members, RowSource.Backup, ignoreUnknown: false);
                        if (ProgressDue(rowNumber, backup.RowCount))
                        {
                            WriteProgress(new ProgressRecord(ProgressActivityId, activity, $"{rowNumber} of {backup.RowCount} rows") { PercentComplete = (int)(100L * rowNumber / backup.RowCount) });
                        }
                    }
                }
                catch (ExportException ex)
                {
                    // The file changed since it was checked: the rows before it are written; the rest cannot be read.
                    WriteError(NotionErrorRecords.ForRow(ex, $"Row {number + 1}", Path));
                }

                CompleteProgress(activity);
            }
        }

        /// <summary>Creates the missing columns (-CreateMissingColumns), or stops before any row when a written one is missing.</summary>
        private void MatchColumns(ImportPlan plan)
        {
            if (plan.Missing.Count > 0 && CreateMissingColumns)
            {
                if (ShouldProcess($"\"{ServerText.VisibleShort(plan.Schema.Name)}\"", "Create the columns " + ImportPlan.Describe(plan.Missing)))
                {
                    try
                    {
                        RunWithLogPump(cancellationToken => plan.CreateMissingColumnsAsync(Client, Log, cancellationToken));
                    }
                    catch (NotionApiException ex)
                    {
                        ThrowTerminatingError(NotionErrorRecords.From(ex, Path));
                    }
                }
            }
            else if (plan.MissingWritable.Count > 0)
            {
                var missing = ImportPlan.Describe(plan.MissingWritable);
                ThrowTerminatingError(NotionErrorRecords.Create(
                    new System.InvalidOperationException(
                        $"\"{plan.Schema.Name}\" has no column {missing}, which the backup has values for, so no row is written. "
                        + "Create them (in Notion, or with Set-NotionDatabaseSchema), or run the import again with -CreateMissingColumns to create them from the backup's definitions."),
                    NotionErrorIds.NotionImportColumnsMissing,
                    Path));
            }

            foreach (var change in plan.TypeChanges)
            {
                WriteWarning(change + "; its values are converted.");
            }
        }

        private void ImportCsv(Stream stream, string path)
        {
            if (CreateMissingColumns)
            {
                WriteWarning("A CSV file has no column definitions, so -CreateMissingColumns creates nothing; export to a .json file to keep them.");
            }

            if (!TryOrStop(() => new CsvRows(stream, path, ExportEncodings.ForReading(Encoding ?? ExportEncodings.Utf8), Encoding ?? "UTF-8"), out var rows))
            {
                return;
            }

            using (rows)
            {
                if (rows.UnnamedColumns.Count > 0)
                {
                    WriteWarning($"'{path}': the header gives column {string.Join(", ", rows.UnnamedColumns)} no name, so it is left out; a row with text there is an error and is not written.");
                }

                var upsert = MatchOn == null ? null : UpsertOrThrow(schema!, MatchOn);
                var activity = $"Importing {path} into \"{schema!.Name}\"";
                var number = 0;
                try
                {
                    for (var row = rows.ReadRow(out var refused); row != null; row = rows.ReadRow(out refused))
                    {
                        number++;
                        if (refused != null)
                        {
                            Work.Add(RowOutcomes.Failed(refused), new PendingRow($"Row {number}", null, false));
                            continue;
                        }

                        var cells = EscapeFormula ? CsvFormulas.Unescape(row, schema.PropertyTypes) : row;
                        StartRowWrite(schema, upsert, RowLabel(number, schema, cells), Values(cells), cells, RowSource.Given, ignoreUnknown: false);
                        if (ProgressDue(number, null))
                        {
                            WriteProgress(new ProgressRecord(ProgressActivityId, activity, $"{number} rows"));
                        }
                    }
                }
                catch (ExportException ex)
                {
                    // The rows before it are written; the rest of the file cannot be read.
                    WriteError(NotionErrorRecords.ForRow(ex, $"Row {number + 1}", Path));
                }

                CompleteProgress(activity);
            }
        }

        /// <summary>Progress every 100 rows and at the last: a record per row would cost more than the row.</summary>
        private static bool ProgressDue(int done, int? total) => done % 100 == 0 || done == total;

        private void CompleteProgress(string activity) =>
            WriteProgress(new ProgressRecord(ProgressActivityId, activity, "Done") { RecordType = ProgressRecordType.Completed });

        /// <summary>Opens the file's rows, or stops the command with the file's error.</summary>
        private bool TryOrStop<T>(System.Func<T> open, out T opened)
            where T : class
        {
            try
            {
                opened = open();
                return true;
            }
            catch (ExportException ex)
            {
                opened = null!;
                ThrowTerminatingError(NotionErrorRecords.From(ex, Path));
                return false;
            }
        }

        /// <summary>A row's values as an object, the target of its error (Add-NotionDatabaseRow takes it as it is).</summary>
        private static PSObject Values(IReadOnlyList<KeyValuePair<string, object?>> members)
        {
            var values = new PSObject();
            foreach (var member in members)
            {
                values.Properties.Add(new PSNoteProperty(member.Key, member.Value));
            }

            return values;
        }
    }
}
