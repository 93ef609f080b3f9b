using System.Net;
using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;

namespace NotionPS.Emulator.Tests;

/// <summary>
/// Notion's two limits on a fake clock: the connection's (a bucket, or a budget per 60-second window) and the
/// workspace's, shared by all its tokens; each 429 names its limit in <c>additional_data.rate_limit_reason</c>.
/// </summary>
public sealed class WorkspaceRateLimitTests
{
    private const string ConnectionReason = "public_api_request_rate_limit";
    private const string WorkspaceReason = "public_api_space_request_rate_limit";
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AWindowBudgetMayBeSpentAtOnceAndComesBackWhenTheWindowResets()
    {
        var budget = new WindowBudget(3, TimeSpan.FromSeconds(60));
        var key = Guid.NewGuid();

        Assert.All(Enumerable.Range(0, 3), _ => Assert.Null(budget.TrySpend(key, Start)));
        Assert.Equal(TimeSpan.FromSeconds(45), budget.TrySpend(key, Start.AddSeconds(15)));
        Assert.Null(budget.TrySpend(Guid.NewGuid(), Start.AddSeconds(15)));
        Assert.Null(budget.TrySpend(key, Start.AddSeconds(60)));
    }

    [Fact]
    public async Task TheConnectionsBudgetPerMinuteAnswers429WithItsReasonAndTheTimeUntilTheWindowResets()
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await TestEmulator.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.RateLimitPerMinute = 5;
        });

        Assert.All(await Sequential(emulator, Demo.FullToken, 5), status => Assert.Equal(HttpStatusCode.OK, status));
        clock.Advance(TimeSpan.FromSeconds(20));
        var limited = await emulator.GetAsync("v1/users/me");
        limited.AssertError(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.Equal(ConnectionReason, (string?)limited.Json["additional_data"]!["rate_limit_reason"]);
        Assert.Equal(TimeSpan.FromSeconds(40), limited.Headers.RetryAfter?.Delta);
        Assert.Equal("40", (string?)limited.Json["additional_data"]!["retry_after"]);

        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync("v1/users/me", Demo.ReadOnlyToken)).Status);
        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync("v1/users/me")).Status);
    }

    [Fact]
    public async Task TheBucketsLimitNamesTheConnectionsReasonToo()
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await TestEmulator.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.RateLimit = 1;
            o.RateLimitBurst = 1;
            o.RetryAfterSeconds = 2;
        });

        await emulator.GetAsync("v1/users/me");
        var limited = await emulator.GetAsync("v1/users/me");
        limited.AssertError(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.Equal(ConnectionReason, (string?)limited.Json["additional_data"]!["rate_limit_reason"]);
        Assert.Equal(TimeSpan.FromSeconds(2), limited.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task TheWorkspacesBudgetIsSharedByEveryTokenAndItsRetryAfterMayPassAMinute()
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await TestEmulator.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.RateLimitPerMinute = 100;
            o.WorkspaceRateLimit = 4;
            o.WorkspaceRateLimitWindowSeconds = 120;
        });

        Assert.All(await Sequential(emulator, Demo.FullToken, 2), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.All(await Sequential(emulator, TokenKindsTests.AdaPatToken, 2), status => Assert.Equal(HttpStatusCode.OK, status));
        clock.Advance(TimeSpan.FromSeconds(25));

        var limited = await emulator.GetAsync("v1/users/me", Demo.ReadOnlyToken);
        limited.AssertError(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.Equal(WorkspaceReason, (string?)limited.Json["additional_data"]!["rate_limit_reason"]);
        Assert.Equal(TimeSpan.FromSeconds(95), limited.Headers.RetryAfter?.Delta);

        var stats = (await emulator.AdminAsync(HttpMethod.Get, "stats"))!;
        Assert.Equal(1, (int?)stats["rateLimitedByReason"]![WorkspaceReason]);
        Assert.Null(stats["rateLimitedByReason"]![ConnectionReason]);
        Assert.Equal(1, (int?)stats["integrations"]![Demo.ReadOnlyBotId]!["rateLimitedByReason"]![WorkspaceReason]);

        clock.Advance(TimeSpan.FromSeconds(95));
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync("v1/users/me", Demo.ReadOnlyToken)).Status);
    }

    [Fact]
    public async Task InjectedFaultsCarryAChosenReasonAndRetryAfterAnd529CarriesRetryAfterToo()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.RetryAfterSeconds = 3);
        await emulator.AdminAsync(HttpMethod.Post, "faults", new JsonObject { ["kind"] = "429", ["reason"] = WorkspaceReason, ["retryAfterSeconds"] = 95 });
        var space = await emulator.GetAsync("v1/users/me");
        Assert.Equal(WorkspaceReason, (string?)space.Json["additional_data"]!["rate_limit_reason"]);
        Assert.Equal(TimeSpan.FromSeconds(95), space.Headers.RetryAfter?.Delta);

        await emulator.AdminAsync(HttpMethod.Post, "faults", new JsonObject { ["kind"] = "529" });
        var overloaded = await emulator.GetAsync("v1/users/me");
        overloaded.AssertError((HttpStatusCode)529, "service_overload");
        Assert.Equal(TimeSpan.FromSeconds(3), overloaded.Headers.RetryAfter?.Delta);
        Assert.Equal("3", (string?)overloaded.Json["additional_data"]!["retry_after"]);

        var stats = (await emulator.AdminAsync(HttpMethod.Get, "stats"))!;
        Assert.Equal(1, (int?)stats["rateLimitedByReason"]![WorkspaceReason]);
    }

    [Fact]
    public async Task AReasonOnAFaultThatIsNot429IsRefused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = await emulator.SendAsync(HttpMethod.Post, "__emulator/faults", "{\"kind\":\"500\",\"reason\":\"x\"}", token: null, version: null);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("reason is for kind 429 only", (string?)reply.Json["message"]);
    }

    [Fact]
    public async Task TheAdminApiSetsEveryLimitAndResetGoesBackToTheSeeds()
    {
        var seed = Path.GetTempFileName();
        await File.WriteAllTextAsync(seed, """
            {"workspace": {"name": "Limited"},
             "people": [{"id": "c1a55e00-0000-4000-8000-000000000001", "name": "Ada"}],
             "integrations": [{"name": "Bot", "token": "bot-token"}],
             "rateLimits": {"requestsPerMinute": 180, "workspaceRequestsPerWindow": 1, "workspaceWindowSeconds": 300}}
            """);
        try
        {
            var clock = new FakeTimeProvider(Start);
            await using var emulator = await TestEmulator.StartAsync(o =>
            {
                o.SeedPath = seed;
                o.TimeProvider = clock;
            });
            var seeded = (await emulator.AdminAsync(HttpMethod.Get, "rate-limit"))!;
            Assert.Equal(180, (int?)seeded["requestsPerMinute"]);
            Assert.Equal(300, (int?)seeded["workspaceWindowSeconds"]);

            Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync("v1/users/me", "bot-token")).Status);
            var limited = await emulator.GetAsync("v1/users/me", "bot-token");
            Assert.Equal(TimeSpan.FromSeconds(300), limited.Headers.RetryAfter?.Delta);

            var changed = (await emulator.AdminAsync(HttpMethod.Put, "rate-limit", new JsonObject { ["workspaceRequestsPerWindow"] = 0 }))!;
            Assert.Equal(0, (int?)changed["workspaceRequestsPerWindow"]);
            Assert.Equal(180, (int?)changed["requestsPerMinute"]);
            Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync("v1/users/me", "bot-token")).Status);

            await emulator.AdminAsync(HttpMethod.Post, "reset");
            Assert.Equal(1, (int?)(await emulator.AdminAsync(HttpMethod.Get, "rate-limit"))!["workspaceRequestsPerWindow"]);
        }
        finally
        {
            File.Delete(seed);
        }
    }

    [Theory]
    [InlineData("{\"workspaceBudget\": 5}", "Unknown setting \"workspaceBudget\"")]
    [InlineData("{\"requestsPerMinute\": -1}", "Rate limits cannot be negative")]
    [InlineData("{\"workspaceWindowSeconds\": 0}", "workspaceWindowSeconds must be at least 1")]
    [InlineData("{\"requestsPerMinute\": \"lots\"}", "requestsPerMinute must be a whole number")]
    public async Task ABadSettingIsRefusedWithTheReasonAndChangesNothing(string body, string expected)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var before = (await emulator.AdminAsync(HttpMethod.Get, "rate-limit"))!.ToJsonString();
        var reply = await emulator.SendAsync(HttpMethod.Put, "__emulator/rate-limit", body, token: null, version: null);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains(expected, (string?)reply.Json["message"]);
        Assert.Equal(before, (await emulator.AdminAsync(HttpMethod.Get, "rate-limit"))!.ToJsonString());
    }

    private static async Task<List<HttpStatusCode>> Sequential(TestEmulator emulator, string token, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            statuses.Add((await emulator.GetAsync("v1/users/me", token)).Status);
        }

        return statuses;
    }
}
