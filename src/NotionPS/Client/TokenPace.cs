using System;

namespace NotionPS.Client
{
    /// <summary>
    /// How much of its configured rate a token's limiters use, lowered when Notion answers a 429 this process's pacing
    /// did not foresee (another process, or another tool, spends the same token's limit) and raised again while none
    /// comes: additive increase, multiplicative decrease, as TCP does. One per token, shared by all its limiters in the
    /// process as <see cref="RetryPause"/> is, so the share never changes another token's rate and never exceeds 1
    /// (the rate the user configured).
    /// <para>The rule: a 429 for the connection's limit halves the share in force, down to the floor each limiter gives
    /// (0.25 requests a second, 15 a minute), unless the request that drew it was paced before the last decrease (requests
    /// already on their way or queued when the pace was lowered tell nothing new). Every <see cref="RecoveryStep"/> without such
    /// a 429 then adds a tenth of the configured rate back (a tenth of a per-minute budget every 60 s), up to all of it:
    /// from half the rate, 50 s (5 minutes for a budget). A lone process that draws no 429 is never slowed.</para>
    /// </summary>
    internal sealed class TokenPace
    {
        /// <summary>The share a decrease keeps of the share in force.</summary>
        public const double DecreaseFactor = 0.5;

        /// <summary>The share of the configured rate each clean step adds back.</summary>
        public const double IncreasePerStep = 0.1;

        /// <summary>The lowest rate a decrease goes to: one request every 4 s (15 a minute), or the configured rate when that is lower.</summary>
        public const double FloorRequestsPerSecond = 0.25;

        /// <summary>Clean running that raises a per-second rate by one step.</summary>
        public static readonly TimeSpan RecoveryStep = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Clean running that raises a per-minute budget by one step: a whole window, since a budget spent at once shows a
        /// second process's share only when the window turns.
        /// </summary>
        public static readonly TimeSpan BudgetRecoveryStep = TimeSpan.FromSeconds(60);

        private readonly object gate = new object();
        private double shareAfterDecrease = 1;
        private TimeSpan lastDecreaseAt;
        private bool lowered;
        private int version;

        /// <summary>How many decreases there have been: a request paced before the latest one is told apart by it.</summary>
        public int Version
        {
            get
            {
                lock (gate)
                {
                    return version;
                }
            }
        }

        /// <summary>The share of the configured rate in force at <paramref name="now"/>: 1 unless a 429 lowered it and it has not recovered.</summary>
        public double Share(TimeSpan now, TimeSpan recoveryStep)
        {
            lock (gate)
            {
                return ShareAt(now, recoveryStep);
            }
        }

        /// <summary>
        /// After a 429 for a request paced at <paramref name="pacedAtVersion"/> (<see cref="Version"/> when it reserved its
        /// slot): halves the share, to no less than <paramref name="floorShare"/>. False when the share stays as it was: the
        /// request was paced before the last decrease, or the share is at the floor already (its recovery then starts again).
        /// </summary>
        public bool Lower(TimeSpan now, int pacedAtVersion, double floorShare, TimeSpan recoveryStep)
        {
            lock (gate)
            {
                if (pacedAtVersion != version || floorShare >= 1)
                {
                    return false;
                }

                var before = ShareAt(now, recoveryStep);
                shareAfterDecrease = Math.Max(floorShare, before * DecreaseFactor);
                lastDecreaseAt = now;
                lowered = true;
                version++;
                return shareAfterDecrease < before;
            }
        }

        /// <summary>
        /// True once, for the first caller to find the share whole again after a decrease (to say so in -Verbose). A token
        /// connected both per second and per minute in one process ends the decrease for both when the faster step finds it whole.
        /// </summary>
        public bool TakeRestored(TimeSpan now, TimeSpan recoveryStep)
        {
            lock (gate)
            {
                if (!lowered || ShareAt(now, recoveryStep) < 1)
                {
                    return false;
                }

                lowered = false;
                return true;
            }
        }

        private double ShareAt(TimeSpan now, TimeSpan recoveryStep)
        {
            if (!lowered)
            {
                return 1;
            }

            var cleanSteps = Math.Floor((double)(now - lastDecreaseAt).Ticks / recoveryStep.Ticks);
            return Math.Min(1, shareAfterDecrease + (IncreasePerStep * cleanSteps));
        }
    }
}
