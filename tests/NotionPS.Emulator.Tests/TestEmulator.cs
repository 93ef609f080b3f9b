using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Tests;

/// <summary>
/// An emulator on 127.0.0.1 with a free port (a real socket) and a client that speaks to it. Functional tests
/// run with the rate limit off; the rate-limit tests switch it on with a fake clock.
/// </summary>
internal sealed class TestEmulator : IAsyncDisposable
{
    public const string DefaultVersion = "2025-09-03";

    private readonly EmulatorServer _server;

    private TestEmulator(EmulatorServer server)
    {
        _server = server;
        Http = new HttpClient { BaseAddress = server.BaseUri };
    }

    public HttpClient Http { get; }
    public Uri BaseUri => _server.BaseUri;

    public static async Task<TestEmulator> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { Urls = "http://127.0.0.1:0", RateLimit = 0, RetryAfterSeconds = 0 };
        configure?.Invoke(options);
        return new TestEmulator(await EmulatorServer.StartAsync(options));
    }

    public Task<Reply> GetAsync(string path, string? token = Demo.FullToken, string? version = DefaultVersion) =>
        SendAsync(HttpMethod.Get, path, body: null, token, version);

    public Task<Reply> PostAsync(string path, object? body, string? token = Demo.FullToken, string? version = DefaultVersion) =>
        SendAsync(HttpMethod.Post, path, body, token, version);

    public Task<Reply> PatchAsync(string path, object? body, string? token = Demo.FullToken, string? version = DefaultVersion) =>
        SendAsync(HttpMethod.Patch, path, body, token, version);

    /// <summary>Sends a request; a string body is sent as it is (to test malformed JSON), anything else as JSON.</summary>
    public Task<Reply> SendAsync(HttpMethod method, string path, object? body, string? token = Demo.FullToken, string? version = DefaultVersion) =>
        SendAsync(Http, method, path, body, token, version);

    /// <summary>
    /// Sends on a connection of its own. Where the server drops the connection, this keeps .NET from quietly
    /// resending the request, as it may when a pooled connection turns out to be closed.
    /// </summary>
    public async Task<Reply> SendOnNewConnectionAsync(HttpMethod method, string path, object? body)
    {
        using var client = new HttpClient { BaseAddress = BaseUri };
        return await SendAsync(client, method, path, body, Demo.FullToken, DefaultVersion);
    }

    /// <summary>Sends with a client of the caller's own, e.g. one per simulated client in a load test.</summary>
    public static async Task<Reply> SendAsync(HttpClient http, HttpMethod method, string path, object? body, string? token = Demo.FullToken, string? version = DefaultVersion)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Add("Authorization", $"Bearer {token}");
        }

        if (version is not null)
        {
            request.Headers.Add("Notion-Version", version);
        }

        if (body is not null)
        {
            var text = body as string ?? (body as JsonNode ?? System.Text.Json.JsonSerializer.SerializeToNode(body))!.ToJsonString();
            request.Content = new StringContent(text, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var content = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, content.Length == 0 ? null : JsonNode.Parse(content), response.Headers);
    }

    /// <summary>Calls the admin API and fails the test unless it succeeds.</summary>
    public async Task<JsonNode?> AdminAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        var reply = await SendAsync(method, "__emulator/" + path, body, token: null, version: null);
        Assert.True(reply.Status is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent, reply.Body?.ToJsonString());
        return reply.Body;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _server.DisposeAsync();
    }
}

internal sealed record Reply(HttpStatusCode Status, JsonNode? Body, System.Net.Http.Headers.HttpResponseHeaders Headers)
{
    public JsonNode Json => Body ?? throw new InvalidOperationException("The reply had no body.");

    /// <summary>Asserts Notion's error body: object, status, code, a message and a request_id.</summary>
    public string AssertError(HttpStatusCode status, string code)
    {
        Assert.Equal(status, Status);
        Assert.Equal("error", (string?)Json["object"]);
        Assert.Equal((int)status, (int?)Json["status"]);
        Assert.Equal(code, (string?)Json["code"]);
        Assert.True(Guid.TryParse((string?)Json["request_id"], out _), "request_id is a UUID");
        var message = (string?)Json["message"];
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message!;
    }
}
