using System;
using NotionPS.Client;

namespace NotionPS
{
    /// <summary>
    /// A validated connection to Notion as one integration (bot). Carries no token: the client it
    /// wraps holds the token as a SecureString.
    /// </summary>
    public sealed class NotionConnection
    {
        internal NotionConnection(NotionClient client, BotUser bot, DateTime connectedTime)
        {
            Client = client;
            BotId = bot.Id;
            BotName = bot.Name;
            WorkspaceName = bot.WorkspaceName;
            WorkspaceId = bot.WorkspaceId;
            OwnerType = bot.OwnerType;
            BaseUri = client.Options.BaseUri;
            ApiVersion = client.Options.ApiVersion;
            ConnectedTime = connectedTime;
        }

        public string BotId { get; }

        /// <summary>The integration's name, as shown in Notion's Connections menu.</summary>
        public string BotName { get; }

        public string? WorkspaceName { get; }

        public string? WorkspaceId { get; }

        /// <summary><c>workspace</c> for an internal integration, <c>user</c> for a public (OAuth) one.</summary>
        public string OwnerType { get; }

        public Uri BaseUri { get; }

        public string ApiVersion { get; }

        public DateTime ConnectedTime { get; }

        internal NotionClient Client { get; }

        public override string ToString() => $"{BotName} ({WorkspaceName ?? WorkspaceId}, {BaseUri})";
    }
}
