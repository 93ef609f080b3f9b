namespace NotionPS.Emulator.Workspace;

/// <summary>A person in the workspace (bots are the integrations themselves).</summary>
public sealed class WorkspaceUser
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public string? Email { get; init; }
    public string? AvatarUrl { get; init; }
}
