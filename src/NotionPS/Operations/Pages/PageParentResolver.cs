using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Ids;

namespace NotionPS.Operations
{
    /// <summary>Where pages go, resolved: a page, or the rows of a data source (under 2022-06-28, of a database, its own data source).</summary>
    internal sealed class PageDestination
    {
        private PageDestination(string? pageId, DatabaseTarget? rows, DataSourceSchema? schema)
        {
            PageId = pageId;
            Rows = rows;
            Schema = schema;
        }

        /// <summary>The parent page; null when the pages go into a data source as rows.</summary>
        public string? PageId { get; }

        /// <summary>The data source taking the pages as rows (under 2022-06-28, the database); null under a page.</summary>
        public DatabaseTarget? Rows { get; }

        /// <summary>The schema of <see cref="Rows"/> when telling what the ID named already read it; otherwise null.</summary>
        public DataSourceSchema? Schema { get; }

        public static PageDestination Page(string pageId) => new PageDestination(pageId, null, null);

        public static PageDestination Into(DatabaseTarget rows, DataSourceSchema? schema = null) => new PageDestination(null, rows, schema);
    }

    /// <summary>
    /// Tells what a parent ID names, for New-NotionPage and Move-NotionPage alike. An object says what it is; an ID
    /// alone is asked about as a page, then as a database (whose one data source takes the pages), then, from
    /// 2025-09-03, as a data source: most parents are pages, which so cost one request. For a row (column values
    /// given), which only a database or data source can take, the database is asked about first.
    /// </summary>
    internal sealed class PageParentResolver
    {
        private readonly NotionClient client;
        private readonly INotionLog log;

        public PageParentResolver(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = log;
        }

        private bool HasDataSources => ApiVersion.HasDataSources(client.Options.ApiVersion);

        /// <exception cref="DataSourceChoiceException">A database with several data sources, or none reachable (a linked database).</exception>
        /// <param name="forRow">Whether the page has column values, so that a database is the likelier parent.</param>
        /// <exception cref="NotionApiException">Notion refused; for an ID that nothing visible has, the refusal of the page request.</exception>
        public async Task<PageDestination> ResolveAsync(PageParent parent, bool forRow, CancellationToken cancellationToken)
        {
            switch (parent.Kind)
            {
                case PageParentKind.Page:
                    return PageDestination.Page(parent.Id);
                case PageParentKind.DataSource:
                    return PageDestination.Into(DatabaseTarget.DataSource(parent.Id));
                case PageParentKind.Database when HasDataSources:
                    return OnlyDataSource(await client.GetDatabaseAsync(parent.Id, log, cancellationToken).ConfigureAwait(false));
                case PageParentKind.Database:
                    return PageDestination.Into(DatabaseTarget.Database(parent.Id));
                default:
                    return await OfUnknownKindAsync(parent.Id, forRow, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<PageDestination> OfUnknownKindAsync(string id, bool forRow, CancellationToken cancellationToken)
        {
            var databases = new DatabaseLookup(client, log);
            DatabaseLookupResult lookup;
            if (forRow)
            {
                lookup = await databases.LookUpAsync(id, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var notAPage = await databases.PageRefusalAsync(id, cancellationToken).ConfigureAwait(false);
                if (notAPage == null)
                {
                    return PageDestination.Page(id);
                }

                lookup = await databases.LookUpNotAPageAsync(id, notAPage, cancellationToken).ConfigureAwait(false);
            }

            switch (lookup.Outcome)
            {
                case DatabaseLookupOutcome.Found:
                    return HasDataSources ? OnlyDataSource(lookup.Database!) : PageDestination.Into(DatabaseTarget.Database(id), lookup.Database!.OwnSchema);
                case DatabaseLookupOutcome.IsAPage:
                    return PageDestination.Page(id);
                case DatabaseLookupOutcome.SeveralDataSourcesInLegacyVersion:
                    throw DataSourceChoiceException.SeveralInLegacyVersion(id, lookup.Failure!);
                case DatabaseLookupOutcome.NotFound when HasDataSources:
                    return await DataSourceOrNothingAsync(id, lookup.PageFailure!, cancellationToken).ConfigureAwait(false);
                case DatabaseLookupOutcome.NotFound:
                    throw lookup.PageFailure!;
                default:
                    throw lookup.Failure!;
            }
        }

        /// <summary>A data source ID (from Get-NotionDatabase's DataSources, say) is neither a database's nor a page's.</summary>
        private async Task<PageDestination> DataSourceOrNothingAsync(string id, NotionApiException notAPage, CancellationToken cancellationToken)
        {
            log.Verbose($"{id} is neither a page nor a database the integration can see; trying it as a data source.");
            try
            {
                return PageDestination.Into(DatabaseTarget.DataSource(id), await client.GetSchemaAsync(id, log, cancellationToken).ConfigureAwait(false));
            }
            catch (NotionApiException ex) when (DatabaseLookup.IsNotFound(ex))
            {
                // A page is what most parents are, so its refusal says best what to share.
                throw notAPage;
            }
        }

        private static PageDestination OnlyDataSource(DatabaseInfo database) =>
            database.DataSources.Count == 1
                ? PageDestination.Into(DatabaseTarget.DataSource(database.DataSources[0].Id, database.Id))
                : throw DataSourceChoiceException.ForDatabase(database);
    }
}
