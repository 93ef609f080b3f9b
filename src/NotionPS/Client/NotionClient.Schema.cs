using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Client
{
    /// <summary>Schema writes: databases and their data sources.</summary>
    internal sealed partial class NotionClient
    {
        /// <summary>
        /// Changes a data source's columns or title (<c>PATCH /v1/data_sources/{id}</c>; under 2022-06-28 the
        /// database's own, <c>PATCH /v1/databases/{id}</c>). Not repeated after a 5xx or a dropped connection.
        /// </summary>
        public Task<JsonDocument> UpdateDataSourceAsync(string dataSourceId, JsonObject body, INotionLog log, CancellationToken ct) =>
            SendAsync(Patch, ApiVersion.SchemaPath(Options.ApiVersion, dataSourceId), body, false, log, ct);
    }
}
