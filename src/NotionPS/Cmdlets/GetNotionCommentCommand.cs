using System;
using System.Management.Automation;
using NotionPS.Errors;
using NotionPS.Ids;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>Gets every comment on a page, or on a block inside a page, oldest first, as Notion's pages of them come.</summary>
    [Cmdlet(VerbsCommon.Get, "NotionComment", DefaultParameterSetName = PageSet, HelpUri = HelpUriBase + "Get-NotionComment.md")]
    [OutputType(typeof(NotionComment))]
    public sealed class GetNotionCommentCommand : NotionConnectedCmdlet
    {
        private const string PageSet = "Page";
        private const string BlockSet = "Block";

        private CommentReader? reader;

        /// <summary>The pages: IDs or links, or objects with a PageId (a NotionPage, a row).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PageSet)]
        [Alias("Id")]
        [ValidateNotNull]
        public NotionPageBind[] PageId { get; set; } = Array.Empty<NotionPageBind>();

        /// <summary>Blocks inside a page, by ID (a comment on a block is in that block's list, not the page's).</summary>
        /// <remarks>Not bound from the pipeline by name: a piped comment's BlockId (null on a page's comment) would fail the binding.</remarks>
        [Parameter(Mandatory = true, ParameterSetName = BlockSet)]
        [ValidateNotNullOrEmpty]
        public string[] BlockId { get; set; } = Array.Empty<string>();

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            reader = new CommentReader(Client, Log);
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == BlockSet)
            {
                foreach (var given in BlockId)
                {
                    if (this.TryId(given, NotionIdSubject.Block, out var blockId))
                    {
                        WriteComments(blockId, given);
                    }
                }

                return;
            }

            foreach (var bind in PageId)
            {
                if (this.TryPageId(bind, out var pageId))
                {
                    WriteComments(pageId, bind.Input);
                }
            }
        }

        /// <summary>Each page of comments is written as it comes, so a long discussion streams.</summary>
        private void WriteComments(string blockId, object? input)
        {
            try
            {
                string? cursor = null;
                do
                {
                    var page = RunWithLogPump(cancellationToken => reader!.ReadPageAsync(blockId, cursor, cancellationToken));
                    foreach (var comment in page.Comments)
                    {
                        WriteObject(comment);
                    }

                    cursor = page.NextCursor;
                }
                while (cursor != null);
            }
            catch (NotionException ex)
            {
                WriteError(NotionErrorRecords.From(ex, input, ConnectionFacts(onPage: true, capability: PageRemedies.ReadComments)));
            }
        }
    }
}
