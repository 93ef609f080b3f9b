using System;

namespace NotionPS.Model
{
    /// <summary>
    /// A validated connection to Notion as one integration (bot). Carries no token: the client it
    /// wraps holds the token as a SecureString.
    /// </summary>
    public sealed class NotionConnection
    {
        public string BotId { get; internal set; } = string.Empty;
        public string BotName { get; internal set; } = string.Empty;
        public string? WorkspaceName { get; internal set; }
        public string? WorkspaceId { get; internal set; }
        public string OwnerType { get; internal set; } = string.Empty;
        public Uri BaseUri { get; internal set; } = new Uri("https://api.notion.com");
        public string ApiVersion { get; internal set; } = string.Empty;
        public DateTime ConnectedTime { get; internal set; }

        public override string ToString() => $"{BotName} @ {WorkspaceName ?? WorkspaceId} ({BaseUri})";
    }
}
