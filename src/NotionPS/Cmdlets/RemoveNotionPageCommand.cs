using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Cmdlets
{
    /// <summary>Moves pages (and rows) to Notion's trash; Restore-NotionPage takes them out again.</summary>
    [Cmdlet(VerbsCommon.Remove, "NotionPage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpUriBase + "Remove-NotionPage.md")]
    [OutputType(typeof(NotionPage))]
    public sealed class RemoveNotionPageCommand : NotionPageTrashCmdlet
    {
        private protected override string Action => "Move page to trash";

        private protected override string MayBeDone => "may be in the trash";

        private protected override string StoppedRemedy(string pageId) =>
            $"Running the same command again is safe: a page already in the trash stays there. To keep it, take it back with Restore-NotionPage -PageId {CommandText.Literal(pageId)}.";

        private protected override Task<NotionPage> ChangeAsync(string pageId, Action<bool> sending, CancellationToken cancellationToken) => Trash.TrashAsync(pageId, cancellationToken, sending);
    }
}
