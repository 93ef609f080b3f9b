using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Client
{
    /// <summary>
    /// Reads a data source query page by page and hands the pages out in order, with the next requests
    /// already in flight. A cursor allows one request at a time, so when a page takes longer to come back
    /// than the rate limit's interval (a Notion page of rows takes about half a second; the limit is 3
    /// requests a second), one chain of cursors cannot spend the budget. A read in created order is then
    /// cut, after its first page, into slices of created time (disjoint, minute-aligned) that are read side
    /// by side and handed out one after another. Each slice keeps at most a few pages waiting, so memory
    /// does not grow with the rows.
    /// </summary>
    internal sealed class RowReader : IDisposable
    {
        /// <summary>Chains of cursors in flight at most: enough for 3 requests/s at a round trip of up to a second.</summary>
        internal const int MaximumChains = 3;

        /// <summary>Pages a slice read ahead of its turn may hold (about 3.5 MB of JSON); also its target size.</summary>
        internal const int SlicePages = 20;

        /// <summary>
        /// Slices at most: the first page's density is a guess (a table that began with a bulk import is dense
        /// there and sparse after), and a slice that turns out empty still costs a request.
        /// </summary>
        internal const int MaximumSlices = 64;

        private readonly NotionClient client;
        private readonly string dataSourceId;
        private readonly JsonNode? filter;
        private readonly Func<int> pageSize;
        private readonly INotionLog log;
        private readonly CancellationTokenSource stopping;
        private readonly object gate = new object();
        private readonly List<Slice> slices = new List<Slice>();
        private int chains = 1;

        /// <param name="pageSize">Asked before each request (with -First the size depends on what was written).</param>
        /// <param name="onePageAtATime">
        /// Ask for the next page only once the previous one is disposed (-First); otherwise one page is read
        /// ahead, and a read in created order may be cut into slices read side by side.
        /// </param>
        public RowReader(NotionClient client, string dataSourceId, JsonNode? filter, JsonArray? sorts, Func<int> pageSize, bool onePageAtATime, INotionLog log, CancellationToken cancellationToken)
        {
            this.client = client;
            this.dataSourceId = dataSourceId;
            this.filter = filter;
            this.pageSize = pageSize;
            this.log = log;
            stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var query = new RowQuery(filter, sorts);
            var first = new Slice(query, onePageAtATime ? 1 : 2, mayCut: !onePageAtATime && query.InCreatedOrder);
            slices.Add(first);
            StartDueSlices();
        }

        /// <summary>Why the read stopped short of the end (Notion's 10,000-row cap), or null.</summary>
        public string? Failure { get; private set; }

        /// <summary>
        /// The next page's new rows in order, or null when the read is done. Dispose the batch once its rows
        /// are written: that frees its place for the next page. A failed request is thrown here, in turn.
        /// </summary>
        public async Task<RowBatch?> NextAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                Slice head;
                lock (gate)
                {
                    if (slices.Count == 0)
                    {
                        return null;
                    }

                    head = slices[0];
                }

                var batch = await head.TakeAsync(cancellationToken).ConfigureAwait(false);
                if (batch != null)
                {
                    return batch;
                }

                if (head.Query.Failure != null)
                {
                    // Later slices would leave a gap after this one: the read stops here and says why.
                    Failure = head.Query.Failure;
                    Dispose();
                    return null;
                }

                lock (gate)
                {
                    slices.RemoveAt(0);
                    StartDueSlices();
                }
            }
        }

        /// <summary>Stops every chain still reading and lets go of the pages waiting.</summary>
        public void Dispose()
        {
            stopping.Cancel();
            lock (gate)
            {
                foreach (var slice in slices)
                {
                    slice.Close();
                }

                slices.Clear();
            }
        }

        /// <summary>How many chains a read needs for one page round trip: one while it fits in the limiter's interval.</summary>
        internal static int ChainsFor(TimeSpan roundTrip, double requestsPerSecond)
        {
            if (requestsPerSecond <= 0)
            {
                // No limit: the server's time per page overlaps the conversion of the page before; a third
                // chain would only fill its buffer sooner.
                return 2;
            }

            // A tenth of slack: a chain whose round trip is about the interval keeps up well enough.
            var needed = roundTrip.TotalSeconds * requestsPerSecond / 1.1;
            return (int)Math.Max(1, Math.Min(MaximumChains, Math.Ceiling(needed)));
        }

        /// <summary>
        /// Where to cut the created time after the first page: minute-aligned bounds between the newest
        /// minute read so far (exclusive) and the newest row's minute, so that each slice holds about
        /// <see cref="SlicePages"/> pages or fewer, and at least as many slices as chains. Empty when cutting
        /// is not worth it.
        /// </summary>
        internal static IReadOnlyList<DateTime> CutPoints(DateTime oldestRead, DateTime newestRead, int rowsRead, DateTime newest, int chains)
        {
            var cuts = new List<DateTime>();
            var minutes = (int)Math.Floor((newest - newestRead).TotalMinutes);
            if (chains < 2 || minutes < 1 || rowsRead == 0)
            {
                return cuts;
            }

            // Rows per minute as the first page found them: a guess, but a wrong one only costs evenness.
            var perMinute = rowsRead / (Math.Floor((newestRead - oldestRead).TotalMinutes) + 1);
            var expected = perMinute * minutes;
            if (expected < 2 * NotionClient.MaximumPageSize)
            {
                return cuts;
            }

            var perSlice = Math.Min(expected / chains, SlicePages * NotionClient.MaximumPageSize);
            var count = (int)Math.Min(Math.Min(minutes, MaximumSlices), Math.Ceiling(expected / perSlice));
            for (var i = 1; i < count; i++)
            {
                cuts.Add(newestRead.AddMinutes(Math.Ceiling((double)i * minutes / count)));
            }

            return cuts;
        }

        /// <summary>Starts the slices that are among the first <see cref="chains"/> and not yet reading. Under the lock.</summary>
        private void StartDueSlices()
        {
            for (var i = 0; i < Math.Min(chains, slices.Count); i++)
            {
                if (!slices[i].Started)
                {
                    slices[i].Started = true;
                    var slice = slices[i];
                    Task.Run(() => ReadSliceAsync(slice));
                }
            }
        }

        private async Task ReadSliceAsync(Slice slice)
        {
            Exception? failure = null;
            var token = stopping.Token;
            try
            {
                while (!slice.Query.Done)
                {
                    await slice.WaitForRoomAsync(token).ConfigureAwait(false);
                    var cut = CutChance(slice, token);
                    var fetch = client.QueryPageAsync(dataSourceId, slice.Query.Filter, slice.Query.Sorts, slice.Query.Cursor, pageSize(), log, token);
                    if (cut != null)
                    {
                        try
                        {
                            await CutAsync(slice, cut.Value.Newest, cut.Value.Chains).ConfigureAwait(false);
                        }
                        catch
                        {
                            // Stopped while asking: the page on its way is let go when it comes.
                            _ = fetch.ContinueWith(done => done.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
                            throw;
                        }
                    }

                    var page = await fetch.ConfigureAwait(false);
                    slice.FirstRoundTrip ??= page.RoundTrip;
                    var windows = slice.Query.Windows;
                    IReadOnlyList<JsonElement> rows;
                    try
                    {
                        rows = slice.Query.Accept(page);
                    }
                    catch
                    {
                        page.Dispose();
                        throw;
                    }

                    if (slice.Query.Windows > windows)
                    {
                        log.Verbose("Notion stops a query at 10,000 rows; reading on with the rows created at or after the newest seen.");
                    }

                    slice.MayCut &= page.HasMore;
                    slice.Add(new RowBatch(page, rows, slice.FreeRoom));
                }
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            finally
            {
                slice.Finish(failure);
            }
        }

        /// <summary>
        /// After the first page of a read that may be cut, when one chain cannot keep up: asks for the newest
        /// row, before the second page so that its answer comes first. Null when there is nothing to ask.
        /// </summary>
        private (Task<DateTime?> Newest, int Chains)? CutChance(Slice slice, CancellationToken cancellationToken)
        {
            if (!slice.MayCut || slice.FirstRoundTrip == null)
            {
                return null;
            }

            slice.MayCut = false;
            var wanted = ChainsFor(slice.FirstRoundTrip.Value, client.RateLimiter.RequestsPerSecond);
            return wanted < 2 || slice.Query.OldestCreated == null
                ? ((Task<DateTime?>, int)?)null
                : (client.NewestCreatedAsync(dataSourceId, filter, log, cancellationToken), wanted);
        }

        /// <summary>Cuts the rest of the created time, from the first slice's newest row to the newest of all, into slices for the other chains.</summary>
        private async Task CutAsync(Slice first, Task<DateTime?> newestRow, int wanted)
        {
            DateTime? newest;
            try
            {
                newest = await newestRow.ConfigureAwait(false);
            }
            catch (NotionApiException ex)
            {
                log.Verbose($"Could not find the newest row ({ex.Message}); reading on one page at a time.");
                return;
            }

            var cuts = newest == null ? Array.Empty<DateTime>() : CutPoints(first.Query.OldestCreated!.Value, first.Query.NewestCreated!.Value, first.Query.Returned, newest.Value, wanted);
            if (cuts.Count == 0)
            {
                return;
            }

            lock (gate)
            {
                first.Query.EndBefore(cuts[0]);
                for (var i = 0; i < cuts.Count; i++)
                {
                    var until = i + 1 < cuts.Count ? cuts[i + 1] : (DateTime?)null;
                    slices.Add(new Slice(new RowQuery(filter, null, cuts[i], until), SlicePages, mayCut: false));
                }

                chains = wanted;
                StartDueSlices();
            }

            log.Verbose($"A page takes {first.FirstRoundTrip!.Value.TotalMilliseconds:0} ms; reading the rest in {cuts.Count + 1} slices of created time, {wanted} at a time.");
        }

        /// <summary>One slice of the read: its query, and the pages read but not yet handed out.</summary>
        private sealed class Slice
        {
            private readonly SemaphoreSlim room;
            private readonly SemaphoreSlim ready = new SemaphoreSlim(0);
            private readonly ConcurrentQueue<RowBatch> waiting = new ConcurrentQueue<RowBatch>();
            private Exception? failure;
            private bool closed;

            public Slice(RowQuery query, int pagesAhead, bool mayCut)
            {
                Query = query;
                room = new SemaphoreSlim(pagesAhead);
                MayCut = mayCut;
            }

            public RowQuery Query { get; }

            public bool Started { get; set; }

            /// <summary>Whether this slice may still be cut after its first page (the first slice of a read that allows it).</summary>
            public bool MayCut { get; set; }

            public TimeSpan? FirstRoundTrip { get; set; }

            public Task WaitForRoomAsync(CancellationToken cancellationToken) => room.WaitAsync(cancellationToken);

            public void FreeRoom() => room.Release();

            /// <summary>Queues a page for its turn, or lets it go when the read is over.</summary>
            public void Add(RowBatch batch)
            {
                lock (waiting)
                {
                    if (!closed)
                    {
                        waiting.Enqueue(batch);
                        ready.Release();
                        return;
                    }
                }

                batch.Dispose();
            }

            /// <summary>No more pages: the slice is read to its end, or <paramref name="error"/> stopped it.</summary>
            public void Finish(Exception? error)
            {
                failure = error;
                ready.Release();
            }

            /// <summary>The next page in this slice, or null at its end; throws what stopped it.</summary>
            public async Task<RowBatch?> TakeAsync(CancellationToken cancellationToken)
            {
                await ready.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (waiting.TryDequeue(out var batch))
                {
                    return batch;
                }

                if (failure != null)
                {
                    ExceptionDispatchInfo.Capture(failure).Throw();
                }

                return null;
            }

            /// <summary>Lets go of the pages waiting, and of any that still come.</summary>
            public void Close()
            {
                lock (waiting)
                {
                    closed = true;
                }

                while (waiting.TryDequeue(out var batch))
                {
                    batch.Dispose();
                }
            }
        }

        /// <summary>One page's new rows; disposing it lets go of the page and makes room for the next.</summary>
        internal sealed class RowBatch : IDisposable
        {
            private readonly ListPage page;
            private Action? makeRoom;

            internal RowBatch(ListPage page, IReadOnlyList<JsonElement> rows, Action makeRoom)
            {
                this.page = page;
                this.makeRoom = makeRoom;
                Rows = rows;
            }

            public IReadOnlyList<JsonElement> Rows { get; }

            public void Dispose()
            {
                var release = Interlocked.Exchange(ref makeRoom, null);
                if (release != null)
                {
                    page.Dispose();
                    release();
                }
            }
        }
    }
}
