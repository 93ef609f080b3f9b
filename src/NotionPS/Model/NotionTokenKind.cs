namespace NotionPS
{
    /// <summary>
    /// The kind of token a connection uses, as Notion's answer to <c>GET /v1/users/me</c> tells it (never the token's text).
    /// </summary>
    public enum NotionTokenKind
    {
        /// <summary>An internal connection (an "integration"): a bot owned by the workspace, seeing only what was shared with it (••• > Connections).</summary>
        InternalConnection,

        /// <summary>A public connection (OAuth): a bot installed by a user, seeing only what was shared with it.</summary>
        PublicConnection,

        /// <summary>A personal access token: one person in one workspace, acting with that person's own page permissions.</summary>
        PersonalAccessToken,
    }
}
