using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Operations.Schema
{
    /// <summary>
    /// Checks, before anything is written, that each new relation points at a data source the integration can see:
    /// Notion's own refusal comes only after the other columns of the request were checked, and names no column.
    /// </summary>
    internal static class RelationTargets
    {
        /// <exception cref="SchemaException">A relation points at a data source (or database) that cannot be read.</exception>
        public static async Task CheckAsync(NotionClient client, IEnumerable<NotionSchemaColumn> relations, INotionLog log, CancellationToken cancellationToken)
        {
            var apiVersion = client.Options.ApiVersion;
            foreach (var relation in relations)
            {
                var (key, id) = SchemaJson.RelationTarget(relation, apiVersion);
                var isDatabase = key == "database_id";
                try
                {
                    if (isDatabase && ApiVersion.HasDataSources(apiVersion))
                    {
                        await client.GetDatabaseAsync(id, log, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        (await client.GetDataSourceJsonAsync(id, log, cancellationToken).ConfigureAwait(false)).Dispose();
                    }
                }
                catch (NotionApiException ex) when (ex.Code == NotionErrorCodes.ObjectNotFound || ex.Code == NotionErrorCodes.ValidationError)
                {
                    throw SchemaException.UnknownRelationTarget(relation.Name, (isDatabase ? "database " : "data source ") + id, ex);
                }
            }
        }
    }
}
