using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Rows;

namespace NotionPS.Operations
{
    /// <summary>
    /// Adds a row, or updates the one row whose value in the match column equals the input's: what makes a
    /// rerun of the same input safe. Rows with the same key (the value the column stores, however the input spells
    /// it) run one after another, and a key created here is remembered, so a key twice in the input is added once and then updated.
    /// </summary>
    internal sealed class RowUpsert
    {
        private readonly NotionClient client;
        private readonly INotionLog log;
        private readonly DataSourceSchema schema;
        private readonly string matchColumn;
        private readonly RowWriter writer;
        private readonly ConcurrentDictionary<string, Task> lastWorkByKey = new ConcurrentDictionary<string, Task>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, string> createdByKey = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        /// <param name="matchColumn">A writable column of <paramref name="schema"/> (see <see cref="WritableColumn"/>).</param>
        public RowUpsert(NotionClient client, INotionLog log, DataSourceSchema schema, string matchColumn)
        {
            this.client = client;
            this.log = log;
            this.schema = schema;
            this.matchColumn = matchColumn;
            writer = new RowWriter(client, log);
        }

        /// <summary>The column of <paramref name="schema"/> that <paramref name="name"/> names (<see cref="RowMapping.NamedColumn"/>), or null when none that can be written does.</summary>
        /// <exception cref="ColumnAmbiguousException">Two or more columns have the name in other cases, none exactly.</exception>
        public static string? WritableColumn(DataSourceSchema schema, string name)
        {
            var column = RowMapping.WrittenColumn(schema.PropertyTypes, name);
            return column == null || PropertyWriter.IsReadOnly(schema.PropertyTypes[column]) ? null : column;
        }

        /// <summary>
        /// Adds or updates one row, after any row with the same key still in flight. A faulted task carries
        /// <see cref="MatchOnException"/> when the input has no key or several rows have it. Called from one
        /// thread (the pipeline's), in input order.
        /// </summary>
        /// <param name="uploadFiles">
        /// Finishes the row's files cells (uploads, checks, copies, which fill in its properties); started at once when the row has
        /// a key, beside any earlier row of that key, and the row is matched and sent only once it has succeeded.
        /// </param>
        public Task<PageRow> UpsertAsync(RowMapping mapping, Func<CancellationToken, Task> uploadFiles, CancellationToken cancellationToken)
        {
            if (!mapping.Values.TryGetValue(matchColumn, out var keyValue) || PlainValues.IsEmpty(keyValue))
            {
                return Task.FromException<PageRow>(MatchOnException.ValueMissing(matchColumn));
            }

            // An option key is the option the row writes (matched ignoring case, or the spelling an earlier row added), as Notion
            // compares option names exactly: 'high' finds the row holding 'High', and 'high' then 'HIGH' are one key.
            var type = schema.PropertyTypes[matchColumn];
            var written = mapping.Properties[matchColumn] as JsonObject;
            if ((type == "select" || type == "status") && written?[type]?["name"] is JsonValue name)
            {
                keyValue = name.GetValue<string>();
            }

            // Rows wait for each other by the value the column stores, not by its spelling: '7', '7.0' and '07' are one
            // number, and rows queried side by side would each find no row and each add one.
            var shown = PlainValues.ToInvariantString(keyValue).Trim();
            var key = written == null ? shown : CellComparison.Canonical(type, written).Trim();
            var previous = lastWorkByKey.TryGetValue(key, out var last) ? last : Task.CompletedTask;
            var work = UpsertAfterAsync(uploadFiles(cancellationToken), previous, key, shown, keyValue, mapping.Properties, cancellationToken);
            lastWorkByKey[key] = work;

            // The key is forgotten once its last row is done, unless a later row of that key took its place meanwhile.
            work.ContinueWith(
                done => ((ICollection<KeyValuePair<string, Task>>)lastWorkByKey).Remove(new KeyValuePair<string, Task>(key, done)),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return work;
        }

        private async Task<PageRow> UpsertAfterAsync(Task filesUploaded, Task previous, string key, string shown, object? keyValue, JsonObject properties, CancellationToken cancellationToken)
        {
            try
            {
                await previous.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The earlier row with this key has its own error; this one is matched afresh.
            }

            await filesUploaded.ConfigureAwait(false);

            var existing = createdByKey.TryGetValue(key, out var created) ? created : await FindByKeyAsync(shown, keyValue, cancellationToken).ConfigureAwait(false);
            if (existing != null)
            {
                return await writer.UpdateAsync(existing, properties, cancellationToken).ConfigureAwait(false);
            }

            var row = await writer.CreateAsync(schema.Id, properties, cancellationToken).ConfigureAwait(false);
            createdByKey[key] = row.PageId;
            return row;
        }

        /// <summary>The page ID of the one row whose match column equals the key (<paramref name="shown"/> as errors name it), or null when there is none.</summary>
        private async Task<string?> FindByKeyAsync(string shown, object? keyValue, CancellationToken cancellationToken)
        {
            var filter = RowFilter.Condition(matchColumn, schema.PropertyTypes[matchColumn], keyValue);
            using (var found = await client.QueryPageAsync(schema.Id, filter, null, null, 2, log, cancellationToken).ConfigureAwait(false))
            {
                if (found.Results.Count > 1)
                {
                    throw MatchOnException.Ambiguous(matchColumn, shown);
                }

                return found.Results.Count == 1 ? JsonRead.String(found.Results[0], "id") : null;
            }
        }
    }
}
