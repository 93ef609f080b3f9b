namespace NotionPS.Emulator.Workspace;

/// <summary>A person's access to a page, database or data source, weakest first (Notion's sharing menu).</summary>
public enum PermissionLevel
{
    None,
    Read,
    Comment,
    Edit,
    Full,
}

/// <summary>
/// Page permissions per person. A level set on an object holds for everything below it until an object further down
/// sets another for the same person (so <c>none</c> on a child page takes away what its parent gave). Only personal
/// access tokens read them: connections see what was shared with them instead.
/// </summary>
public sealed class PagePermissions
{
    private readonly Dictionary<(Guid ObjectId, Guid UserId), PermissionLevel> _explicit = [];

    public static IReadOnlyList<string> LevelNames { get; } = ["full", "edit", "comment", "read", "none"];

    public static PermissionLevel Parse(string text, Func<string> where) => text switch
    {
        "full" => PermissionLevel.Full,
        "edit" => PermissionLevel.Edit,
        "comment" => PermissionLevel.Comment,
        "read" => PermissionLevel.Read,
        "none" => PermissionLevel.None,
        _ => throw new InvalidDataException($"{where()}: the level must be one of {string.Join(", ", LevelNames)}, not \"{text}\"."),
    };

    public static string Name(PermissionLevel level) => level.ToString().ToLowerInvariant();

    public void Set(Guid objectId, Guid userId, PermissionLevel level) => _explicit[(objectId, userId)] = level;

    /// <summary>Drops the level set on this object, so the one inherited from above applies again.</summary>
    public bool Clear(Guid objectId, Guid userId) => _explicit.Remove((objectId, userId));

    /// <summary>The level set nearest above (or on) the object; none when no object on the way up sets one.</summary>
    public PermissionLevel LevelOf(NotionWorkspace workspace, WorkspaceObject item, Guid userId)
    {
        for (var current = item; current is not null; current = workspace.ParentOf(current))
        {
            if (_explicit.TryGetValue((current.Id, userId), out var level))
            {
                return level;
            }
        }

        return PermissionLevel.None;
    }
}
