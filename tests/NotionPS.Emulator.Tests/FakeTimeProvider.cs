namespace NotionPS.Emulator.Tests;

/// <summary>A clock that moves only when a test says so, for the rate limiter.</summary>
internal sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
