using System;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Client
{
    /// <summary>Time as the rate limiter and retry policy see it, so tests can replace it with a fake.</summary>
    internal interface IClock
    {
        /// <summary>Monotonic time, for spacing and waiting.</summary>
        TimeSpan Now { get; }

        /// <summary>Wall-clock time, for dates the server sends (a Retry-After date).</summary>
        DateTimeOffset UtcNow { get; }

        Task Delay(TimeSpan delay, CancellationToken cancellationToken);
    }

    internal sealed class SystemClock : IClock
    {
        public static readonly SystemClock Instance = new SystemClock();

        private readonly System.Diagnostics.Stopwatch stopwatch = System.Diagnostics.Stopwatch.StartNew();

        private SystemClock()
        {
        }

        public TimeSpan Now => stopwatch.Elapsed;

        public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

        public Task Delay(TimeSpan delay, CancellationToken cancellationToken) =>
            delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, cancellationToken);
    }
}
