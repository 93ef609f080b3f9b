using System;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Session
{
    /// <summary>
    /// The one way a token becomes a connection: ask Notion who the token belongs to (GET /v1/users/me,
    /// which works with any capability). Only Notion's answer decides; a token is never judged by its shape.
    /// </summary>
    internal static class NotionConnector
    {
        public static async Task<NotionConnection> ConnectAsync(SecureString token, NotionClientOptions options, INotionLog log, CancellationToken cancellationToken)
        {
            var client = new NotionClient(token, options);
            var bot = await client.GetMeAsync(log, cancellationToken).ConfigureAwait(false);
            return new NotionConnection(client, bot, DateTime.Now);
        }
    }
}
