using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Errors;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// The base of the cmdlets that change pages one request per input (Move-, Remove-, Restore- and Set-NotionPage): each
    /// page is asked about (ShouldProcess), changed, and written or reported on its own, so a failure on one page
    /// never loses the others. A stop that cuts a page's request off once it was sent is told: Notion may have done it.
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

        /// <summary>What a change that may have been done may have left, completing "so the page ..." ("may be in the trash").</summary>
        private protected abstract string MayBeDone { get; }

        /// <summary>
        /// Changes one page and returns it as Notion answered; <paramref name="sending"/> is told whether its request may have
        /// been done (see <see cref="NotionPS.Client.NotionClient.SendAsync"/>).
        /// </summary>
        private protected abstract Task<NotionPage> ChangeAsync(string pageId, Action<bool> sending, CancellationToken cancellationToken);

        /// <summary>What to do about a page whose change may have been done: each of these changes is safe to send again.</summary>
        private protected virtual string StoppedRemedy(string pageId) => "Running the same command again for it is safe: it leaves the page as the command asks.";

        protected override void ProcessRecord()
        {
            foreach (var bind in PageId)
            {
                if (!this.TryPageId(bind, out var pageId) || !ShouldProcess(bind.ShownPage(), Action))
                {
                    continue;
                }

                NotionPage page;
                var sent = false;
                try
                {
                    page = RunWithLogPump(cancellationToken => ChangeAsync(pageId, mayBeDone => sent = mayBeDone, cancellationToken));
                }
                catch (NotionException ex)
                {
                    WriteError(NotionErrorRecords.From(ex, bind.Input, ConnectionFacts(onPage: true, capability: Capability)));
                    continue;
                }
                catch when (sent)
                {
                    // The stop (Ctrl+C, a Stop preference) cut the request off after it was sent: Notion may have done it.
                    TellAfterStop($"The command stopped after the request for page {pageId} was sent and before Notion answered, so the page {MayBeDone}. {StoppedRemedy(pageId)}");
                    throw;
                }

                if (WritesPage)
                {
                    WriteObject(page);
                }
            }
        }
    }
}
