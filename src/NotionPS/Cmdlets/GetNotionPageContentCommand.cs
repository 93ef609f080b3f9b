using System;
using System.Management.Automation;
using NotionPS.Errors;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Gets a page's content: one Markdown string, complete (every block, every page of children, at any depth), or
    /// with -AsBlocks the blocks as Notion has them, each with its children nested, streamed a hundred at a time.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "NotionPageContent", DefaultParameterSetName = AsMarkdown, HelpUri = HelpUriBase + "Get-NotionPageContent.md")]
    [OutputType(typeof(string), typeof(PSObject))]
    public sealed class GetNotionPageContentCommand : NotionConnectedCmdlet
    {
        private const string AsMarkdown = "AsMarkdown";
        private const string AsBlockObjects = "AsBlocks";

        /// <summary>The pages: IDs, links, NotionPage objects or rows (see NotionPageBind).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ArgumentCompleter(typeof(PageIdCompleter))]
        [ValidateNotNull]
        public NotionPageBind[] PageId { get; set; } = Array.Empty<NotionPageBind>();

        /// <summary>Output the blocks as Notion's block objects (with a children property) instead of Markdown.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AsBlockObjects)]
        public SwitchParameter AsBlocks { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var bind in PageId)
            {
                if (!this.TryPageId(bind, out var pageId))
                {
                    continue;
                }

                var reader = new PageContentReader(Client, pageId, Log);
                try
                {
                    if (!AsBlocks)
                    {
                        WriteObject(RunWithLogPump(reader.ReadMarkdownAsync));
                        continue;
                    }

                    for (var blocks = RunWithLogPump(reader.NextAsync); blocks != null; blocks = RunWithLogPump(reader.NextAsync))
                    {
                        foreach (var block in blocks)
                        {
                            WriteObject(RowObjects.FromJson(block));
                        }
                    }
                }
                catch (NotionException ex)
                {
                    WriteError(PageRemedies.Record(RunWithLogPump(cancellationToken => NotAPageException.ExplainAsync(Client, pageId, ex, Log, cancellationToken)), bind.Input, ConnectionFacts(onPage: true)));
                }
                finally
                {
                    reader.Dispose();
                }
            }
        }
    }
}
