using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Errors;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// The base of the cmdlets that change pages one request per input (Move-, Remove- and Restore-NotionPage): each
    /// page is asked about (ShouldProcess), changed, and written or reported on its own, so a failure on one page
    /// never loses the others.
    /// </summary>
    public abstract class NotionPageActionCmdlet : NotionConnectedCmdlet
    {
        /// <summary>The pages: IDs or links, or objects with a PageId (a NotionPage, a row).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("Id")]
        [ValidateNotNull]
        public NotionPageBind[] PageId { get; set; } = Array.Empty<NotionPageBind>();

        /// <summary>What ShouldProcess says is done to each page.</summary>
        private protected abstract string Action { get; }

        /// <summary>Whether the changed page is written to the output.</summary>
        private protected abstract bool WritesPage { get; }

        /// <summary>The capability the change needs, named in a 403's remedy.</summary>
        private protected abstract string Capability { get; }

        /// <summary>Changes one page and returns it as Notion answered.</summary>
        private protected abstract Task<NotionPage> ChangeAsync(string pageId, CancellationToken cancellationToken);

        protected override void ProcessRecord()
        {
            foreach (var bind in PageId)
            {
                if (!this.TryPageId(bind, out var pageId) || !ShouldProcess(bind.ShownPage(), Action))
                {
                    continue;
                }

                try
                {
                    var page = RunWithLogPump(cancellationToken => ChangeAsync(pageId, cancellationToken));
                    if (WritesPage)
                    {
                        WriteObject(page);
                    }
                }
                catch (NotionException ex)
                {
                    WriteError(NotionErrorRecords.From(ex, bind.Input, ConnectionFacts(onPage: true, capability: Capability)));
                }
            }
        }
    }
}
