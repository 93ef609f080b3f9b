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
    [OutputType(typeof(Row))]
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

        /// <summary>A row: a hashtable or an object whose properties are named like the columns; a collection given here is taken row by row, as if piped.</summary>
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

        /// <summary>The folder whose files a files cell's text may name (a relative path is taken from it); without it, text that is no http(s) URL is refused.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? LocalFileRoot { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            TakeLocalFilesFrom(LocalFileRoot);
            schema = ResolveTargetOrThrow(ParameterSetName == ByDataSource ? NotionDatabaseBind.ForDataSourceId(DataSourceId) : DatabaseId!);
            upsert = MatchOn == null ? null : UpsertOrThrow(schema, MatchOn);
        }

        private protected override bool WritesRows => true;

        private protected override void ProcessInput()
        {
            foreach (var input in RowObjects.Each(InputObject!))
            {
                AddRow(input);
            }
        }

        private void AddRow(PSObject? input)
        {
            rowNumber++;
            IReadOnlyList<KeyValuePair<string, object?>> members;
            try
            {
                members = RowObjects.Members(input);
            }
            catch (NotionException ex)
            {
                Work.Add(RowOutcomes.Failed(ex), new PendingRow($"Row {rowNumber}", input, false));
                return;
            }

            StartRowWrite(schema!, upsert, RowLabel(rowNumber, schema!, members), input!, members, RowObjects.SourceOf(input!), IgnoreUnknownProperty);
        }
    }
}
