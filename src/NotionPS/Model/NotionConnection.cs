using System;
using NotionPS.Client;

namespace NotionPS
{
    /// <summary>
    /// A validated connection to Notion: a connection's bot, or the person a personal access token acts as.
    /// Carries no token: the client it wraps holds the token as a SecureString.
    /// </summary>
    public sealed class NotionConnection
    {
        internal NotionConnection(NotionClient client, TokenUser me, DateTime connectedTime)
        {
            Client = client;
            TokenKind = me.Kind;
            BotId = me.Id;
            BotName = me.Name;
            UserId = me.PersonId;
            UserName = me.PersonName;
            UserEmail = me.PersonEmail;
            WorkspaceName = me.WorkspaceName;
            WorkspaceId = me.WorkspaceId;
            OwnerType = me.OwnerType;
            BaseUri = client.Options.BaseUri;
            ApiVersion = client.Options.ApiVersion;
            RequestsPerSecond = client.Options.RequestsPerMinute > 0 ? 0 : client.Options.RequestsPerSecond;
            RequestsPerMinute = client.Options.RequestsPerMinute;
            MaximumRetryWait = client.Options.MaximumRetryWait;
            ConnectedTime = connectedTime;
        }

        /// <summary>What kind of token this is, as Notion's users/me answer says.</summary>
        public NotionTokenKind TokenKind { get; }

        /// <summary>The bot's user ID; for a personal access token, the person's.</summary>
        public string BotId { get; }

        /// <summary>The connection's name, as shown in Notion's Connections menu; for a personal access token, the person's name.</summary>
        public string BotName { get; }

        /// <summary>The person behind the token: who created a personal access token, or who installed a public connection; null for an internal connection.</summary>
        public string? UserId { get; }

        public string? UserName { get; }

        /// <summary>The person's e-mail address, when Notion gave it.</summary>
        public string? UserEmail { get; }

        /// <summary>Null for a personal access token, whose users/me answer names no workspace.</summary>
        public string? WorkspaceName { get; }

        public string? WorkspaceId { get; }

        /// <summary><c>workspace</c> for an internal connection, <c>user</c> for a public (OAuth) one, empty for a personal access token.</summary>
        public string OwnerType { get; }

        public Uri BaseUri { get; }

        public string ApiVersion { get; }

        /// <summary>The request starts per second this connection allows itself; 0 when a per-minute budget or nothing limits it.</summary>
        public double RequestsPerSecond { get; }

        /// <summary>The requests per 60 seconds this connection allows itself; 0 when it is limited per second instead.</summary>
        public int RequestsPerMinute { get; }

        /// <summary>
        /// The workspace's budget per 60 seconds that every connection of this connection's workspace in the process is
        /// paced at (-WorkspaceRequestsPerMinute, the smallest declared); 0 when none was declared.
        /// </summary>
        public int WorkspaceRequestsPerMinute => Client.WorkspaceRequestsPerMinute;

        /// <summary>The longest Retry-After this connection waits out; a longer one is an error.</summary>
        public TimeSpan MaximumRetryWait { get; }

        public DateTime ConnectedTime { get; }

        internal NotionClient Client { get; }

        /// <summary>Who the connection acts as, for messages: "integration 'X'" or "Ada Lovelace's personal access token".</summary>
        internal string Describe() => TokenKind == NotionTokenKind.PersonalAccessToken
            ? $"{ServerText.Visible(BotName)}'s personal access token"
            : $"{(TokenKind == NotionTokenKind.PublicConnection ? "public connection" : "integration")} '{ServerText.Visible(BotName)}'";

        public override string ToString() => $"{BotName} ({TokenKind}, {WorkspaceName ?? WorkspaceId ?? UserEmail}, {BaseUri})";
    }
}
