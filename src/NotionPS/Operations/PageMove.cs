using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Ids;

namespace NotionPS.Operations
{
    /// <summary>
    /// Moves pages under a page or into a database's data source (<c>POST /v1/pages/{id}/move</c>). A parent given by
    /// a bare ID is told apart by asking Notion (database, page, then data source) once for all the pages moved there.
    /// </summary>
    internal sealed class PageMove
    {
        private const string PageParentType = "page_id";
        private const string DataSourceParentType = "data_source_id";

        private readonly NotionClient client;
        private readonly INotionLog log;
        private readonly ConcurrentDictionary<string, Task<(string Type, string Id)>> destinations =
            new ConcurrentDictionary<string, Task<(string Type, string Id)>>(StringComparer.OrdinalIgnoreCase);

        public PageMove(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = client.Redacting(log); // its messages quote Notion's, which may echo the token
        }

        private bool HasDataSources => ApiVersion.HasDataSources(client.Options.ApiVersion);

        /// <exception cref="PageMoveException">The parent is not visible, is a database under 2022-06-28, or has several data sources.</exception>
        /// <exception cref="DataSourceChoiceException">The parent database has no data source the integration can reach.</exception>
        /// <exception cref="NotionApiException">Notion refused a request.</exception>
        public async Task<NotionPage> MoveAsync(string pageId, PageParent parent, CancellationToken cancellationToken)
        {
            var (type, id) = await DestinationAsync(parent, cancellationToken).ConfigureAwait(false);
            log.Verbose($"Moving page {pageId} under {type} {id}.");
            using (var document = await client.MovePageAsync(pageId, type, id, log, cancellationToken).ConfigureAwait(false))
            {
                return NotionPage.FromJson(document.RootElement);
            }
        }

        /// <summary>Found once per parent for all the pages; a failed search is not remembered, so the next page asks again.</summary>
        private async Task<(string Type, string Id)> DestinationAsync(PageParent parent, CancellationToken cancellationToken)
        {
            var key = parent.Kind + ":" + parent.Id;
            try
            {
                return await destinations.GetOrAdd(key, _ => FindDestinationAsync(parent, cancellationToken)).ConfigureAwait(false);
            }
            catch (Exception)
            {
                destinations.TryRemove(key, out _);
                throw;
            }
        }

        private async Task<(string Type, string Id)> FindDestinationAsync(PageParent parent, CancellationToken cancellationToken)
        {
            switch (parent.Kind)
            {
                case PageParentKind.Page:
                    return (PageParentType, parent.Id);
                case PageParentKind.DataSource:
                    return HasDataSources ? (DataSourceParentType, parent.Id) : throw PageMoveException.NeedsDataSourceVersion(parent.Id);
                case PageParentKind.Database:
                    return IntoDatabase(await client.GetDatabaseAsync(parent.Id, log, cancellationToken).ConfigureAwait(false));
                default:
                    return await OfUnknownKindAsync(parent.Id, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<(string Type, string Id)> OfUnknownKindAsync(string id, CancellationToken cancellationToken)
        {
            var lookup = await new DatabaseLookup(client, log).LookUpAsync(id, cancellationToken).ConfigureAwait(false);
            switch (lookup.Outcome)
            {
                case DatabaseLookupOutcome.Found:
                    return IntoDatabase(lookup.Database!);
                case DatabaseLookupOutcome.IsAPage:
                    return (PageParentType, id);
                case DatabaseLookupOutcome.SeveralDataSourcesInLegacyVersion:
                case DatabaseLookupOutcome.NoReachableDataSource:
                    throw PageMoveException.NeedsDataSourceVersion(id);
                case DatabaseLookupOutcome.NotFound when HasDataSources:
                    return await DataSourceOrNothingAsync(id, lookup.Failure!, cancellationToken).ConfigureAwait(false);
                case DatabaseLookupOutcome.NotFound:
                    throw PageMoveException.ParentNotFound(id, lookup.Failure!);
                default:
                    throw lookup.Failure!;
            }
        }

        /// <summary>A data source ID (from Get-NotionDatabase's DataSources, say) is neither a database's nor a page's.</summary>
        private async Task<(string Type, string Id)> DataSourceOrNothingAsync(string id, NotionApiException databaseNotFound, CancellationToken cancellationToken)
        {
            try
            {
                await client.GetSchemaAsync(id, log, cancellationToken).ConfigureAwait(false);
                return (DataSourceParentType, id);
            }
            catch (NotionApiException ex) when (DatabaseLookup.IsNotFound(ex))
            {
                throw PageMoveException.ParentNotFound(id, databaseNotFound);
            }
        }

        private (string Type, string Id) IntoDatabase(DatabaseInfo database)
        {
            if (!HasDataSources)
            {
                throw PageMoveException.NeedsDataSourceVersion(database.Id);
            }

            if (database.DataSources.Count == 0)
            {
                throw DataSourceChoiceException.ForDatabase(database);
            }

            return database.DataSources.Count == 1
                ? (DataSourceParentType, database.DataSources[0].Id)
                : throw PageMoveException.SeveralDataSources(database);
        }
    }
}
