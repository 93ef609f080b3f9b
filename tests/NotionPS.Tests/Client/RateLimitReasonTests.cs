using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using Xunit;
using static NotionPS.Tests.Client.NotionClientTests;

namespace NotionPS.Tests.Client;

/// <summary>
/// Notion's two limits as the client meets them: which limit a 429 names (<c>rate_limit_reason</c>), whom its
/// Retry-After pauses (the token, or every token of the workspace), and a wait longer than the connection takes.
/// </summary>
public class RateLimitReasonTests
{
    private const string WorkspaceReason = "public_api_space_request_rate_limit";
    private const string ConnectionReason = "public_api_request_rate_limit";

    [Fact]
    public async Task AWorkspace429PausesEveryTokenOfTheWorkspaceButNoOtherWorkspace()
    {
        var clock = new StoppedClock();
        var workspace = new WorkspaceLimit(clock);
        var (drawing, sameWorkspace, otherWorkspace) = (new RateLimiter(0, 1, clock), new RateLimiter(0, 1, clock), new RateLimiter(0, 1, clock));
        drawing.JoinWorkspace(workspace);
        sameWorkspace.JoinWorkspace(workspace);
        otherWorkspace.JoinWorkspace(new WorkspaceLimit(clock));
        var client = Client(new ScriptedHandler(RateLimited(95, WorkspaceReason), Ok("{}")), clock, drawing, TimeSpan.FromSeconds(120));

        using (await client.GetPageAsync("p1", new RecordingLog(), CancellationToken.None))
        {
        }

        Assert.Equal(TimeSpan.FromSeconds(95), sameWorkspace.Reserve());
        Assert.Equal(TimeSpan.Zero, otherWorkspace.Reserve());
    }

    [Fact]
    public async Task AConnection429PausesOnlyItsOwnToken()
    {
        var clock = new StoppedClock();
        var workspace = new WorkspaceLimit(clock);
        var (drawing, sameWorkspace) = (new RateLimiter(0, 1, clock), new RateLimiter(0, 1, clock));
        drawing.JoinWorkspace(workspace);
        sameWorkspace.JoinWorkspace(workspace);
        var client = Client(new ScriptedHandler(RateLimited(20, ConnectionReason), Ok("{}")), clock, drawing);

        using (await client.GetPageAsync("p1", new RecordingLog(), CancellationToken.None))
        {
        }

        Assert.Equal(TimeSpan.FromSeconds(20), drawing.Reserve());
        Assert.Equal(TimeSpan.Zero, sameWorkspace.Reserve());
    }

    [Fact]
    public void ATokenWhoseWorkspaceIsUnknownPausesAloneForTheWorkspacesLimit()
    {
        var clock = new StoppedClock();
        var limiter = new RateLimiter(0, 1, clock);

        limiter.PauseFor(TimeSpan.FromSeconds(95), wholeWorkspace: true);

        Assert.Equal(TimeSpan.FromSeconds(95), limiter.Reserve());
    }

    [Fact]
    public async Task AWaitTheCapAllowsIsHonouredAndVerboseNamesTheLimit()
    {
        var clock = new FakeClock();
        var handler = new ScriptedHandler(RateLimited(95, WorkspaceReason), Ok("{}"));
        var log = new RecordingLog();

        using (await Client(handler, clock, new RateLimiter(0, 1, clock), TimeSpan.FromSeconds(120)).GetPageAsync("p1", log, CancellationToken.None))
        {
        }

        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains(TimeSpan.FromSeconds(95), clock.Delays);
        Assert.Contains(log.VerboseLines, line => line.Contains("waiting 95 s: the workspace's limit (public_api_space_request_rate_limit)"));
    }

    [Fact]
    public async Task AWaitOverTheCapIsAClearErrorAtOnceNotAHang()
    {
        var clock = new FakeClock();
        var handler = new ScriptedHandler(RateLimited(95, WorkspaceReason), Ok("{}"));

        var failure = await Assert.ThrowsAsync<NotionApiException>(() =>
            Client(handler, clock, new RateLimiter(0, 1, clock)).CreatePageAsync("ds1", new System.Text.Json.Nodes.JsonObject(), new RecordingLog(), CancellationToken.None));

        Assert.Single(handler.Requests);
        Assert.DoesNotContain(clock.Delays, delay => delay > TimeSpan.Zero);
        Assert.Equal("NotionRetryWaitTooLong", failure.ErrorId);
        Assert.Equal(("rate_limited", WorkspaceReason, TimeSpan.FromSeconds(95)), (failure.Code, failure.RateLimitReason, failure.RetryAfter!.Value));
        Assert.Contains("Notion asked to wait 95 s before the next request (the workspace's limit (public_api_space_request_rate_limit)), longer than the 60 s", failure.Message);
    }

    [Fact]
    public async Task TheErrorOfA429CarriesItsReason()
    {
        var clock = new FakeClock();
        var options = new NotionClientOptions { MaximumRetryCount = 0 };
        var client = new NotionClient(Secure("token-of-a-test"), options, clock, new RateLimiter(0, 1, clock), new ScriptedHandler(RateLimited(1, ConnectionReason)));

        var failure = await Assert.ThrowsAsync<NotionApiException>(() => client.GetPageAsync("p1", new RecordingLog(), CancellationToken.None));

        Assert.Equal("NotionRateLimited", failure.ErrorId);
        Assert.Equal(ConnectionReason, failure.RateLimitReason);
        Assert.Contains("(rate_limit_reason public_api_request_rate_limit)", failure.Message);
    }

    [Fact]
    public async Task A529IsWaitedOutLikeA429AndSaysSo()
    {
        var clock = new StoppedClock();
        var limiter = new RateLimiter(0, 1, clock);
        var log = new RecordingLog();
        var overloaded = Error(529, "service_overload");
        var handler = new ScriptedHandler(() => WithRetryAfter(overloaded(), 7), Ok("{}"));

        using (await Client(handler, clock, limiter).CreatePageAsync("ds1", new System.Text.Json.Nodes.JsonObject(), log, CancellationToken.None))
        {
        }

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(7), limiter.Reserve());
        Assert.Contains(log.VerboseLines, line => line.Contains("waiting 7 s: Notion is overloaded (service_overload)"));
    }

    [Fact]
    public void APerMinuteBudgetMayBeSpentAtOnceButNeverMoreInAnySixtyOneSeconds()
    {
        var clock = new FakeClock();
        var limiter = new RateLimiter(0, 1, clock, requestsPerMinute: 3);

        var waits = Enumerable.Range(0, 7).Select(_ => limiter.Reserve().TotalSeconds).ToList();
        clock.Advance(TimeSpan.FromSeconds(100));
        var afterAWhile = limiter.Reserve();

        Assert.Equal(new double[] { 0, 0, 0, 61, 61, 61, 122 }, waits);
        Assert.Equal(TimeSpan.FromSeconds(22), afterAWhile);
    }

    [Fact]
    public void APerMinuteBudgetResumesAfterARetryAfterPause()
    {
        var clock = new FakeClock();
        var limiter = new RateLimiter(0, 1, clock, requestsPerMinute: 100);
        limiter.PauseFor(TimeSpan.FromSeconds(12));

        Assert.Equal(TimeSpan.FromSeconds(12), limiter.Reserve());
    }

    [Fact]
    public void OneTokensRateNeverChangesAnothers()
    {
        var slow = RateLimiter.ForToken("key-one-token-test", 3, 1);
        var fast = RateLimiter.ForToken("key-another-token-test", 10, 1);
        var budget = RateLimiter.ForToken("key-a-third-token-test", 3, 1, requestsPerMinute: 180);

        Assert.Equal((3, 10, 0), (slow.RequestsPerSecond, fast.RequestsPerSecond, budget.RequestsPerSecond));
        Assert.NotSame(budget, RateLimiter.ForToken("key-a-third-token-test", 3, 1));
        Assert.Same(budget, RateLimiter.ForToken("key-a-third-token-test", 10, 4, requestsPerMinute: 180));
    }

    private static NotionClient Client(HttpMessageHandler handler, IClock clock, RateLimiter limiter, TimeSpan? longestWait = null) =>
        new(Secure("token-of-a-test"), new NotionClientOptions { MaximumRetryWait = longestWait ?? RetryPolicy.DefaultMaximumWait }, clock, limiter, handler);

    private static Func<HttpResponseMessage> RateLimited(int seconds, string reason) => () =>
        WithRetryAfter(
            new HttpResponseMessage((System.Net.HttpStatusCode)429)
            {
                Content = new StringContent(
                    $"{{\"object\":\"error\",\"status\":429,\"code\":\"rate_limited\",\"message\":\"You have been rate limited.\",\"request_id\":\"r1\",\"additional_data\":{{\"rate_limit_reason\":\"{reason}\",\"retry_after\":\"{seconds}\"}}}}"),
            },
            seconds);

    private static HttpResponseMessage WithRetryAfter(HttpResponseMessage response, int seconds)
    {
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        return response;
    }

    /// <summary>A clock that never moves, so a pause set by one call is still there for the next limiter to see.</summary>
    private sealed class StoppedClock : IClock
    {
        public TimeSpan Now { get; } = TimeSpan.FromHours(1);

        public DateTimeOffset UtcNow { get; } = DateTimeOffset.UtcNow;

        public List<TimeSpan> Delays { get; } = new();

        public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
        {
            Delays.Add(delay);
            return Task.CompletedTask;
        }
    }
}
