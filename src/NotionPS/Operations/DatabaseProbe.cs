using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>What probing a database found: how far the integration got, or where it stopped.</summary>
    internal enum ProbeFinding
    {
        /// <summary>It can read and query the database.</summary>
        Readable,

        /// <summary>It can also add a row and move it to the trash.</summary>
        Writable,

        /// <summary>Neither a database nor a page it can see: not shared, or no such ID.</summary>
        NotShared,

        /// <summary>The ID is a page's.</summary>
        NotADatabase,

        /// <summary>The token is invalid or revoked.</summary>
        Unauthorized,

        /// <summary>It lacks the Read content capability.</summary>
        CannotRead,

        /// <summary>The database is shared but none of its data sources is (a linked database, say).</summary>
        NoReachableDataSource,

        /// <summary>Under 2022-06-28, a database with several data sources, which that version cannot read.</summary>
        SeveralDataSourcesInLegacyVersion,

        /// <summary>It can read but lacks the Insert content capability.</summary>
        CannotInsert,

        /// <summary>It added the test row but lacks the Update content capability, so the row is left behind.</summary>
        CannotUpdate,

        /// <summary>It added the test row, and moving it to the trash failed otherwise.</summary>
        TrashFailed,

        /// <summary>Another failure (a server error, a timeout, ...).</summary>
        Failed,
    }

    /// <summary>The result of probing one database: a finding, never an exception.</summary>
    internal sealed class DatabaseProbeResult
    {
        public DatabaseProbeResult(string databaseId)
        {
            DatabaseId = databaseId;
        }

        public string DatabaseId { get; }

        public ProbeFinding Finding { get; internal set; }

        /// <summary>The status shown to the user for <see cref="Finding"/>.</summary>
        public NotionDatabaseAccessStatus Status
        {
            get
            {
                switch (Finding)
                {
                    case ProbeFinding.Readable:
                    case ProbeFinding.Writable:
                        return NotionDatabaseAccessStatus.Accessible;
                    case ProbeFinding.NotShared: return NotionDatabaseAccessStatus.NotShared;
                    case ProbeFinding.NotADatabase: return NotionDatabaseAccessStatus.NotADatabase;
                    case ProbeFinding.Unauthorized: return NotionDatabaseAccessStatus.Unauthorized;
                    case ProbeFinding.CannotRead:
                    case ProbeFinding.CannotInsert:
                    case ProbeFinding.CannotUpdate:
                        return NotionDatabaseAccessStatus.MissingCapability;
                    case ProbeFinding.NoReachableDataSource: return NotionDatabaseAccessStatus.NoAccessibleDataSource;
                    default: return NotionDatabaseAccessStatus.Error;
                }
            }
        }

        public string? Title { get; internal set; }

        public IReadOnlyList<NotionDataSource> DataSources { get; internal set; } = Array.Empty<NotionDataSource>();

        public bool CanRead { get; internal set; }

        public bool CanQuery { get; internal set; }

        /// <summary>Null unless the write probe tried it.</summary>
        public bool? CanInsert { get; internal set; }

        /// <summary>Null unless the write probe tried it.</summary>
        public bool? CanUpdate { get; internal set; }

        /// <summary>What Notion said (or the data-source choice) behind the finding, when something was refused.</summary>
        public NotionException? Failure { get; internal set; }

        /// <summary>The test row that is still in the database because it could not be moved to the trash.</summary>
        public (string Title, string PageId)? LeftBehind { get; internal set; }

        internal DatabaseProbeResult Found(ProbeFinding finding, NotionException? failure = null)
        {
            Finding = finding;
            Failure = failure;
            return this;
        }
    }

    /// <summary>
    /// Tests what an integration can do with a database: see it, read a data source's schema, query it and,
    /// when asked, add a row and move it to the trash. Every refusal becomes a finding.
    /// </summary>
    internal sealed class DatabaseProbe
    {
        private readonly NotionClient client;
        private readonly INotionLog log;

        public DatabaseProbe(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = client.Redacting(log); // its own lines quote Notion, which may echo the token
        }

        /// <summary>What to say about a test row that could not be moved to the trash.</summary>
        public static string LeftBehind(string title, string pageId) =>
            $"the test row \"{title}\" ({pageId}) is still in the database: delete it by hand.";

        /// <exception cref="OperationCanceledException">Cancelled; a test row already added is trashed first, if it can be in a short while.</exception>
        public async Task<DatabaseProbeResult> ProbeAsync(string databaseId, bool tryWrite, CancellationToken cancellationToken)
        {
            var result = new DatabaseProbeResult(databaseId);
            try
            {
                return await ProbeIntoAsync(result, tryWrite, cancellationToken).ConfigureAwait(false);
            }
            catch (NotionApiException ex)
            {
                return result.Found(ProbeFinding.Failed, ex);
            }
        }

        private async Task<DatabaseProbeResult> ProbeIntoAsync(DatabaseProbeResult result, bool tryWrite, CancellationToken cancellationToken)
        {
            var found = await new DatabaseLookup(client, log).LookUpAsync(result.DatabaseId, cancellationToken).ConfigureAwait(false);
            switch (found.Outcome)
            {
                case DatabaseLookupOutcome.SeveralDataSourcesInLegacyVersion:
                    return result.Found(ProbeFinding.SeveralDataSourcesInLegacyVersion, DataSourceChoiceException.SeveralInLegacyVersion(result.DatabaseId, found.Failure!));
                case DatabaseLookupOutcome.NoReachableDataSource: return result.Found(ProbeFinding.NoReachableDataSource, found.Failure);
                case DatabaseLookupOutcome.IsAPage: return result.Found(ProbeFinding.NotADatabase, new NotADatabaseException(result.DatabaseId));
                case DatabaseLookupOutcome.NotFound: return result.Found(ProbeFinding.NotShared, found.Failure);
                case DatabaseLookupOutcome.Unauthorized: return result.Found(ProbeFinding.Unauthorized, found.Failure);
                case DatabaseLookupOutcome.CannotRead: return result.Found(ProbeFinding.CannotRead, found.Failure);
            }

            var database = found.Database!;
            result.Title = database.Title;
            result.DataSources = DatabaseReader.DataSourcesOf(database);
            var readable = await FirstReadableSchemaAsync(database, cancellationToken).ConfigureAwait(false);
            if (readable == null)
            {
                return result.Found(ProbeFinding.NoReachableDataSource);
            }

            result.CanRead = true;
            using (await client.QueryAsync(readable.Id, new JsonObject { ["page_size"] = 1 }, log, cancellationToken).ConfigureAwait(false))
            {
                result.CanQuery = true;
            }

            result.Found(ProbeFinding.Readable);
            return tryWrite ? await ProbeWriteAsync(result, readable, cancellationToken).ConfigureAwait(false) : result;
        }

        /// <summary>The first data source whose schema the integration can read; a linked database has none.</summary>
        private async Task<DataSourceSchema?> FirstReadableSchemaAsync(DatabaseInfo database, CancellationToken cancellationToken)
        {
            if (database.OwnSchema != null)
            {
                // 2022-06-28: the database just read is its own data source, schema and all.
                return database.OwnSchema;
            }

            foreach (var source in database.DataSources)
            {
                try
                {
                    return await client.GetSchemaAsync(source.Id, log, cancellationToken).ConfigureAwait(false);
                }
                catch (NotionApiException ex) when (ex.Code == NotionErrorCodes.ObjectNotFound)
                {
                    log.Verbose($"Data source {source.Id} of {database.Id} is not reachable: {ex.ApiMessage}");
                }
            }

            return null;
        }

        private async Task<DatabaseProbeResult> ProbeWriteAsync(DatabaseProbeResult result, DataSourceSchema schema, CancellationToken cancellationToken)
        {
            var title = "NotionPS access test " + DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture);
            var properties = new JsonObject
            {
                [schema.TitlePropertyName ?? "title"] = new JsonObject { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = title } }) },
            };
            string pageId;
            try
            {
                using (var page = await client.CreatePageAsync(schema.Id, properties, log, cancellationToken).ConfigureAwait(false))
                {
                    pageId = JsonRead.String(page.RootElement, "id") ?? string.Empty;
                }
            }
            catch (NotionApiException ex) when (ex.Code == NotionErrorCodes.RestrictedResource)
            {
                result.CanInsert = false;
                return result.Found(ProbeFinding.CannotInsert, ex);
            }

            result.CanInsert = true;
            try
            {
                using (await client.TrashPageAsync(pageId, log, cancellationToken).ConfigureAwait(false))
                {
                    result.CanUpdate = true;
                }
            }
            catch (NotionApiException ex) when (ex.Code == NotionErrorCodes.RestrictedResource)
            {
                result.CanUpdate = false;
                result.LeftBehind = (title, pageId);
                return result.Found(ProbeFinding.CannotUpdate, ex);
            }
            catch (NotionApiException ex)
            {
                result.LeftBehind = (title, pageId);
                return result.Found(ProbeFinding.TrashFailed, ex);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await TrashAfterStopAsync(title, pageId).ConfigureAwait(false);
                throw;
            }

            return result.Found(ProbeFinding.Writable);
        }

        /// <summary>Cancelled between adding the test row and trashing it: one short try to tidy up, else say what is left.</summary>
        private async Task TrashAfterStopAsync(string title, string pageId)
        {
            using (var shortWhile = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            {
                try
                {
                    using (await client.TrashPageAsync(pageId, log, shortWhile.Token).ConfigureAwait(false))
                    {
                    }
                }
                catch (Exception ex) when (ex is NotionApiException || ex is OperationCanceledException)
                {
                    log.Verbose("Stopped before tidying up: " + LeftBehind(title, pageId));
                }
            }
        }
    }
}
