using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
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
        /// <summary>Candidates read per request: Notion's largest page, as a list's candidates may be many rows.</summary>
        private const int CandidatesPerPage = 100;

        private readonly ConcurrentDictionary<string, string> createdByKey = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        /// <param name="matchColumn">A writable column of <paramref name="schema"/> (see <see cref="WritableColumn"/>).</param>
        /// <exception cref="MatchOnException">Notion cannot find rows by what the column holds (a files column).</exception>
        public RowUpsert(NotionClient client, INotionLog log, DataSourceSchema schema, string matchColumn)
        {
            if (!RowFilter.CanFindByValue(schema.PropertyTypes[matchColumn]))
            {
                throw MatchOnException.ColumnUnsupported(matchColumn, schema.PropertyTypes[matchColumn]);
            }

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
            // The key is the value the column stores, as the request writes it ('7', '7.0' and '07' are one number, 'high'
            // the option 'High', a URL without the spaces around it, a list as a set), and the row is found by that same
            // value: rows of one key wait for each other, as rows queried side by side would each find no row and each add one.
            var type = schema.PropertyTypes[matchColumn];
            var written = mapping.Properties.TryGetPropertyValue(matchColumn, out var property) ? property as JsonObject : null;
            var key = written == null ? string.Empty : CellComparison.Canonical(type, written);
            if (!mapping.Values.TryGetValue(matchColumn, out var keyValue) || PlainValues.IsEmpty(keyValue) || key.Length == 0)
            {
                return Task.FromException<PageRow>(MatchOnException.ValueMissing(matchColumn));
            }

            var shown = CellComparison.Display(keyValue).Trim();
            var previous = lastWorkByKey.TryGetValue(key, out var last) ? last : Task.CompletedTask;
            var work = UpsertAfterAsync(uploadFiles(cancellationToken), previous, key, shown, written!, mapping.Properties, cancellationToken);
            lastWorkByKey[key] = work;

            // The key is forgotten once its last row is done, unless a later row of that key took its place meanwhile.
            work.ContinueWith(
                done => ((ICollection<KeyValuePair<string, Task>>)lastWorkByKey).Remove(new KeyValuePair<string, Task>(key, done)),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return work;
        }

        private async Task<PageRow> UpsertAfterAsync(Task filesUploaded, Task previous, string key, string shown, JsonObject written, JsonObject properties, CancellationToken cancellationToken)
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

            var existing = createdByKey.TryGetValue(key, out var created) ? created : await FindByKeyAsync(key, shown, written, cancellationToken).ConfigureAwait(false);
            if (existing != null)
            {
                return await writer.UpdateAsync(existing, properties, cancellationToken).ConfigureAwait(false);
            }

            var row = await writer.CreateAsync(schema.Id, properties, cancellationToken).ConfigureAwait(false);
            createdByKey[key] = row.PageId;
            return row;
        }

        /// <summary>
        /// The page ID of the one row whose match column holds <paramref name="key"/> (<paramref name="shown"/> as errors name it),
        /// or null when there is none. Notion's filter finds the candidates (for a list, every row holding all of its items);
        /// each is then compared as the key was made, so a row whose list merely shares an item is not taken for the input's.
        /// </summary>
        private async Task<string?> FindByKeyAsync(string key, string shown, JsonObject written, CancellationToken cancellationToken)
        {
            var type = schema.PropertyTypes[matchColumn];
            var filter = RowFilter.Candidates(matchColumn, type, written);
            string? found = null;
            string? cursor = null;
            do
            {
                using (var page = await client.QueryPageAsync(schema.Id, filter, null, cursor, CandidatesPerPage, log, cancellationToken).ConfigureAwait(false))
                {
                    foreach (var row in page.Results.Where(row => KeyOf(row, type) == key))
                    {
                        if (found != null)
                        {
                            throw MatchOnException.Ambiguous(matchColumn, shown);
                        }

                        found = JsonRead.String(row, "id");
                    }

                    cursor = page.HasMore ? page.NextCursor : null;
                }
            }
            while (cursor != null);

            return found;
        }

        /// <summary>A row's key as a page object gives its match column (that shape is also the one a request writes, for every type matched on).</summary>
        private string? KeyOf(JsonElement row, string type) =>
            row.TryGetProperty("properties", out var properties) && properties.TryGetProperty(matchColumn, out var cell) && JsonNode.Parse(cell.GetRawText()) is JsonObject value
                ? CellComparison.Canonical(type, value)
                : null;
    }
}
