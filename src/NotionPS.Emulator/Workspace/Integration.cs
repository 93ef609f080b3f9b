namespace NotionPS.Emulator.Workspace;

/// <summary>How much user information an integration may read (Notion's "user capabilities").</summary>
public enum UserInfoLevel
{
    None,
    WithoutEmail,
    WithEmail,
}

/// <summary>An internal integration: its token, its bot user and its content capabilities.</summary>
public sealed class Integration
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required string Token { get; init; }
    public bool CanRead { get; init; } = true;
    public bool CanUpdate { get; init; }
    public bool CanInsert { get; init; }
    public bool CanReadComments { get; init; }
    public bool CanInsertComments { get; init; }
    public UserInfoLevel UserInfo { get; init; } = UserInfoLevel.WithEmail;
}
