using System;

namespace NotionPS.Client
{
    /// <summary>
    /// Which failures are worth another try, and how long to wait first. 429 and 529 mean Notion did not
    /// do the work, so any request may be repeated after Retry-After. 500/502/503/504 and dropped
    /// connections may have done it, so only requests that change nothing are repeated.
    /// </summary>
    internal sealed class RetryPolicy
    {
        private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan MaximumBackoff = TimeSpan.FromSeconds(30);

        /// <summary>
        /// The longest wait NotionPS takes by default: a connection's own limit asks for at most 60 s. The workspace's
        /// limit may ask for more; a connection allows that only when told to.
        /// </summary>
        public static readonly TimeSpan DefaultMaximumWait = TimeSpan.FromSeconds(60);

        /// <param name="maximumWait">The longest wait before a retry; a server (or proxy) asking for more gets a failure back instead of a hung runbook.</param>
        public RetryPolicy(int maximumRetryCount, TimeSpan? maximumWait = null)
        {
            if (maximumRetryCount < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(maximumRetryCount), maximumRetryCount, "The retry count cannot be negative.");
            }

            MaximumRetryCount = maximumRetryCount;
            MaximumWait = maximumWait ?? DefaultMaximumWait;
        }

        public int MaximumRetryCount { get; }

        public TimeSpan MaximumWait { get; }

        /// <summary>Whether the server asked for a wait (429, 529) longer than this policy takes: a failure of its own, not a retry.</summary>
        public bool IsWaitTooLong(int status, TimeSpan wait) => IsServerAskingForRetry(status) && wait > MaximumWait;

        public static bool IsServerAskingForRetry(int status) => status == 429 || status == 529;

        public static bool IsTransientServerError(int status) => status == 500 || status == 502 || status == 503 || status == 504;

        /// <summary>
        /// Decides whether attempt number <paramref name="attempt"/> (1-based) may be followed by another
        /// after waiting <paramref name="wait"/>.
        /// </summary>
        public bool ShouldRetry(int attempt, int status, bool safeToRepeat, TimeSpan wait)
        {
            if (attempt > MaximumRetryCount || wait > MaximumWait)
            {
                return false;
            }

            if (IsServerAskingForRetry(status))
            {
                return true;
            }

            // Status 0: no response at all (connection dropped or reset).
            return safeToRepeat && (status == 0 || IsTransientServerError(status));
        }

        /// <summary>The wait before the next attempt: the server's Retry-After when given, else exponential backoff.</summary>
        public static TimeSpan Delay(int attempt, TimeSpan? retryAfter)
        {
            if (retryAfter.HasValue)
            {
                return retryAfter.Value < TimeSpan.Zero ? TimeSpan.Zero : retryAfter.Value;
            }

            var backoff = TimeSpan.FromMilliseconds(DefaultRetryAfter.TotalMilliseconds * Math.Pow(2, attempt - 1) / 2);
            return backoff > MaximumBackoff ? MaximumBackoff : backoff;
        }
    }
}
