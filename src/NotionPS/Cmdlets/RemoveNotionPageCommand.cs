using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Cmdlets
{
    /// <summary>Moves pages (and rows) to Notion's trash; Restore-NotionPage takes them out again.</summary>
    [Cmdlet(VerbsCommon.Remove, "NotionPage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpUriBase + "Remove-NotionPage.md")]
    [OutputType(typeof(NotionPage))]
    public sealed class RemoveNotionPageCommand : NotionPageTrashCmdlet
    {
        private protected override string Action => "Move page to trash";

        private protected override Task<NotionPage> ChangeAsync(string pageId, CancellationToken cancellationToken) => Trash.TrashAsync(pageId, cancellationToken);
    }
}
