using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

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
    /// </summary>
    internal sealed class SliceSchedule
    {
        private readonly SliceReader reader;
        private readonly CancellationTokenSource stopping;
        private readonly object gate = new object();
        private readonly List<RowSlice> slices = new List<RowSlice>();
        private readonly Dictionary<RowSlice, Task> readers = new Dictionary<RowSlice, Task>();
        private int chains = 1;
        private bool closed;

        /// <summary>Starts reading <paramref name="first"/>; <paramref name="cancellationToken"/> stops every slice.</summary>
        public SliceSchedule(SliceReader reader, RowSlice first, CancellationToken cancellationToken)
        {
            this.reader = reader;
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
                StartDue();
                return ended;
            }
        }

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
