using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Operations
{
    /// <summary>Adds a comment to a page: a new discussion, or a reply in one.</summary>
    internal sealed class CommentWriter
    {
        private readonly NotionClient client;
        private readonly INotionLog log;

        public CommentWriter(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = log;
        }

        /// <param name="discussionId">The discussion to reply in; null starts a new discussion on the page.</param>
        /// <exception cref="CommentTextException">The text cannot be sent as written (nothing is sent).</exception>
        /// <exception cref="NotionApiException">Notion refused the comment.</exception>
        public async Task<NotionComment> AddAsync(string pageId, string? discussionId, string markdown, CancellationToken cancellationToken)
        {
            var richText = CommentText.ToRichText(markdown);
            using (var document = await client.CreateCommentAsync(pageId, discussionId, richText, log, cancellationToken).ConfigureAwait(false))
            {
                return NotionComment.FromJson(document.RootElement);
            }
        }
    }
}
