using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Operations
{
    /// <summary>
    /// One slice of a read: its <see cref="RowQuery"/> and the pages read but not yet handed out. It is the
    /// hand-over point between one <see cref="SliceReader"/> (the producer: <see cref="WaitForRoomAsync"/>,
    /// <see cref="Add"/>, <see cref="Finish"/>) and the <see cref="RowReader"/> (the consumer:
    /// <see cref="TakeAsync"/>). It holds at most as many pages as it was given room for, so memory does not
    /// grow with the rows; a page's room comes back when its <see cref="RowBatch"/> is disposed. Once
    /// <see cref="Close"/>d, it lets go of every page it holds or still gets.
    /// <para>
    /// Each side waits on a task completed by the other side's thread, outside the lock, so that the waiter goes
    /// on right there instead of as one more thread-pool work item (SemaphoreSlim.WaitAsync always queues one):
    /// a producer given room only sends its next request, up to that request's first wait; a consumer goes on
    /// there only when it asked to (<see cref="TakeAsync"/>). Every such work item wakes a pool thread that spins
    /// before it sleeps again (9-12 % of a read's CPU, issue 19).
    /// </para>
    /// </summary>
    internal sealed class RowSlice
    {
        private readonly object gate = new object();
        private readonly Queue<RowBatch> waiting = new Queue<RowBatch>();
        private int freeRoom;
        private TaskCompletionSource<bool>? roomWanted;
        private TaskCompletionSource<bool>? pageWanted;
        private bool finished;
        private Exception? failure;
        private bool closed;

        /// <param name="pagesAhead">Pages this slice may hold before its reader waits for one to be disposed.</param>
        /// <param name="mayCut">Whether the read may be cut into slices after this slice's first page.</param>
        public RowSlice(RowQuery query, int pagesAhead, bool mayCut)
        {
            Query = query;
            freeRoom = pagesAhead;
            MayCut = mayCut;
        }

        public RowQuery Query { get; }

        /// <summary>Whether this slice may still be cut after its first page (the first slice of a read that allows it).</summary>
        public bool MayCut { get; set; }

        /// <summary>How long this slice's first page took; what decides whether the read needs more chains.</summary>
        public TimeSpan? FirstRoundTrip { get; set; }

        /// <summary>Rows this slice has asked for: its pages' new rows, and the page in flight at its size. Under the schedule's lock.</summary>
        public long RowsAsked { get; set; }

        /// <summary>The size of the page in flight, 0 when none. Under the schedule's lock.</summary>
        public int PageInFlight { get; set; }

        /// <summary>Whether this slice's reader has returned, so that <see cref="RowsAsked"/> is its rows in full. Under the schedule's lock.</summary>
        public bool ReadEnded { get; set; }

        /// <summary>Takes room for one more page, waiting for a page to be disposed when there is none.</summary>
        public Task WaitForRoomAsync(CancellationToken cancellationToken)
        {
            TaskCompletionSource<bool> room;
            lock (gate)
            {
                if (freeRoom > 0)
                {
                    freeRoom--;
                    return Task.CompletedTask;
                }

                room = roomWanted = new TaskCompletionSource<bool>();
            }

            return WhenSignalledAsync(room, cancellationToken);
        }

        /// <summary>Gives back a disposed page's room: to the producer waiting for it, on this thread, or for its next page.</summary>
        public void FreeRoom()
        {
            TaskCompletionSource<bool>? producer;
            lock (gate)
            {
                producer = roomWanted;
                roomWanted = null;
                if (producer == null || producer.Task.IsCompleted)
                {
                    // No producer waits (one whose wait was cancelled takes nothing): the room stays for the next page.
                    producer = null;
                    freeRoom++;
                }
            }

            // A wait cancelled after the check above loses this room, but its producer is ending: the read was stopped.
            producer?.TrySetResult(true);
        }

        /// <summary>Queues a page for its turn, or lets it go when the read is over.</summary>
        public void Add(RowBatch batch)
        {
            TaskCompletionSource<bool>? consumer = null;
            bool queued;
            lock (gate)
            {
                queued = !closed;
                if (queued)
                {
                    waiting.Enqueue(batch);
                    consumer = TakePageWanted();
                }
            }

            if (!queued)
            {
                batch.Dispose();
            }

            consumer?.TrySetResult(true);
        }

        /// <summary>No more pages: the slice is read to its end, or <paramref name="error"/> stopped it.</summary>
        public void Finish(Exception? error)
        {
            TaskCompletionSource<bool>? consumer;
            lock (gate)
            {
                failure = error;
                finished = true;
                consumer = TakePageWanted();
            }

            consumer?.TrySetResult(true);
        }

        /// <summary>The next page in this slice, or null at its end; throws what stopped it.</summary>
        /// <param name="resumeOnProducer">
        /// When this wait ends because a page came, the caller's code after it runs on the producer's thread at once
        /// (the producer's next request waits for it): only for code that merely wakes a thread waiting for the page.
        /// </param>
        public async Task<RowBatch?> TakeAsync(bool resumeOnProducer, CancellationToken cancellationToken)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                TaskCompletionSource<bool> arrival;
                lock (gate)
                {
                    if (waiting.Count > 0)
                    {
                        return waiting.Dequeue();
                    }

                    if (finished)
                    {
                        if (failure != null)
                        {
                            ExceptionDispatchInfo.Capture(failure).Throw();
                        }

                        return null;
                    }

                    arrival = pageWanted = new TaskCompletionSource<bool>(resumeOnProducer ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);
                }

                await WhenSignalledAsync(arrival, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Lets go of the pages waiting, and of any that still come.</summary>
        public void Close()
        {
            RowBatch[] dropped;
            lock (gate)
            {
                closed = true;
                dropped = waiting.ToArray();
                waiting.Clear();
            }

            // Outside the lock: disposing frees room, and a producer given room goes on on this thread.
            foreach (var batch in dropped)
            {
                batch.Dispose();
            }
        }

        /// <summary>Under the lock: the consumer's wait for a page, now to be ended.</summary>
        private TaskCompletionSource<bool>? TakePageWanted()
        {
            var consumer = pageWanted;
            pageWanted = null;
            return consumer;
        }

        /// <summary>Completes with <paramref name="signal"/>, or as cancelled when <paramref name="cancellationToken"/> is cancelled first.</summary>
        internal static async Task WhenSignalledAsync(TaskCompletionSource<bool> signal, CancellationToken cancellationToken)
        {
            using (cancellationToken.Register(CancelSignal, signal))
            {
                await signal.Task.ConfigureAwait(false);
            }
        }

        private static void CancelSignal(object? signal) => ((TaskCompletionSource<bool>)signal!).TrySetCanceled();
    }
}
