namespace NotionPS.Emulator.Workspace;

/// <summary>A database: a titled container of one or more data sources (since Notion-Version 2025-09-03).</summary>
public sealed class Database : WorkspaceObject
{
    public required string Title { get; set; }
    public bool IsInline { get; set; }

    /// <summary>For a linked database (a view of one elsewhere): the database whose data sources it shows.</summary>
    public Guid? ViewOf { get; init; }

    public List<DataSource> DataSources { get; } = [];
}
