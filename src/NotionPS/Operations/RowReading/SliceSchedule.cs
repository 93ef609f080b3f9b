using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Operations
{
    /// <summary>
    /// Which slices of a read are read now, and the tasks reading them. The slices are kept in created order;
    /// the first <c>chains</c> of them (one until the read is cut) each have a <see cref="SliceReader"/> task
    /// running, the others wait until a slice ahead of them is handed out in full and removed. Every task it
    /// starts it keeps, so none is forgotten: the consumer awaits a slice's reader when it removes that slice
    /// (<see cref="RemoveHeadAsync"/>), and <see cref="CloseAllAsync"/> cancels the others and completes once
    /// they have all returned. The list, the tasks and the chain count are under one lock; the slices'
    /// buffers have their own.
    /// <para>
    /// It also keeps a limited read (-First) from asking for rows it cannot use: under the same lock it counts
    /// the rows each slice has asked for (<see cref="PageSizeAsync"/>), so that no page asks for more than the
    /// rows wanted less those asked by the pages ahead of it in order. A page in flight counts at its size until
    /// its new rows are known. A slice whose pages ahead may already hold every row wanted waits until they are
    /// read; the head never waits, so the read always moves on. Worst case, in requests, against the same read one
    /// page at a time: one for the newest row (only while at least 200 rows are still wanted after the second page),
    /// one part page where each slice read ends, and <see cref="SlicePlanner.MaximumChains"/> *
    /// <see cref="SlicePlanner.SlicePages"/> - 1 pages it never writes. Those come when the slices ahead hold more rows
    /// than they had asked for when a page behind them was sized (the first page's density is a guess): only pages
    /// asked for while their slice was not the head can go past the last row wanted (the head knows every row ahead
    /// of it), and a slice holds at most <see cref="SlicePlanner.SlicePages"/> pages (those in flight included) before
    /// its turn, at most <see cref="SlicePlanner.MaximumChains"/> slices at a time, one of them holding the page the
    /// read ends in. A read of every row counts too but never waits.
    /// </para>
    /// </summary>
    internal sealed class SliceSchedule
    {
        private readonly SliceReader reader;
        private readonly CancellationTokenSource stopping;
        private readonly object gate = new object();
        private readonly List<RowSlice> slices = new List<RowSlice>();
        private readonly Dictionary<RowSlice, Task> readers = new Dictionary<RowSlice, Task>();
        private readonly long rowsWanted;
        private int chains = 1;
        private bool closed;
        private long rowsHandedOut;
        private TaskCompletionSource<bool> rowsCounted = NewCountSignal();

        /// <summary>Starts reading <paramref name="first"/>; <paramref name="cancellationToken"/> stops every slice.</summary>
        /// <param name="rowsWanted">The rows the read can use (<see cref="RowReader.AllRows"/> for all).</param>
        public SliceSchedule(SliceReader reader, RowSlice first, long rowsWanted, CancellationToken cancellationToken)
        {
            this.reader = reader;
            this.rowsWanted = rowsWanted;
            stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            lock (gate)
            {
                slices.Add(first);
                StartDue();
            }
        }

        /// <summary>The slice whose pages are handed out now, or null when none is left (or all were closed).</summary>
        public RowSlice? Head
        {
            get
            {
                lock (gate)
                {
                    return slices.Count == 0 ? null : slices[0];
                }
            }
        }

        /// <summary>
        /// Drops <paramref name="head"/>, read and handed out to its end, and starts the next slice due.
        /// Completes when the head's reader has returned (it is returning already: it finished the slice).
        /// </summary>
        public Task RemoveHeadAsync(RowSlice head)
        {
            lock (gate)
            {
                if (slices.Count == 0 || slices[0] != head)
                {
                    // Closed in the meantime: CloseAllAsync observes the reader.
                    return Task.CompletedTask;
                }

                slices.RemoveAt(0);
                var ended = readers[head];
                readers.Remove(head);
                rowsHandedOut += head.RowsAsked;
                StartDue();
                return ended;
            }
        }

        /// <summary>
        /// How many rows <paramref name="slice"/>'s next page asks for: at most 100 and at most the rows still
        /// wanted after those asked ahead of it; 0 when the rows ahead, all read, hold every row wanted (or the
        /// read was closed). Waits while only rows still in flight or still to be read ahead could tell.
        /// </summary>
        public async Task<int> PageSizeAsync(RowSlice slice, CancellationToken cancellationToken)
        {
            while (true)
            {
                TaskCompletionSource<bool> counted;
                lock (gate)
                {
                    var index = slices.IndexOf(slice);
                    if (index < 0)
                    {
                        return 0;
                    }

                    var left = RowsLeft(index);
                    if (left > 0)
                    {
                        slice.PageInFlight = (int)Math.Min(NotionClient.MaximumPageSize, left);
                        slice.RowsAsked += slice.PageInFlight;
                        return slice.PageInFlight;
                    }

                    if (slices.Take(index).All(ahead => ahead.ReadEnded))
                    {
                        return 0;
                    }

                    counted = rowsCounted;
                }

                await RowSlice.WhenSignalledAsync(counted, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>The rows still wanted after those <paramref name="slice"/> and the slices ahead of it have asked for (0 once closed).</summary>
        public long RowsLeftAfter(RowSlice slice)
        {
            lock (gate)
            {
                var index = slices.IndexOf(slice);
                return index < 0 ? 0 : RowsLeft(index);
            }
        }

        /// <summary>Counts the page in flight of <paramref name="slice"/> at the new rows it brought.</summary>
        public void PageRead(RowSlice slice, int newRows) => Recount(() =>
        {
            slice.RowsAsked += newRows - slice.PageInFlight;
            slice.PageInFlight = 0;
        });

        /// <summary>Notes that <paramref name="slice"/>'s reader has returned: its count is final.</summary>
        public void ReadEnded(RowSlice slice) => Recount(() => slice.ReadEnded = true);

        /// <summary>
        /// Cuts the read: <paramref name="first"/> now ends before <paramref name="firstEndsBefore"/>, the
        /// slices of <paramref name="rest"/> follow it, and <paramref name="chainCount"/> slices are read at a
        /// time. False when the read was closed meanwhile (nothing is started then).
        /// </summary>
        public bool InsertAfter(RowSlice first, DateTime firstEndsBefore, IReadOnlyList<RowSlice> rest, int chainCount)
        {
            lock (gate)
            {
                if (closed)
                {
                    return false;
                }

                first.Query.EndBefore(firstEndsBefore);
                slices.InsertRange(slices.IndexOf(first) + 1, rest);
                chains = chainCount;
                StartDue();
                return true;
            }
        }

        /// <summary>
        /// Stops every slice still reading, lets go of the pages waiting, and starts nothing more. The task
        /// completes when every reader has returned; it never faults (a reader hands its failure to its slice).
        /// Calling it again returns the same readers' end.
        /// </summary>
        public Task CloseAllAsync()
        {
            stopping.Cancel();
            List<RowSlice> closing;
            Task ended;
            lock (gate)
            {
                closed = true;
                closing = new List<RowSlice>(slices);
                slices.Clear();
                ended = Task.WhenAll(readers.Values.ToList());
            }

            // Outside the lock: a slice's reader given back room by a page let go goes on on this thread.
            foreach (var slice in closing)
            {
                slice.Close();
            }

            return ended;
        }

        /// <summary>Changes the counts under the lock, then wakes the slices waiting for them.</summary>
        private void Recount(Action change)
        {
            TaskCompletionSource<bool> waiting;
            lock (gate)
            {
                change();
                waiting = rowsCounted;
                rowsCounted = NewCountSignal();
            }

            waiting.TrySetResult(true);
        }

        /// <summary>Under the lock: the rows wanted less those asked by the slice at <paramref name="index"/>, those ahead of it and those handed out.</summary>
        private long RowsLeft(int index)
        {
            var asked = rowsHandedOut;
            for (var i = 0; i <= index; i++)
            {
                asked += slices[i].RowsAsked;
            }

            return rowsWanted - asked;
        }

        // Its waiters go on on the pool, not on the thread that counted (a reader about to hand its page over).
        private static TaskCompletionSource<bool> NewCountSignal() => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Starts a reader for each of the first <see cref="chains"/> slices that has none. Under the lock.</summary>
        private void StartDue()
        {
            if (closed)
            {
                return;
            }

            for (var i = 0; i < Math.Min(chains, slices.Count); i++)
            {
                var slice = slices[i];
                if (!readers.ContainsKey(slice))
                {
                    // On the thread pool, so that the first request is not sent under this lock or on the consumer's thread.
                    readers.Add(slice, Task.Run(() => reader.RunAsync(slice, this, stopping.Token)));
                }
            }
        }
    }
}
