using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Tests.Client;

/// <summary>A clock that moves only when a test says so; Delay records the wait and completes at once.</summary>
/// <param name="wallClockAtStart">The date it starts at; without one, its dates follow the system's, moved by the time the test advanced.</param>
internal sealed class FakeClock(DateTimeOffset? wallClockAtStart = null) : IClock
{
    private static readonly TimeSpan Start = TimeSpan.FromHours(1);

    public TimeSpan Now { get; private set; } = Start;

    public DateTimeOffset UtcNow => (wallClockAtStart ?? DateTimeOffset.UtcNow) + (Now - Start);

    public List<TimeSpan> Delays { get; } = new();

    public void Advance(TimeSpan by) => Now += by;

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Delays.Add(delay);
        if (delay > TimeSpan.Zero)
        {
            Now += delay;
        }

        return Task.CompletedTask;
    }
}
