using System;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Ids;

namespace NotionPS.Operations
{
    /// <summary>
    /// The data source a row operation works on: the one given, or the only one of the database given.
    /// Under Notion-Version 2022-06-28 the database is its own data source.
    /// </summary>
    internal sealed class DataSourceResolver
    {
        private readonly NotionClient client;
        private readonly INotionLog log;

        public DataSourceResolver(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = log;
        }

        /// <exception cref="DataSourceChoiceException">The database has no reachable data source, or several.</exception>
        /// <exception cref="NotionApiException">Notion refused a request.</exception>
        public Task<DataSourceSchema> ResolveAsync(DatabaseTarget target, CancellationToken cancellationToken) =>
            ResolveAsync(target, (id, token) => client.GetSchemaAsync(id, log, token), cancellationToken);

        /// <summary>
        /// The data source, read by <paramref name="read"/> (given its ID): the one request for it, so a caller that
        /// wants it in another form (the full JSON) does not read it a second time.
        /// </summary>
        /// <exception cref="DataSourceChoiceException">The database has no reachable data source, or several.</exception>
        /// <exception cref="NotionApiException">Notion refused a request.</exception>
        public async Task<T> ResolveAsync<T>(DatabaseTarget target, Func<string, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        {
            var legacy = !ApiVersion.HasDataSources(client.Options.ApiVersion);
            if (target.DataSourceId != null)
            {
                try
                {
                    return await read(target.DataSourceId, cancellationToken).ConfigureAwait(false);
                }
                catch (NotionApiException ex) when (ex.Code == NotionErrorCodes.ObjectNotFound && legacy)
                {
                    // 2022-06-28 knows only databases (each its own data source): a real data source ID is never found.
                    throw DataSourceChoiceException.NoDataSourcesInLegacyVersion(target.DataSourceId, ex);
                }
            }

            var databaseId = target.DatabaseId!;
            if (legacy)
            {
                try
                {
                    return await read(databaseId, cancellationToken).ConfigureAwait(false);
                }
                catch (NotionApiException ex) when (ApiVersion.IsSeveralDataSourcesRefusal(ex))
                {
                    // 2022-06-28 cannot read a database that has several data sources at all.
                    throw DataSourceChoiceException.SeveralInLegacyVersion(databaseId, ex);
                }
            }

            var database = await client.GetDatabaseAsync(databaseId, log, cancellationToken).ConfigureAwait(false);
            if (database.DataSources.Count != 1)
            {
                throw DataSourceChoiceException.ForDatabase(database);
            }

            return await read(database.DataSources[0].Id, cancellationToken).ConfigureAwait(false);
        }
    }
}
