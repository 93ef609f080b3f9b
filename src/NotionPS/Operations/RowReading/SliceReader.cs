using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Operations
{
    /// <summary>
    /// Reads the pages of one slice, in order, into its <see cref="RowSlice"/>: it waits for room, asks for
    /// the next page, and hands the page's new rows over as a <see cref="RowBatch"/>, until the slice's
    /// <see cref="RowQuery"/> is done. After the first page of a read that may be cut, when one chain of
    /// cursors cannot keep up with the rate limit, it asks for the newest row (while the second page is on its
    /// way) and has the <see cref="SliceSchedule"/> cut the rest of the created time into slices for the other
    /// chains; <see cref="SlicePlanner"/> decides the numbers. A failure never leaves <see cref="RunAsync"/>: it
    /// goes to the slice, and the consumer rethrows it when the slice's turn comes. One instance serves every
    /// slice of a read.
    /// </summary>
    internal sealed class SliceReader
    {
        private readonly NotionClient client;
        private readonly string dataSourceId;
        private readonly JsonNode? filter;
        private readonly INotionLog log;

        /// <param name="filter">The caller's filter, which each slice bounds by created time.</param>
        public SliceReader(NotionClient client, string dataSourceId, JsonNode? filter, INotionLog log)
        {
            this.client = client;
            this.dataSourceId = dataSourceId;
            this.filter = filter;
            this.log = client.Redacting(log); // its own lines quote Notion, which may echo the token
        }

        /// <summary>Reads <paramref name="slice"/> to its end or its first failure, then finishes it. Never faults.</summary>
        public async Task RunAsync(RowSlice slice, SliceSchedule schedule, CancellationToken cancellationToken)
        {
            Exception? failure = null;
            try
            {
                while (!slice.Query.Done)
                {
                    await slice.WaitForRoomAsync(cancellationToken).ConfigureAwait(false);
                    var size = await schedule.PageSizeAsync(slice, cancellationToken).ConfigureAwait(false);
                    if (size == 0)
                    {
                        // The rows ahead hold every row the caller wants (-First): a page of none is not asked for.
                        break;
                    }

                    var page = await NextPageAsync(slice, schedule, size, cancellationToken).ConfigureAwait(false);
                    HandOver(slice, schedule, page);
                }
            }
            catch (Exception ex)
            {
                // Any failure (Notion's answer, the read being stopped, a bug) is the consumer's to throw, in
                // turn: the pages read before it are still handed out, and nothing is lost on a pool thread.
                failure = ex;
            }
            finally
            {
                schedule.ReadEnded(slice);
                slice.Finish(failure);
            }
        }

        /// <summary>Asks for the slice's next page; at the slice's cut chance, cuts the read while the page is on its way.</summary>
        private async Task<ListPage> NextPageAsync(RowSlice slice, SliceSchedule schedule, int size, CancellationToken cancellationToken)
        {
            // The newest row is asked for before the page, so that its answer comes first.
            var cut = CutChance(slice, schedule, cancellationToken);
            var fetch = client.QueryPageAsync(dataSourceId, slice.Query.Filter, slice.Query.Sorts, slice.Query.Cursor, size, log, cancellationToken);
            if (cut != null)
            {
                var cutDone = false;
                try
                {
                    await CutAsync(slice, schedule, cut.Value.Newest, cut.Value.Chains, cut.Value.RowsLeft).ConfigureAwait(false);
                    cutDone = true;
                }
                finally
                {
                    if (!cutDone)
                    {
                        // Stopped while cutting: the page on its way is waited for and let go.
                        await LetGoAsync(fetch).ConfigureAwait(false);
                    }
                }
            }

            return await fetch.ConfigureAwait(false);
        }

        /// <summary>Hands the page's new rows to the slice as a batch, which then owns the page; a page not handed over is let go.</summary>
        private void HandOver(RowSlice slice, SliceSchedule schedule, ListPage page)
        {
            var handedOver = false;
            try
            {
                slice.FirstRoundTrip ??= page.RoundTrip;
                var windows = slice.Query.Windows;
                var rows = slice.Query.Accept(page);
                schedule.PageRead(slice, rows.Count);
                if (slice.Query.Windows > windows)
                {
                    log.Verbose("Notion stops a query at 10,000 rows; reading on with the rows created at or after the newest seen.");
                }

                slice.MayCut &= page.HasMore;
                var batch = new RowBatch(page, rows, slice.FreeRoom);
                handedOver = true;
                slice.Add(batch);
            }
            finally
            {
                if (!handedOver)
                {
                    page.Dispose();
                }
            }
        }

        /// <summary>
        /// After the first page of a read that may be cut, when one chain cannot keep up: asks for the newest
        /// row. Null when there is nothing to ask (each slice has one chance, its first page's), or when the rows
        /// still wanted after this page (-First) are too few for a cut to pay.
        /// </summary>
        private (Task<DateTime?> Newest, int Chains, long RowsLeft)? CutChance(RowSlice slice, SliceSchedule schedule, CancellationToken cancellationToken)
        {
            if (!slice.MayCut || slice.FirstRoundTrip == null)
            {
                return null;
            }

            slice.MayCut = false;
            var wanted = SlicePlanner.ChainsFor(slice.FirstRoundTrip.Value, client.RateLimiter.RequestsPerSecond);
            var rowsLeft = schedule.RowsLeftAfter(slice);
            return wanted < 2 || slice.Query.OldestCreated == null || rowsLeft < SlicePlanner.RowsWorthACut
                ? ((Task<DateTime?>, int, long)?)null
                : (SlicePlanner.NewestCreatedAsync(client, dataSourceId, filter, log, cancellationToken), wanted, rowsLeft);
        }

        /// <summary>Cuts the rest of the created time, from the first slice's newest row to the newest of all, into slices for the other chains.</summary>
        private async Task CutAsync(RowSlice first, SliceSchedule schedule, Task<DateTime?> newestRow, int wanted, long rowsLeft)
        {
            DateTime? newest;
            try
            {
                newest = await newestRow.ConfigureAwait(false);
            }
            catch (NotionApiException ex)
            {
                // Only speed depends on the answer: without it the first slice reads on alone, as an uncut read does.
                log.Verbose($"Could not find the newest row ({ex.Message}); reading on one page at a time.");
                return;
            }

            var cuts = newest == null ? Array.Empty<DateTime>() : SlicePlanner.CutPoints(first.Query.OldestCreated!.Value, first.Query.NewestCreated!.Value, first.Query.Returned, newest.Value, wanted, rowsLeft);
            if (cuts.Count == 0)
            {
                return;
            }

            var rest = new List<RowSlice>(cuts.Count);
            for (var i = 0; i < cuts.Count; i++)
            {
                var until = i + 1 < cuts.Count ? cuts[i + 1] : (DateTime?)null;
                rest.Add(new RowSlice(new RowQuery(filter, null, cuts[i], until), SlicePlanner.SlicePages, mayCut: false));
            }

            if (schedule.InsertAfter(first, cuts[0], rest, wanted))
            {
                log.Verbose($"A page takes {first.FirstRoundTrip!.Value.TotalMilliseconds:0} ms; reading the rest in {cuts.Count + 1} slices of created time, {wanted} at a time.");
            }
        }

        /// <summary>
        /// Waits for a page nobody will read and disposes it. Its own failure (most often the same cancellation)
        /// is observed and dropped on purpose: the failure that stopped the slice is the one reported.
        /// </summary>
        private static async Task LetGoAsync(Task<ListPage> fetch)
        {
            // WhenAny never throws: it completes with the fetch, however the fetch ends.
            await Task.WhenAny(fetch).ConfigureAwait(false);
            if (fetch.Status == TaskStatus.RanToCompletion)
            {
                fetch.Result.Dispose();
            }
            else
            {
                _ = fetch.Exception;
            }
        }
    }
}
