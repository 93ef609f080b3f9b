using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Operations;
using NotionPS.Rows;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Changes columns of existing rows: from the piped objects' own properties, or the same -Property change on every row.</para>
    /// <para type="description">
    /// Each input names its row by PageId (rows from Get-NotionDatabaseRow, or a CSV with a PageId column).
    /// Without -Property the input's other properties are the columns to change, so
    /// Import-Csv changes.csv | Set-NotionDatabaseRow works. The row's own properties (DatabaseId, Url, ...)
    /// are never written; computed columns are skipped.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "NotionDatabaseRow", SupportsShouldProcess = true, HelpUri = HelpUriBase + "Set-NotionDatabaseRow.md")]
    [OutputType(typeof(PSObject))]
    public sealed class SetNotionDatabaseRowCommand : NotionRowWriteCmdlet
    {
        private readonly ConcurrentDictionary<string, Task<DataSourceSchema>> schemas = new ConcurrentDictionary<string, Task<DataSourceSchema>>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The row's page ID or URL.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string PageId { get; set; } = string.Empty;

        /// <summary>The row's data source, when known (rows carry it); saves reading the page to find it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? DataSourceId { get; set; }

        /// <summary>The object whose properties hold the new values, when -Property is not given.</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>Column = value pairs to set on every row.</summary>
        [Parameter]
        public Hashtable? Property { get; set; }

        /// <summary>Leave out properties that name no column, instead of refusing the row.</summary>
        [Parameter]
        public SwitchParameter IgnoreUnknownProperty { get; set; }

        /// <summary>Output the changed rows.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override bool WritesRows => PassThru;

        protected override void ProcessRecord()
        {
            var parsed = ParseIdOrWriteError(PageId);
            if (parsed == null)
            {
                return;
            }

            var target = (object?)InputObject ?? PageId;
            var item = new PendingRow($"Row {parsed.Id}", target, mayCreate: false);
            if (Property == null && InputObject == null)
            {
                Work.Add(RowWork.Failed(new ArgumentException("Nothing to change: give -Property, or pipe objects whose properties are the columns to change.")), item);
                return;
            }

            IReadOnlyList<KeyValuePair<string, object?>> members;
            try
            {
                members = RowObjects.Members(Property != null ? new PSObject(Property) : InputObject!);
            }
            catch (InputValueException ex)
            {
                Work.Add(RowWork.Failed(ex), item);
                return;
            }

            var isRow = Property == null && RowObjects.IsRow(InputObject!);

            if (!ShouldProcess(parsed.Id, "Change " + string.Join(", ", members.Select(m => m.Key).Where(name => !ColumnNames.IsRowProperty(name)))))
            {
                return;
            }

            var dataSourceId = string.IsNullOrEmpty(DataSourceId) ? null : DataSourceId;
            Work.Add(UpdateAsync(parsed.Id, dataSourceId, members, isRow, CancelOnStop), item);
        }

        private async Task<PageRow?> UpdateAsync(string pageId, string? dataSourceId, IReadOnlyList<KeyValuePair<string, object?>> members, bool isRow, CancellationToken cancellationToken)
        {
            if (dataSourceId == null)
            {
                using (var page = await Client.GetPageAsync(pageId, Log, cancellationToken).ConfigureAwait(false))
                {
                    var parent = JsonRead.Object(page.RootElement, "parent") ?? default;
                    dataSourceId = JsonRead.String(parent, "data_source_id") ?? JsonRead.String(parent, "database_id")
                        ?? throw new ArgumentException($"Page {pageId} is not a database row: it has no database parent.");
                }
            }

            DataSourceSchema schema;
            try
            {
                schema = await schemas.GetOrAdd(dataSourceId, id => Client.GetSchemaAsync(id, Log, cancellationToken)).ConfigureAwait(false);
            }
            catch (NotionApiException)
            {
                // Not remembered: the next row of this data source asks again.
                schemas.TryRemove(dataSourceId, out _);
                throw;
            }

            var mapping = RowMapping.Build(schema.PropertyTypes, members, isRow, IgnoreUnknownProperty, UserIdByEmail);
            if (mapping.Properties.Count == 0)
            {
                Log.Verbose($"Page {pageId}: nothing to change (no input property names a writable column of \"{schema.Name}\").");
                return null;
            }

            return await Writer.UpdateAsync(pageId, mapping.Properties, cancellationToken).ConfigureAwait(false);
        }
    }
}
