using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Keeps several per-row requests in flight (so network latency does not hold the rate below
    /// Notion's limit) while writing their results strictly in input order, on the pipeline thread.
    /// Waiting goes through the cmdlet's RunWithLogPump, so -Verbose lines and Ctrl+C keep working.
    /// </summary>
    internal sealed class OrderedWork<TItem>
    {
        private readonly Queue<(Task Work, TItem Item)> pending = new Queue<(Task, TItem)>();
        private readonly NotionAsyncCmdlet cmdlet;
        private readonly int limit;
        private readonly Action<TItem, Task> complete;
        private readonly Func<IReadOnlyList<(Task Work, TItem Item)>, string?>? untold;
        private (Task Work, TItem Item)? refused;

        /// <param name="complete">Writes one finished item's result or error; called in input order on the pipeline thread.</param>
        /// <param name="untold">
        /// After a stop, given the items that ended on their own but whose <paramref name="complete"/> the stopped pipeline did
        /// not take: what of them must still be told (such as rows that may have been written), or null; the cmdlet tells it
        /// where it still can (<see cref="NotionAsyncCmdlet.TellAfterStop"/>).
        /// </param>
        public OrderedWork(NotionAsyncCmdlet cmdlet, int limit, Action<TItem, Task> complete, Func<IReadOnlyList<(Task Work, TItem Item)>, string?>? untold = null)
        {
            this.cmdlet = cmdlet;
            this.limit = Math.Max(1, limit);
            this.complete = complete;
            this.untold = untold;
        }

        /// <summary>Queues started work; writes what has finished, and waits for the oldest while the queue is full.</summary>
        public void Add(Task work, TItem item)
        {
            pending.Enqueue((work, item));
            StoppingAllOnThrow(() =>
            {
                WriteFinished();
                while (pending.Count >= limit)
                {
                    CompleteOldest();
                }
            });
        }

        /// <summary>Waits for everything still in flight (from EndProcessing).</summary>
        public void Drain() => StoppingAllOnThrow(() =>
        {
            while (pending.Count > 0)
            {
                CompleteOldest();
            }

            cmdlet.WritePendingLog();
        });

        /// <summary>
        /// Runs <paramref name="write"/>, the command's work on the pipeline thread (an input's mapping, prompts and warnings,
        /// the waits and writes of the items). Whatever throws there stops the command (-WarningAction Stop makes a warning
        /// throw, Ctrl+C a wait or a -Confirm prompt): every item still in flight is cancelled and waited for first, so none
        /// sends a request after the command has returned, and those that ended with an outcome of their own (a result, their
        /// own error, or a request the stop cut off after it was sent) are still written, in input order, as far as the
        /// stopping pipeline takes writes; what it did not take is told through <c>untold</c>.
        /// </summary>
        public void StoppingAllOnThrow(Action write)
        {
            try
            {
                write();
            }
            catch
            {
                StopAll();
                throw;
            }
        }

        /// <summary>
        /// Cancels every item still in flight, waits for each to end, and writes those that ended with an outcome of their own
        /// (see <see cref="StoppingAllOnThrow"/>). Also for a command stopped (Ctrl+C) while the pipeline thread was elsewhere,
        /// such as in the command before it, or by a downstream Select-Object -First: then from Dispose, when nothing can be
        /// written any more and all of it goes to <c>untold</c>.
        /// </summary>
        public void StopAll() => WriteEndedBeforeTheStop(EndAll());

        private IReadOnlyList<(Task Work, TItem Item)> EndAll()
        {
            var inFlight = new List<(Task Work, TItem Item)>();
            if (refused is { } oldest)
            {
                inFlight.Add(oldest);
                refused = null;
            }

            while (pending.Count > 0)
            {
                inFlight.Add(pending.Dequeue());
            }

            if (inFlight.Count > 0)
            {
                cmdlet.StopAndEnd(inFlight.Select(entry => entry.Work).ToArray());
            }

            return inFlight;
        }

        /// <summary>
        /// The items that ended on their own, in order, each written as far as the pipeline takes it; those the stop cancelled
        /// before they sent anything have nothing to tell.
        /// </summary>
        private void WriteEndedBeforeTheStop(IEnumerable<(Task Work, TItem Item)> ended)
        {
            var notTaken = new List<(Task Work, TItem Item)>();
            // One still running was given up on (StopAndEnd's bound, said on Verbose): it has no outcome to read.
            foreach (var entry in ended.Where(entry => entry.Work.IsCompleted && !WasCancelled(entry.Work)))
            {
                try
                {
                    complete(entry.Item, entry.Work);
                }
                catch
                {
                    // The pipeline takes no more (Ctrl+C stopped it, -ErrorAction Stop made an error throw, or the command
                    // was disposed of): the stop already under way is the one the command ends with.
                    notTaken.Add(entry);
                }
            }

            if (notTaken.Count > 0 && untold?.Invoke(notTaken) is { } text)
            {
                cmdlet.TellAfterStop(text);
            }
        }

        private static bool WasCancelled(Task work) => work.IsCanceled || work.Exception?.GetBaseException() is OperationCanceledException;

        private void WriteFinished()
        {
            // Work that finished between two inputs was waited for by no pump: its lines (-Verbose) are still queued.
            cmdlet.WritePendingLog();
            while (pending.Count > 0 && pending.Peek().Work.IsCompleted)
            {
                Write(pending.Dequeue());
            }
        }

        private void CompleteOldest()
        {
            var work = pending.Peek().Work;

            // The continuation never throws: the outcome is read from the work itself in complete.
            cmdlet.RunWithLogPump(_ => work.ContinueWith(_ => true, TaskScheduler.Default));
            Write(pending.Dequeue());
            WriteFinished();
        }

        /// <summary>
        /// Writes one item taken from the queue. One whose write a stop already under way refused (Ctrl+C while the command
        /// waited for it: its work ended as the stop cancelled it) is kept for <see cref="StopAll"/>, which tells it with the
        /// rest; before, it was lost between the queue and the stop.
        /// </summary>
        private void Write((Task Work, TItem Item) entry)
        {
            try
            {
                complete(entry.Item, entry.Work);
            }
            catch when (cmdlet.IsStopping)
            {
                refused = entry;
                throw;
            }
        }
    }
}
