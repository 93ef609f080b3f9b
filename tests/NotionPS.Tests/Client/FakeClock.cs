using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Tests.Client;

/// <summary>A clock that moves only when a test says so; Delay records the wait and completes at once.</summary>
internal sealed class FakeClock : IClock
{
    public TimeSpan Now { get; private set; } = TimeSpan.FromHours(1);

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
