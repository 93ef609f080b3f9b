using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Client
{
    /// <summary>
    /// Spaces out request starts for one token so steady work stays under Notion's connection limit and never
    /// draws a 429, in either of Notion's wordings: an average rate with a burst (a virtual-scheduling token
    /// bucket, GCRA), or a budget per 60 seconds (never more starts in any 60 seconds, spent at any pace). Each
    /// caller reserves the next free slot under a lock and then waits outside it, so callers on any thread or
    /// runspace queue fairly and requests may still overlap in flight.
    /// </summary>
    internal sealed class RateLimiter
    {
        private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);

        // A per-minute budget is counted by Notion as requests arrive, and here as they start: a request that
        // reaches Notion sooner after leaving than the one a minute before it did would land inside that one's
        // minute and draw a 429. A second of slack covers the jitter; a 429 would cost a whole second anyway,
        // as Retry-After is given in seconds.
        private static readonly TimeSpan WindowSlack = TimeSpan.FromSeconds(1);
        private static readonly ConcurrentDictionary<string, RetryPause> PauseByToken = new ConcurrentDictionary<string, RetryPause>(StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<string, RetryPause> PauseByWorkspace = new ConcurrentDictionary<string, RetryPause>(StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<(string TokenKey, double RequestsPerSecond, int Burst, int RequestsPerMinute), RateLimiter> ByTokenAndRate =
            new ConcurrentDictionary<(string, double, int, int), RateLimiter>();

        private readonly object gate = new object();
        private readonly IClock clock;
        private readonly RetryPause pause;
        private readonly TimeSpan interval;
        private readonly TimeSpan burstAllowance;
        private readonly int requestsPerMinute;

        /// <summary>With a per-minute budget: the starts of the last <see cref="requestsPerMinute"/> requests, oldest first.</summary>
        private readonly Queue<TimeSpan> recentStarts = new Queue<TimeSpan>();
        private TimeSpan nextSlot;

        /// <param name="pause">The token's Retry-After pause, shared with its other limiters; a new one when not given.</param>
        /// <param name="requestsPerMinute">Above 0: a budget per 60 seconds, in place of <paramref name="requestsPerSecond"/> and <paramref name="burst"/>.</param>
        internal RateLimiter(double requestsPerSecond, int burst, IClock clock, RetryPause? pause = null, int requestsPerMinute = 0)
        {
            if (requestsPerSecond < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond, "The request rate cannot be negative.");
            }

            if (requestsPerMinute < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(requestsPerMinute), requestsPerMinute, "The requests per minute cannot be negative.");
            }

            this.clock = clock;
            this.pause = pause ?? new RetryPause();
            this.requestsPerMinute = requestsPerMinute;
            RequestsPerSecond = requestsPerMinute > 0 ? 0 : requestsPerSecond;
            interval = RequestsPerSecond == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / RequestsPerSecond));
            burstAllowance = TimeSpan.FromTicks(interval.Ticks * Math.Max(0, burst - 1));
            nextSlot = clock.Now;
        }

        public double RequestsPerSecond { get; }

        /// <summary>
        /// The process-wide limiter for a token (keyed by a hash of it, never the token itself) at this rate, burst
        /// and budget, shared by every runspace and connection that uses all three. A connection with other settings
        /// gets its own limiter and never changes the others' rate, nor does any other token's; a Retry-After pause
        /// Notion asked for holds for every limiter of the token, new connections included.
        /// </summary>
        public static RateLimiter ForToken(string tokenKey, double requestsPerSecond, int burst, int requestsPerMinute = 0)
        {
            var pause = PauseByToken.GetOrAdd(tokenKey, _ => new RetryPause());
            if (requestsPerMinute > 0)
            {
                // A budget replaces the rate and burst, so connections with one budget share one limiter whatever else they gave.
                (requestsPerSecond, burst) = (0, 1);
            }

            return ByTokenAndRate.GetOrAdd((tokenKey, requestsPerSecond, burst, requestsPerMinute), _ => new RateLimiter(requestsPerSecond, burst, SystemClock.Instance, pause, requestsPerMinute));
        }

        /// <summary>The process-wide pause of one workspace (keyed by API address and workspace ID), shared by all its tokens.</summary>
        public static RetryPause ForWorkspace(string workspaceKey) => PauseByWorkspace.GetOrAdd(workspaceKey, _ => new RetryPause());

        /// <summary>
        /// Makes this token's requests hold for the workspace's limit too: a 429 for the workspace drawn by any of
        /// its tokens pauses them all. Called once users/me has said which workspace the token belongs to.
        /// </summary>
        public void JoinWorkspace(RetryPause workspacePause) => pause.JoinWorkspace(workspacePause);

        /// <summary>Reserves the next slot and returns how long the caller must wait before sending.</summary>
        public TimeSpan Reserve()
        {
            var pausedUntil = pause.Until;
            lock (gate)
            {
                var now = clock.Now;
                var start = requestsPerMinute > 0 ? NextInWindow(now, pausedUntil) : NextSpaced(now, pausedUntil);
                var wait = start - now;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        private TimeSpan NextSpaced(TimeSpan now, TimeSpan pausedUntil)
        {
            if (interval == TimeSpan.Zero)
            {
                return pausedUntil > now ? pausedUntil : now;
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

            var start = nextSlot;
            nextSlot += interval;
            return start;
        }

        /// <summary>The budget may be spent at once, but a start never has more than the budget before it within 61 seconds (60 and the slack).</summary>
        private TimeSpan NextInWindow(TimeSpan now, TimeSpan pausedUntil)
        {
            var start = pausedUntil > now ? pausedUntil : now;
            if (recentStarts.Count == requestsPerMinute)
            {
                var freedAt = recentStarts.Dequeue() + Minute + WindowSlack;
                if (freedAt > start)
                {
                    start = freedAt;
                }
            }

            recentStarts.Enqueue(start);
            return start;
        }

        /// <summary>Waits for this caller's slot; cancellable while waiting.</summary>
        public Task WaitAsync(CancellationToken cancellationToken) => clock.Delay(Reserve(), cancellationToken);

        /// <summary>
        /// After a 429 or 529 the server's Retry-After holds for every caller of this token, not only the one that
        /// drew it: nothing else starts before it has passed. For the workspace's limit it holds for every token
        /// of the workspace (those that joined it; a token whose workspace is unknown pauses alone).
        /// </summary>
        public void PauseFor(TimeSpan retryAfter, bool wholeWorkspace = false)
        {
            var resumeAt = clock.Now + retryAfter;
            if (wholeWorkspace)
            {
                pause.HoldWorkspaceUntil(resumeAt);
            }
            else
            {
                pause.HoldUntil(resumeAt);
            }
        }
    }

    /// <summary>
    /// Until when requests hold back after a Retry-After: one per token, shared by all its limiters, and one per
    /// workspace, which each of the workspace's tokens joins.
    /// </summary>
    internal sealed class RetryPause
    {
        private readonly object gate = new object();
        private TimeSpan until;
        private RetryPause? workspace;

        /// <summary>The later of this pause's end and its workspace's.</summary>
        public TimeSpan Until
        {
            get
            {
                RetryPause? shared;
                TimeSpan own;
                lock (gate)
                {
                    own = until;
                    shared = workspace;
                }

                var workspaceUntil = shared?.Until ?? TimeSpan.Zero;
                return workspaceUntil > own ? workspaceUntil : own;
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

        public void JoinWorkspace(RetryPause workspacePause)
        {
            lock (gate)
            {
                workspace = workspacePause;
            }
        }

        /// <summary>Pauses the workspace this token joined, or the token alone when it joined none.</summary>
        public void HoldWorkspaceUntil(TimeSpan resumeAt)
        {
            RetryPause? shared;
            lock (gate)
            {
                shared = workspace;
            }

            (shared ?? this).HoldUntil(resumeAt);
        }
    }
}
