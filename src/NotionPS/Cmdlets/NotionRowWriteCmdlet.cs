using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations;
using NotionPS.Operations.Files;
using NotionPS.Rows;
using NotionPS.Ids;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// The base of the cmdlets that change rows, one piece of work per input (its file uploads, then its request): several
    /// rows in flight (-ThrottleLimit) within the rate limit, results and per-row errors written in input order.
    /// </summary>
    public abstract class NotionRowWriteCmdlet : NotionConnectedCmdlet
    {
        private OrderedWork<PendingRow>? work;
        private RowWriter? writer;
        private RowDisplay? display;
        private LocalFileRoot? localFileRoot;
        private FileCellUploads? fileUploads;
        private readonly HashSet<string> warnedReadOnly = new HashSet<string>(StringComparer.Ordinal);
        private PeopleByEmail? people;

        /// <summary>The options the command's rows added, which its later rows write in the same spelling.</summary>
        private readonly AddedOptions addedOptions = new AddedOptions();

        /// <summary>How many rows may be in flight at once, their file uploads included (the rate limit still holds).</summary>
        [Parameter]
        [ValidateRange(1, 16)]
        public int ThrottleLimit { get; set; } = 4;

        private protected OrderedWork<PendingRow> Work => work!;

        private protected RowWriter Writer => writer!;

        /// <summary>The command's file uploads, shared by all its rows.</summary>
        private protected FileCellUploads FileUploads => fileUploads!;

        /// <summary>Whether finished rows are written to the output (always for Add; with -PassThru otherwise).</summary>
        private protected abstract bool WritesRows { get; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            work = new OrderedWork<PendingRow>(this, ThrottleLimit, Complete, RowOutcomes.Unsettled);
            display = new RowDisplay(this);
            writer = new RowWriter(Client, Log);
            fileUploads = new FileCellUploads(Client, Log);
            people = new PeopleByEmail(Client, Log, CancelOnStop);
        }

        /// <summary>The folder -LocalFileRoot names; null when it was not given.</summary>
        private protected LocalFileRoot? FilesRoot => localFileRoot;

        /// <summary>Takes the folder -LocalFileRoot names (null when not given) as the one whose files a files cell's text may name; called from BeginProcessing.</summary>
        private protected void TakeLocalFilesFrom(string? localFileRoot) => this.localFileRoot = LocalFileUploads.Root(this, localFileRoot);

        /// <summary>
        /// The full path of the local file a files cell's text names: only under -LocalFileRoot, as <see cref="LocalFileRoot"/>
        /// checks it, since the text may come from a CSV file or anyone's data; a FileInfo needs no root. Safe from any thread.
        /// </summary>
        /// <exception cref="NotionFileException">NotionLocalFileNotAllowed without -LocalFileRoot, or the root's refusal.</exception>
        private protected string ResolveLocalPath(string text) =>
            localFileRoot?.FullPathOf(text) ?? throw new NotionFileException(NotionErrorIds.NotionLocalFileNotAllowed,
                $"'{WebUrls.Shown(text)}' is not an http(s) URL, and text names a local file to upload only under a folder you name. " + LocalFileRemedy);

        /// <summary>What to do about text naming a local file without -LocalFileRoot, in terms of what this cmdlet's input can hold.</summary>
        private protected virtual string LocalFileRemedy =>
            "Pass the file itself (Get-Item <path>), or add -LocalFileRoot <folder> to upload files under that folder (a relative path is then taken from it).";

        /// <summary>
        /// The input's work, through the one path that stops the command's rows (<see cref="OrderedWork{TItem}.StoppingAllOnThrow"/>):
        /// a stop raised on the pipeline thread while an input is mapped, warned about or confirmed (-WarningAction Stop, Ctrl+C at a
        /// -Confirm prompt, a people lookup that stops the command) first cancels and ends the rows in flight.
        /// </summary>
        protected sealed override void ProcessRecord() => Work.StoppingAllOnThrow(ProcessInput);

        /// <summary>What ProcessRecord does for this cmdlet: starts the current input's rows (through <see cref="Work"/>).</summary>
        private protected abstract void ProcessInput();

        protected override void EndProcessing() => work?.Drain();

        /// <summary>
        /// A command stopped between inputs (Ctrl+C while the command before it ran, a downstream Select-Object -First) still
        /// ends its rows in flight first, and tells which may have been written.
        /// </summary>
        private protected override void EndWorkInFlight() => work?.StopAll();

        /// <summary>The command's people by e-mail address (see <see cref="PeopleByEmail"/>), for a row's task to await.</summary>
        private protected PeopleByEmail People => people!;

        /// <summary>
        /// A person's user ID by e-mail address, for people columns given that way (see <see cref="PeopleByEmail"/>), on the
        /// pipeline thread: it waits there for the listing, writing its log as it comes.
        /// </summary>
        private protected string? UserIdByEmail(string email) => RunWithLogPump(_ => people!.LookupAsync(new[] { email }))!(email);

        /// <summary>The data source rows go to; anything that stops it from being read stops the command, before any row is sent.</summary>
        private protected DataSourceSchema ResolveTargetOrThrow(NotionDatabaseBind bind)
        {
            var target = bind.Target;
            if (target == null)
            {
                ThrowTerminatingError(this.InvalidIdError(bind.Rejection!, bind.Input));
            }

            try
            {
                return RunWithLogPump(cancellationToken => new DataSourceResolver(Client, Log).ResolveAsync(target!, cancellationToken));
            }
            catch (Exception ex) when (ex is NotionApiException || ex is DataSourceChoiceException)
            {
                ThrowTerminatingError(NotionErrorRecords.From((NotionException)ex, bind.Input, ConnectionFacts()));
            }

            throw new InvalidOperationException("Unreachable: ThrowTerminatingError throws.");
        }

        /// <summary>Warns once per command about each computed column whose input values are skipped.</summary>
        private protected void WarnOnceAboutReadOnly(DataSourceSchema schema, IEnumerable<string> skippedColumns)
        {
            foreach (var column in skippedColumns)
            {
                if (warnedReadOnly.Add(column))
                {
                    WriteWarning($"Column '{ServerText.Visible(column)}' ({ServerText.Visible(schema.PropertyTypes[column])}) is computed by Notion and cannot be written; its values are skipped.");
                }
            }
        }

        /// <summary>The upsert by -MatchOn's column; a name that is no writable column, or a column rows cannot be found by (files), stops the command.</summary>
        private protected RowUpsert UpsertOrThrow(DataSourceSchema schema, string matchOn)
        {
            var column = WritableColumnOrThrow(schema, matchOn, "MatchOn");
            try
            {
                return new RowUpsert(Client, Log, schema, column);
            }
            catch (MatchOnException ex)
            {
                ThrowTerminatingError(NotionErrorRecords.From(ex, matchOn));
                throw new InvalidOperationException("Unreachable: ThrowTerminatingError throws.");
            }
        }

        /// <summary>The writable column a parameter names (as the schema spells it); any other name stops the command.</summary>
        private protected string WritableColumnOrThrow(DataSourceSchema schema, string name, string parameter)
        {
            string? column = null;
            try
            {
                column = RowUpsert.WritableColumn(schema, name);
            }
            catch (ColumnAmbiguousException ex)
            {
                ThrowTerminatingError(NotionErrorRecords.ForRow(ex, "-" + parameter, name));
            }

            if (column == null)
            {
                var computed = RowMapping.NamedColumn(schema.PropertyTypes, name);
                var refusal = computed == null
                    ? $"-{parameter} '{name}' is not a column of \"{ServerText.Visible(schema.Name)}\"."
                    : $"-{parameter} '{name}' names the column '{ServerText.Visible(computed)}' of \"{ServerText.Visible(schema.Name)}\", which Notion computes ({schema.PropertyTypes[computed]}), so it cannot be written.";
                ThrowTerminatingError(NotionErrorRecords.Create(
                    new ArgumentException($"{refusal} The columns that can be written are: {ServerText.Visible(string.Join(", ", PropertyWriter.WritableColumns(schema.PropertyTypes)))}."),
                    NotionErrorIds.NotionUnknownColumn,
                    name));
            }

            return column!;
        }

        /// <summary>
        /// How messages name a row: its position in the input and, when it has one, its title, shortened and with control
        /// characters made visible: the input may come from anyone (a CSV file), and every error of the row quotes it.
        /// </summary>
        private protected static string RowLabel(int rowNumber, DataSourceSchema schema, IReadOnlyList<KeyValuePair<string, object?>> members)
        {
            var title = schema.TitlePropertyName;
            var value = title == null ? null : members.FirstOrDefault(member => string.Equals(member.Key, title, StringComparison.OrdinalIgnoreCase)).Value;
            return PlainValues.IsEmpty(value) || value is IDictionary ? $"Row {rowNumber}" : $"Row {rowNumber} (\"{ServerText.VisibleShort(PlainValues.ToInvariantString(value))}\")";
        }

        /// <summary>
        /// Maps one input row onto the columns and, if ShouldProcess agrees, starts adding it (or, with an upsert,
        /// adding or updating it). A row that cannot be mapped gets its own error, in input order.
        /// </summary>
        /// <param name="members">The input's property names and plain values.</param>
        /// <param name="source">Where the input came from (see RowSource): how its names are read, and what is checked in its values.</param>
        private protected void StartRowWrite(DataSourceSchema schema, RowUpsert? upsert, string label, object input, IReadOnlyList<KeyValuePair<string, object?>> members, RowSource source, bool ignoreUnknown)
        {
            RowMapping mapping;
            try
            {
                mapping = RowMapping.Build(schema.PropertyTypes, members, source, ignoreUnknown, UserIdByEmail, ResolveLocalPath, addedOptions.For(schema));
                if (mapping.Properties.Count == 0)
                {
                    throw NothingToWriteException.NoWritableColumn("write", schema.Name, "no blank row is added", mapping, schema.PropertyTypes);
                }
            }
            catch (NotionException ex)
            {
                Work.Add(RowOutcomes.Failed(ex), new PendingRow(label, input, false));
                return;
            }

            WarnOnceAboutReadOnly(schema, mapping.SkippedReadOnly);

            // The local files were checked with the mapping, so -WhatIf fails a row the real run would fail, and lists each upload.
            if (!LocalFileUploads.ShouldUpload(this, LocalUploads(mapping)) || !ShouldProcess($"{label} of \"{ServerText.VisibleShort(schema.Name)}\"", upsert == null ? "Add row" : "Add or update row"))
            {
                return;
            }

            // Kept here, on the pipeline thread in input order, so the first row sent with a new option chooses its spelling.
            addedOptions.Keep(schema, mapping);

            // The row's files go up in its own work, before it is sent, so rows with files are -ThrottleLimit at a time like the
            // others; a row copied from another page copies the files Notion hosts from that page.
            var sourcePageId = source == RowSource.NotionRow && input is PSObject row ? row.Properties["PageId"]?.Value as string : null;
            Task UploadFiles(CancellationToken cancellationToken) => FileUploads.CompleteAsync(mapping.PendingFiles, sourcePageId, cancellationToken);
            var task = upsert == null ? Writer.CreateAsync(schema.Id, mapping.Properties, UploadFiles, CancelOnStop) : upsert.UpsertAsync(mapping, UploadFiles, CancelOnStop);
            Work.Add(task, new PendingRow(label, input, mayCreate: true));
        }

        /// <summary>The local files a row's files cells upload, as checked when the row was mapped, each with its column.</summary>
        private protected static IEnumerable<(LocalFile File, string Place)> LocalUploads(RowMapping mapping) =>
            mapping.PendingFiles.Where(file => file.Kind == PendingFileKind.Upload)
                .Select(file => (file.File!, $"column '{ServerText.Visible(file.Column)}'"));

        /// <summary>Writes one finished row or its error; called in input order on the pipeline thread.</summary>
        private protected virtual void Complete(PendingRow item, Task task) => RowOutcomes.Complete(this, item, task, WritesRows ? display : null, ConnectionFacts());
    }
}
