using System;
using System.Linq;
using NotionPS.Client;
using Xunit;

namespace NotionPS.Tests.Client;

public class RateLimiterTests
{
    [Fact]
    public void SpacesRequestStartsAtTheConfiguredRate()
    {
        var clock = new FakeClock();
        var limiter = new RateLimiter(3, 1, clock);

        var waits = Enumerable.Range(0, 4).Select(_ => limiter.Reserve()).ToList();

        Assert.Equal(TimeSpan.Zero, waits[0]);
        Assert.Equal(TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 3), waits[1]);
        Assert.Equal(TimeSpan.FromTicks(2 * (TimeSpan.TicksPerSecond / 3)), waits[2]);
        Assert.Equal(TimeSpan.FromTicks(3 * (TimeSpan.TicksPerSecond / 3)), waits[3]);
    }

    [Fact]
    public void AllowsTheBurstAfterAnIdlePeriodButNoMore()
    {
        var clock = new FakeClock();
        var limiter = new RateLimiter(2, 3, clock);
        clock.Advance(TimeSpan.FromMinutes(1));

        var waits = Enumerable.Range(0, 4).Select(_ => limiter.Reserve()).ToList();

        Assert.Equal(new[] { TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMilliseconds(500) }, waits);
    }

    [Fact]
    public void NeverExceedsTheAverageOverAnyLongWindow()
    {
        var clock = new FakeClock();
        var limiter = new RateLimiter(3, 1, clock);
        var starts = Enumerable.Range(0, 300).Select(_ =>
        {
            var wait = limiter.Reserve();
            return clock.Now + wait;
        }).ToList();

        // 300 starts at 3/s take at least 99.67 s from the first to the last.
        Assert.True(starts[^1] - starts[0] >= TimeSpan.FromSeconds(299.0 / 3) - TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void ZeroRateTurnsLimitingOff()
    {
        var limiter = new RateLimiter(0, 1, new FakeClock());

        Assert.All(Enumerable.Range(0, 50).Select(_ => limiter.Reserve()), wait => Assert.Equal(TimeSpan.Zero, wait));
    }

    [Fact]
    public void PauseHoldsBackEveryCallerOfTheToken()
    {
        var clock = new FakeClock();
        var limiter = new RateLimiter(3, 1, clock);
        limiter.Reserve();

        limiter.PauseFor(TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromSeconds(5), limiter.Reserve());
        Assert.Equal(TimeSpan.FromSeconds(5) + TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 3), limiter.Reserve());
    }

    [Fact]
    public void PauseHoldsEvenWhenLimitingIsOff()
    {
        var clock = new FakeClock();
        var limiter = new RateLimiter(0, 1, clock);

        limiter.PauseFor(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(2), limiter.Reserve());
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve());
    }

    [Fact]
    public void APauseHoldsForANewConnectionOfTheSameToken()
    {
        var clock = new FakeClock();
        var pause = new RetryPause();
        var limiter = new RateLimiter(3, 1, clock, pause);
        limiter.PauseFor(TimeSpan.FromSeconds(30));

        var newConnection = new RateLimiter(3, 1, clock, pause);

        Assert.Equal(TimeSpan.FromSeconds(30), newConnection.Reserve());
    }

    [Fact]
    public void APauseHoldsForEveryRateOfTheToken()
    {
        var clock = new FakeClock();
        var pause = new RetryPause();
        var slow = new RateLimiter(3, 1, clock, pause);
        var fast = new RateLimiter(10, 1, clock, pause);
        var otherToken = new RateLimiter(10, 1, clock);

        slow.PauseFor(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), fast.Reserve());
        Assert.Equal(TimeSpan.Zero, otherToken.Reserve());
    }

    [Fact]
    public void ASecondRateForTheSameTokenDoesNotChangeTheFirst()
    {
        var first = RateLimiter.ForToken("key-two-rates-test", 3, 1);

        var second = RateLimiter.ForToken("key-two-rates-test", 5, 1);

        Assert.NotSame(first, second);
        Assert.Equal(3, first.RequestsPerSecond);
        Assert.Equal(5, second.RequestsPerSecond);
        Assert.Same(first, RateLimiter.ForToken("key-two-rates-test", 3, 1));
    }

    [Fact]
    public void RejectsANegativeRate()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RateLimiter(-1, 1, new FakeClock()));
        Assert.Equal("requestsPerSecond", error.ParamName);
    }

    [Fact]
    public void SharesOneLimiterPerTokenAcrossCallers()
    {
        var first = RateLimiter.ForToken("key-shared-test", 3, 1);
        var second = RateLimiter.ForToken("key-shared-test", 3, 1);
        var other = RateLimiter.ForToken("key-other-test", 3, 1);

        Assert.Same(first, second);
        Assert.NotSame(first, other);
    }
}
