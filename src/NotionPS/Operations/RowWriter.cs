using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Rows;

namespace NotionPS.Operations
{
    /// <summary>Creates, changes and trashes rows, each returning the row as Notion now has it.</summary>
    internal sealed class RowWriter
    {
        private readonly NotionClient client;
        private readonly INotionLog log;
        private readonly RowFetcher fetcher;

        public RowWriter(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = log;
            fetcher = new RowFetcher(client, log);
        }

        /// <summary>Adds a row. Not repeated after a server error or a dropped connection: it may already exist.</summary>
        /// <param name="properties">The row's values in Notion's shape (RowMapping builds them).</param>
        /// <exception cref="RowMayExistException">The create failed without a clear answer.</exception>
        /// <exception cref="RowAddedUnreadException">The row was added, but reading it back failed.</exception>
        /// <exception cref="RowRequestStoppedException">Cancelled after the create was sent, before its answer.</exception>
        public async Task<PageRow> CreateAsync(string dataSourceId, JsonObject properties, CancellationToken cancellationToken)
        {
            JsonDocument page;
            var sent = false;
            try
            {
                page = await client.CreatePageAsync(dataSourceId, properties, log, cancellationToken, mayBeDone => sent = mayBeDone).ConfigureAwait(false);
            }
            catch (NotionApiException ex) when (RowMayExistException.MayHaveReachedNotion(ex))
            {
                throw new RowMayExistException(ex);
            }
            catch (OperationCanceledException ex) when (sent)
            {
                throw RowRequestStoppedException.Create(ex);
            }

            using (page)
            {
                try
                {
                    return await fetcher.FullRowAsync(page.RootElement, cancellationToken).ConfigureAwait(false);
                }
                catch (NotionException ex)
                {
                    throw new RowAddedUnreadException(JsonRead.String(page.RootElement, "id") ?? string.Empty, ex);
                }
            }
        }

        /// <summary>
        /// Finishes the row's files cells (<paramref name="uploadFiles"/>: uploads, checks, copies, which fill in
        /// <paramref name="properties"/>), then adds the row: one whose files cannot all be attached is not added.
        /// </summary>
        public async Task<PageRow> CreateAsync(string dataSourceId, JsonObject properties, Func<CancellationToken, Task> uploadFiles, CancellationToken cancellationToken)
        {
            await uploadFiles(cancellationToken).ConfigureAwait(false);
            return await CreateAsync(dataSourceId, properties, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Changes the given columns of a row; the others keep their values.</summary>
        /// <exception cref="RowRequestStoppedException">Cancelled once the change was sent (before its answer, or while the row was read back).</exception>
        public async Task<PageRow> UpdateAsync(string pageId, JsonObject properties, CancellationToken cancellationToken)
        {
            var sent = false;
            try
            {
                using (var page = await client.UpdatePageAsync(pageId, new JsonObject { ["properties"] = properties }, log, cancellationToken, mayBeDone => sent = mayBeDone).ConfigureAwait(false))
                {
                    return await fetcher.FullRowAsync(page.RootElement, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException ex) when (sent)
            {
                throw RowRequestStoppedException.Update(ex);
            }
        }

        /// <summary>Moves a row to Notion's trash. The row returned is the page's answer as is (nothing more is read for a trashed row).</summary>
        /// <exception cref="RowRequestStoppedException">Cancelled once the request was sent, before its answer.</exception>
        public async Task<PageRow> TrashAsync(string pageId, CancellationToken cancellationToken)
        {
            var sent = false;
            try
            {
                using (var page = await client.TrashPageAsync(pageId, log, cancellationToken, mayBeDone => sent = mayBeDone).ConfigureAwait(false))
                {
                    return PageRow.From(page.RootElement);
                }
            }
            catch (OperationCanceledException ex) when (sent)
            {
                throw RowRequestStoppedException.Trash(ex);
            }
        }
    }
}
