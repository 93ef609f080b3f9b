using System;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Tests.Client;

/// <summary>
/// A <see cref="FakeClock"/> whose waits of any length (a retry's back-off, a Retry-After) never end but by cancellation:
/// a test sees the wait begin (<see cref="Waiting"/>) and stops the request there, with no timing involved.
/// </summary>
internal sealed class HeldWaitClock : IClock
{
    private readonly FakeClock clock = new();

    /// <summary>How many waits of some length still pass (at once) before one is held.</summary>
    private int waitsToLetThrough;

    public HeldWaitClock(int waitsToLetThrough = 0) => this.waitsToLetThrough = waitsToLetThrough;

    /// <summary>Set when the first wait of some length that is held begins.</summary>
    public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimeSpan Now => clock.Now;

    public DateTimeOffset UtcNow => clock.UtcNow;

    public async Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero || Interlocked.Decrement(ref waitsToLetThrough) >= 0)
        {
            await clock.Delay(delay, cancellationToken);
            return;
        }

        Waiting.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
