using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Client
{
    /// <summary>
    /// Spaces out request starts for one token so steady work stays under Notion's connection limit and never
    /// draws a 429, in either of Notion's wordings: an average rate with a burst (a virtual-scheduling token
    /// bucket, GCRA), or a budget per 60 seconds (never more starts in any 60 seconds, spent at any pace). Each
    /// caller reserves the next free slot under a lock and then waits outside it, so callers on any thread or
    /// runspace queue fairly and requests may still overlap in flight. A 429 the pacing did not foresee (another
    /// process spending the same token) lowers the pace for a while: see <see cref="TokenPace"/>.
    /// </summary>
    internal sealed class RateLimiter
    {
        private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);

        // A per-minute budget is counted by Notion as requests arrive, and here as they start: a request that
        // reaches Notion sooner after leaving than the one a minute before it did would land inside that one's
        // minute and draw a 429. A second of slack covers the jitter; a 429 would cost a whole second anyway,
        // as Retry-After is given in seconds.
        private static readonly TimeSpan WindowSlack = TimeSpan.FromSeconds(1);

        /// <summary><see cref="TokenPace.FloorRequestsPerSecond"/> as a budget: one request every 4 s.</summary>
        private const int FloorRequestsPerMinute = (int)(TokenPace.FloorRequestsPerSecond * 60);

        private static readonly ConcurrentDictionary<string, RetryPause> PauseByToken = new ConcurrentDictionary<string, RetryPause>(StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<string, TokenPace> PaceByToken = new ConcurrentDictionary<string, TokenPace>(StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<string, WorkspaceLimit> LimitByWorkspace = new ConcurrentDictionary<string, WorkspaceLimit>(StringComparer.Ordinal);
        // Keyed by text ("token key|rate|burst|budget"), not a value tuple: a value-type key is JIT-compiled code of its own on every first Connect.
        private static readonly ConcurrentDictionary<string, RateLimiter> ByTokenAndRate = new ConcurrentDictionary<string, RateLimiter>(StringComparer.Ordinal);

        private readonly object gate = new object();
        private readonly IClock clock;
        private readonly RetryPause pause;
        private readonly TokenPace pace;
        private readonly TimeSpan interval;
        private readonly int extraBurst;
        private int requestsPerMinute;

        /// <summary>With a per-minute budget: the starts of the last requests, as many as the budget.</summary>
        private readonly RecentStarts recentStarts;
        private TimeSpan nextSlot;

        /// <param name="pause">The token's Retry-After pause, shared with its other limiters; a new one when not given.</param>
        /// <param name="requestsPerMinute">Above 0: a budget per 60 seconds, in place of <paramref name="requestsPerSecond"/> and <paramref name="burst"/>.</param>
        /// <param name="pace">The token's share of its configured rate, shared with its other limiters; a new one when not given.</param>
        internal RateLimiter(double requestsPerSecond, int burst, IClock clock, RetryPause? pause = null, int requestsPerMinute = 0, TokenPace? pace = null)
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
            this.pace = pace ?? new TokenPace();
            this.requestsPerMinute = requestsPerMinute;
            recentStarts = new RecentStarts(requestsPerMinute);
            RequestsPerSecond = requestsPerMinute > 0 ? 0 : requestsPerSecond;
            interval = RequestsPerSecond == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / RequestsPerSecond));
            extraBurst = Math.Max(0, burst - 1);
            nextSlot = clock.Now;
        }

        /// <summary>The rate configured; <see cref="CurrentRequestsPerSecond"/> is the one in force.</summary>
        public double RequestsPerSecond { get; }

        /// <summary>The rate in force now: <see cref="RequestsPerSecond"/>, or less for a while after a 429 (<see cref="TokenPace"/>).</summary>
        internal double CurrentRequestsPerSecond
        {
            get
            {
                lock (gate)
                {
                    return RateFor(ShareAt(clock.Now));
                }
            }
        }

        /// <summary>The budget per 60 seconds in force now: <see cref="RequestsPerMinute"/>, or less for a while after a 429.</summary>
        internal int CurrentRequestsPerMinute
        {
            get
            {
                lock (gate)
                {
                    return BudgetFor(ShareAt(clock.Now));
                }
            }
        }

        /// <summary>
        /// The process-wide limiter for a token (keyed by a hash of it, never the token itself) at this rate, burst
        /// and budget, shared by every runspace and connection that uses all three. A connection with other settings
        /// gets its own limiter and never changes the others' rate, nor does any other token's; a Retry-After pause
        /// Notion asked for holds for every limiter of the token, new connections included.
        /// </summary>
        public static RateLimiter ForToken(string tokenKey, double requestsPerSecond, int burst, int requestsPerMinute = 0)
        {
            var pause = PauseByToken.GetOrAdd(tokenKey, _ => new RetryPause());
            var pace = PaceByToken.GetOrAdd(tokenKey, _ => new TokenPace());
            if (requestsPerMinute > 0)
            {
                // A budget replaces the rate and burst, so connections with one budget share one limiter whatever else they gave.
                (requestsPerSecond, burst) = (0, 1);
            }

            var key = string.Join("|", tokenKey, requestsPerSecond.ToString("R", CultureInfo.InvariantCulture), burst.ToString(CultureInfo.InvariantCulture), requestsPerMinute.ToString(CultureInfo.InvariantCulture));
            return ByTokenAndRate.GetOrAdd(key, _ => new RateLimiter(requestsPerSecond, burst, SystemClock.Instance, pause, requestsPerMinute, pace));
        }

        /// <summary>The process-wide limit of one workspace (keyed by API address and workspace ID), shared by all its tokens.</summary>
        public static WorkspaceLimit ForWorkspace(string workspaceKey) => LimitByWorkspace.GetOrAdd(workspaceKey, _ => new WorkspaceLimit(SystemClock.Instance));

        /// <summary>The budgets declared for workspaces reached at <paramref name="apiAuthority"/> (an API address's scheme, host and port).</summary>
        /// <remarks>
        /// A loop rather than LINQ: LINQ over the dictionary's pairs (a struct) is code of its own that every process JIT-compiles
        /// at its first Connect, ReadyToRun framework or not.
        /// </remarks>
        public static IReadOnlyList<RateLimiter> WorkspaceBudgetsAt(string apiAuthority)
        {
            var prefix = apiAuthority + "|";
            var budgets = new List<RateLimiter>();
            foreach (var pair in LimitByWorkspace)
            {
                if (pair.Key.StartsWith(prefix, StringComparison.Ordinal) && pair.Value.Budget is { } budget)
                {
                    budgets.Add(budget);
                }
            }

            return budgets;
        }

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
        public TimeSpan Reserve() => Reserve(out _);

        /// <summary><see cref="Reserve()"/>, also giving the token's <see cref="TokenPace.Version"/> the slot was spaced at.</summary>
        private TimeSpan Reserve(out int paceVersion)
        {
            var pausedUntil = pause.Until;
            var workspaceBudget = pause.WorkspaceBudget;
            lock (gate)
            {
                var now = clock.Now;
                paceVersion = pace.Version;
                var share = ShareAt(now);
                var slot = NextSlot(now, pausedUntil, share);
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

                Take(slot, share);
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
                    // Only the newest starts, as many as the new budget, decide when the next one may go.
                    requestsPerMinute = lowerRequestsPerMinute;
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
                var share = ShareAt(from);
                var start = NextSlot(from, pausedUntil, share);
                Take(start, share);
                return start;
            }
        }

        /// <summary>
        /// The earliest start this limiter allows, not yet taken. Spacing per second may give one before
        /// <paramref name="now"/> (the burst's credit); a per-minute budget never does. <paramref name="share"/> is the
        /// token's pace (<see cref="ShareAt"/>).
        /// </summary>
        private TimeSpan NextSlot(TimeSpan now, TimeSpan pausedUntil, double share)
        {
            // After a Retry-After pause, requests resume from its end.
            var earliest = pausedUntil > now ? pausedUntil : now;
            if (requestsPerMinute > 0)
            {
                // The budget may be spent at once, but a start never has more than the budget before it within 61 seconds (60 and the slack).
                var budget = BudgetFor(share);
                var freedAt = recentStarts.Count >= budget ? recentStarts.Newest(budget) + Minute + WindowSlack : TimeSpan.Zero;
                return freedAt > earliest ? freedAt : earliest;
            }

            var spacing = IntervalFor(share);
            if (spacing == TimeSpan.Zero)
            {
                return earliest;
            }

            var slot = nextSlot;
            var burstStart = now - TimeSpan.FromTicks(spacing.Ticks * extraBurst);
            if (slot < burstStart)
            {
                slot = burstStart;
            }

            return slot < pausedUntil ? pausedUntil : slot;
        }

        /// <summary>Takes the slot <see cref="NextSlot"/> gave (or a later one).</summary>
        private void Take(TimeSpan slot, double share)
        {
            if (requestsPerMinute > 0)
            {
                recentStarts.Add(slot);
            }
            else if (interval != TimeSpan.Zero)
            {
                nextSlot = slot + IntervalFor(share);
            }
        }

        /// <summary>The token's pace for this limiter's kind of limit; 1 (all of it) when limiting is off.</summary>
        private double ShareAt(TimeSpan now) =>
            requestsPerMinute > 0 ? pace.Share(now, TokenPace.BudgetRecoveryStep)
            : interval != TimeSpan.Zero ? pace.Share(now, TokenPace.RecoveryStep)
            : 1;

        private double RateFor(double share) =>
            share >= 1 ? RequestsPerSecond : Math.Max(RequestsPerSecond * share, Math.Min(RequestsPerSecond, TokenPace.FloorRequestsPerSecond));

        private TimeSpan IntervalFor(double share) =>
            share >= 1 || interval == TimeSpan.Zero ? interval : TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / RateFor(share)));

        private int BudgetFor(double share) =>
            share >= 1 ? requestsPerMinute : Math.Max((int)(requestsPerMinute * share), Math.Min(requestsPerMinute, FloorRequestsPerMinute));

        /// <summary>Waits for this caller's slot; cancellable while waiting. <paramref name="paceVersion"/>: the pace it was spaced at, for <see cref="SlowDown"/>.</summary>
        public Task WaitAsync(CancellationToken cancellationToken, out int paceVersion) => clock.Delay(Reserve(out paceVersion), cancellationToken);

        /// <summary>
        /// After a 429 for the connection's limit drawn by a request spaced at <paramref name="paceVersion"/>: lowers the
        /// token's pace (<see cref="TokenPace.Lower"/>). False when it stays as it was: limiting is off (the user's choice),
        /// the request was spaced before the last decrease, or the rate is at its floor already.
        /// </summary>
        public bool SlowDown(int paceVersion)
        {
            lock (gate)
            {
                if (requestsPerMinute > 0)
                {
                    return pace.Lower(clock.Now, paceVersion, Math.Min(1, (double)FloorRequestsPerMinute / requestsPerMinute), TokenPace.BudgetRecoveryStep);
                }

                return interval != TimeSpan.Zero && pace.Lower(clock.Now, paceVersion, Math.Min(1, TokenPace.FloorRequestsPerSecond / RequestsPerSecond), TokenPace.RecoveryStep);
            }
        }

        /// <summary>True once, for the first caller to find the token's lowered pace whole again (to say so in -Verbose).</summary>
        public bool TakeRestored()
        {
            var limited = requestsPerMinute > 0 || interval != TimeSpan.Zero;
            return limited && pace.TakeRestored(clock.Now, requestsPerMinute > 0 ? TokenPace.BudgetRecoveryStep : TokenPace.RecoveryStep);
        }

        /// <summary>The pace in force, for -Verbose: "1.5 requests a second (of 3 configured)" or "90 requests a minute (of 180 configured)".</summary>
        public string DescribePace()
        {
            if (RequestsPerMinute > 0)
            {
                return $"{CurrentRequestsPerMinute.ToString(CultureInfo.InvariantCulture)} requests a minute (of {RequestsPerMinute.ToString(CultureInfo.InvariantCulture)} configured)";
            }

            return $"{CurrentRequestsPerSecond.ToString("0.###", CultureInfo.InvariantCulture)} requests a second (of {RequestsPerSecond.ToString("0.###", CultureInfo.InvariantCulture)} configured)";
        }

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
