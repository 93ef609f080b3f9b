using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Operations
{
    /// <summary>
    /// Reads a data source query page by page and hands the pages out in order, with the next requests
    /// already in flight. A cursor allows one request at a time, so when a page takes longer to come back
    /// than the rate limit's interval (a Notion page of rows takes about half a second; the limit is 3
    /// requests a second), one chain of cursors cannot spend the budget. A read in created order is then
    /// cut, after its first page, into slices of created time (disjoint, minute-aligned) that are read side
    /// by side and handed out one after another. Each slice keeps at most a few pages waiting, so memory
    /// does not grow with the rows. This class is the public face only: <see cref="SliceSchedule"/> decides
    /// which slices are read and owns their tasks, <see cref="SliceReader"/> reads one slice (and cuts the
    /// read), <see cref="SlicePlanner"/> holds the numbers, <see cref="RowSlice"/> is one slice's buffer and
    /// <see cref="RowQuery"/> one slice's cursor and created-time window.
    /// </summary>
    internal sealed class RowReader : IDisposable
    {
        private readonly SliceSchedule schedule;
        private readonly bool resumeOnReadingThread;

        /// <summary>What a read of every row is given as the rows it wants.</summary>
        public const long AllRows = long.MaxValue;

        /// <param name="rowsWanted">
        /// The rows the caller can use, those it skips included (-Skip plus -First), or <see cref="AllRows"/>. The
        /// read then asks no page for more rows than are still wanted after the rows asked ahead of it, and cuts only
        /// the created time it is expected to reach (see <see cref="SliceSchedule"/> for what that can cost).
        /// </param>
        /// <param name="resumeOnReadingThread">
        /// The caller's code after <see cref="NextAsync"/> only wakes a thread that waits for the page (RunWithLogPump's):
        /// it may then run on the thread that read the page, at once, instead of as one more thread-pool work item a page.
        /// Not for code that does the page's work after the await (an export writing it): it would hold up the next request.
        /// </param>
        public RowReader(NotionClient client, string dataSourceId, JsonNode? filter, JsonArray? sorts, long rowsWanted, INotionLog log, CancellationToken cancellationToken, bool resumeOnReadingThread = false)
        {
            this.resumeOnReadingThread = resumeOnReadingThread;
            var query = new RowQuery(filter, sorts);
            var first = new RowSlice(query, 2, mayCut: query.InCreatedOrder);
            schedule = new SliceSchedule(new SliceReader(client, dataSourceId, filter, log), first, rowsWanted, cancellationToken);
        }

        /// <summary>Why the read stopped short of the end (Notion's 10,000-row cap), or null.</summary>
        public QueryStop? Stop { get; private set; }

        /// <summary>
        /// The next page's new rows in order, or null when the read is done. Dispose the batch once its rows
        /// are written: that frees its place for the next page. A failed request is thrown here, in turn.
        /// </summary>
        public async Task<RowBatch?> NextAsync(CancellationToken cancellationToken)
        {
            while (schedule.Head is RowSlice head)
            {
                var batch = await head.TakeAsync(resumeOnReadingThread, cancellationToken).ConfigureAwait(false);
                if (batch != null)
                {
                    return batch;
                }

                if (head.Query.Stop != null)
                {
                    // Later slices would leave a gap after this one: the read stops here and says why.
                    Stop = head.Query.Stop;
                    await schedule.CloseAllAsync().ConfigureAwait(false);
                    return null;
                }

                await schedule.RemoveHeadAsync(head).ConfigureAwait(false);
            }

            return null;
        }

        /// <summary>
        /// Stops every slice still reading, lets go of the pages waiting, and returns once every reader has
        /// ended: each honours the cancellation at its next wait, so no request outlives the reader for long
        /// and nothing runs on after it.
        /// </summary>
        public void Dispose() => schedule.CloseAllAsync().GetAwaiter().GetResult();
    }
}
