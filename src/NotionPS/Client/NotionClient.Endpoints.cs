using System;
using System.Collections.Generic;
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
        /// <summary>Notion's largest page_size.</summary>
        public const int MaximumPageSize = 100;

        private const string SearchPath = "v1/search";

        private static readonly HttpMethod Patch = new HttpMethod("PATCH");

        public async Task<TokenUser> GetMeAsync(INotionLog log, CancellationToken cancellationToken)
        {
            using (var document = await SendAsync(HttpMethod.Get, "v1/users/me", null, true, log, cancellationToken).ConfigureAwait(false))
            {
                return TokenUser.From(document.RootElement);
            }
        }

        public async Task<DatabaseInfo> GetDatabaseAsync(string databaseId, INotionLog log, CancellationToken cancellationToken)
        {
            using (var document = await SendAsync(HttpMethod.Get, "v1/databases/" + RequestAddress.Segment(databaseId), null, true, log, cancellationToken).ConfigureAwait(false))
            {
                return DatabaseInfo.From(document.RootElement, Options.ApiVersion);
            }
        }

        /// <summary>The schema of a data source (under 2022-06-28, of the database itself).</summary>
        public async Task<DataSourceSchema> GetSchemaAsync(string dataSourceId, INotionLog log, CancellationToken cancellationToken)
        {
            using (var document = await GetDataSourceJsonAsync(dataSourceId, log, cancellationToken).ConfigureAwait(false))
            {
                return DataSourceSchema.From(document.RootElement);
            }
        }

        /// <summary>One page of query results. A query only reads, so it is safe to repeat.</summary>
        public Task<JsonDocument> QueryAsync(string dataSourceId, JsonObject body, INotionLog log, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Post, ApiVersion.QueryPath(Options.ApiVersion, dataSourceId), body, true, log, cancellationToken);

        /// <summary>
        /// One page of rows. <paramref name="filter"/> and <paramref name="sorts"/> are in Notion's own shape
        /// and may be null; a query only reads, so it is safe to repeat.
        /// </summary>
        public async Task<ListPage> QueryPageAsync(string dataSourceId, JsonNode? filter, JsonArray? sorts, string? startCursor, int pageSize, INotionLog log, CancellationToken cancellationToken)
        {
            var body = new JsonObject { ["page_size"] = pageSize };
            if (filter != null)
            {
                body["filter"] = filter.DeepClone();
            }

            if (sorts != null && sorts.Count > 0)
            {
                body["sorts"] = sorts.DeepClone();
            }

            if (startCursor != null)
            {
                body["start_cursor"] = startCursor;
            }

            var path = ApiVersion.QueryPath(Options.ApiVersion, dataSourceId);
            var (document, roundTrip) = await SendTimedAsync(HttpMethod.Post, path, body, true, log, cancellationToken).ConfigureAwait(false);
            return ListPage.Owning(document, roundTrip, HttpMethod.Post.Method, path);
        }

        /// <summary>
        /// One page of search results for databases (since 2025-09-03, their data sources) whose title
        /// contains <paramref name="query"/>.
        /// </summary>
        public async Task<ListPage> SearchDatabasesAsync(string? query, string? startCursor, INotionLog log, CancellationToken cancellationToken)
        {
            var body = new JsonObject
            {
                ["filter"] = new JsonObject { ["property"] = "object", ["value"] = ApiVersion.SearchObject(Options.ApiVersion) },
                ["page_size"] = MaximumPageSize,
            };
            if (!string.IsNullOrEmpty(query))
            {
                body["query"] = query;
            }

            if (startCursor != null)
            {
                body["start_cursor"] = startCursor;
            }

            using (var document = await SendAsync(HttpMethod.Post, SearchPath, body, true, log, cancellationToken).ConfigureAwait(false))
            {
                return ListPage.From(document.RootElement, HttpMethod.Post.Method, SearchPath);
            }
        }

        /// <summary>
        /// Every item of one page property, paging through <c>GET /v1/pages/{id}/properties/{property_id}</c>:
        /// the full list of a people, relation or text value a page object cuts at 25.
        /// </summary>
        public async Task<IReadOnlyList<JsonElement>> GetPropertyItemsAsync(string pageId, string propertyId, INotionLog log, CancellationToken cancellationToken)
        {
            var items = new List<JsonElement>();
            string? cursor = null;
            do
            {
                // A property ID comes from Notion already escaped (%3AUPp), so it is sent as it is; a dot segment or a way out is refused in RequestUri.
                var path = $"v1/pages/{RequestAddress.Segment(pageId)}/properties/{propertyId}?page_size={MaximumPageSize}" + (cursor == null ? string.Empty : "&start_cursor=" + Uri.EscapeDataString(cursor));
                using (var document = await SendAsync(HttpMethod.Get, path, null, true, log, cancellationToken).ConfigureAwait(false))
                {
                    if (JsonRead.String(document.RootElement, "object") != "list")
                    {
                        // A property that is not paginated answers with the single property item.
                        items.Add(document.RootElement.Clone());
                        return items;
                    }

                    var page = ListPage.From(document.RootElement, HttpMethod.Get.Method, path);
                    items.AddRange(page.Results);
                    cursor = page.HasMore ? page.NextCursor : null;
                }
            }
            while (cursor != null);

            return items;
        }

        /// <summary>
        /// The workspace's people by e-mail address (ignoring case), from every page of <c>GET /v1/users</c>;
        /// people whose address the integration may not read are left out.
        /// </summary>
        public async Task<IReadOnlyDictionary<string, string>> GetUserIdsByEmailAsync(INotionLog log, CancellationToken cancellationToken)
        {
            var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string? cursor = null;
            do
            {
                var path = $"v1/users?page_size={MaximumPageSize}" + (cursor == null ? string.Empty : "&start_cursor=" + Uri.EscapeDataString(cursor));
                using (var document = await SendAsync(HttpMethod.Get, path, null, true, log, cancellationToken).ConfigureAwait(false))
                {
                    var page = ListPage.From(document.RootElement, HttpMethod.Get.Method, path);
                    foreach (var user in page.Results)
                    {
                        var email = JsonRead.String(JsonRead.Object(user, "person") ?? default, "email");
                        var id = JsonRead.String(user, "id");
                        if (email != null && id != null)
                        {
                            ids[email] = id;
                        }
                    }

                    cursor = page.HasMore ? page.NextCursor : null;
                }
            }
            while (cursor != null);

            return ids;
        }

        public async Task<JsonDocument> GetPageAsync(string pageId, INotionLog log, CancellationToken cancellationToken) =>
            await SendAsync(HttpMethod.Get, "v1/pages/" + RequestAddress.Segment(pageId), null, true, log, cancellationToken).ConfigureAwait(false);

        /// <summary>Creates a row. Not repeated after a 5xx or a dropped connection: it may already exist.</summary>
        /// <param name="sending">See <see cref="SendAsync"/>.</param>
        public Task<JsonDocument> CreatePageAsync(string dataSourceId, JsonObject properties, INotionLog log, CancellationToken cancellationToken, Action<bool>? sending = null)
        {
            var body = new JsonObject
            {
                ["parent"] = new JsonObject { ["type"] = ApiVersion.ParentKind(Options.ApiVersion), [ApiVersion.ParentKind(Options.ApiVersion)] = dataSourceId },
                ["properties"] = properties,
            };
            return SendAsync(HttpMethod.Post, "v1/pages", body, false, log, cancellationToken, sending);
        }

        /// <param name="sending">See <see cref="SendAsync"/>.</param>
        public Task<JsonDocument> UpdatePageAsync(string pageId, JsonObject body, INotionLog log, CancellationToken cancellationToken, Action<bool>? sending = null) =>
            SendAsync(Patch, "v1/pages/" + RequestAddress.Segment(pageId), body, false, log, cancellationToken, sending);

        /// <summary>Moves a page to the trash (<c>archived</c> or <c>in_trash</c>, by version). Repeating it is harmless.</summary>
        /// <param name="sending">See <see cref="SendAsync"/>.</param>
        public Task<JsonDocument> TrashPageAsync(string pageId, INotionLog log, CancellationToken cancellationToken, Action<bool>? sending = null) =>
            SendAsync(Patch, "v1/pages/" + RequestAddress.Segment(pageId), new JsonObject { [ApiVersion.TrashProperty(Options.ApiVersion)] = true }, true, log, cancellationToken, sending);
    }
}
