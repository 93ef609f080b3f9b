using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
        private static readonly ConcurrentDictionary<string, WorkspaceLimit> LimitByWorkspace = new ConcurrentDictionary<string, WorkspaceLimit>(StringComparer.Ordinal);
        // Keyed by text ("token key|rate|burst|budget"), not a value tuple: a value-type key is JIT-compiled code of its own on every first Connect.
        private static readonly ConcurrentDictionary<string, RateLimiter> ByTokenAndRate = new ConcurrentDictionary<string, RateLimiter>(StringComparer.Ordinal);

        private readonly object gate = new object();
        private readonly IClock clock;
        private readonly RetryPause pause;
        private readonly TimeSpan interval;
        private readonly TimeSpan burstAllowance;
        private int requestsPerMinute;

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

            var key = string.Join("|", tokenKey, requestsPerSecond.ToString("R", CultureInfo.InvariantCulture), burst.ToString(CultureInfo.InvariantCulture), requestsPerMinute.ToString(CultureInfo.InvariantCulture));
            return ByTokenAndRate.GetOrAdd(key, _ => new RateLimiter(requestsPerSecond, burst, SystemClock.Instance, pause, requestsPerMinute));
        }

        /// <summary>The process-wide limit of one workspace (keyed by API address and workspace ID), shared by all its tokens.</summary>
        public static WorkspaceLimit ForWorkspace(string workspaceKey) => LimitByWorkspace.GetOrAdd(workspaceKey, _ => new WorkspaceLimit(SystemClock.Instance));

        /// <summary>The budgets declared for workspaces reached at <paramref name="apiAuthority"/> (an API address's scheme, host and port).</summary>
        public static IReadOnlyList<RateLimiter> WorkspaceBudgetsAt(string apiAuthority) =>
            LimitByWorkspace
                .Where(pair => pair.Key.StartsWith(apiAuthority + "|", StringComparison.Ordinal))
                .Select(pair => pair.Value.Budget)
                .OfType<RateLimiter>()
                .ToList();

        /// <summary>
        /// Makes this token's requests hold for the workspace's limit too: a 429 for the workspace drawn by any of
        /// its tokens pauses them all, and a budget declared for the workspace paces them all. Called once users/me
        /// has said which workspace the token belongs to.
        /// </summary>
        public void JoinWorkspace(WorkspaceLimit workspace) => pause.JoinWorkspace(workspace);

        /// <summary>The budget per 60 seconds this limiter keeps to; 0 when it spaces requests per second instead.</summary>
        public int RequestsPerMinute
        {
            get
            {
                lock (gate)
                {
                    return requestsPerMinute;
                }
            }
        }

        /// <summary>Reserves the next slot and returns how long the caller must wait before sending.</summary>
        public TimeSpan Reserve()
        {
            var pausedUntil = pause.Until;
            var workspaceBudget = pause.WorkspaceBudget;
            lock (gate)
            {
                var now = clock.Now;
                var slot = NextSlot(now, pausedUntil);
                var start = slot > now ? slot : now;
                if (workspaceBudget != null)
                {
                    // The workspace's declared budget, shared with its other tokens, may hold the request back further:
                    // then this token's own spacing goes on from when it really starts. (Locks are taken token first, then workspace.)
                    var shared = workspaceBudget.TakeSlotFrom(start);
                    if (shared > start)
                    {
                        slot = start = shared;
                    }
                }

                Take(slot);
                return start - now;
            }
        }

        /// <summary>
        /// For a workspace's budget, a request not sent through a token's <see cref="Reserve"/> (a connect's users/me, sent
        /// before its workspace is known): takes the next slot and returns how long to wait for it; a request already
        /// sent ignores the wait and is simply counted.
        /// </summary>
        public TimeSpan ReserveShared()
        {
            var now = clock.Now;
            return TakeSlotFrom(now) - now;
        }

        /// <summary>
        /// Lowers the budget per 60 seconds (a workspace's, declared smaller by another connection); a larger one is ignored.
        /// </summary>
        /// <returns>The budget in force.</returns>
        public int LowerBudgetTo(int lowerRequestsPerMinute)
        {
            lock (gate)
            {
                if (lowerRequestsPerMinute > 0 && lowerRequestsPerMinute < requestsPerMinute)
                {
                    requestsPerMinute = lowerRequestsPerMinute;

                    // Only the newest starts, as many as the new budget, decide when the next one may go.
                    while (recentStarts.Count > requestsPerMinute)
                    {
                        recentStarts.Dequeue();
                    }
                }

                return requestsPerMinute;
            }
        }

        /// <summary>For a limiter shared by several tokens (a workspace's budget): takes the first free start at or after <paramref name="from"/>.</summary>
        private TimeSpan TakeSlotFrom(TimeSpan from)
        {
            var pausedUntil = pause.Until;
            lock (gate)
            {
                var start = NextSlot(from, pausedUntil);
                Take(start);
                return start;
            }
        }

        /// <summary>
        /// The earliest start this limiter allows, not yet taken. Spacing per second may give one before
        /// <paramref name="now"/> (the burst's credit); a per-minute budget never does.
        /// </summary>
        private TimeSpan NextSlot(TimeSpan now, TimeSpan pausedUntil)
        {
            // After a Retry-After pause, requests resume from its end.
            var earliest = pausedUntil > now ? pausedUntil : now;
            if (requestsPerMinute > 0)
            {
                // The budget may be spent at once, but a start never has more than the budget before it within 61 seconds (60 and the slack).
                var freedAt = recentStarts.Count == requestsPerMinute ? recentStarts.Peek() + Minute + WindowSlack : TimeSpan.Zero;
                return freedAt > earliest ? freedAt : earliest;
            }

            if (interval == TimeSpan.Zero)
            {
                return earliest;
            }

            var slot = nextSlot;
            var burstStart = now - burstAllowance;
            if (slot < burstStart)
            {
                slot = burstStart;
            }

            return slot < pausedUntil ? pausedUntil : slot;
        }

        /// <summary>Takes the slot <see cref="NextSlot"/> gave (or a later one).</summary>
        private void Take(TimeSpan slot)
        {
            if (requestsPerMinute > 0)
            {
                if (recentStarts.Count == requestsPerMinute)
                {
                    recentStarts.Dequeue();
                }

                recentStarts.Enqueue(slot);
            }
            else if (interval != TimeSpan.Zero)
            {
                nextSlot = slot + interval;
            }
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
    /// workspace (<see cref="WorkspaceLimit.Pause"/>), which each of the workspace's tokens joins.
    /// </summary>
    internal sealed class RetryPause
    {
        private readonly object gate = new object();
        private TimeSpan until;
        private WorkspaceLimit? workspace;

        /// <summary>The later of this pause's end and its workspace's.</summary>
        public TimeSpan Until
        {
            get
            {
                WorkspaceLimit? shared;
                TimeSpan own;
                lock (gate)
                {
                    own = until;
                    shared = workspace;
                }

                var workspaceUntil = shared?.Pause.Until ?? TimeSpan.Zero;
                return workspaceUntil > own ? workspaceUntil : own;
            }
        }

        /// <summary>The budget declared for the workspace this token joined; null when none was declared or the workspace is unknown.</summary>
        public RateLimiter? WorkspaceBudget
        {
            get
            {
                lock (gate)
                {
                    return workspace?.Budget;
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

        public void JoinWorkspace(WorkspaceLimit workspaceLimit)
        {
            lock (gate)
            {
                workspace = workspaceLimit;
            }
        }

        /// <summary>Pauses the workspace this token joined, or the token alone when it joined none.</summary>
        public void HoldWorkspaceUntil(TimeSpan resumeAt)
        {
            WorkspaceLimit? shared;
            lock (gate)
            {
                shared = workspace;
            }

            (shared?.Pause ?? this).HoldUntil(resumeAt);
        }
    }
}
