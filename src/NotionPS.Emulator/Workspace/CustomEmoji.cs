namespace NotionPS.Emulator.Workspace;

/// <summary>An emoji the workspace's members uploaded, which a page icon may name by its ID (type <c>custom_emoji</c>).</summary>
public sealed class CustomEmoji
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required string Url { get; init; }
}
