using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Operations
{
    /// <summary>
    /// A data source as Notion answered it (a JSON backup keeps every column's definition) and its schema, from one
    /// request: the export chooses its data source and writes its file from the same read.
    /// </summary>
    internal sealed class DataSourceDefinition
    {
        private DataSourceDefinition(JsonElement json, DataSourceSchema schema)
        {
            Json = json;
            Schema = schema;
        }

        /// <summary>The data source (under 2022-06-28, the database), kept apart from the answer's document.</summary>
        public JsonElement Json { get; }

        public DataSourceSchema Schema { get; }

        /// <exception cref="NotionApiException">Notion refused the request.</exception>
        public static async Task<DataSourceDefinition> ReadAsync(NotionClient client, INotionLog log, string dataSourceId, CancellationToken cancellationToken)
        {
            using (var document = await client.GetDataSourceJsonAsync(dataSourceId, log, cancellationToken).ConfigureAwait(false))
            {
                return new DataSourceDefinition(document.RootElement.Clone(), DataSourceSchema.From(document.RootElement));
            }
        }
    }
}
