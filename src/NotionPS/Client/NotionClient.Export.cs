using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Client
{
    /// <summary>What a database export reads beyond the rows.</summary>
    internal sealed partial class NotionClient
    {
        /// <summary>A data source (under 2022-06-28, the database) as Notion answers it: each column's definition as Notion gives it.</summary>
        public Task<JsonDocument> GetDataSourceDocumentAsync(string dataSourceId, INotionLog log, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Get, ApiVersion.SchemaPath(Options.ApiVersion, dataSourceId), null, true, log, cancellationToken);
    }
}
