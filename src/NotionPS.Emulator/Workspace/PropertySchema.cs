using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Workspace;

/// <summary>One column of a data source: its stable ID, its name, its type and the type's configuration.</summary>
public sealed class PropertySchema
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public required string Type { get; init; }

    /// <summary>The object Notion shows under the type key, e.g. <c>{"options":[...]}</c> for a select.</summary>
    public JsonObject Configuration { get; init; } = [];

    /// <summary>Types whose values Notion computes; the emulator takes their values from the seed.</summary>
    public bool IsComputed => Type is "formula" or "rollup" or "created_time" or "last_edited_time";

    public JsonArray? Options => Configuration["options"] as JsonArray;
}
