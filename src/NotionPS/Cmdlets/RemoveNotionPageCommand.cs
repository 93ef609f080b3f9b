using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>Moves pages (and rows) to Notion's trash; Restore-NotionPage takes them out again.</summary>
    [Cmdlet(VerbsCommon.Remove, "NotionPage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpUriBase + "Remove-NotionPage.md")]
    [OutputType(typeof(NotionPage))]
    public sealed class RemoveNotionPageCommand : NotionPageActionCmdlet
    {
        private PageTrash? trash;

        /// <summary>Output the trashed pages.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override string Action => "Move page to trash";

        private protected override bool WritesPage => PassThru;

        private protected override string Capability => PageRemedies.UpdateContent;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            trash = new PageTrash(Client, Log);
        }

        private protected override Task<NotionPage> ChangeAsync(string pageId, CancellationToken cancellationToken) => trash!.TrashAsync(pageId, cancellationToken);
    }
}
