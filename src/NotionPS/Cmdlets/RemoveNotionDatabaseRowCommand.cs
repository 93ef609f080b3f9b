using System;
using System.Management.Automation;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Moves rows to Notion's trash.
    /// <para>Rows stay in the trash for Notion's retention period and can be restored from Notion's Trash. Asks for confirmation unless -Confirm:$false.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "NotionDatabaseRow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpUriBase + "Remove-NotionDatabaseRow.md")]
    [OutputType(typeof(Row))]
    public sealed class RemoveNotionDatabaseRowCommand : NotionRowWriteCmdlet
    {
        /// <summary>The rows: page IDs or URLs, or row objects.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("Id")]
        [ValidateNotNull]
        public NotionPageBind[] PageId { get; set; } = Array.Empty<NotionPageBind>();

        /// <summary>Output the trashed rows.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override bool WritesRows => PassThru;

        private protected override void ProcessInput()
        {
            foreach (var bind in PageId)
            {
                if (this.TryPageId(bind, out var pageId) && ShouldProcess(bind.ShownPage(), "Move row to trash"))
                {
                    Work.Add(Writer.TrashAsync(pageId, CancelOnStop), new PendingRow($"Row {pageId}", bind.Input, mayCreate: false));
                }
            }
        }
    }
}
