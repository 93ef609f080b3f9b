using System;
using System.Text.Json;
using NotionPS.Client;

namespace NotionPS
{
    /// <summary>
    /// A comment on a page or a block, as Add- and Get-NotionComment output it. Its PageId and DiscussionId bind by
    /// property name to Add-NotionComment, so piping a comment in replies in its discussion.
    /// </summary>
    public sealed class NotionComment
    {
        internal NotionComment(string commentId, string? pageId, string? blockId, string discussionId, string text, string? createdBy, string? createdById, DateTime? createdTime)
        {
            CommentId = commentId;
            PageId = pageId;
            BlockId = blockId;
            DiscussionId = discussionId;
            Text = text;
            CreatedBy = createdBy;
            CreatedById = createdById;
            CreatedTime = createdTime;
        }

        public string CommentId { get; }

        /// <summary>The page the discussion is on; null for a comment on a block inside a page.</summary>
        public string? PageId { get; }

        /// <summary>The block the discussion is on, for a comment on a block; null for a comment on a page.</summary>
        public string? BlockId { get; }

        public string DiscussionId { get; }

        /// <summary>The comment's text without formatting.</summary>
        public string Text { get; }

        /// <summary>The name Notion shows for the author (an integration's or a person's), or its user ID when Notion gives no name.</summary>
        public string? CreatedBy { get; }

        /// <summary>The author's user ID (an integration's bot user or a person).</summary>
        public string? CreatedById { get; }

        public DateTime? CreatedTime { get; }

        public override string ToString() => Text;

        /// <summary>Reads Notion's comment object.</summary>
        internal static NotionComment FromJson(JsonElement comment)
        {
            var parent = JsonRead.Object(comment, "parent") ?? default;
            var createdById = JsonRead.String(JsonRead.Object(comment, "created_by") ?? default, "id");
            var displayName = JsonRead.String(JsonRead.Object(comment, "display_name") ?? default, "resolved_name");
            return new NotionComment(
                JsonRead.String(comment, "id") ?? string.Empty,
                JsonRead.String(parent, "page_id"),
                JsonRead.String(parent, "block_id"),
                JsonRead.String(comment, "discussion_id") ?? string.Empty,
                JsonRead.PlainText(JsonRead.Array(comment, "rich_text")),
                string.IsNullOrEmpty(displayName) ? createdById : displayName,
                createdById,
                JsonRead.Time(comment, "created_time"));
        }
    }
}
