using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Rows;

namespace NotionPS.Operations
{
    /// <summary>What a sync does with a data source's rows: reads them all once, and writes each planned step.</summary>
    internal sealed class SyncRows
    {
        private readonly NotionClient client;
        private readonly INotionLog log;
        private readonly RowWriter writer;

        public SyncRows(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = log;
            writer = new RowWriter(client, log);
        }

        /// <summary>Every row of the data source, past the 10,000-row cap (see <see cref="RowReader"/>).</summary>
        /// <exception cref="IncompleteReadException">The read stopped at the cap: a plan from part of the rows would add duplicates and trash rows that exist.</exception>
        public async Task<List<PageRow>> ReadAllAsync(string dataSourceId, CancellationToken cancellationToken)
        {
            var rows = new List<PageRow>();
            var fetcher = new RowFetcher(client, log);
            using (var reader = new RowReader(client, dataSourceId, null, null, RowReader.AllRows, log, cancellationToken))
            {
                while (await reader.NextAsync(cancellationToken).ConfigureAwait(false) is RowBatch batch)
                {
                    using (batch)
                    {
                        rows.AddRange(await fetcher.FullRowsAsync(batch.Rows, cancellationToken).ConfigureAwait(false));
                    }
                }

                if (reader.Stop != null)
                {
                    throw new IncompleteReadException(reader.Stop, rows.Count);
                }
            }

            return rows;
        }

        /// <summary>Writes one add, update or trash step; the row as Notion now has it.</summary>
        public Task<PageRow> WriteAsync(string dataSourceId, SyncStep step, CancellationToken cancellationToken)
        {
            switch (step.Action)
            {
                case SyncAction.Add:
                    return writer.CreateAsync(dataSourceId, step.Properties!, cancellationToken);
                case SyncAction.Update:
                    return writer.UpdateAsync(step.PageId!, step.Properties!, cancellationToken);
                case SyncAction.Trash:
                    return writer.TrashAsync(step.PageId!, cancellationToken);
                default:
                    throw new System.ArgumentException($"A {step.Action} step writes nothing.", nameof(step));
            }
        }
    }

    /// <summary>A read that stopped short of the last row, so no sync can be planned from it.</summary>
    internal sealed class IncompleteReadException : NotionException
    {
        public IncompleteReadException(QueryStop stop, int rowsRead)
            : base(NotionErrorIds.NotionQueryCapReached, $"Only {rowsRead} rows could be read, not all of them. {stop.Message} Nothing was written.")
        {
            Stop = stop;
        }

        public QueryStop Stop { get; }
    }
}
