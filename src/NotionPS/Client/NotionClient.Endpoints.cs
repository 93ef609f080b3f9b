using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Client
{
    /// <summary>The typed calls the cmdlets make; <see cref="SendAsync"/> does the work for each.</summary>
    internal sealed partial class NotionClient
    {
        private static readonly HttpMethod Patch = new HttpMethod("PATCH");

        public async Task<BotUser> GetMeAsync(INotionLog log, CancellationToken cancellationToken)
        {
            using (var document = await SendAsync(HttpMethod.Get, "v1/users/me", null, true, log, cancellationToken).ConfigureAwait(false))
            {
                return BotUser.From(document.RootElement);
            }
        }

        public async Task<DatabaseInfo> GetDatabaseAsync(string databaseId, INotionLog log, CancellationToken cancellationToken)
        {
            using (var document = await SendAsync(HttpMethod.Get, "v1/databases/" + databaseId, null, true, log, cancellationToken).ConfigureAwait(false))
            {
                return DatabaseInfo.From(document.RootElement, Options.ApiVersion);
            }
        }

        /// <summary>The schema of a data source (under 2022-06-28, of the database itself).</summary>
        public async Task<DataSourceSchema> GetSchemaAsync(string dataSourceId, INotionLog log, CancellationToken cancellationToken)
        {
            var path = ApiVersion.HasDataSources(Options.ApiVersion) ? "v1/data_sources/" + dataSourceId : "v1/databases/" + dataSourceId;
            using (var document = await SendAsync(HttpMethod.Get, path, null, true, log, cancellationToken).ConfigureAwait(false))
            {
                return DataSourceSchema.From(document.RootElement);
            }
        }

        /// <summary>One page of query results. A query only reads, so it is safe to repeat.</summary>
        public Task<JsonDocument> QueryAsync(string dataSourceId, JsonObject body, INotionLog log, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Post, ApiVersion.QueryPath(Options.ApiVersion, dataSourceId), body, true, log, cancellationToken);

        public async Task<JsonDocument> GetPageAsync(string pageId, INotionLog log, CancellationToken cancellationToken) =>
            await SendAsync(HttpMethod.Get, "v1/pages/" + pageId, null, true, log, cancellationToken).ConfigureAwait(false);

        /// <summary>Creates a row. Not repeated after a 5xx or a dropped connection: it may already exist.</summary>
        public Task<JsonDocument> CreatePageAsync(string dataSourceId, JsonObject properties, INotionLog log, CancellationToken cancellationToken)
        {
            var body = new JsonObject
            {
                ["parent"] = new JsonObject { ["type"] = ApiVersion.ParentKind(Options.ApiVersion), [ApiVersion.ParentKind(Options.ApiVersion)] = dataSourceId },
                ["properties"] = properties,
            };
            return SendAsync(HttpMethod.Post, "v1/pages", body, false, log, cancellationToken);
        }

        public Task<JsonDocument> UpdatePageAsync(string pageId, JsonObject body, INotionLog log, CancellationToken cancellationToken) =>
            SendAsync(Patch, "v1/pages/" + pageId, body, false, log, cancellationToken);

        /// <summary>Moves a page to the trash (<c>archived</c> or <c>in_trash</c>, by version). Repeating it is harmless.</summary>
        public Task<JsonDocument> TrashPageAsync(string pageId, INotionLog log, CancellationToken cancellationToken) =>
            SendAsync(Patch, "v1/pages/" + pageId, new JsonObject { [ApiVersion.TrashProperty(Options.ApiVersion)] = true }, true, log, cancellationToken);
    }
}
