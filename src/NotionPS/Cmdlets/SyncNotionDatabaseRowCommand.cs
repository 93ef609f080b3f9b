using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations;
using NotionPS.Rows;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Makes a database's rows match the piped rows by a key column: adds the missing, updates only the rows
    /// whose values differ (only the columns that differ), and with -DeleteMissing moves rows whose key is in no
    /// input to the trash.
    /// <para>
    /// Every row is read once and the whole plan is made before anything is written, so duplicate keys stop the
    /// command first. A row that already holds the input's values costs no request. Values are compared by the
    /// column's type, so CSV text matches what Notion holds. Run it again after a failure: it plans from what
    /// Notion holds then, so it only does what is still to do.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsData.Sync, "NotionDatabaseRow", DefaultParameterSetName = ByDatabase, SupportsShouldProcess = true, HelpUri = HelpUriBase + "Sync-NotionDatabaseRow.md")]
    [OutputType(typeof(NotionSyncResult))]
    public sealed class SyncNotionDatabaseRowCommand : NotionRowWriteCmdlet
    {
        private const string ByDatabase = "ByDatabase";
        private const string ByDataSource = "ByDataSource";

        private readonly Dictionary<PendingRow, SyncStep> inFlight = new Dictionary<PendingRow, SyncStep>();
        private readonly Dictionary<SyncStep, object> inputs = new Dictionary<SyncStep, object>();
        private DataSourceSchema? schema;
        private SyncRows? sync;
        private SyncPlanner? planner;
        private SyncPlan? plan;
        private RowDisplay? display;
        private int rowNumber;

        /// <summary>The database's ID or URL. Not taken from the pipeline, so piped rows are never synced back to where they came from by accident.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByDatabase)]
        [ArgumentCompleter(typeof(DatabaseIdCompleter))]
        [ValidateNotNull]
        public NotionDatabaseBind? DatabaseId { get; set; }

        /// <summary>The data source's ID, for a database with several.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByDataSource)]
        [ValidateNotNullOrEmpty]
        public string DataSourceId { get; set; } = string.Empty;

        /// <summary>A row: a hashtable or an object whose properties are named like the columns (Import-Csv rows); a collection given here is taken row by row, as if piped.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject? InputObject { get; set; }

        /// <summary>The column that identifies rows: each input is compared with the row holding the same value there.</summary>
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(ColumnNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string Key { get; set; } = string.Empty;

        /// <summary>The columns to compare and write (the key column is always one); by default every column the input names.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ColumnNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Property { get; set; }

        /// <summary>Move rows whose key is in no input to the trash (asks first, unless -Confirm:$false).</summary>
        [Parameter]
        public SwitchParameter DeleteMissing { get; set; }

        /// <summary>Leave out input properties that name no column, instead of refusing the row.</summary>
        [Parameter]
        public SwitchParameter IgnoreUnknownProperty { get; set; }

        /// <summary>Output a result for each row added, updated or trashed.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override bool WritesRows => false;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var bind = ParameterSetName == ByDataSource ? NotionDatabaseBind.ForDataSourceId(DataSourceId) : DatabaseId!;
            schema = ResolveTargetOrThrow(bind);
            var keyColumn = WritableColumnOrThrow(schema, Key, nameof(Key));
            var columns = Property?.Select(name => WritableColumnOrThrow(schema, name, nameof(Property))).ToList();
            display = new RowDisplay(this);
            sync = new SyncRows(Client, Log);
            try
            {
                var rows = RunWithLogPump(cancellationToken => sync.ReadAllAsync(schema.Id, cancellationToken));
                planner = new SyncPlanner(schema, keyColumn, columns, rows, UserIdByEmail, IgnoreUnknownProperty);
            }
            catch (NotionException ex)
            {
                ThrowTerminatingError(NotionErrorRecords.From(ex, bind.Input, ConnectionFacts()));
            }

            plan = new SyncPlan(keyColumn);
        }

        private protected override void ProcessInput()
        {
            // A collection given to -InputObject joins the plan row by row, so -DeleteMissing sees every row of it.
            foreach (var input in RowObjects.Each(InputObject!))
            {
                Compare(input);
            }
        }

        private void Compare(PSObject? input)
        {
            rowNumber++;
            SyncStep step;
            try
            {
                step = planner!.Compare(rowNumber, RowObjects.Members(input), RowObjects.SourceOf(input!));
            }
            catch (NotionException ex)
            {
                step = SyncStep.Failed(KeysDespiteError(input), $"Row {rowNumber}", ex);
            }

            plan!.Add(step);
            if (input != null)
            {
                inputs[step] = input;
            }

            if (step.Error != null)
            {
                WriteError(NotionErrorRecords.ForRow(step.Error, step.Label, input, facts: ConnectionFacts()));
            }

            WarnOnceAboutReadOnly(schema!, planner!.SkippedReadOnly);
        }

        /// <summary>
        /// The keys an input that could not be read whole still gives, read alone: -DeleteMissing must not trash the row
        /// of an input that failed on another value. None when the key itself cannot be read.
        /// </summary>
        private IReadOnlyList<SyncKey> KeysDespiteError(PSObject? input)
        {
            if (input == null)
            {
                return Array.Empty<SyncKey>();
            }

            var source = RowObjects.SourceOf(input);
            try
            {
                return planner!.KeysOf(RowObjects.Members(input, (name, names) => planner.NamesKey(name, names, source)), source);
            }
            catch (NotionException)
            {
                return Array.Empty<SyncKey>();
            }
        }

        protected override void EndProcessing()
        {
            var plan = this.plan!;
            try
            {
                plan.Finish(planner!, DeleteMissing);
            }
            catch (SyncKeyException ex)
            {
                ThrowTerminatingError(NotionErrorRecords.From(ex, Key));
            }

            if (planner!.RowsWithoutKey > 0)
            {
                WriteVerbose($"{planner.RowsWithoutKey} rows of \"{schema!.Name}\" have no value in '{plan.KeyColumn}': no input matches them and they are never trashed.");
            }

            foreach (var line in plan.Steps.SelectMany(ChangeLines))
            {
                WriteVerbose(line);
            }

            // Both answers are had before the first request, so a refused or failed prompt leaves no write half done.
            var target = $"\"{ServerText.VisibleShort(schema!.Name)}\"";
            var trash = plan.Steps.Where(step => step.Action == SyncAction.Trash).ToList();
            var writing = ShouldProcess(target, $"Sync rows ({plan.Summary()})");
            var trashing = trash.Count > 0 && ConfirmTrash(target, $"Move {trash.Count} rows whose '{ServerText.VisibleShort(plan.KeyColumn)}' is in no input to the trash");
            if (writing)
            {
                Write(plan.Steps.Where(step => step.Action == SyncAction.Add || step.Action == SyncAction.Update));
            }

            if (trashing)
            {
                Write(trash);
            }

            base.EndProcessing();
        }

        private protected override void Complete(PendingRow item, Task task)
        {
            var step = inFlight[item];
            inFlight.Remove(item);
            base.Complete(item, task);
            if (PassThru && task.Status == TaskStatus.RanToCompletion)
            {
                var row = ((Task<PageRow>)task).Result;
                var action = step.Action == SyncAction.Add ? "Added" : step.Action == SyncAction.Update ? "Updated" : "Trashed";
                var columns = step.Properties?.Select(property => property.Key).ToList() ?? new List<string>();
                WriteObject(new NotionSyncResult(action, step.Key!.Text, row.PageId, columns, display!.ToOutput(row)));
            }
        }

        private void Write(IEnumerable<SyncStep> steps)
        {
            foreach (var step in steps)
            {
                var item = new PendingRow(step.Label, inputs.TryGetValue(step, out var input) ? input : step.PageId, mayCreate: step.Action == SyncAction.Add);
                inFlight[item] = step;
                Work.Add(sync!.WriteAsync(schema!.Id, step, CancelOnStop), item);
            }
        }

        /// <summary>
        /// ShouldProcess for the trash part, which has ConfirmImpact High while the rest has Medium: when
        /// $ConfirmPreference is High (the default), ShouldProcess did not ask, so this asks. -Confirm (either
        /// way) and a lower $ConfirmPreference have had ShouldProcess decide already.
        /// </summary>
        private bool ConfirmTrash(string target, string action)
        {
            if (!ShouldProcess(target, action))
            {
                return false;
            }

            var preference = SessionState.PSVariable.GetValue("ConfirmPreference")?.ToString();
            var askedAlready = MyInvocation.BoundParameters.ContainsKey("Confirm")
                || !Enum.TryParse(preference, true, out ConfirmImpact level) || level != ConfirmImpact.High;
            return askedAlready || ShouldContinue($"{action} of {target}?", "Confirm trashing rows");
        }

        /// <summary>The -Verbose lines of a step: "key: column: old -> new" for each change of an update.</summary>
        private static IEnumerable<string> ChangeLines(SyncStep step)
        {
            switch (step.Action)
            {
                case SyncAction.Add:
                    return new[] { $"{step.Key}: add" };
                case SyncAction.Update:
                    return step.Changes.Select(change => ServerText.Visible($"{step.Key}: {change.Column}: {change.OldText} -> {change.NewText}"));
                case SyncAction.Trash:
                    return new[] { $"{step.Key}: trash" };
                default:
                    return Enumerable.Empty<string>();
            }
        }
    }
}
