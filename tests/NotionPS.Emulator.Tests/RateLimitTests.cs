using System.Net;
using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;

namespace NotionPS.Emulator.Tests;

/// <summary>The per-integration token bucket, driven by a fake clock: no sleeps, no timing thresholds.</summary>
public sealed class RateLimitTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void BucketAllowsTheBurstThenRefillsAtTheAverage()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new RateLimiter(clock, requestsPerSecond: 3, burst: 10);
        var integration = Guid.NewGuid();

        Assert.Equal(10, Enumerable.Range(0, 10).Count(_ => limiter.TryAcquire(integration)));
        Assert.False(limiter.TryAcquire(integration));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, Enumerable.Range(0, 5).Count(_ => limiter.TryAcquire(integration)));

        clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.False(limiter.TryAcquire(integration));
        clock.Advance(TimeSpan.FromMilliseconds(40));
        Assert.True(limiter.TryAcquire(integration));
    }

    [Fact]
    public void BucketNeverHoldsMoreThanTheBurst()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new RateLimiter(clock, requestsPerSecond: 3, burst: 4);
        var integration = Guid.NewGuid();
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(4, Enumerable.Range(0, 10).Count(_ => limiter.TryAcquire(integration)));
    }

    [Fact]
    public void IntegrationsHaveSeparateBucketsAndZeroTurnsTheLimitOff()
    {
        var clock = new FakeTimeProvider(Start);
        var limiter = new RateLimiter(clock, requestsPerSecond: 1, burst: 1);
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        Assert.True(limiter.TryAcquire(first));
        Assert.False(limiter.TryAcquire(first));
        Assert.True(limiter.TryAcquire(second));

        limiter.Configure(requestsPerSecond: 0, burst: 1);
        Assert.All(Enumerable.Range(0, 50), _ => Assert.True(limiter.TryAcquire(first)));
    }

    [Fact]
    public async Task OverTheLimitTheApiAnswers429WithRetryAfterAndCountsIt()
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await TestEmulator.StartAsync(o =>
        {
            o.RateLimit = 3;
            o.RateLimitBurst = 2;
            o.RetryAfterSeconds = 7;
            o.TimeProvider = clock;
        });

        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync("v1/users/me")).Status);
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync("v1/users/me")).Status);
        var limited = await emulator.GetAsync("v1/users/me");
        limited.AssertError(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.Equal(TimeSpan.FromSeconds(7), limited.Headers.RetryAfter?.Delta);

        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync("v1/users/me", token: Demo.ReadOnlyToken)).Status);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync("v1/users/me")).Status);

        var stats = (await emulator.AdminAsync(HttpMethod.Get, "stats"))!["integrations"]!;
        Assert.Equal(4, (int?)stats[Demo.FullBotId]!["requests"]);
        Assert.Equal(1, (int?)stats[Demo.FullBotId]!["rateLimited"]);
        Assert.Equal(0, (int?)stats[Demo.ReadOnlyBotId]!["rateLimited"]);
    }

    [Fact]
    public async Task AdminApiChangesTheLimitAtRunTime()
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await TestEmulator.StartAsync(o => o.TimeProvider = clock);
        var settings = await emulator.AdminAsync(HttpMethod.Put, "rate-limit", new JsonObject { ["requestsPerSecond"] = 1, ["burst"] = 1, ["retryAfterSeconds"] = 3 });
        Assert.Equal(1, (double?)settings!["requestsPerSecond"]);

        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync("v1/users/me")).Status);
        var limited = await emulator.GetAsync("v1/users/me");
        limited.AssertError(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.Equal(TimeSpan.FromSeconds(3), limited.Headers.RetryAfter?.Delta);

        await emulator.AdminAsync(HttpMethod.Put, "rate-limit", new JsonObject { ["requestsPerSecond"] = 0 });
        Assert.All(await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => emulator.GetAsync("v1/users/me"))), r => Assert.Equal(HttpStatusCode.OK, r.Status));
    }
}
