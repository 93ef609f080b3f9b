using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Client
{
    /// <summary>The schema endpoints: create a database, read and change a data source's columns.</summary>
    internal sealed partial class NotionClient
    {
        /// <summary>
        /// <c>POST v1/databases</c>: a database with its first data source (its columns in <c>initial_data_source</c>
        /// from 2025-09-03, in <c>properties</c> before). Not repeated after a 5xx or a dropped connection: it may exist.
        /// </summary>
        public Task<JsonDocument> CreateDatabaseAsync(JsonObject body, INotionLog log, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Post, "v1/databases", body, false, log, cancellationToken);

        /// <summary>
        /// Changes a data source's columns or title: <c>PATCH v1/data_sources/{id}</c> from 2025-09-03,
        /// <c>PATCH v1/databases/{id}</c> under 2022-06-28. Not repeated: adding a column twice is not harmless.
        /// </summary>
        public Task<JsonDocument> UpdateDataSourceAsync(string dataSourceId, JsonObject body, INotionLog log, CancellationToken cancellationToken) =>
            SendAsync(Patch, ApiVersion.SchemaPath(Options.ApiVersion, dataSourceId), body, false, log, cancellationToken);

        /// <summary>A data source (under 2022-06-28, a database) as Notion's JSON, with every column's configuration.</summary>
        /// <exception cref="NotionApiException">Notion refused the request, or the answer has no columns (invalid_response).</exception>
        public async Task<JsonDocument> GetDataSourceJsonAsync(string dataSourceId, INotionLog log, CancellationToken cancellationToken)
        {
            var path = ApiVersion.SchemaPath(Options.ApiVersion, dataSourceId);
            var document = await SendAsync(HttpMethod.Get, path, null, true, log, cancellationToken).ConfigureAwait(false);

            // Every data source has a title column: an answer without columns ({} from a gateway) read as none would
            // export rows without their values and say nothing.
            if (JsonRead.Object(document.RootElement, "properties") == null)
            {
                document.Dispose();
                throw new NotionApiException(200, NotionErrorCodes.InvalidResponse, "The response has no properties (columns), so it is not Notion's answer for a data source.", null, HttpMethod.Get.Method, path);
            }

            return document;
        }
    }
}
