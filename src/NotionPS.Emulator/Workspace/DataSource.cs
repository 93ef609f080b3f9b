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

    /// <summary>Finds a column by ID or by name, as Notion accepts either in requests.</summary>
    public PropertySchema? FindProperty(string idOrName) =>
        Properties.FirstOrDefault(p => p.Id == idOrName)
        ?? Properties.FirstOrDefault(p => p.Name == idOrName)
        ?? Properties.FirstOrDefault(p => Uri.UnescapeDataString(p.Id) == idOrName);
}
