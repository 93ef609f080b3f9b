using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Client
{
    /// <summary>
    /// Spaces out request starts for one integration token so steady work stays under Notion's average
    /// of 3 requests per second and never draws a 429. It is a virtual-scheduling token bucket (GCRA):
    /// each caller reserves the next free slot under a lock and then waits outside it, so callers on
    /// any thread or runspace queue fairly and requests may still overlap in flight.
    /// </summary>
    internal sealed class RateLimiter
    {
        private static readonly ConcurrentDictionary<string, RateLimiter> ByToken = new ConcurrentDictionary<string, RateLimiter>(StringComparer.Ordinal);

        private readonly object gate = new object();
        private readonly IClock clock;
        private TimeSpan interval;
        private TimeSpan burstAllowance;
        private TimeSpan nextSlot;
        private TimeSpan pausedUntil;

        internal RateLimiter(double requestsPerSecond, int burst, IClock clock)
        {
            this.clock = clock;
            Configure(requestsPerSecond, burst);
            nextSlot = clock.Now;
        }

        public double RequestsPerSecond { get; private set; }

        /// <summary>
        /// The process-wide limiter for a token (keyed by a hash of it, never the token itself), shared by
        /// every runspace and connection that uses that token. The latest connection's rate wins; a Retry-After
        /// pause Notion asked for holds for new connections too.
        /// </summary>
        public static RateLimiter ForToken(string tokenKey, double requestsPerSecond, int burst)
        {
            var limiter = ByToken.GetOrAdd(tokenKey, _ => new RateLimiter(requestsPerSecond, burst, SystemClock.Instance));
            limiter.Configure(requestsPerSecond, burst);
            return limiter;
        }

        public void Configure(double requestsPerSecond, int burst)
        {
            if (requestsPerSecond < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond, "The request rate cannot be negative.");
            }

            lock (gate)
            {
                RequestsPerSecond = requestsPerSecond;

                interval = requestsPerSecond == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / requestsPerSecond));
                burstAllowance = TimeSpan.FromTicks(interval.Ticks * Math.Max(0, burst - 1));
            }
        }

        /// <summary>Reserves the next slot and returns how long the caller must wait before sending.</summary>
        public TimeSpan Reserve()
        {
            lock (gate)
            {
                var now = clock.Now;
                if (interval == TimeSpan.Zero)
                {
                    return pausedUntil > now ? pausedUntil - now : TimeSpan.Zero;
                }

                var earliest = now - burstAllowance;
                if (nextSlot < earliest)
                {
                    nextSlot = earliest;
                }

                // After a Retry-After pause, spacing resumes from its end.
                if (nextSlot < pausedUntil)
                {
                    nextSlot = pausedUntil;
                }

                var wait = nextSlot - now;
                nextSlot += interval;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        /// <summary>Waits for this caller's slot; cancellable while waiting.</summary>
        public Task WaitAsync(CancellationToken cancellationToken) => clock.Delay(Reserve(), cancellationToken);

        /// <summary>
        /// After a 429 the server's Retry-After holds for every caller of this token, not only the one that
        /// drew it: nothing else starts before it has passed.
        /// </summary>
        public void PauseFor(TimeSpan retryAfter)
        {
            lock (gate)
            {
                var resumeAt = clock.Now + retryAfter;
                if (pausedUntil < resumeAt)
                {
                    pausedUntil = resumeAt;
                }
            }
        }
    }
}
