using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Tests;

/// <summary>
/// The admin API needs no token, so it must answer only this machine: not a web page that rebinds its own DNS
/// name to 127.0.0.1, not a page of another site, and its settings must be in range.
/// </summary>
public sealed class AdminHardeningTests
{
    [Theory]
    [InlineData("GET", "stats")]
    [InlineData("POST", "reset")]
    [InlineData("POST", "faults")]
    [InlineData("PUT", "clock")]
    [InlineData("GET", "no-such-route")]
    public async Task RefusesAHostThatIsNotALoopbackName(string method, string path)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var request = Admin(emulator, method, path, """{"kind": "500"}""");
        request.Headers.Host = $"rebound.attacker.example:{emulator.BaseUri.Port}";

        var error = await SendAsync(emulator, request);

        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.Equal("restricted_resource", (string?)error.Json["code"]);
        Assert.Contains("\"rebound.attacker.example\"", (string?)error.Json["message"]);
        Assert.Empty((await emulator.AdminAsync(HttpMethod.Get, "faults"))!.AsArray());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("127.5.6.7")]
    [InlineData("[::1]")]
    public async Task AnswersEveryLoopbackName(string host)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var request = Admin(emulator, "GET", "stats", body: null);
        request.Headers.Host = $"{host}:{emulator.BaseUri.Port}";
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(emulator, request)).Status);
    }

    [Fact]
    public async Task RefusesAWebPageOfAnotherSiteEvenWithoutABody()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.AdminAsync(HttpMethod.Post, "faults", new JsonObject { ["kind"] = "500", ["count"] = 5 });
        using var request = Admin(emulator, "DELETE", "faults", body: null);
        request.Headers.Add("Origin", "https://attacker.example");

        var error = await SendAsync(emulator, request);

        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.Contains("https://attacker.example", (string?)error.Json["message"]);
        Assert.Single((await emulator.AdminAsync(HttpMethod.Get, "faults"))!.AsArray());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task RefusesABodyThatIsNotJson(string contentType)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var request = Admin(emulator, "POST", "faults", """{"kind": "500"}""", contentType);

        var error = await SendAsync(emulator, request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, error.Status);
        Assert.Equal("unsupported_media_type", (string?)error.Json["code"]);
        Assert.Contains("application/json", (string?)error.Json["message"]);
        Assert.Empty((await emulator.AdminAsync(HttpMethod.Get, "faults"))!.AsArray());
    }

    [Theory]
    [InlineData("faults", """{"kind": "stall", "stallMs": -1}""", "stallMs must be a whole number from 0 to 3600000, not -1.")]
    [InlineData("faults", """{"kind": "stall", "stallMs": 1.5}""", "stallMs must be a whole number from 0 to 3600000, not 1.5.")]
    [InlineData("faults", """{"kind": "stall", "stallMs": "soon"}""", "stallMs must be a whole number from 0 to 3600000, not \"soon\".")]
    [InlineData("faults", """{"kind": "stall", "stallms": 10}""", "Unknown setting \"stallms\"")]
    [InlineData("faults", """{"kind": "500", "count": 0}""", "count must be a whole number from 1 to")]
    [InlineData("faults", """{"kind": "500", "share": 2}""", "share must be a number from 0 to 1, not 2.")]
    [InlineData("faults", """{"kind": "500", "share": 0}""", "share must be greater than 0")]
    [InlineData("faults", """{"kind": 500}""", "kind must be a string, not 500.")]
    [InlineData("rate-limit", """{"requestsPerSecond": -5}""", "requestsPerSecond must be a number from 0 to 1000000, not -5.")]
    [InlineData("rate-limit", """{"requestsPerSecond": "fast"}""", "requestsPerSecond must be a number from 0 to 1000000, not \"fast\".")]
    [InlineData("rate-limit", """{"burst": 0}""", "burst must be a whole number from 1 to 1000000, not 0.")]
    [InlineData("rate-limit", """{"retryAfterSeconds": -1}""", "retryAfterSeconds must be a whole number from 0 to 86400, not -1.")]
    [InlineData("rate-limit", """{"rps": 3}""", "Unknown setting \"rps\"")]
    public async Task SettingsOutOfRangeAreRefusedAndChangeNothing(string path, string body, string expected)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var method = path == "faults" ? HttpMethod.Post : HttpMethod.Put;

        var reply = await emulator.SendAsync(method, "__emulator/" + path, body, token: null, version: null);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("validation_error", (string?)reply.Json["code"]);
        Assert.Contains(expected, (string?)reply.Json["message"]);
        Assert.Empty((await emulator.AdminAsync(HttpMethod.Get, "faults"))!.AsArray());
        Assert.Equal(0, (double?)(await emulator.AdminAsync(HttpMethod.Get, "rate-limit"))!["requestsPerSecond"]);
    }

    [Fact]
    public async Task TheClockSetThroughTheAdminApiDrivesTimestampsAndRelativeFilters()
    {
        var start = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        await using var emulator = await TestEmulator.StartAsync(o => o.TimeProvider = new FakeTimeProvider(start));
        var set = await emulator.AdminAsync(HttpMethod.Put, "clock", JsonNode.Parse("""{"now": "2025-01-31T10:00:00Z"}"""));
        Assert.Equal("2025-01-31T10:00:00.000Z", (string?)set!["now"]);

        var created = (await emulator.PostAsync("v1/pages", NewTask("Stamped"))).Json;
        Assert.Equal("2025-01-31T10:00:00.000Z", (string?)created["created_time"]);
        var recent = (await emulator.PostAsync($"v1/data_sources/{Demo.TasksDataSource}/query", JsonNode.Parse("""
            {"filter": {"timestamp": "created_time", "created_time": {"past_week": {}}}}
            """))).Json["results"]!.AsArray();
        Assert.Equal((string?)created["id"], (string?)Assert.Single(recent)!["id"]);

        await emulator.AdminAsync(HttpMethod.Post, "reset");
        Assert.Equal("2026-06-01T12:00:00.000Z", (string?)(await emulator.AdminAsync(HttpMethod.Get, "clock"))!["now"]);
    }

    [Fact]
    public async Task TheDateHeaderOfEveryAnswerFollowsTheEmulatorsClock()
    {
        // Notion's answers carry its time in Date; a client that takes "now" from it must see the skewed clock, not the host's.
        var start = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        await using var emulator = await TestEmulator.StartAsync(o => o.TimeProvider = new FakeTimeProvider(start));
        await emulator.AdminAsync(HttpMethod.Put, "clock", JsonNode.Parse("""{"now": "2025-01-31T10:00:07Z"}"""));

        var answered = await emulator.GetAsync("v1/users/me");
        var refused = await emulator.GetAsync("v1/users/me", token: "no-such-token");

        Assert.Equal(HttpStatusCode.OK, answered.Status);
        Assert.Equal(new DateTimeOffset(2025, 1, 31, 10, 0, 7, TimeSpan.Zero), answered.Headers.Date);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal(new DateTimeOffset(2025, 1, 31, 10, 0, 7, TimeSpan.Zero), refused.Headers.Date);
    }

    [Theory]
    [InlineData("""{"now": "31.01.2025"}""", "now needs an ISO 8601 date or date-time")]
    [InlineData("""{}""", "now is required")]
    [InlineData("""{"now": 5}""", "now must be a string")]
    public async Task ABadClockSettingIsRefused(string body, string expected)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = await emulator.SendAsync(HttpMethod.Put, "__emulator/clock", body, token: null, version: null);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains(expected, (string?)reply.Json["message"]);
    }

    private static JsonObject NewTask(string name) => new()
    {
        ["parent"] = new JsonObject { ["data_source_id"] = Demo.TasksDataSource },
        ["properties"] = new JsonObject { ["Name"] = new JsonObject { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = name } }) } },
    };

    private static HttpRequestMessage Admin(TestEmulator emulator, string method, string path, string? body, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(emulator.BaseUri, "__emulator/" + path));
        if (body is not null && method is "POST" or "PUT")
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        return request;
    }

    private static async Task<Reply> SendAsync(TestEmulator emulator, HttpRequestMessage request)
    {
        using var response = await emulator.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Headers);
    }
}
