using System;
using System.Collections.Generic;

namespace NotionPS.Client
{
    /// <summary>
    /// The starts of a per-minute budget's last requests, as many as the budget configured, in a ring: the n-th newest is
    /// read at once for any smaller budget in force, and the older starts are kept while a lowered budget recovers.
    /// </summary>
    internal sealed class RecentStarts
    {
        private readonly int capacity;
        private readonly List<TimeSpan> starts = new List<TimeSpan>();
        private int oldest;

        public RecentStarts(int capacity)
        {
            this.capacity = capacity;
        }

        public int Count => starts.Count;

        /// <summary>Adds the newest start; when full, it takes the oldest's place.</summary>
        public void Add(TimeSpan start)
        {
            if (starts.Count < capacity)
            {
                starts.Add(start);
                return;
            }

            starts[oldest] = start;
            oldest = (oldest + 1) % capacity;
        }

        /// <summary>The <paramref name="n"/>-th newest start (1: the newest), n at most <see cref="Count"/>.</summary>
        public TimeSpan Newest(int n) => starts[(oldest + starts.Count - n) % starts.Count];
    }
}
