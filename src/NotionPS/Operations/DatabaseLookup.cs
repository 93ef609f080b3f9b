using System;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Operations
{
    /// <summary>What reading an ID as a database found.</summary>
    internal enum DatabaseLookupOutcome
    {
        /// <summary>A database the integration can see.</summary>
        Found,

        /// <summary>No database has the ID, but a page the integration can see does.</summary>
        IsAPage,

        /// <summary>Neither a database nor a page the integration can see: not shared, or no such ID.</summary>
        NotFound,

        /// <summary>Under Notion-Version 2022-06-28, a database with several data sources, which that version cannot read.</summary>
        SeveralDataSourcesInLegacyVersion,

        /// <summary>Under 2022-06-28, a linked database, or one none of whose data sources is shared.</summary>
        NoReachableDataSource,

        /// <summary>The token is invalid or revoked.</summary>
        Unauthorized,

        /// <summary>The integration lacks the capability to read content.</summary>
        CannotRead,
    }

    /// <summary>The outcome, the database when found, and Notion's answer that decided it otherwise.</summary>
    internal sealed class DatabaseLookupResult
    {
        private DatabaseLookupResult(DatabaseLookupOutcome outcome, DatabaseInfo? database, NotionApiException? failure, NotionApiException? pageFailure = null)
        {
            Outcome = outcome;
            Database = database;
            Failure = failure;
            PageFailure = pageFailure;
        }

        public DatabaseLookupOutcome Outcome { get; }

        /// <summary>Set only when <see cref="Outcome"/> is Found.</summary>
        public DatabaseInfo? Database { get; }

        /// <summary>Notion's answer to the database request, when it was refused (for IsAPage and NotFound too).</summary>
        public NotionApiException? Failure { get; }

        /// <summary>Notion's answer to the page request, set only when <see cref="Outcome"/> is NotFound.</summary>
        public NotionApiException? PageFailure { get; }

        public static DatabaseLookupResult Found(DatabaseInfo database) => new DatabaseLookupResult(DatabaseLookupOutcome.Found, database, null);

        public static DatabaseLookupResult Refused(DatabaseLookupOutcome outcome, NotionApiException failure) => new DatabaseLookupResult(outcome, null, failure);

        public static DatabaseLookupResult NotFound(NotionApiException failure, NotionApiException pageFailure) =>
            new DatabaseLookupResult(DatabaseLookupOutcome.NotFound, null, failure, pageFailure);
    }

    /// <summary>Reads an ID as a database, and when that fails, tells a page, a database not shared, and the rest apart.</summary>
    internal sealed class DatabaseLookup
    {
        private readonly NotionClient client;
        private readonly INotionLog log;

        public DatabaseLookup(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = log;
        }

        /// <exception cref="NotionApiException">Any other failure (a server error, a timeout, a page request refused otherwise).</exception>
        public Task<DatabaseLookupResult> LookUpAsync(string databaseId, CancellationToken cancellationToken) =>
            LookUpAsync(databaseId, notADatabase => PageOrNothingAsync(databaseId, notADatabase, cancellationToken), cancellationToken);

        /// <summary>Reads as a database an ID already asked about as a page, and refused with <paramref name="notAPage"/>.</summary>
        /// <exception cref="NotionApiException">Any other failure (a server error, a timeout).</exception>
        public Task<DatabaseLookupResult> LookUpNotAPageAsync(string id, NotionApiException notAPage, CancellationToken cancellationToken) =>
            LookUpAsync(id, notADatabase => Task.FromResult(DatabaseLookupResult.NotFound(notADatabase, notAPage)), cancellationToken);

        /// <summary>Asks for the page: null when it is one the integration can see, else Notion's refusal.</summary>
        /// <exception cref="NotionApiException">The page request failed otherwise than as not found.</exception>
        public async Task<NotionApiException?> PageRefusalAsync(string id, CancellationToken cancellationToken)
        {
            try
            {
                using (await client.GetPageAsync(id, log, cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }
            }
            catch (NotionApiException ex) when (IsNotFound(ex))
            {
                return ex;
            }
        }

        private async Task<DatabaseLookupResult> LookUpAsync(string databaseId, Func<NotionApiException, Task<DatabaseLookupResult>> whenNotFound, CancellationToken cancellationToken)
        {
            try
            {
                return DatabaseLookupResult.Found(await client.GetDatabaseAsync(databaseId, log, cancellationToken).ConfigureAwait(false));
            }
            catch (NotionApiException ex) when (ApiVersion.IsSeveralDataSourcesRefusal(ex))
            {
                return DatabaseLookupResult.Refused(DatabaseLookupOutcome.SeveralDataSourcesInLegacyVersion, ex);
            }
            catch (NotionApiException ex) when (ApiVersion.IsNoReachableDataSourceRefusal(ex))
            {
                return DatabaseLookupResult.Refused(DatabaseLookupOutcome.NoReachableDataSource, ex);
            }
            catch (NotionApiException ex) when (IsNotFound(ex))
            {
                return await whenNotFound(ex).ConfigureAwait(false);
            }
            catch (NotionApiException ex) when (ex.Code == NotionErrorCodes.Unauthorized)
            {
                return DatabaseLookupResult.Refused(DatabaseLookupOutcome.Unauthorized, ex);
            }
            catch (NotionApiException ex) when (ex.Code == NotionErrorCodes.RestrictedResource)
            {
                return DatabaseLookupResult.Refused(DatabaseLookupOutcome.CannotRead, ex);
            }
        }

        /// <summary>Pages and databases share one ID space; only asking for the page tells which it is.</summary>
        private async Task<DatabaseLookupResult> PageOrNothingAsync(string id, NotionApiException notADatabase, CancellationToken cancellationToken)
        {
            var notAPage = await PageRefusalAsync(id, cancellationToken).ConfigureAwait(false);
            return notAPage == null
                ? DatabaseLookupResult.Refused(DatabaseLookupOutcome.IsAPage, notADatabase)
                : DatabaseLookupResult.NotFound(notADatabase, notAPage);
        }

        // Notion answers an ID of the wrong kind with either, depending on the object and the version.
        internal static bool IsNotFound(NotionApiException exception) =>
            exception.Code == NotionErrorCodes.ObjectNotFound || exception.Code == NotionErrorCodes.ValidationError;
    }
}
