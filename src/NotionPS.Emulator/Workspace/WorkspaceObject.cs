namespace NotionPS.Emulator.Workspace;

/// <summary>Where an object hangs in the workspace tree.</summary>
public enum ParentKind
{
    Workspace,
    Page,
    Database,
    DataSource,
    Block,
}

public readonly record struct ParentRef(ParentKind Kind, Guid Id)
{
    public static ParentRef Workspace { get; } = new(ParentKind.Workspace, Guid.Empty);
}

/// <summary>What pages, databases and data sources have in common: identity, place in the tree, sharing, timestamps.</summary>
public abstract class WorkspaceObject
{
    public required Guid Id { get; init; }
    public required ParentRef Parent { get; set; }

    /// <summary>Integrations this object was shared with directly; sharing is inherited by everything below it.</summary>
    public HashSet<Guid> SharedWith { get; } = [];

    public DateTimeOffset CreatedTime { get; set; }
    public DateTimeOffset LastEditedTime { get; set; }
    public Guid CreatedBy { get; set; }
    public Guid LastEditedBy { get; set; }
    public bool InTrash { get; set; }

    /// <summary>A time cut to the whole minute in UTC: Notion gives created_time and last_edited_time to the minute.</summary>
    public static DateTimeOffset ToMinute(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
}
