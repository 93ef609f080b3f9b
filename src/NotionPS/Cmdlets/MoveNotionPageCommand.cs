using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Ids;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>Moves pages under another page, or into a database (its data source) as rows.</summary>
    [Cmdlet(VerbsCommon.Move, "NotionPage", SupportsShouldProcess = true, HelpUri = HelpUriBase + "Move-NotionPage.md")]
    [OutputType(typeof(NotionPage))]
    public sealed class MoveNotionPageCommand : NotionPageActionCmdlet
    {
        private PageMove? move;
        private PageParent? parent;

        /// <summary>Where the pages go: a page, a database or a data source (ID, link or object).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        public NotionParentBind ParentId { get; set; } = null!;

        private protected override string Action => "Move page under " + ParentId;

        private protected override bool WritesPage => true;

        private protected override string Capability => PageRemedies.UpdateAndInsertContent;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();

            // A -ParentId that names nothing can never work: one terminating error rather than one per page.
            if (ParentId.Parent == null)
            {
                ThrowTerminatingError(this.InvalidIdError(ParentId.Rejection!, ParentId.Input));
            }

            parent = ParentId.Parent;
            move = new PageMove(Client, Log);
        }

        private protected override string MayBeDone => "may have been moved";

        private protected override Task<NotionPage> ChangeAsync(string pageId, Action<bool> sending, CancellationToken cancellationToken) => move!.MoveAsync(pageId, parent!, cancellationToken, sending);
    }
}
