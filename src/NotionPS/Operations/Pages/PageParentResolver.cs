using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Ids;

namespace NotionPS.Operations
{
    /// <summary>
    /// Finds what a new page goes under. An ID alone is tried as a page, then as a database (whose one data source
    /// takes the row), then, from 2025-09-03, as a data source; when none is visible, the page's refusal stands,
    /// as a page is what most parents are.
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

        /// <exception cref="DataSourceChoiceException">A database with several data sources, or none reachable (a linked database).</exception>
        /// <exception cref="NotionApiException">Notion refused, or nothing visible has the ID.</exception>
        public async Task<ResolvedParent> ResolveAsync(string id, PageParentKind kind, CancellationToken cancellationToken)
        {
            var dataSources = new DataSourceResolver(client, log);
            switch (kind)
            {
                case PageParentKind.Page:
                    return ResolvedParent.Page(id);
                case PageParentKind.Database:
                    return ResolvedParent.Rows(await dataSources.ResolveAsync(DatabaseTarget.Database(id), cancellationToken).ConfigureAwait(false));
                case PageParentKind.DataSource:
                    return ResolvedParent.Rows(await dataSources.ResolveAsync(DatabaseTarget.DataSource(id), cancellationToken).ConfigureAwait(false));
            }

            NotionApiException notAPage;
            try
            {
                using (await client.GetPageAsync(id, log, cancellationToken).ConfigureAwait(false))
                {
                    return ResolvedParent.Page(id);
                }
            }
            catch (NotionApiException ex) when (IsNotFound(ex))
            {
                notAPage = ex;
            }

            try
            {
                return ResolvedParent.Rows(await dataSources.ResolveAsync(DatabaseTarget.Database(id), cancellationToken).ConfigureAwait(false));
            }
            catch (NotionApiException ex) when (IsNotFound(ex) && ApiVersion.HasDataSources(client.Options.ApiVersion))
            {
                log.Verbose($"{id} is neither a page nor a database the integration can see; trying it as a data source.");
            }
            catch (NotionApiException ex) when (IsNotFound(ex))
            {
                throw notAPage;
            }

            try
            {
                return ResolvedParent.Rows(await dataSources.ResolveAsync(DatabaseTarget.DataSource(id), cancellationToken).ConfigureAwait(false));
            }
            catch (NotionApiException ex) when (IsNotFound(ex))
            {
                throw notAPage;
            }
        }

        /// <summary>Not an object of the kind asked for; a linked database's refusal is an answer, not a miss.</summary>
        private static bool IsNotFound(NotionApiException exception) =>
            DatabaseLookup.IsNotFound(exception) && !ApiVersion.IsNoReachableDataSourceRefusal(exception);
    }
}
