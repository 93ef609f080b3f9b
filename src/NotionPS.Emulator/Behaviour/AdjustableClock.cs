using System.Globalization;

namespace NotionPS.Emulator.Behaviour;

/// <summary>
/// The emulator's clock: the options' clock moved to a chosen instant (<c>--now</c> or <c>PUT /__emulator/clock</c>),
/// from where it runs on, so relative-date filters (<c>past_week</c>, <c>today</c>) can be tested on a known day
/// while the rate limiter still refills.
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    private static readonly string[] IsoFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    private readonly TimeProvider _inner;
    private readonly TimeSpan _startOffset;
    private long _offsetTicks;

    public AdjustableClock(TimeProvider inner, DateTimeOffset? startAt)
    {
        _inner = inner;
        _startOffset = startAt is { } instant ? instant - inner.GetUtcNow() : TimeSpan.Zero;
        _offsetTicks = _startOffset.Ticks;
    }

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock to <paramref name="instant"/>; null puts it back where it started.</summary>
    public void Set(DateTimeOffset? instant) =>
        Interlocked.Exchange(ref _offsetTicks, (instant is { } at ? at - _inner.GetUtcNow() : _startOffset).Ticks);

    /// <summary>Reads an ISO 8601 date or date-time (no offset means UTC), the one format the command line and admin API take.</summary>
    public static DateTimeOffset ParseInstant(string text, string name) =>
        DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw new ArgumentException(
                $"{name} needs an ISO 8601 date or date-time such as 2025-01-31T10:00:00Z (no offset means UTC), not \"{text}\".");
}
