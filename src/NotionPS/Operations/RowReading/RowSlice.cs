using System;
using System.Collections.Concurrent;
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
    /// </summary>
    internal sealed class RowSlice
    {
        private readonly SemaphoreSlim room;
        private readonly SemaphoreSlim ready = new SemaphoreSlim(0);
        private readonly ConcurrentQueue<RowBatch> waiting = new ConcurrentQueue<RowBatch>();
        private Exception? failure;
        private bool closed;

        /// <param name="pagesAhead">Pages this slice may hold before its reader waits for one to be disposed.</param>
        /// <param name="mayCut">Whether the read may be cut into slices after this slice's first page.</param>
        public RowSlice(RowQuery query, int pagesAhead, bool mayCut)
        {
            Query = query;
            room = new SemaphoreSlim(pagesAhead);
            MayCut = mayCut;
        }

        public RowQuery Query { get; }

        /// <summary>Whether this slice may still be cut after its first page (the first slice of a read that allows it).</summary>
        public bool MayCut { get; set; }

        /// <summary>How long this slice's first page took; what decides whether the read needs more chains.</summary>
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
}
