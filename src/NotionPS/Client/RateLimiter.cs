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
        private static readonly ConcurrentDictionary<string, TokenPause> PauseByToken = new ConcurrentDictionary<string, TokenPause>(StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<(string TokenKey, double RequestsPerSecond, int Burst), RateLimiter> ByTokenAndRate =
            new ConcurrentDictionary<(string, double, int), RateLimiter>();

        private readonly object gate = new object();
        private readonly IClock clock;
        private readonly TokenPause pause;
        private readonly TimeSpan interval;
        private readonly TimeSpan burstAllowance;
        private TimeSpan nextSlot;

        /// <param name="pause">The token's Retry-After pause, shared with its other limiters; a new one when not given.</param>
        internal RateLimiter(double requestsPerSecond, int burst, IClock clock, TokenPause? pause = null)
        {
            if (requestsPerSecond < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond, "The request rate cannot be negative.");
            }

            this.clock = clock;
            this.pause = pause ?? new TokenPause();
            RequestsPerSecond = requestsPerSecond;
            interval = requestsPerSecond == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / requestsPerSecond));
            burstAllowance = TimeSpan.FromTicks(interval.Ticks * Math.Max(0, burst - 1));
            nextSlot = clock.Now;
        }

        public double RequestsPerSecond { get; }

        /// <summary>
        /// The process-wide limiter for a token (keyed by a hash of it, never the token itself) at this rate and
        /// burst, shared by every runspace and connection that uses both. A connection with another rate gets
        /// its own limiter and never changes the others' rate; a Retry-After pause Notion asked for holds for
        /// every limiter of the token, new connections included.
        /// </summary>
        public static RateLimiter ForToken(string tokenKey, double requestsPerSecond, int burst)
        {
            var pause = PauseByToken.GetOrAdd(tokenKey, _ => new TokenPause());
            return ByTokenAndRate.GetOrAdd((tokenKey, requestsPerSecond, burst), _ => new RateLimiter(requestsPerSecond, burst, SystemClock.Instance, pause));
        }

        /// <summary>Reserves the next slot and returns how long the caller must wait before sending.</summary>
        public TimeSpan Reserve()
        {
            var pausedUntil = pause.Until;
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
        public void PauseFor(TimeSpan retryAfter) => pause.HoldUntil(clock.Now + retryAfter);
    }

    /// <summary>Until when a token's requests hold back after a Retry-After: one per token, shared by all its limiters.</summary>
    internal sealed class TokenPause
    {
        private readonly object gate = new object();
        private TimeSpan until;

        public TimeSpan Until
        {
            get
            {
                lock (gate)
                {
                    return until;
                }
            }
        }

        /// <summary>Extends the pause to <paramref name="resumeAt"/>; a shorter pause never cuts a longer one short.</summary>
        public void HoldUntil(TimeSpan resumeAt)
        {
            lock (gate)
            {
                if (until < resumeAt)
                {
                    until = resumeAt;
                }
            }
        }
    }
}
