using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Workspace;

/// <summary>A block of a page's content (a paragraph, a heading, ...); the emulator models blocks without children.</summary>
public sealed class Block : WorkspaceObject
{
    public required string Type { get; init; }

    /// <summary>The object Notion shows under the type key, e.g. <c>{"rich_text": [...], "color": "default"}</c>.</summary>
    public required JsonObject Content { get; init; }
}
