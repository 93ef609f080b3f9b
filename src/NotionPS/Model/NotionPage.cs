using System;
using System.Text.Json;
using NotionPS.Client;

namespace NotionPS
{
    /// <summary>
    /// A page as the page cmdlets output it: a page under a page, or a row of a database with a body.
    /// Its PageId binds by property name to every cmdlet that takes a page.
    /// </summary>
    public sealed class NotionPage
    {
        internal NotionPage(string pageId, string title, string? url, string? parentId, string? parentType, DateTime? createdTime, DateTime? lastEditedTime, bool inTrash, string? icon, string? cover)
        {
            PageId = pageId;
            Title = title;
            Url = url;
            ParentId = parentId;
            ParentType = parentType;
            CreatedTime = createdTime;
            LastEditedTime = lastEditedTime;
            InTrash = inTrash;
            Icon = icon;
            Cover = cover;
        }

        public string PageId { get; }

        public string Title { get; }

        public string? Url { get; }

        /// <summary>The ID of the page, database, data source or block the page sits under; null for a workspace-level page.</summary>
        public string? ParentId { get; }

        /// <summary>Notion's parent type: page_id, database_id, data_source_id, block_id or workspace.</summary>
        public string? ParentType { get; }

        public DateTime? CreatedTime { get; }

        public DateTime? LastEditedTime { get; }

        /// <summary>True when the page is in the trash (<c>in_trash</c>, or <c>archived</c> before 2025-09-03).</summary>
        public bool InTrash { get; }

        /// <summary>
        /// The page's icon: its emoji, a custom emoji of the workspace by its name as ":name:", or its image's URL (a
        /// Notion-hosted one expires within the hour); null when it has none.
        /// </summary>
        public string? Icon { get; }

        /// <summary>The URL of the page's cover image (a Notion-hosted one expires within the hour); null when it has none.</summary>
        public string? Cover { get; }

        public override string ToString() => string.IsNullOrEmpty(Title) ? PageId : Title;

        /// <summary>Reads Notion's page object; the title is the one property of type title.</summary>
        internal static NotionPage FromJson(JsonElement page)
        {
            var title = string.Empty;
            if (JsonRead.Object(page, "properties") is JsonElement properties)
            {
                foreach (var property in properties.EnumerateObject())
                {
                    if (JsonRead.String(property.Value, "type") == "title")
                    {
                        title = JsonRead.PlainText(JsonRead.Array(property.Value, "title"));
                        break;
                    }
                }
            }

            var parent = JsonRead.Object(page, "parent");
            var parentType = parent == null ? null : JsonRead.String(parent.Value, "type");
            var parentId = parent == null || parentType == null || parentType == "workspace" ? null : JsonRead.String(parent.Value, parentType);
            var inTrash = JsonRead.Bool(page, "in_trash") ?? JsonRead.Bool(page, "archived") ?? false;
            return new NotionPage(
                JsonRead.String(page, "id") ?? string.Empty,
                title,
                JsonRead.String(page, "url"),
                parentId,
                parentType,
                JsonRead.Time(page, "created_time"),
                JsonRead.Time(page, "last_edited_time"),
                inTrash,
                VisualText(page, "icon"),
                VisualText(page, "cover"));
        }

        /// <summary>
        /// An icon or cover as text: an emoji as itself, a custom emoji by its name as Notion's editor types it (":name:"; its
        /// image's URL when it has no name), an image (external or file) as its URL; null when absent or of a kind with no text.
        /// </summary>
        private static string? VisualText(JsonElement page, string name)
        {
            if (!(JsonRead.Object(page, name) is JsonElement visual) || !(JsonRead.String(visual, "type") is string type))
            {
                return null;
            }

            if (type == "emoji")
            {
                return JsonRead.String(visual, "emoji");
            }

            if (!(JsonRead.Object(visual, type) is JsonElement body))
            {
                return null;
            }

            return type == "custom_emoji" && JsonRead.String(body, "name") is string emojiName && emojiName.Length > 0 ? ":" + emojiName + ":" : JsonRead.String(body, "url");
        }
    }
}
