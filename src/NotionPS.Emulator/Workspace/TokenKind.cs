namespace NotionPS.Emulator.Workspace;

/// <summary>The kinds of token Notion issues (2026), in the seed format's words.</summary>
public enum TokenKind
{
    /// <summary><c>internal_connection</c>: a workspace-owned bot that sees only what was shared with it (••• &gt; Connections).</summary>
    InternalConnection,

    /// <summary><c>public_connection</c>: an OAuth bot installed by a user (its owner); it too sees only what was shared with it.</summary>
    PublicConnection,

    /// <summary><c>personal_access_token</c>: acts as one workspace user, with that user's own page permissions.</summary>
    PersonalAccessToken,
}
