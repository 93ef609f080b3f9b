using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using Xunit;

namespace NotionPS.Tests.Client;

/// <summary>
/// A token's pace after 429s its own pacing did not foresee (another process spending the token): halved on a 429, down
/// to a floor, and raised by a tenth of the configured rate per clean step, never above it. On a clock that moves only
/// when told.
/// </summary>
public class AdaptivePacingTests
{
    private static readonly TimeSpan Third = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 3);

    [Fact]
    public void WithoutA429TheRateNeverChanges()
    {
        var clock = new FakeClock();
        var limiter = new RateLimiter(3, 1, clock);

        var waits = Enumerable.Range(0, 300).Select(_ => limiter.Reserve()).ToList();
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(Enumerable.Range(0, 300).Select(i => TimeSpan.FromTicks(i * Third.Ticks)), waits);
        Assert.Equal(3, limiter.CurrentRequestsPerSecond);
        Assert.False(limiter.TakeRestored());
    }

    [Fact]
    public void A429HalvesTheRateAndSpacesTheNextRequestsByIt()
    {
        var clock = new FakeClock();
        var limiter = new RateLimiter(3, 1, clock);
        Assert.True(limiter.SlowDown(Paced(limiter)));

        Assert.Equal(1.5, limiter.CurrentRequestsPerSecond);
        var first = limiter.Reserve();
        Assert.Equal(TimeSpan.FromTicks(TimeSpan.TicksPerSecond * 2 / 3), limiter.Reserve() - first);
        Assert.Equal("1.5 requests a second (of 3 configured)", limiter.DescribePace());
    }

    [Fact]
    public void RepeatedDecreasesStopAtAQuarterRequestASecond()
    {
        var clock = new FakeClock();
        var limiter = new RateLimiter(3, 1, clock);

        var rates = Enumerable.Range(0, 6).Select(_ =>
        {
            var lowered = limiter.SlowDown(Paced(limiter));
            return (lowered, limiter.CurrentRequestsPerSecond);
        }).ToList();

        Assert.Equal(new[] { (true, 1.5), (true, 0.75), (true, 0.375), (true, 0.25), (false, 0.25), (false, 0.25) }, rates);
    }

    [Fact]
    public void A429ForARequestPacedBeforeTheDecreaseDoesNotLowerAgain()
    {
        var clock = new FakeClock();
        var limiter = new RateLimiter(3, 1, clock);
        var (first, second) = (Paced(limiter), Paced(limiter));

        Assert.True(limiter.SlowDown(second));
        Assert.False(limiter.SlowDown(first));

        Assert.Equal(1.5, limiter.CurrentRequestsPerSecond);
    }

    [Fact]
    public void TheRateRecoversATenthOfTheConfiguredRatePerCleanTenSecondsAndNeverExceedsIt()
    {
        var clock = new FakeClock();
        var limiter = new RateLimiter(3, 1, clock);
        limiter.SlowDown(Paced(limiter));

        var rates = new[] { 9.9, 0.1, 10, 20, 10, 600 }.Select(seconds =>
        {
            clock.Advance(TimeSpan.FromSeconds(seconds));
            return Math.Round(limiter.CurrentRequestsPerSecond, 6);
        }).ToList();

        Assert.Equal(new[] { 1.5, 1.8, 2.1, 2.7, 3, 3 }, rates);
        Assert.True(limiter.TakeRestored());
        Assert.False(limiter.TakeRestored());
    }

    [Fact]
    public void ADecreaseDuringRecoveryHalvesTheRateInForce()
    {
        var clock = new FakeClock();
        var limiter = new RateLimiter(3, 1, clock);
        limiter.SlowDown(Paced(limiter));
        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.False(limiter.TakeRestored());
        Assert.True(limiter.SlowDown(Paced(limiter)));

        Assert.Equal(1.2, limiter.CurrentRequestsPerSecond, 6);
    }

    [Fact]
    public void ARateAtOrBelowTheFloorAndLimitingOffAreNeverLowered()
    {
        var clock = new FakeClock();
        var slow = new RateLimiter(0.2, 1, clock);
        var off = new RateLimiter(0, 1, clock);

        Assert.False(slow.SlowDown(Paced(slow)));
        Assert.False(off.SlowDown(Paced(off)));

        Assert.Equal(0.2, slow.CurrentRequestsPerSecond);
        Assert.All(Enumerable.Range(0, 20).Select(_ => off.Reserve()), wait => Assert.Equal(TimeSpan.Zero, wait));
    }

    [Fact]
    public void TheDecreaseHoldsForEveryLimiterOfTheTokenAndNoOtherToken()
    {
        var clock = new FakeClock();
        var (pause, pace) = (new RetryPause(), new TokenPace());
        var slow = new RateLimiter(3, 1, clock, pause, pace: pace);
        var fast = new RateLimiter(10, 1, clock, pause, pace: pace);
        var otherToken = new RateLimiter(10, 1, clock);

        slow.SlowDown(Paced(slow));

        Assert.Equal((1.5, 5.0, 10.0), (slow.CurrentRequestsPerSecond, fast.CurrentRequestsPerSecond, otherToken.CurrentRequestsPerSecond));
    }

    [Fact]
    public void ForTokenGivesEveryRateOfTheTokenOnePace()
    {
        var first = RateLimiter.ForToken("key-adaptive-pace-test", 3, 1);
        var second = RateLimiter.ForToken("key-adaptive-pace-test", 10, 1);
        var other = RateLimiter.ForToken("key-adaptive-pace-other-test", 10, 1);

        first.SlowDown(Paced(first));

        // Lowered to 5 (raised a step per 10 s of the system clock, so a slow test run may read 6): never back at 10 this soon.
        Assert.InRange(second.CurrentRequestsPerSecond, 5, 9);
        Assert.Equal(10, other.CurrentRequestsPerSecond);
    }

    [Fact]
    public void A429HalvesAPerMinuteBudgetWhichRecoversATenthPerCleanMinute()
    {
        var clock = new FakeClock();
        var limiter = new RateLimiter(0, 1, clock, requestsPerMinute: 40);

        Assert.True(limiter.SlowDown(Paced(limiter)));

        // The paced request and 19 more go at once, the 21st a minute (and the slack) later.
        var waits = Enumerable.Range(0, 20).Select(_ => limiter.Reserve()).ToList();
        Assert.Equal(Enumerable.Repeat(TimeSpan.Zero, 19).Append(TimeSpan.FromSeconds(61)), waits);
        Assert.Equal("20 requests a minute (of 40 configured)", limiter.DescribePace());
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(24, limiter.CurrentRequestsPerMinute);
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(40, limiter.CurrentRequestsPerMinute);
    }

    [Fact]
    public void ARecoveringBudgetStillCountsTheStartsBeforeTheDecrease()
    {
        var clock = new FakeClock();
        var limiter = new RateLimiter(0, 1, clock, requestsPerMinute: 40);
        var paced = Enumerable.Range(0, 40).Select(_ => Paced(limiter)).ToList();
        Assert.Equal(Enumerable.Repeat(TimeSpan.Zero, 40), clock.Delays);
        limiter.SlowDown(paced[^1]);

        clock.Advance(TimeSpan.FromSeconds(60));

        // 24 in force now, and the 40 starts of a minute ago are still within 61 s: the next waits for them to pass.
        Assert.Equal(24, limiter.CurrentRequestsPerMinute);
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.Reserve());
    }

    [Fact]
    public void ABudgetAtOrBelowFifteenAMinuteIsNeverLowered()
    {
        var limiter = new RateLimiter(0, 1, new FakeClock(), requestsPerMinute: 15);

        Assert.False(limiter.SlowDown(Paced(limiter)));

        Assert.Equal(15, limiter.CurrentRequestsPerMinute);
    }

    [Fact]
    public async Task AClientSaysInVerboseWhenItLowersThePaceAndWhenThePaceIsWholeAgain()
    {
        var clock = new FakeClock();
        var limiter = new RateLimiter(3, 1, clock);
        var handler = new NotionClientTests.ScriptedHandler(RateLimited(null), Page, Page);
        var client = new NotionClient(NotionClientTests.Secure("secret_adaptive_pace_token"), new NotionClientOptions(), clock, limiter, handler);
        var log = new RecordingLog();

        using (await client.CreatePageAsync("ds1", new JsonObject(), log, CancellationToken.None))
        {
        }

        Assert.Equal(1.5, limiter.CurrentRequestsPerSecond);
        clock.Advance(TimeSpan.FromSeconds(50));
        using (await client.CreatePageAsync("ds1", new JsonObject(), log, CancellationToken.None))
        {
        }

        Assert.Equal(3, limiter.CurrentRequestsPerSecond);
        var paceLines = log.VerboseLines.Where(line => line.StartsWith("Pacing this token", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, paceLines.Count);
        Assert.StartsWith("Pacing this token at 1.5 requests a second (of 3 configured) after a 429 its own pacing did not foresee", paceLines[0]);
        Assert.Equal("Pacing this token at 3 requests a second (of 3 configured) again: no 429 since it was lowered.", paceLines[1]);
        Assert.DoesNotContain(log.VerboseLines, line => line.Contains("secret_adaptive_pace_token"));
    }

    [Fact]
    public async Task AWorkspace429AndA529LeaveThePaceAsItIs()
    {
        var clock = new FakeClock();
        var limiter = new RateLimiter(3, 1, clock);
        var overloaded = () => WithRetryAfter(NotionClientTests.Error(529, "service_overload")());
        var handler = new NotionClientTests.ScriptedHandler(RateLimited("public_api_space_request_rate_limit"), overloaded, Page);
        var client = new NotionClient(NotionClientTests.Secure("secret_adaptive_pace_token"), new NotionClientOptions(), clock, limiter, handler);

        using (await client.CreatePageAsync("ds1", new JsonObject(), new RecordingLog(), CancellationToken.None))
        {
        }

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(3, limiter.CurrentRequestsPerSecond);
    }

    /// <summary>Waits for a slot as a request does and returns the pace version it was spaced at.</summary>
    private static int Paced(RateLimiter limiter)
    {
        limiter.WaitAsync(CancellationToken.None, out var version).GetAwaiter().GetResult();
        return version;
    }

    private static HttpResponseMessage Page() => NotionClientTests.Ok("{\"object\":\"page\",\"id\":\"p1\"}")();

    /// <summary>A 429 with Retry-After 1, for the limit <paramref name="reason"/> names (none: a 429 that names no limit).</summary>
    private static Func<HttpResponseMessage> RateLimited(string? reason) => () =>
    {
        var additional = reason == null ? string.Empty : $",\"additional_data\":{{\"rate_limit_reason\":\"{reason}\"}}";
        return WithRetryAfter(new HttpResponseMessage((HttpStatusCode)429)
        {
            Content = new StringContent($"{{\"object\":\"error\",\"status\":429,\"code\":\"rate_limited\",\"message\":\"Slow down.\"{additional}}}"),
        });
    };

    private static HttpResponseMessage WithRetryAfter(HttpResponseMessage response)
    {
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
        return response;
    }
}
