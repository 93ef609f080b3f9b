using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// What the pipeline thread is handed while a cmdlet's async work runs: the log lines queued on any thread, in
    /// the order they were queued, and word that the work has ended. The pipeline thread sleeps on one lock
    /// (Monitor.Wait) until either comes. It does not spin before sleeping, as a BlockingCollection's wait does
    /// (5 % of a read's CPU went to that spinning, issue 19), and a wait needs no token source or continuation task
    /// made for it.
    /// </summary>
    /// <typeparam name="TLine">A class: the queue's code for reference types is shared and compiled ahead of time with the framework.</typeparam>
    internal sealed class PipelineInbox<TLine>
        where TLine : class
    {
        /// <summary>How long <see cref="Relay"/> waits without a line before it calls its tick (progress is written a few times a second).</summary>
        private const int TickMilliseconds = 250;

        private readonly object gate = new object();
        private readonly Queue<TLine> lines = new Queue<TLine>();
        private readonly Action wake;
        private bool closed;

        public PipelineInbox()
        {
            // One delegate for every wait, not one a call.
            wake = Wake;
        }

        /// <summary>Queues a line, from any thread. A line after <see cref="Close"/> is dropped (a cancelled read-ahead reporting its end).</summary>
        public void Add(TLine line)
        {
            lock (gate)
            {
                if (closed)
                {
                    return;
                }

                lines.Enqueue(line);

                // Only the pipeline thread ever waits here.
                Monitor.Pulse(gate);
            }
        }

        /// <summary>Takes no more lines; those queued can still be written.</summary>
        public void Close()
        {
            lock (gate)
            {
                closed = true;
            }
        }

        /// <summary>
        /// On the pipeline thread, until <paramref name="work"/> has ended: passes each line to <paramref name="write"/>
        /// as it comes and calls <paramref name="tick"/>, if given, whenever <see cref="TickMilliseconds"/> pass without
        /// one. Then writes the lines still queued, the work's last ones among them.
        /// </summary>
        public void Relay(Task work, Action<TLine> write, Action? tick)
        {
            // Work that finished at once (rows with nothing to fetch, say) needs no wait.
            if (!work.IsCompleted)
            {
                // Runs on the thread that ends the work, as that thread's last step: a lock and a pulse, no thread-pool hop.
                work.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(wake);
                var timeout = tick == null ? Timeout.Infinite : TickMilliseconds;
                while (!work.IsCompleted)
                {
                    if (WaitForLine(work, timeout) is TLine line)
                    {
                        write(line);
                    }
                    else if (!work.IsCompleted)
                    {
                        tick!();
                    }
                }
            }

            WritePending(write);
        }

        /// <summary>Passes the lines queued so far to <paramref name="write"/>, in order, without waiting.</summary>
        public void WritePending(Action<TLine> write)
        {
            while (TryTake() is TLine line)
            {
                write(line);
            }
        }

        /// <summary>The next line, or null once <paramref name="work"/> has ended or the timeout passed without a line.</summary>
        private TLine? WaitForLine(Task work, int millisecondsTimeout)
        {
            lock (gate)
            {
                while (lines.Count == 0)
                {
                    // The work's end is read under the lock that Wake takes after it, so the pulse cannot come between the two.
                    if (work.IsCompleted || !Monitor.Wait(gate, millisecondsTimeout))
                    {
                        return null;
                    }
                }

                return lines.Dequeue();
            }
        }

        private TLine? TryTake()
        {
            lock (gate)
            {
                return lines.Count == 0 ? null : lines.Dequeue();
            }
        }

        private void Wake()
        {
            lock (gate)
            {
                Monitor.Pulse(gate);
            }
        }
    }
}
