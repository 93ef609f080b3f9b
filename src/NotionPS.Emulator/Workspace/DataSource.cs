namespace NotionPS.Emulator.Workspace;

/// <summary>A table of rows with a schema; its parent is always its database.</summary>
public sealed class DataSource : WorkspaceObject
{
    public required string Name { get; set; }

    /// <summary>Columns in display order; exactly one is of type title.</summary>
    public List<PropertySchema> Properties { get; } = [];

    /// <summary>Rows in creation order.</summary>
    public List<Page> Rows { get; } = [];

    public PropertySchema TitleProperty => Properties.First(p => p.Type == "title");

    public PropertySchema? FindProperty(string idOrName) => PropertySchema.Find(Properties, idOrName);
}
