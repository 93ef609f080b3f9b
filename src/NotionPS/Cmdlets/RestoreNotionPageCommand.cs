using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Cmdlets
{
    /// <summary>Takes pages (and rows) out of Notion's trash.</summary>
    [Cmdlet(VerbsData.Restore, "NotionPage", SupportsShouldProcess = true, HelpUri = HelpUriBase + "Restore-NotionPage.md")]
    [OutputType(typeof(NotionPage))]
    public sealed class RestoreNotionPageCommand : NotionPageTrashCmdlet
    {
        private protected override string Action => "Restore page from trash";

        private protected override string MayBeDone => "may be out of the trash";

        private protected override Task<NotionPage> ChangeAsync(string pageId, Action<bool> sending, CancellationToken cancellationToken) => Trash.RestoreAsync(pageId, cancellationToken, sending);
    }
}
