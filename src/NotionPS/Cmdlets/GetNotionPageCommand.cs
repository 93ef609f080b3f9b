using System;
using System.Management.Automation;
using NotionPS.Errors;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>Gets pages (a page under a page, or a row of a database) as NotionPS.NotionPage objects.</summary>
    [Cmdlet(VerbsCommon.Get, "NotionPage", HelpUri = HelpUriBase + "Get-NotionPage.md")]
    [OutputType(typeof(NotionPage))]
    public sealed class GetNotionPageCommand : NotionConnectedCmdlet
    {
        /// <summary>The pages: IDs, links, NotionPage objects or rows (see NotionPageBind).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ArgumentCompleter(typeof(PageIdCompleter))]
        [ValidateNotNull]
        public NotionPageBind[] PageId { get; set; } = Array.Empty<NotionPageBind>();

        protected override void ProcessRecord()
        {
            foreach (var bind in PageId)
            {
                if (!this.TryPageId(bind, out var pageId))
                {
                    continue;
                }

                try
                {
                    WriteObject(RunWithLogPump(cancellationToken => new PageReader(Client, Log).ReadAsync(pageId, cancellationToken)));
                }
                catch (NotionException ex)
                {
                    WriteError(PageRemedies.Record(ex, bind.Input, ConnectionFacts(onPage: true)));
                }
            }
        }
    }
}
