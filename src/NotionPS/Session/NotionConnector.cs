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
    /// judged by its shape. A token whose answer names its workspace joins that workspace's rate limit.
    /// </summary>
    internal static class NotionConnector
    {
        public static async Task<NotionConnection> ConnectAsync(SecureString token, NotionClientOptions options, INotionLog log, CancellationToken cancellationToken)
        {
            var client = new NotionClient(token, options);
            await client.WaitForDeclaredWorkspaceBudgetsAsync(cancellationToken).ConfigureAwait(false);
            var me = await client.GetMeAsync(log, cancellationToken).ConfigureAwait(false);
            if (me.WorkspaceId != null)
            {
                client.JoinWorkspace(me.WorkspaceId);
            }

            return new NotionConnection(client, me, DateTime.Now);
        }
    }
}
