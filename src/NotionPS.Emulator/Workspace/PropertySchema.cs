using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Workspace;

/// <summary>One column of a data source: its stable ID, its name, its type and the type's configuration.</summary>
public sealed class PropertySchema
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    /// <summary>Settable: a schema update may change a column's type (the values are converted then).</summary>
    public required string Type { get; set; }

    /// <summary>The object Notion shows under the type key, e.g. <c>{"options":[...]}</c> for a select.</summary>
    public JsonObject Configuration { get; set; } = [];

    public string? Description { get; set; }

    /// <summary>Types whose values Notion computes; the emulator takes their values from the seed.</summary>
    public bool IsComputed => Type is "formula" or "rollup" or "created_time" or "last_edited_time" or "created_by" or "last_edited_by" or "unique_id";

    public JsonArray? Options => Configuration["options"] as JsonArray;

    /// <summary>
    /// Finds a property by ID or by name, as Notion accepts either; IDs win. An ID may arrive URL-decoded
    /// (Notion's IDs are URL-encoded strings such as <c>%3AUPp</c>).
    /// </summary>
    public static PropertySchema? Find(IEnumerable<PropertySchema> schema, string idOrName)
    {
        var properties = schema as IReadOnlyCollection<PropertySchema> ?? [.. schema];
        return properties.FirstOrDefault(p => p.Id == idOrName || (p.Id.Contains('%') && Uri.UnescapeDataString(p.Id) == idOrName))
            ?? properties.FirstOrDefault(p => p.Name == idOrName);
    }
}
