using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Operations
{
    /// <summary>
    /// People given by e-mail address in a people column (as they export) found by their user ID, for every row and page
    /// one command writes: the workspace's people are listed once, when first needed, and every caller awaits that one
    /// listing (none blocks a thread on it, so rows written at once from the thread pool cannot starve it).
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
        /// The lookup a row's mapping calls (Rows.RowMapping.Build), ready for <paramref name="emails"/>, the addresses the row gives
        /// (Rows.RowMapping.PeopleEmails); null when it gives none, and then nothing is listed. Safe from any thread.
        /// The lookup answers at once: the user ID of the person with an address (ignoring case), or null for an address
        /// nobody has or whose owner the integration may not read. When the people cannot be listed (a token without user
        /// information, say) it throws InvalidOperationException, whose message says why and what to do, so the row's error
        /// names the column.
        /// </summary>
        public async Task<Func<string, string?>?> LookupAsync(IReadOnlyCollection<string> emails)
        {
            if (emails.Count == 0)
            {
                return null;
            }

            Task<IReadOnlyDictionary<string, string>> loading;
            lock (gate)
            {
                loading = userIds ??= client.GetUserIdsByEmailAsync(log, cancellationToken);
            }

            try
            {
                var ids = await loading.ConfigureAwait(false);
                return email => ids.TryGetValue(email, out var id) ? id : null;
            }
            catch (NotionApiException ex)
            {
                var reason = $"the workspace's people could not be listed to find e-mail addresses ({ex.Message}). Give user IDs instead, or let the integration read user information including e-mail addresses.";
                return email => throw new InvalidOperationException(reason);
            }
        }
    }
}
