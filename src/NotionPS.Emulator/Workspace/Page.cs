using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Workspace;

/// <summary>A page: a row of a data source or a standalone page under a page or the workspace.</summary>
public sealed class Page : WorkspaceObject
{
    /// <summary>
    /// Stored values by property ID, in the shape Notion shows under the type key, except that people and
    /// relation values are kept as arrays of ID strings (rendered later for the caller's capabilities).
    /// A standalone page has only its title, under the ID "title".
    /// </summary>
    public Dictionary<string, JsonNode?> Values { get; } = [];

    /// <summary>The page's icon and cover as stored: an emoji, an external URL or an attached file upload; null when none.</summary>
    public JsonObject? Icon { get; set; }

    public JsonObject? Cover { get; set; }

    /// <summary>The page's content: its child blocks, in order.</summary>
    public List<Block> Children { get; } = [];
}
