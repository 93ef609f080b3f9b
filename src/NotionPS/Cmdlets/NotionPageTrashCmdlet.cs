using System.Management.Automation;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>The base of Remove- and Restore-NotionPage: pages into or out of the trash, written with -PassThru.</summary>
    public abstract class NotionPageTrashCmdlet : NotionPageActionCmdlet
    {
        /// <summary>Output each page as it is after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected PageTrash Trash { get; private set; } = null!;

        private protected override bool WritesPage => PassThru;

        private protected override string Capability => PageRemedies.UpdateContent;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            Trash = new PageTrash(Client, Log);
        }
    }
}
