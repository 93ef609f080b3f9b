using System;
using System.Collections;
using System.IO;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations;
using NotionPS.Operations.Files;
using NotionPS.Rows;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Changes columns of existing rows: from the piped objects' own properties, or the same -Property change on every row.
    /// <para>
    /// Each input names its row by PageId (rows from Get-NotionDatabaseRow, or a CSV with a PageId column).
    /// Without -Property the input's other properties are the columns to change, so
    /// Import-Csv changes.csv | Set-NotionDatabaseRow works. The row's own properties (DatabaseId, Url, ...)
    /// are never written; computed columns are skipped.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "NotionDatabaseRow", SupportsShouldProcess = true, HelpUri = HelpUriBase + "Set-NotionDatabaseRow.md")]
    [OutputType(typeof(Row))]
    public sealed class SetNotionDatabaseRowCommand : NotionRowWriteCmdlet
    {
        private RowChanges? changes;

        /// <summary>The row: its page ID or URL, or a row object.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNull]
        public NotionPageBind? PageId { get; set; }

        /// <summary>The row's data source, when known (rows carry it); saves reading the page to find it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? DataSourceId { get; set; }

        /// <summary>The object whose properties hold the new values, when -Property is not given; one object, not a collection of rows (pipe those).</summary>
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

        /// <summary>The folder whose files a files cell's text may name (a relative path is taken from it); without it, text that is no http(s) URL is refused.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? LocalFileRoot { get; set; }

        private protected override bool WritesRows => PassThru;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            TakeLocalFilesFrom(LocalFileRoot);
            changes = new RowChanges(Client, Log, IgnoreUnknownProperty, FileUploads, People, ResolveLocalPath);
        }

        private protected override void ProcessInput()
        {
            if (!this.TryPageId(PageId!, out var pageId))
            {
                return;
            }

            var target = (object?)InputObject ?? PageId!.Input;
            var item = new PendingRow($"Row {pageId}", target, mayCreate: false);
            if (Property == null && InputObject == null)
            {
                Work.Add(RowOutcomes.Failed(new NothingToChangeException()), item);
                return;
            }

            IReadOnlyList<KeyValuePair<string, object?>> members;
            PSObject? values = null;
            try
            {
                if (Property == null)
                {
                    var inputs = RowObjects.Each(InputObject!).ToList();
                    values = inputs.Count <= 1 ? inputs.SingleOrDefault() : throw new InputCollectionException(inputs.Count);
                }

                members = RowObjects.Members(Property != null ? new PSObject(Property) : values);
            }
            catch (NotionException ex)
            {
                Work.Add(RowOutcomes.Failed(ex), item);
                return;
            }

            var source = values == null ? RowSource.Given : RowObjects.SourceOf(values);
            var dataSourceId = string.IsNullOrEmpty(DataSourceId) ? PageId!.DataSourceId : DataSourceId;
            var action = "Change " + string.Join(", ", members.Select(m => m.Key).Where(name => !ColumnNames.IsRowProperty(name)).Select(name => ServerText.VisibleShort(name)));

            // A piped row arrives as -InputObject, its PageId bound by name: it is named by its title when it is the row changed.
            var piped = InputObject == null ? null : new NotionPageBind(InputObject);
            var shown = (piped?.PageId == pageId ? piped : PageId)!.ShownPage();
            if (FilesRoot == null && !members.Any(member => HoldsFile(member.Value)))
            {
                if (ShouldProcess(shown, action))
                {
                    Work.Add(changes!.ApplyAsync(pageId, dataSourceId, members, source, CancelOnStop), item);
                }

                return;
            }

            // A change that may upload is mapped here, so its files are checked and each upload confirmed (or listed by -WhatIf) first.
            (DataSourceSchema Schema, RowMapping Mapping) mapped;
            try
            {
                mapped = RunWithLogPump(cancellationToken => changes!.MapAsync(pageId, dataSourceId, members, source, cancellationToken));
            }
            catch (Exception ex) when (ex is NotionException || ex is ArgumentException)
            {
                Work.Add(RowOutcomes.Failed(ex), item);
                return;
            }

            if (LocalFileUploads.ShouldUpload(this, LocalUploads(mapped.Mapping)) && ShouldProcess(shown, action))
            {
                Work.Add(changes!.WriteAsync(pageId, mapped, source, CancelOnStop), item);
            }
        }

        /// <summary>A value that is or holds a file object (Get-Item), which is uploaded with or without -LocalFileRoot.</summary>
        private static bool HoldsFile(object? value) =>
            value is FileInfo || (value is IEnumerable items && !(value is string) && items.Cast<object?>().Any(item => item is FileInfo));
    }
}
