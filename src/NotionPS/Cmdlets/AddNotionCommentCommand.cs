using System;
using System.Management.Automation;
using NotionPS.Errors;
using NotionPS.Ids;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>Adds a comment to a page: a new discussion, or with -DiscussionId a reply in one.</summary>
    [Cmdlet(VerbsCommon.Add, "NotionComment", SupportsShouldProcess = true, HelpUri = HelpUriBase + "Add-NotionComment.md")]
    [OutputType(typeof(NotionComment))]
    public sealed class AddNotionCommentCommand : NotionConnectedCmdlet
    {
        private CommentWriter? writer;

        /// <summary>The pages to comment on: IDs or links, or objects with a PageId (a NotionPage, a row, a comment).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("Id")]
        [ValidateNotNull]
        public NotionPageBind[] PageId { get; set; } = Array.Empty<NotionPageBind>();

        /// <summary>The discussion to reply in; a piped comment gives its own.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? DiscussionId { get; set; }

        /// <summary>The comment, with Markdown inline formatting.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Text { get; set; } = string.Empty;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            writer = new CommentWriter(Client, Log);
        }

        protected override void ProcessRecord()
        {
            string? discussionId = null;
            if (!string.IsNullOrEmpty(DiscussionId) && !this.TryId(DiscussionId!, NotionIdSubject.Discussion, out discussionId))
            {
                return;
            }

            foreach (var bind in PageId)
            {
                if (!this.TryPageId(bind, out var pageId) || !ShouldProcess(pageId, discussionId == null ? "Add comment" : $"Reply in discussion {discussionId}"))
                {
                    continue;
                }

                try
                {
                    var comment = RunWithLogPump(cancellationToken => writer!.AddAsync(pageId, discussionId, Text, cancellationToken));

                    // Notion places a reply by its discussion alone: one on another page than the one named went there.
                    if (discussionId != null && comment.PageId != null && !string.Equals(comment.PageId, pageId, StringComparison.OrdinalIgnoreCase))
                    {
                        WriteWarning($"The reply went to page {comment.PageId}, where discussion {discussionId} is, not to page {pageId}: a reply always goes to its discussion's page. To comment on {pageId}, leave out -DiscussionId.");
                    }

                    WriteObject(comment);
                }
                catch (NotionException ex)
                {
                    WriteError(NotionErrorRecords.From(ex, bind.Input, ConnectionFacts(onPage: true, capability: PageRemedies.InsertComments)));
                }
            }
        }
    }
}
