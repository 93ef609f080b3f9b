using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Tests;

public sealed class FaultTests
{
    [Theory]
    [InlineData(429, "rate_limited")]
    [InlineData(500, "internal_server_error")]
    [InlineData(502, "bad_gateway")]
    [InlineData(503, "service_unavailable")]
    [InlineData(504, "gateway_timeout")]
    [InlineData(529, "service_overload")]
    public async Task NextRequestsAnswerTheChosenStatusInNotionsBody(int status, string code)
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.AdminAsync(HttpMethod.Post, "faults", new JsonObject { ["kind"] = status.ToString(), ["count"] = 2 });
        (await emulator.GetAsync("v1/users/me")).AssertError((HttpStatusCode)status, code);
        (await emulator.GetAsync("v1/users/me")).AssertError((HttpStatusCode)status, code);
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync("v1/users/me")).Status);

        var counters = (await emulator.AdminAsync(HttpMethod.Get, "stats"))!["integrations"]![Demo.FullBotId]!;
        Assert.Equal(2, (int?)counters["faultsInjected"]);
        Assert.Equal(status == 429 ? 2 : 0, (int?)counters["rateLimited"]);
    }

    [Fact]
    public async Task Injected429CarriesRetryAfter()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.RetryAfterSeconds = 2);
        await emulator.AdminAsync(HttpMethod.Post, "faults", new JsonObject { ["kind"] = "429" });
        var reply = await emulator.GetAsync("v1/users/me");
        Assert.Equal(TimeSpan.FromSeconds(2), reply.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task AShareFailsDeterministically()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.AdminAsync(HttpMethod.Post, "faults", new JsonObject { ["kind"] = "503", ["share"] = 0.5 });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await emulator.GetAsync("v1/users/me")).Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable], statuses);
        await emulator.AdminAsync(HttpMethod.Delete, "faults");
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync("v1/users/me")).Status);
        Assert.Empty((await emulator.AdminAsync(HttpMethod.Get, "faults"))!.AsArray());
    }

    [Fact]
    public async Task FaultsCanTargetAMethodAndPath()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.AdminAsync(HttpMethod.Post, "faults", new JsonObject { ["kind"] = "502", ["method"] = "POST", ["path"] = "/v1/data_sources/*/query" });
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync($"v1/data_sources/{Demo.TasksDataSource}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await emulator.PostAsync("v1/search", new JsonObject())).Status);
        (await emulator.PostAsync($"v1/data_sources/{Demo.TasksDataSource}/query", new JsonObject())).AssertError(HttpStatusCode.BadGateway, "bad_gateway");
        Assert.Equal(HttpStatusCode.OK, (await emulator.PostAsync($"v1/data_sources/{Demo.TasksDataSource}/query", new JsonObject())).Status);
    }

    [Fact]
    public async Task AbortDropsTheConnectionAndCreatesNothing()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.AdminAsync(HttpMethod.Post, "faults", new JsonObject { ["kind"] = "abort", ["path"] = "/v1/pages" });
        var body = JsonNode.Parse($$"""{"parent": {"data_source_id": "{{Demo.TasksDataSource}}"}, "properties": {} }""");
        await Assert.ThrowsAsync<HttpRequestException>(() => emulator.SendOnNewConnectionAsync(HttpMethod.Post, "v1/pages", body));
        Assert.Equal(HttpStatusCode.OK, (await emulator.PostAsync("v1/pages", body)).Status);
        var counters = (await emulator.AdminAsync(HttpMethod.Get, "stats"))!["integrations"]![Demo.FullBotId]!;
        Assert.Equal(1, (int?)counters["pagesCreated"]);
    }

    [Theory]
    [InlineData("abort-after")]
    [InlineData("abort-midway")]
    public async Task AbortAfterAndAbortMidwayDoTheWorkThenLoseTheAnswer(string kind)
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.AdminAsync(HttpMethod.Post, "faults", new JsonObject { ["kind"] = kind, ["method"] = "POST", ["path"] = "/v1/pages" });
        var body = JsonNode.Parse($$"""{"parent": {"data_source_id": "{{Demo.TasksDataSource}}"}, "properties": {"Name": {"title": [{"text": {"content": "Lost answer"} }]} } }""");
        await Assert.ThrowsAsync<HttpRequestException>(() => emulator.SendOnNewConnectionAsync(HttpMethod.Post, "v1/pages", body));

        var counters = (await emulator.AdminAsync(HttpMethod.Get, "stats"))!["integrations"]![Demo.FullBotId]!;
        Assert.Equal(1, (int?)counters["pagesCreated"]);
        var filter = JsonNode.Parse("""{"filter": {"property": "Name", "title": {"equals": "Lost answer"} } }""");
        Assert.Single((await emulator.PostAsync($"v1/data_sources/{Demo.TasksDataSource}/query", filter)).Json["results"]!.AsArray());
    }

    [Fact]
    public async Task AbortMidwaySendsTheHeadersAndHalfTheBodyThenClosesTheConnection()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var whole = await ReadUsersMeAsync(emulator);
        await emulator.AdminAsync(HttpMethod.Post, "faults", new JsonObject { ["kind"] = "abort-midway", ["path"] = "/v1/users/me" });

        using var client = new HttpClient { BaseAddress = emulator.BaseUri };
        using var response = await client.SendAsync(UsersMeRequest(), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(whole.Length, response.Content.Headers.ContentLength);
        var received = new MemoryStream();
        await Assert.ThrowsAnyAsync<IOException>(() => response.Content.ReadAsStream().CopyToAsync(received));

        Assert.Equal(whole[..(whole.Length / 2)], received.ToArray());
        Assert.Equal(whole, await ReadUsersMeAsync(emulator));
        Assert.Empty((await emulator.AdminAsync(HttpMethod.Get, "faults"))!.AsArray());
    }

    [Fact]
    public async Task RewriteSendsTheHandledAnswerWithOneTextReplacedByteForByte()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var whole = Encoding.UTF8.GetString(await ReadUsersMeAsync(emulator));
        await emulator.AdminAsync(HttpMethod.Post, "faults", new JsonObject { ["kind"] = "rewrite", ["path"] = "/v1/users/me", ["find"] = "\"name\":\"", ["replace"] = "\"name\":\"\\ud800" });

        var rewritten = Encoding.UTF8.GetString(await ReadUsersMeAsync(emulator));

        Assert.Contains("\"name\":\"", whole);
        Assert.Equal(whole.Replace("\"name\":\"", "\"name\":\"\\ud800"), rewritten);
        Assert.Equal(whole, Encoding.UTF8.GetString(await ReadUsersMeAsync(emulator)));
    }

    private static HttpRequestMessage UsersMeRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "v1/users/me");
        request.Headers.Add("Authorization", $"Bearer {Demo.FullToken}");
        request.Headers.Add("Notion-Version", TestEmulator.DefaultVersion);
        return request;
    }

    private static async Task<byte[]> ReadUsersMeAsync(TestEmulator emulator)
    {
        using var response = await emulator.Http.SendAsync(UsersMeRequest());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>
    /// A client that gives up on a stalled request is seen to go: the stats count the request abandoned. The client gives up
    /// once the emulator has drawn the stall (its fault count says so), not after a fixed time: a 200 ms timeout could end
    /// before a cold emulator on a busy machine reached the fault, which then stalled the next request instead.
    /// </summary>
    [Fact]
    public async Task AClientGivingUpOnAStalledRequestIsCountedAsAbandoned()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.AdminAsync(HttpMethod.Post, "faults", new JsonObject { ["kind"] = "stall", ["stallMs"] = 60_000 });
        JsonNode Counters() => emulator.AdminAsync(HttpMethod.Get, "stats").GetAwaiter().GetResult()!["integrations"]![Demo.FullBotId]!;
        using var giveUp = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/users/me");
        request.Headers.Add("Authorization", $"Bearer {Demo.FullToken}");
        request.Headers.Add("Notion-Version", TestEmulator.DefaultVersion);
        using var impatient = new HttpClient { BaseAddress = emulator.BaseUri };
        var stalled = impatient.SendAsync(request, giveUp.Token);

        // The bounds only keep a broken emulator from hanging the run.
        Assert.True(SpinWait.SpinUntil(() => (int?)Counters()["faultsInjected"] == 1, TimeSpan.FromSeconds(30)));
        Assert.False(stalled.IsCompleted);
        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stalled);
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync("v1/users/me")).Status);
        Assert.True(SpinWait.SpinUntil(() => (int?)Counters()["requestsAbandoned"] == 1, TimeSpan.FromSeconds(30)));
    }

    /// <summary>
    /// A hold keeps each request it draws until the admin API releases it: the held requests are listed, a release takes only
    /// those matching its method and path, and a release with neither takes the rest. No time is involved: a test goes on when
    /// it has seen what it waits for.
    /// </summary>
    [Fact]
    public async Task AHeldRequestWaitsUntilReleasedAndAReleaseTakesOnlyTheMatchingOnes()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.AdminAsync(HttpMethod.Post, "faults", new JsonObject { ["kind"] = "hold", ["method"] = "GET", ["path"] = "/v1/users/me" });
        await emulator.AdminAsync(HttpMethod.Post, "faults", new JsonObject { ["kind"] = "hold", ["method"] = "GET", ["path"] = "/v1/users" });

        var me = emulator.GetAsync("v1/users/me");
        var all = emulator.GetAsync("v1/users");
        Assert.True(SpinWait.SpinUntil(() => Held(emulator).Count == 2, TimeSpan.FromSeconds(30)));
        Assert.Equal(new[] { "GET /v1/users", "GET /v1/users/me" }, Held(emulator).Order());
        Assert.False(me.IsCompleted || all.IsCompleted);

        Assert.Equal(1, (int?)(await emulator.AdminAsync(HttpMethod.Post, "holds/release", new JsonObject { ["path"] = "/v1/users/me" }))!["released"]);
        Assert.Equal(HttpStatusCode.OK, (await me).Status);
        Assert.Equal(new[] { "GET /v1/users" }, Held(emulator));
        Assert.False(all.IsCompleted);

        Assert.Equal(1, (int?)(await emulator.AdminAsync(HttpMethod.Post, "holds/release"))!["released"]);
        Assert.Equal(HttpStatusCode.OK, (await all).Status);
        Assert.Empty(Held(emulator));
    }

    /// <summary>A held request whose client gives up leaves the list and counts as abandoned; a release then finds nothing.</summary>
    [Fact]
    public async Task AHeldRequestWhoseClientGivesUpLeavesNothingBehind()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.AdminAsync(HttpMethod.Post, "faults", new JsonObject { ["kind"] = "hold" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/users/me");
        request.Headers.Add("Authorization", $"Bearer {Demo.FullToken}");
        request.Headers.Add("Notion-Version", TestEmulator.DefaultVersion);
        using var giveUp = new CancellationTokenSource();

        var sent = emulator.Http.SendAsync(request, giveUp.Token);
        Assert.True(SpinWait.SpinUntil(() => Held(emulator).Count == 1, TimeSpan.FromSeconds(30)));
        giveUp.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sent);
        // Seen as soon as the connection closes; the bound only keeps a broken emulator from hanging the run.
        Assert.True(SpinWait.SpinUntil(
            () => Held(emulator).Count == 0
                && (int?)emulator.AdminAsync(HttpMethod.Get, "stats").GetAwaiter().GetResult()!["integrations"]![Demo.FullBotId]!["requestsAbandoned"] == 1,
            TimeSpan.FromSeconds(30)));
        Assert.Equal(0, (int?)(await emulator.AdminAsync(HttpMethod.Post, "holds/release"))!["released"]);
    }

    [Fact]
    public async Task AReleaseWithAnUnknownKeyIsRefused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = await emulator.SendAsync(HttpMethod.Post, "__emulator/holds/release", "{\"paths\": \"/v1/users/me\"}", token: null, version: null);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("validation_error", (string?)reply.Json["code"]);
    }

    /// <summary>The held requests as "METHOD path", from the admin API.</summary>
    private static List<string> Held(TestEmulator emulator) =>
        emulator.AdminAsync(HttpMethod.Get, "holds").GetAwaiter().GetResult()!.AsArray().Select(held => $"{held!["method"]} {held["path"]}").ToList();

    [Theory]
    [InlineData("{\"kind\": \"418\"}")]
    [InlineData("{\"kind\": \"503\", \"share\": 2}")]
    [InlineData("{\"kind\": \"503\", \"count\": 0}")]
    [InlineData("{}")]
    [InlineData("{\"kind\": \"503\", \"count\": \"many\"}")]
    [InlineData("{\"kind\": \"abort-midway\", \"count\": 0}")]
    [InlineData("{\"kind\": \"abort-midway\", \"retryAfterSeconds\": 1}")]
    [InlineData("{\"kind\": \"rewrite\", \"find\": \"a\"}")]
    [InlineData("{\"kind\": \"rewrite\", \"find\": \"\", \"replace\": \"b\"}")]
    [InlineData("{\"kind\": \"500\", \"find\": \"a\", \"replace\": \"b\"}")]
    [InlineData("{\"kind\": \"hold\", \"retryAfterSeconds\": 1}")]
    public async Task BadFaultRulesAreRefused(string body)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = await emulator.SendAsync(HttpMethod.Post, "__emulator/faults", body, token: null, version: null);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("validation_error", (string?)reply.Json["code"]);
    }
}
