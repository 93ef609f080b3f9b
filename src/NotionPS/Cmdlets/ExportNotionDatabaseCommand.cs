using System;
using System.Collections;
using System.Management.Automation;
using System.Text.Json.Nodes;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations;
using NotionPS.Operations.Files;
using NotionPS.Rows;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Writes every row of a database (a data source) to a CSV file (the cells as text, as Export-Csv writes rows)
    /// or a JSON backup (the schema and the rows with their types kept, which Import-NotionDatabase restores).
    /// <para>
    /// Rows go to the file a page at a time as they are read, past Notion's 10,000-row cap of one query, so memory
    /// stays flat. The file is written under a temporary name beside the destination and replaces it only once
    /// complete: an export that fails midway leaves the file that was there as it was. Page bodies are not exported.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsData.Export, "NotionDatabase", DefaultParameterSetName = ByDatabase, SupportsShouldProcess = true, HelpUri = HelpUriBase + "Export-NotionDatabase.md")]
    public sealed class ExportNotionDatabaseCommand : NotionConnectedCmdlet
    {
        private const string ByDatabase = "ByDatabase";
        private const string ByDataSource = "ByDataSource";
        private const int ProgressActivityId = 7302;

        /// <summary>The database (its ID or URL, or an object naming it or one of its data sources). A database with several data sources needs -DataSourceId instead.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByDatabase, ValueFromPipeline = true)]
        [ArgumentCompleter(typeof(DatabaseIdCompleter))]
        [ValidateNotNull]
        public NotionDatabaseBind? DatabaseId { get; set; }

        /// <summary>The data source's ID (Get-NotionDatabase lists a database's data sources).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByDataSource)]
        [ValidateNotNullOrEmpty]
        public string DataSourceId { get; set; } = string.Empty;

        /// <summary>The file to write: *.csv or *.json.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>A filter in Notion's own shape, as Get-NotionDatabaseRow takes it.</summary>
        [Parameter]
        public Hashtable? Filter { get; set; }

        /// <summary>Column = value pairs, as Get-NotionDatabaseRow takes them.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Where { get; set; }

        /// <summary>
        /// A folder to save the files of the rows' files columns in, a folder per row; a JSON backup records each
        /// saved file's path, relative to the backup, so Import-NotionDatabase can upload it again.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? IncludeFiles { get; set; }

        /// <summary>Replace the file even when it is read-only, and with -IncludeFiles, files that exist.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Never replace a file that exists.</summary>
        [Parameter]
        [Alias("NoOverwrite")]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>The CSV file's text encoding; a JSON file is always UTF-8.</summary>
        [Parameter]
        [ValidateSet(ExportEncodings.Utf8, ExportEncodings.Utf8Bom, ExportEncodings.Utf8NoBom, ExportEncodings.Unicode, ExportEncodings.BigEndianUnicode, ExportEncodings.Utf32, ExportEncodings.BigEndianUtf32, ExportEncodings.Ascii, ExportEncodings.Latin1, IgnoreCase = true)]
        public string Encoding { get; set; } = ExportEncodings.Utf8NoBom;

        /// <summary>In a CSV file, put ' before text cells a spreadsheet would run as formulas; Import-NotionDatabase -EscapeFormula takes it off.</summary>
        [Parameter]
        public SwitchParameter EscapeFormula { get; set; }

        protected override void ProcessRecord()
        {
            var bind = ParameterSetName == ByDataSource ? NotionDatabaseBind.ForDataSourceId(DataSourceId) : DatabaseId!;
            if (!this.TryTarget(bind, out var target))
            {
                return;
            }

            var input = bind.Input;
            var path = LocalPaths.FileSystemPathOrStop(this, Path);
            var filesFolder = IncludeFiles == null ? null : LocalPaths.FileSystemPathOrStop(this, IncludeFiles);
            ExportFormat format;
            try
            {
                format = ExportFormats.FromPath(path);
                AtomicFile.RefuseNotAFile(path);
                AtomicFile.RefuseReplacing(path, NoClobber, Force);
                AtomicFile.RefuseMissingFolder(path, filesFolder);
            }
            catch (ExportException ex)
            {
                ThrowTerminatingError(NotionErrorRecords.From(ex, Path));
                return;
            }

            if (format == ExportFormat.Json && EscapeFormula)
            {
                WriteWarning("-EscapeFormula is for CSV files; a JSON backup keeps its text as it is.");
            }

            if (format == ExportFormat.Json && !ExportEncodings.IsUtf8(Encoding))
            {
                ThrowTerminatingError(NotionErrorRecords.Create(
                    new ArgumentException($"A JSON file is always written in UTF-8, so -Encoding {Encoding} is refused. Leave out -Encoding, or export to a .csv file."),
                    NotionErrorIds.NotionExportEncodingInvalid,
                    Encoding));
            }

            if (filesFolder != null && ExportFileDownloads.Clash(path, filesFolder) is string clash)
            {
                var suggested = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, System.IO.Path.GetFileNameWithoutExtension(path) + "-files");
                ThrowTerminatingError(NotionErrorRecords.From(
                    new NotionFileException(NotionErrorIds.NotionFileDestinationInvalid,
                        $"-IncludeFiles '{ShownPaths.Shown(filesFolder)}' {clash}, so it cannot hold the rows' files of the export to '{ShownPaths.Shown(path)}'. Give a folder of its own to save them in, such as '{ShownPaths.Shown(suggested)}'."),
                    IncludeFiles));
            }

            DataSourceDefinition definition;
            JsonNode? filter;
            try
            {
                // The definition chooses the data source and heads the file: one request for both.
                definition = RunWithLogPump(cancellationToken => new DataSourceResolver(Client, Log).ResolveAsync(
                    target, (id, token) => DataSourceDefinition.ReadAsync(Client, Log, id, token), cancellationToken));
                filter = new RowQueryPlan(RowFilterParameters.PlainFilter(Filter), RowFilterParameters.WherePairs(Where), Array.Empty<object?>(), editedSince: null, createdSince: null).Filter(definition.Schema);
            }
            catch (NotionException ex)
            {
                WriteError(ex is RowValueException || ex is UnknownColumnException
                    ? NotionErrorRecords.ForRow(ex, "-Where", input)
                    : NotionErrorRecords.From(ex, input, ConnectionFacts()));
                return;
            }

            if (ShouldProcess(path, $"Export the rows of \"{ServerText.VisibleShort(definition.Schema.Name)}\""))
            {
                Export(definition, filter, path, format, filesFolder, input);
            }
        }

        private void Export(DataSourceDefinition definition, JsonNode? filter, string path, ExportFormat format, string? filesFolder, object? input)
        {
            var schema = definition.Schema;
            var activity = $"Exporting the rows of \"{schema.Name}\" to {path}";
            try
            {
                var downloads = filesFolder == null ? null : new ExportFileDownloads(Client, Log, CreateFolder(filesFolder), path, Force);
                using (var export = DatabaseExport.Open(
                    Client, Log, definition, filter, path, format, ExportEncodings.Get(Encoding), NoClobber, Force, downloads, EscapeFormula, CancelOnStop))
                {
                    while (RunWithLogPump(export.WriteNextPageAsync))
                    {
                        foreach (var failed in export.TakeFileFailures())
                        {
                            WriteError(NotionErrorRecords.From(failed.Failure!, failed.File.Name));
                        }

                        WriteProgress(new ProgressRecord(ProgressActivityId, activity, $"{export.Written} rows written"));
                    }

                    export.Commit();
                    WriteVerbose($"{export.Written} rows of \"{schema.Name}\" written to {path}.");
                }
            }
            catch (NotionException ex)
            {
                WriteError(NotionErrorRecords.From(ex, input, ConnectionFacts()));
            }
            finally
            {
                WriteProgress(new ProgressRecord(ProgressActivityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        /// <exception cref="NotionFileException">The folder cannot be created.</exception>
        private static string CreateFolder(string folder)
        {
            try
            {
                return System.IO.Directory.CreateDirectory(folder).FullName;
            }
            catch (System.Exception ex) when (ex is System.IO.IOException || ex is System.UnauthorizedAccessException)
            {
                throw new NotionFileException(NotionErrorIds.NotionFileDestinationInvalid, $"The folder '{folder}' for -IncludeFiles cannot be created: {ex.Message}", ex);
            }
        }
    }
}
