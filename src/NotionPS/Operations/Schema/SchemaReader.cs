using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Ids;

namespace NotionPS.Operations.Schema
{
    /// <summary>Reads a data source's schema (the given one, or the only one of the database given) as plain objects.</summary>
    internal sealed class SchemaReader
    {
        private readonly NotionClient client;
        private readonly INotionLog log;

        public SchemaReader(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = log;
        }

        /// <exception cref="DataSourceChoiceException">The database has no reachable data source, or several.</exception>
        /// <exception cref="NotionApiException">Notion refused a request.</exception>
        public Task<NotionDatabaseSchema> ReadAsync(DatabaseTarget target, CancellationToken cancellationToken) =>
            new DataSourceResolver(client, log).ResolveAsync(target, ReadSchemaAsync, cancellationToken);

        private async Task<NotionDatabaseSchema> ReadSchemaAsync(string dataSourceId, CancellationToken cancellationToken)
        {
            using (var document = await client.GetDataSourceJsonAsync(dataSourceId, log, cancellationToken).ConfigureAwait(false))
            {
                return SchemaJson.Read(document.RootElement);
            }
        }
    }
}
