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
        internal NotionPage(string pageId, string title, string? url, string? parentId, string? parentType, DateTime? createdTime, DateTime? lastEditedTime, bool inTrash)
        {
            PageId = pageId;
            Title = title;
            Url = url;
            ParentId = parentId;
            ParentType = parentType;
            CreatedTime = createdTime;
            LastEditedTime = lastEditedTime;
            InTrash = inTrash;
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
                inTrash);
        }
    }
}
