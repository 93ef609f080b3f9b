using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Workspace;

/// <summary>
/// A block of content (a paragraph, a heading, a table row, ...), under a page or under another block.
/// A page or database under a page is also listed among the page's blocks, as Notion does, by a stand-in
/// block of type <c>child_page</c> or <c>child_database</c> that carries the object's own ID; the stand-in is
/// not registered in the workspace (the ID belongs to the page or database).
/// </summary>
public sealed class Block : WorkspaceObject
{
    public required string Type { get; init; }

    /// <summary>The object Notion shows under the type key, e.g. <c>{"rich_text": [...], "color": "default"}</c>.</summary>
    public required JsonObject Content { get; init; }

    /// <summary>Nested blocks, in order (a toggle's content, a list item's sub-items, a table's rows).</summary>
    public List<Block> Children { get; } = [];

    /// <summary>Whether this block only stands for a page or database listed among its parent's blocks.</summary>
    public bool IsStandIn => Type is "child_page" or "child_database";

    public static Block StandIn(WorkspaceObject item, ParentRef parent) => new()
    {
        Id = item.Id,
        Parent = parent,
        Type = item is Database ? "child_database" : "child_page",
        Content = [],
        CreatedTime = item.CreatedTime,
        LastEditedTime = item.LastEditedTime,
        CreatedBy = item.CreatedBy,
        LastEditedBy = item.LastEditedBy,
    };
}
