using System;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NotionPS.Emulator;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>One emulator on a free port for the end-to-end tests, with a small client for its admin API.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private readonly HttpClient admin = new();

    public EmulatorServer Server { get; private set; } = null!;

    public Uri BaseUri => Server.BaseUri;

    public async Task InitializeAsync() =>
        Server = await EmulatorServer.StartAsync(new EmulatorOptions { Urls = "http://127.0.0.1:0", RateLimit = 0, RetryAfterSeconds = 0 });

    public async Task DisposeAsync()
    {
        admin.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>Calls <c>/__emulator/{path}</c> and returns the JSON answer (null for 204).</summary>
    public async Task<JsonNode?> AdminAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUri, "__emulator/" + path));
        if (body != null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }
}

[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "Emulator";
}
