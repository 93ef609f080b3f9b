using System;

namespace NotionPS
{
    /// <summary>
    /// A Notion integration registered in a SecretManagement vault: where its token is kept and what
    /// it was when registered. Never carries the token.
    /// </summary>
    public sealed class NotionIntegration
    {
        public string Name { get; internal set; } = string.Empty;
        public string Vault { get; internal set; } = string.Empty;
        public string SecretName { get; internal set; } = string.Empty;
        public string? WorkspaceName { get; internal set; }
        public string? BotName { get; internal set; }

        /// <summary>The kind of token registered, as Notion said when it was checked; null when the vault keeps no metadata.</summary>
        public NotionTokenKind? TokenKind { get; internal set; }

        /// <summary>The API it was registered against; null when the vault keeps no metadata.</summary>
        public Uri? BaseUri { get; internal set; }

        public string? ApiVersion { get; internal set; }

        /// <summary>The workspace's budget per 60 seconds declared when it was registered (-WorkspaceRequestsPerMinute); null when none was, or the vault keeps no metadata.</summary>
        public int? WorkspaceRequestsPerMinute { get; internal set; }

        public override string ToString() => Name;
    }
}
