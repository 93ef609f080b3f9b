using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Operations.Files;
using NotionPS.Rows;

namespace NotionPS.Operations
{
    /// <summary>
    /// Changes columns of existing rows: finds a row's data source when not given (its parent), reads each
    /// data source's columns once, maps the values and sends only what names a writable column.
    /// </summary>
    internal sealed class RowChanges
    {
        private readonly NotionClient client;
        private readonly INotionLog log;
        private readonly bool ignoreUnknownColumns;
        private readonly PeopleByEmail? people;
        private readonly Func<string, string>? resolvePath;
        private readonly FileCellUploads files;
        private readonly RowWriter writer;
        private readonly OncePerKey<DataSourceSchema> schemas = new OncePerKey<DataSourceSchema>(StringComparer.OrdinalIgnoreCase);
        private readonly AddedOptions addedOptions = new AddedOptions();

        /// <summary>The last input's mapping, which the next one's waits for (see <see cref="MapAsync"/>).</summary>
        private Task mappedBefore = Task.CompletedTask;

        /// <param name="ignoreUnknownColumns">Leave out values that name no column instead of refusing the row.</param>
        /// <param name="files">The command's file uploads: its rows share one limit of parts in flight and one upload-limit lookup.</param>
        /// <param name="people">People by e-mail address, for people given that way; null when none may be.</param>
        /// <param name="resolvePath">A local path in a files cell as a full path; null when files are not uploaded.</param>
        public RowChanges(NotionClient client, INotionLog log, bool ignoreUnknownColumns, FileCellUploads files, PeopleByEmail? people = null, Func<string, string>? resolvePath = null)
        {
            this.resolvePath = resolvePath;
            this.files = files;
            this.client = client;
            this.log = client.Redacting(log); // its own lines quote Notion, which may echo the token
            this.ignoreUnknownColumns = ignoreUnknownColumns;
            this.people = people;
            writer = new RowWriter(client, log);
        }

        /// <summary>
        /// Changes one row, confirmed already; null when nothing in <paramref name="values"/> names a writable column (logged,
        /// nothing sent). Called from one thread, in input order.
        /// </summary>
        /// <param name="dataSourceId">The row's data source when known; otherwise the page is read to find it.</param>
        /// <param name="source">Where the values came from (a row's own PageId, Url ... are never written).</param>
        public async Task<PageRow?> ApplyAsync(string pageId, string? dataSourceId, IReadOnlyList<KeyValuePair<string, object?>> values, RowSource source, CancellationToken cancellationToken) =>
            await WriteAsync(pageId, await MapInOrderAsync(pageId, dataSourceId, values, source, sent: true, cancellationToken).ConfigureAwait(false), source, cancellationToken).ConfigureAwait(false);

        /// <summary>
        /// The row's values mapped onto its data source's columns (read once per data source); its files not yet uploaded.
        /// Called from one thread, in input order: the mapping itself waits for the mapping of the input before (its own
        /// lookups do not), so the first row sent with a new option chooses its spelling (<see cref="AddedOptions"/>) whichever
        /// row's lookups end first.
        /// </summary>
        public Task<(DataSourceSchema Schema, RowMapping Mapping)> MapAsync(string pageId, string? dataSourceId, IReadOnlyList<KeyValuePair<string, object?>> values, RowSource source, CancellationToken cancellationToken) =>
            MapInOrderAsync(pageId, dataSourceId, values, source, sent: false, cancellationToken);

        /// <param name="sent">The row is sent once mapped: its new options are kept with the mapping (otherwise <see cref="WriteAsync"/> keeps them).</param>
        private Task<(DataSourceSchema Schema, RowMapping Mapping)> MapInOrderAsync(string pageId, string? dataSourceId, IReadOnlyList<KeyValuePair<string, object?>> values, RowSource source, bool sent, CancellationToken cancellationToken)
        {
            var mapped = MapAfterAsync(mappedBefore, pageId, dataSourceId, values, source, sent, cancellationToken);
            mappedBefore = mapped;
            return mapped;
        }

        private async Task<(DataSourceSchema Schema, RowMapping Mapping)> MapAfterAsync(Task before, string pageId, string? dataSourceId, IReadOnlyList<KeyValuePair<string, object?>> values, RowSource source, bool sent, CancellationToken cancellationToken)
        {
            DataSourceSchema schema;
            Func<string, string?>? userIdByEmail;
            try
            {
                schema = await SchemaAsync(dataSourceId ?? await ParentAsync(pageId, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                userIdByEmail = people == null ? null : await people.LookupAsync(RowMapping.PeopleEmails(schema.PropertyTypes, values, source)).ConfigureAwait(false);
            }
            finally
            {
                // Even when this row's lookups fail, it ends only after the row before it is mapped, so the row after it
                // cannot be mapped ahead of that one.
                try
                {
                    await before.ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The input before has its own error; this one is mapped (or fails) all the same.
                }
            }

            var mapping = RowMapping.Build(schema.PropertyTypes, values, source, ignoreUnknownColumns, userIdByEmail, resolvePath, addedOptions.For(schema));
            if (sent)
            {
                addedOptions.Keep(schema, mapping);
            }

            return (schema, mapping);
        }

        /// <summary>
        /// Uploads a mapped row's files, then sends the change; null when nothing names a writable column (a row read back
        /// with only computed columns). Input whose every column was unknown and ignored is refused as a row added so is,
        /// since a name mistyped in all of them would otherwise change nothing without a word. The row's new options are kept
        /// for the rows after it (<see cref="AddedOptions"/>) before anything is awaited, on the calling thread.
        /// </summary>
        /// <exception cref="NothingToWriteException">Nothing names a writable column and something was ignored as naming no column.</exception>
        public async Task<PageRow?> WriteAsync(string pageId, (DataSourceSchema Schema, RowMapping Mapping) mapped, RowSource source, CancellationToken cancellationToken)
        {
            var (schema, mapping) = mapped;
            addedOptions.Keep(schema, mapping);
            if (mapping.Properties.Count == 0 && mapping.IgnoredUnknown.Count > 0)
            {
                throw NothingToWriteException.NoWritableColumn("change", schema.Name, "the row is left as it is", mapping, schema.PropertyTypes);
            }

            if (mapping.Properties.Count == 0)
            {
                log.Verbose($"Page {pageId}: nothing to change (no input property names a writable column of \"{schema.Name}\").");
                return null;
            }

            // Files go up first: a change whose files cannot all be attached is not sent. A row's own cells were read from this page.
            await files.CompleteAsync(mapping.PendingFiles, source == RowSource.NotionRow ? pageId : null, cancellationToken).ConfigureAwait(false);

            return await writer.UpdateAsync(pageId, mapping.Properties, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The data source (or, under 2022-06-28, the database) a page is a row of.</summary>
        private async Task<string> ParentAsync(string pageId, CancellationToken cancellationToken)
        {
            using (var page = await client.GetPageAsync(pageId, log, cancellationToken).ConfigureAwait(false))
            {
                var parent = JsonRead.Object(page.RootElement, "parent") ?? default;
                return JsonRead.String(parent, "data_source_id") ?? JsonRead.String(parent, "database_id")
                    ?? throw new NotARowException(pageId, JsonRead.String(parent, "type"));
            }
        }

        /// <summary>Read once per data source for all the rows; a failed read is not remembered, so the next row asks again.</summary>
        private Task<DataSourceSchema> SchemaAsync(string dataSourceId, CancellationToken cancellationToken) =>
            schemas.GetAsync(dataSourceId, () => client.GetSchemaAsync(dataSourceId, log, cancellationToken));
    }
}
