using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Operations
{
    /// <summary>Reads a database as the output shows it: its data sources and, when asked, their columns.</summary>
    internal sealed class DatabaseReader
    {
        private readonly NotionClient client;
        private readonly INotionLog log;

        public DatabaseReader(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = client.Redacting(log); // its own lines quote Notion, which may echo the token
        }

        /// <summary>A database's data sources as the output objects show them.</summary>
        public static IReadOnlyList<NotionDataSource> DataSourcesOf(DatabaseInfo database) =>
            database.DataSources.Select(source => new NotionDataSource(source.Id, source.Name, database.Id)).ToList();

        public static NotionDatabase ToOutput(DatabaseInfo database, IReadOnlyList<NotionDataSource>? dataSources = null) =>
            new NotionDatabase(database.Id, database.Title, database.Url, database.CreatedTime, database.LastEditedTime, dataSources ?? DataSourcesOf(database));

        /// <summary>The database with its data sources, without their columns.</summary>
        public async Task<NotionDatabase> ReadAsync(string databaseId, CancellationToken cancellationToken) =>
            ToOutput(await client.GetDatabaseAsync(databaseId, log, cancellationToken).ConfigureAwait(false));

        /// <summary>A database a search found: as the search answered it when that was the database itself (2022-06-28), else read.</summary>
        public async Task<NotionDatabase> ReadFoundAsync(string databaseId, DatabaseSearchPage found, CancellationToken cancellationToken) =>
            found.Databases.TryGetValue(databaseId, out var database) ? ToOutput(database) : await ReadAsync(databaseId, cancellationToken).ConfigureAwait(false);

        /// <summary>
        /// The database with each data source's columns. A data source the integration cannot reach (the source
        /// of a linked database, say) is listed without columns, and the log says why.
        /// </summary>
        /// <exception cref="DataSourceChoiceException">Under 2022-06-28, a database with several data sources.</exception>
        /// <exception cref="NotionApiException">Notion refused another request.</exception>
        public async Task<NotionDatabase> ReadWithColumnsAsync(string databaseId, CancellationToken cancellationToken)
        {
            DatabaseInfo database;
            try
            {
                database = await client.GetDatabaseAsync(databaseId, log, cancellationToken).ConfigureAwait(false);
            }
            catch (NotionApiException ex) when (ApiVersion.IsSeveralDataSourcesRefusal(ex))
            {
                throw DataSourceChoiceException.SeveralInLegacyVersion(databaseId, ex);
            }

            var dataSources = new List<NotionDataSource>();
            foreach (var source in database.DataSources)
            {
                var dataSource = new NotionDataSource(source.Id, source.Name, database.Id);
                try
                {
                    var schema = database.OwnSchema ?? await client.GetSchemaAsync(source.Id, log, cancellationToken).ConfigureAwait(false);
                    dataSource.Properties = schema.Properties;
                }
                catch (NotionApiException ex) when (ex.Code == NotionErrorCodes.ObjectNotFound)
                {
                    log.Verbose($"Data source \"{source.Name}\" ({source.Id}) is not reachable: {ex.ApiMessage}");
                }

                dataSources.Add(dataSource);
            }

            return ToOutput(database, dataSources);
        }
    }
}
