using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Ids;

namespace NotionPS.Operations.Schema
{
    /// <summary>A data source's schema as it is, and the changes that would make it the one asked for.</summary>
    internal sealed class SchemaPlan
    {
        public SchemaPlan(NotionDatabaseSchema current, IReadOnlyList<SchemaChange> changes)
        {
            Current = current;
            Changes = changes;
        }

        public NotionDatabaseSchema Current { get; }

        public IReadOnlyList<SchemaChange> Changes { get; }
    }

    /// <summary>Applies a schema to a data source: plans the changes (reading only), then sends those accepted.</summary>
    internal sealed class SchemaUpdater
    {
        private readonly NotionClient client;
        private readonly INotionLog log;

        public SchemaUpdater(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = client.Redacting(log); // its lines quote Notion, which may echo the token
        }

        /// <exception cref="SchemaException">The schema cannot be applied (before anything is sent).</exception>
        /// <exception cref="DataSourceChoiceException">The database has no reachable data source, or several.</exception>
        /// <exception cref="NotionApiException">Notion refused a read.</exception>
        public async Task<SchemaPlan> PlanAsync(DatabaseTarget target, IReadOnlyList<NotionSchemaColumn> desired, bool removeMissing, CancellationToken cancellationToken)
        {
            var current = await new SchemaReader(client, log).ReadAsync(target, cancellationToken).ConfigureAwait(false);
            var diff = SchemaDiff.Compare(current, desired, removeMissing, client.Options.ApiVersion);
            await RelationTargets.CheckAsync(client, diff.RelationsToCheck, log, cancellationToken).ConfigureAwait(false);
            return new SchemaPlan(current, diff.Changes);
        }

        /// <summary>
        /// Sends <paramref name="accepted"/> in one request (rollups in a second one, once a new relation they read
        /// through exists) and returns the schema Notion answers with.
        /// </summary>
        /// <exception cref="SchemaException">Notion refused the change (nothing of that request was made).</exception>
        /// <exception cref="NotionApiException">Another failure.</exception>
        public async Task<NotionDatabaseSchema> ApplyAsync(SchemaPlan plan, IEnumerable<SchemaChange> accepted, CancellationToken cancellationToken)
        {
            var patches = new[] { new SchemaPatch(), new SchemaPatch() };
            foreach (var change in accepted)
            {
                change.ApplyTo(patches[change.AfterOthers ? 1 : 0]);
            }

            var schema = plan.Current;
            foreach (var patch in patches.Where(patch => !patch.IsEmpty))
            {
                schema = await UpdateAsync(client, plan.Current.DataSourceId, patch.Properties, "the schema change to data source " + plan.Current.DataSourceId, log, cancellationToken).ConfigureAwait(false);
            }

            return schema;
        }

        /// <summary>One schema update; Notion's validation_error (the change refused, nothing made) becomes a <see cref="SchemaException"/>.</summary>
        internal static async Task<NotionDatabaseSchema> UpdateAsync(NotionClient client, string dataSourceId, JsonObject properties, string attempt, INotionLog log, CancellationToken cancellationToken)
        {
            try
            {
                using (var document = await client.UpdateDataSourceAsync(dataSourceId, new JsonObject { ["properties"] = properties }, log, cancellationToken).ConfigureAwait(false))
                {
                    return SchemaJson.Read(document.RootElement);
                }
            }
            catch (NotionApiException ex) when (ex.Code == NotionErrorCodes.ValidationError)
            {
                throw SchemaException.Refused(attempt, ex);
            }
        }
    }
}
