using System;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Session
{
    /// <summary>
    /// The one way a token becomes a connection: ask Notion who the token belongs to (GET /v1/users/me,
    /// which works with any capability). Only Notion's answer decides, the kind of token included; a token is never
    /// judged by its shape. A token whose answer names its workspace joins that workspace's rate limit, and declares
    /// the workspace's budget when its options give one.
    /// </summary>
    internal static class NotionConnector
    {
        public static Task<NotionConnection> ConnectAsync(SecureString token, NotionClientOptions options, INotionLog log, CancellationToken cancellationToken) =>
            ConnectAsync(new NotionClient(token, options), log, cancellationToken);

        /// <summary>Connects through <paramref name="client"/>, made with the options to connect with (a test's has a fake handler).</summary>
        /// <exception cref="WorkspaceUnknownException">The options declare a workspace budget and the answer names no workspace.</exception>
        internal static async Task<NotionConnection> ConnectAsync(NotionClient client, INotionLog log, CancellationToken cancellationToken)
        {
            // Workspace names come from Notion: the lines quoting them are redacted like the client's own.
            log = client.Redacting(log);
            await client.WaitForDeclaredWorkspaceBudgetsAsync(cancellationToken).ConfigureAwait(false);
            var me = await client.GetMeAsync(log, cancellationToken).ConfigureAwait(false);
            if (me.WorkspaceId != null)
            {
                client.JoinWorkspace(me.WorkspaceId);
            }

            var connection = new NotionConnection(client, me, DateTime.Now);
            var declared = client.Options.WorkspaceRequestsPerMinute;
            if (declared > 0)
            {
                DeclareWorkspaceBudget(connection, declared, log);
            }
            else if (connection.WorkspaceRequestsPerMinute > 0)
            {
                log.Verbose($"Another connection in this session declared {connection.WorkspaceRequestsPerMinute} requests per 60 s for the workspace '{WorkspaceLabel(connection)}': this one is paced at it too.");
            }

            return connection;
        }

        /// <summary>
        /// Paces every connection of the token's workspace in this process at <paramref name="requestsPerMinute"/>; a token
        /// whose users/me names no workspace (a personal access token) cannot be grouped with the others, which is an error.
        /// </summary>
        private static void DeclareWorkspaceBudget(NotionConnection connection, int requestsPerMinute, INotionLog log)
        {
            if (connection.WorkspaceId == null)
            {
                throw new WorkspaceUnknownException(requestsPerMinute, connection.Describe(), connection.BotName);
            }

            var (before, inForce) = connection.Client.DeclareWorkspaceBudget(requestsPerMinute);
            var workspace = $"workspace '{WorkspaceLabel(connection)}'";
            if (before != 0 && before != requestsPerMinute)
            {
                log.Warning($"Another connection in this session declared {before} requests per 60 s for {workspace}; this one declares {requestsPerMinute}. " +
                    $"Every connection of the workspace is paced at the smaller, {inForce}. A larger one takes a new PowerShell process.");
            }
            else
            {
                log.Verbose($"Every connection of {workspace} in this session is paced at {inForce} requests per 60 s, besides its own limit.");
            }
        }

        private static string? WorkspaceLabel(NotionConnection connection) => ServerText.VisibleOrNull(connection.WorkspaceName ?? connection.WorkspaceId);
    }
}
