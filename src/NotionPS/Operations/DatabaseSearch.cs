using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Operations
{
    /// <summary>One page of databases found by title: (database ID, title) pairs, and where the next page starts.</summary>
    internal sealed class DatabaseSearchPage
    {
        public DatabaseSearchPage(IReadOnlyList<(string DatabaseId, string Title)> hits, IReadOnlyDictionary<string, DatabaseInfo> databases, string? nextCursor)
        {
            Hits = hits;
            Databases = databases;
            NextCursor = nextCursor;
        }

        /// <summary>Since 2025-09-03 search finds data sources, so a database with several may be here more than once.</summary>
        public IReadOnlyList<(string DatabaseId, string Title)> Hits { get; }

        /// <summary>
        /// The databases found, by ID, when search answers with the databases themselves (2022-06-28), so that showing
        /// one needs no read of it; empty since 2025-09-03, when search finds data sources.
        /// </summary>
        public IReadOnlyDictionary<string, DatabaseInfo> Databases { get; }

        /// <summary>Null on the last page.</summary>
        public string? NextCursor { get; }
    }

    /// <summary>Searches the databases shared with the integration by title, whichever object the API version returns.</summary>
    internal sealed class DatabaseSearch
    {
        private readonly NotionClient client;
        private readonly INotionLog log;

        public DatabaseSearch(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = log;
        }

        /// <param name="title">Text the title contains; all databases when null or empty.</param>
        public async Task<DatabaseSearchPage> SearchAsync(string? title, string? cursor, CancellationToken cancellationToken)
        {
            var apiVersion = client.Options.ApiVersion;
            var page = await client.SearchDatabasesAsync(title, cursor, log, cancellationToken).ConfigureAwait(false);
            var databases = new Dictionary<string, DatabaseInfo>(StringComparer.OrdinalIgnoreCase);
            if (!ApiVersion.HasDataSources(apiVersion))
            {
                foreach (var database in page.Results.Select(result => DatabaseInfo.From(result, apiVersion)).Where(database => database.Id.Length > 0))
                {
                    databases[database.Id] = database;
                }
            }

            return new DatabaseSearchPage(Databases(page, apiVersion).ToList(), databases, page.HasMore ? page.NextCursor : null);
        }

        /// <summary>Search results as (database ID, title) pairs: since 2025-09-03 they are data sources, read for their parent.</summary>
        internal static IEnumerable<(string DatabaseId, string Title)> Databases(ListPage page, string apiVersion) => Databases(page.Results, apiVersion);

        /// <summary>Database search results (see <see cref="Databases(ListPage, string)"/>), from a search that may have found pages too.</summary>
        internal static IEnumerable<(string DatabaseId, string Title)> Databases(IEnumerable<JsonElement> results, string apiVersion) =>
            results.Select(result =>
            {
                if (ApiVersion.HasDataSources(apiVersion))
                {
                    var parent = JsonRead.Object(result, "parent") ?? default;
                    return (JsonRead.String(parent, "database_id") ?? string.Empty, JsonRead.String(result, "name") ?? JsonRead.PlainText(JsonRead.Array(result, "title")));
                }

                return (JsonRead.String(result, "id") ?? string.Empty, JsonRead.PlainText(JsonRead.Array(result, "title")));
            }).Where(found => found.Item1.Length > 0);
    }
}
