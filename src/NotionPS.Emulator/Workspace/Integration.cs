namespace NotionPS.Emulator.Workspace;

/// <summary>How much user information an integration may read (Notion's "user capabilities").</summary>
public enum UserInfoLevel
{
    None,
    WithoutEmail,
    WithEmail,
}

/// <summary>A token and who it acts as: a connection's bot (internal or public) or, for a personal access token, a person.</summary>
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
    public TokenKind Kind { get; init; } = TokenKind.InternalConnection;

    /// <summary>The person who installed a public connection or created a personal access token; null for an internal connection.</summary>
    public Guid? OwnerId { get; init; }

    /// <summary>A revoked token answers 401 from then on.</summary>
    public bool Revoked { get; set; }

    public bool IsPersonal => Kind == TokenKind.PersonalAccessToken;

    /// <summary>The user its requests act as: created_by, "me" in filters, users/me. A PAT acts as its person.</summary>
    public Guid ActorId => IsPersonal ? OwnerId!.Value : Id;
}
