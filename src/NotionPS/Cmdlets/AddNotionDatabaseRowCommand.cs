using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations;
using NotionPS.Rows;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Adds rows to a database from the pipeline (hashtables or objects, such as Import-Csv rows); with -MatchOn, updates the rows that already exist.
    /// <para>
    /// Input properties map to columns by name, ignoring case, and values are converted to each column's type.
    /// A row that cannot be added gets its own error (naming the row, the column and the value, with the input
    /// as the error's target object) and the other rows go on. Columns Notion computes (formula, rollup,
    /// created and edited time) are skipped with a warning. Several requests are kept in flight within
    /// Notion's rate limit; rows are written out in input order.
    /// </para>
    /// <para>
    /// Re-running safely: a create that failed with a server error or a dropped connection may still have
    /// reached Notion, so it is not repeated. Run the same command again with -MatchOn and a column that
    /// identifies rows (a title or an ID column): rows that exist are updated and only missing ones are added.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "NotionDatabaseRow", DefaultParameterSetName = ByDatabase, SupportsShouldProcess = true, HelpUri = HelpUriBase + "Add-NotionDatabaseRow.md")]
    [OutputType("NotionPS.Row")]
    public sealed class AddNotionDatabaseRowCommand : NotionRowWriteCmdlet
    {
        private const string ByDatabase = "ByDatabase";
        private const string ByDataSource = "ByDataSource";

        private DataSourceSchema? schema;
        private RowUpsert? upsert;
        private int rowNumber;

        /// <summary>The database's ID or URL. Not taken from the pipeline, so piped rows are never added back to where they came from by accident.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByDatabase)]
        [ArgumentCompleter(typeof(DatabaseIdCompleter))]
        [ValidateNotNull]
        public NotionDatabaseBind? DatabaseId { get; set; }

        /// <summary>The data source's ID, for a database with several.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByDataSource)]
        [ValidateNotNullOrEmpty]
        public string DataSourceId { get; set; } = string.Empty;

        /// <summary>A row: a hashtable or an object whose properties are named like the columns.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject? InputObject { get; set; }

        /// <summary>Leave out input properties that name no column, instead of refusing the row.</summary>
        [Parameter]
        public SwitchParameter IgnoreUnknownProperty { get; set; }

        /// <summary>A column that identifies rows: a row whose value there already exists is updated instead of added.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ColumnNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? MatchOn { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            schema = ResolveTargetOrThrow(ParameterSetName == ByDataSource ? NotionDatabaseBind.ForDataSourceId(DataSourceId) : DatabaseId!);
            if (MatchOn != null)
            {
                var matchColumn = RowUpsert.WritableColumn(schema, MatchOn);
                if (matchColumn == null)
                {
                    ThrowTerminatingError(NotionErrorRecords.Create(
                        new ArgumentException($"-MatchOn '{MatchOn}' is not a column of \"{schema.Name}\" that can be written. The columns are: {string.Join(", ", schema.PropertyTypes.Keys)}."),
                        NotionErrorIds.NotionUnknownColumn,
                        MatchOn));
                }

                upsert = new RowUpsert(Client, Log, schema, matchColumn!);
            }
        }

        private protected override bool WritesRows => true;

        protected override void ProcessRecord()
        {
            var input = InputObject!;
            rowNumber++;
            var label = $"Row {rowNumber}";
            RowMapping mapping;
            try
            {
                var members = RowObjects.Members(input);
                label = Label(members);
                mapping = RowMapping.Build(schema!.PropertyTypes, members, RowObjects.IsRow(input), IgnoreUnknownProperty, UserIdByEmail, ResolveLocalPath);
                if (mapping.Properties.Count == 0)
                {
                    var ignored = mapping.IgnoredUnknown.Count > 0 ? " (ignored: " + string.Join(", ", mapping.IgnoredUnknown) + ")" : string.Empty;
                    throw new NothingToWriteException(
                        $"Nothing to write: no property of the input names a column of \"{schema.Name}\" that can be written{ignored}, so no blank row is added. The columns are: {string.Join(", ", schema.PropertyTypes.Keys)}.");
                }
            }
            catch (NotionException ex)
            {
                Work.Add(RowOutcomes.Failed(ex), new PendingRow(label, input, false));
                return;
            }

            WarnOnceAboutReadOnly(schema, mapping.SkippedReadOnly);
            if (!ShouldProcess($"{label} of \"{schema.Name}\"", MatchOn == null ? "Add row" : "Add or update row"))
            {
                return;
            }

            var item = new PendingRow(label, input, mayCreate: true);

            // Files go up first: a row whose files cannot all be attached is not added.
            if (CompleteFiles(mapping, RowObjects.IsRow(input) ? input.Properties["PageId"]?.Value as string : null) is NotionException failed)
            {
                Work.Add(RowOutcomes.Failed(failed), item);
                return;
            }

            var task = upsert == null ? Writer.CreateAsync(schema.Id, mapping.Properties, CancelOnStop) : upsert.UpsertAsync(mapping, CancelOnStop);
            Work.Add(task, item);
        }

        /// <summary>How messages name the row: its position in the input and, when it has one, its title.</summary>
        private string Label(IReadOnlyList<KeyValuePair<string, object?>> members)
        {
            var title = schema!.TitlePropertyName;
            var value = title == null ? null : members.FirstOrDefault(member => string.Equals(member.Key, title, StringComparison.OrdinalIgnoreCase)).Value;
            return PlainValues.IsEmpty(value) || value is IDictionary ? $"Row {rowNumber}" : $"Row {rowNumber} (\"{PlainValues.ToInvariantString(value)}\")";
        }
    }
}
