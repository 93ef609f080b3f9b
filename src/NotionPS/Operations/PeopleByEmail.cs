using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Operations
{
    /// <summary>
    /// People given by e-mail address in a people column (as they export) found by their user ID, for every row and page
    /// one command writes: the workspace's people are listed once, when first needed.
    /// </summary>
    internal sealed class PeopleByEmail
    {
        private readonly NotionClient client;
        private readonly INotionLog log;
        private readonly CancellationToken cancellationToken;
        private readonly object gate = new object();
        private Task<IReadOnlyDictionary<string, string>>? userIds;

        /// <param name="cancellationToken">Cancels the listing: the command's, since the listing serves all its rows.</param>
        public PeopleByEmail(NotionClient client, INotionLog log, CancellationToken cancellationToken)
        {
            this.client = client;
            this.log = log;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>
        /// The user ID of the person with this e-mail address (ignoring case); null for an address nobody has or whose
        /// owner the integration may not read. Safe from any thread; waits for the listing.
        /// </summary>
        /// <exception cref="InvalidOperationException">The people cannot be listed (a token without user information, say); the message says why and what to do.</exception>
        public string? UserIdOf(string email)
        {
            Task<IReadOnlyDictionary<string, string>> loading;
            lock (gate)
            {
                loading = userIds ??= client.GetUserIdsByEmailAsync(log, cancellationToken);
            }

            try
            {
                return loading.GetAwaiter().GetResult().TryGetValue(email, out var id) ? id : null;
            }
            catch (NotionApiException ex)
            {
                throw new InvalidOperationException($"the workspace's people could not be listed to find e-mail addresses ({ex.Message}). Give user IDs instead, or let the integration read user information including e-mail addresses.");
            }
        }
    }
}
