using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Operations.Schema
{
    /// <summary>Creates a database with its first data source, under a page, with the columns given.</summary>
    internal sealed class DatabaseCreator
    {
        private readonly NotionClient client;
        private readonly INotionLog log;

        public DatabaseCreator(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = client.Redacting(log); // its lines quote Notion, which may echo the token
        }

        /// <summary>
        /// The columns a new database gets: those given, after a title column named Name when none is of type title
        /// (every data source has one).
        /// </summary>
        public static IReadOnlyList<NotionSchemaColumn> WithTitle(IReadOnlyList<NotionSchemaColumn> columns) =>
            columns.Any(column => column.Type == "title")
                ? columns
                : new[] { new NotionSchemaColumn { Name = "Name", Type = "title" } }.Concat(columns).ToList();

        /// <summary>
        /// Creates the database, then adds its rollup columns in a second request (a rollup reads through a relation
        /// column, which must exist first). Every column is checked before the first request.
        /// </summary>
        /// <exception cref="SchemaException">The columns cannot make a data source, a relation's target cannot be seen, or Notion refused.</exception>
        /// <exception cref="NotionApiException">Another failure.</exception>
        public async Task<NotionDatabase> CreateAsync(string parentPageId, string title, IReadOnlyList<NotionSchemaColumn> columns, CancellationToken cancellationToken)
        {
            var apiVersion = client.Options.ApiVersion;
            columns = WithTitle(columns);
            SchemaDiff.CheckColumns(columns);
            var first = Properties(columns.Where(column => column.Type != "rollup"), apiVersion);
            var rollups = Properties(columns.Where(column => column.Type == "rollup"), apiVersion);
            await RelationTargets.CheckAsync(client, columns.Where(column => column.Type == "relation"), log, cancellationToken).ConfigureAwait(false);

            var body = new JsonObject
            {
                ["parent"] = new JsonObject { ["type"] = "page_id", ["page_id"] = parentPageId },
                ["title"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["content"] = title } }),
            };
            if (ApiVersion.HasDataSources(apiVersion))
            {
                body["initial_data_source"] = new JsonObject { ["properties"] = first };
            }
            else
            {
                body["properties"] = first;
            }

            DatabaseInfo database;
            try
            {
                using (var document = await client.CreateDatabaseAsync(body, log, cancellationToken).ConfigureAwait(false))
                {
                    database = DatabaseInfo.From(document.RootElement, apiVersion);
                }
            }
            catch (NotionApiException ex) when (ex.Code == NotionErrorCodes.ValidationError)
            {
                throw SchemaException.Refused($"to create the database '{title}' under page {parentPageId}", ex);
            }

            if (rollups.Count > 0)
            {
                await SchemaUpdater.UpdateAsync(client, database.DataSources[0].Id, rollups,
                    $"the rollup columns of the new database {database.Id}, which exists without them", log, cancellationToken).ConfigureAwait(false);
            }

            return DatabaseReader.ToOutput(database);
        }

        private static JsonObject Properties(IEnumerable<NotionSchemaColumn> columns, string apiVersion)
        {
            var properties = new JsonObject();
            foreach (var column in columns)
            {
                properties[column.Name] = SchemaJson.Configuration(column, apiVersion);
            }

            return properties;
        }
    }
}
