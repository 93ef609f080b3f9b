using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>Takes pages (and rows) out of Notion's trash.</summary>
    [Cmdlet(VerbsData.Restore, "NotionPage", SupportsShouldProcess = true, HelpUri = HelpUriBase + "Restore-NotionPage.md")]
    [OutputType(typeof(NotionPage))]
    public sealed class RestoreNotionPageCommand : NotionPageActionCmdlet
    {
        private PageTrash? trash;

        /// <summary>Output the restored pages.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override string Action => "Restore page from trash";

        private protected override bool WritesPage => PassThru;

        private protected override string Capability => PageRemedies.UpdateContent;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            trash = new PageTrash(Client, Log);
        }

        private protected override Task<NotionPage> ChangeAsync(string pageId, CancellationToken cancellationToken) => trash!.RestoreAsync(pageId, cancellationToken);
    }
}
