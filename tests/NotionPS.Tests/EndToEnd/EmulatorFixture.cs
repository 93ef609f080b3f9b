using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NotionPS.Emulator;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// One emulator for the end-to-end tests, on 127.0.0.1 with a free port (real sockets), serving the
/// built-in demo workspace with the rate limit off and Retry-After 0 so functional tests stay fast.
/// Tests that change the workspace or set faults reset it when they finish.
/// </summary>
public class EmulatorFixture : IAsyncLifetime
{
    public const string FullAccessToken = "demo-token-full-access";
    public const string ReadOnlyToken = "demo-token-read-only";
    public const string TasksDatabaseId = "1a2b3c4d-5e6f-47a8-b9c0-d1e2f3a4b5c6";
    public const string TasksDataSourceId = "2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d";
    public const string PrivateNotesDatabaseId = "3c4d5e6f-7081-4b92-a0d1-e2f3a4b5c6d7";
    public const string ProjectsDatabaseId = "5e6f7081-92a3-4db4-92f3-a4b5c6d7e8f9";
    public const string LinkedDatabaseId = "8192a3b4-c5d6-4e07-b5c6-d7e8f9a0b1c2";
    public const string MeetingNotesPageId = "92a3b4c5-d6e7-4f18-86d7-e8f9a0b1c2d3";
    public const string TasksUrl = "https://www.notion.so/acme/Tasks-1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6?v=aaaabbbbccccddddeeeeffff00001111";
    public const string PrivateNotesUrl = "https://www.notion.so/acme/Private-Notes-3c4d5e6f70814b92a0d1e2f3a4b5c6d7?v=bbbbccccddddeeeeffff000011112222";

    private EmulatorServer? server;

    public Uri BaseUri => server!.BaseUri;

    public HttpClient Admin { get; } = new();

    /// <summary>Milliseconds the emulator adds to every API answer (none: the functional tests want speed).</summary>
    protected virtual int LatencyMs => 0;

    public async Task InitializeAsync()
    {
        server = await EmulatorServer.StartAsync(new EmulatorOptions { Urls = "http://127.0.0.1:0", RateLimit = 0, RetryAfterSeconds = 0, LatencyMs = LatencyMs });
        Admin.BaseAddress = new Uri(server.BaseUri, "__emulator/");
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        if (server != null)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>A hosted session with the module imported and $emu, $token, $readOnlyToken set.</summary>
    public ModuleSession NewSession(System.Management.Automation.Host.PSHost? host = null) =>
        Prepared(host == null ? new ModuleSession() : ModuleSession.WithHost(host));

    /// <summary>Sets a session up as <see cref="NewSession"/> does.</summary>
    public ModuleSession Prepared(ModuleSession session)
    {
        // Functional tests run with both limits off; the limiter has tests of its own.
        session.Run(
            "$PSDefaultParameterValues['Connect-NotionIntegration:RequestsPerSecond'] = 0",
            new System.Collections.Generic.Dictionary<string, object?>
            {
                ["emu"] = BaseUri.ToString(),
                ["token"] = Secure(FullAccessToken),
                ["readOnlyToken"] = Secure(ReadOnlyToken),
            });
        return session;
    }

    public static System.Security.SecureString Secure(string text)
    {
        var secure = new System.Security.SecureString();
        foreach (var character in text)
        {
            secure.AppendChar(character);
        }

        secure.MakeReadOnly();
        return secure;
    }

    public async Task<JsonNode> AdminPostAsync(string path, object body)
    {
        using var response = await Admin.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"admin {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(string.IsNullOrEmpty(text) ? "{}" : text)!;
    }

    public async Task<JsonNode> StatsAsync()
    {
        var text = await Admin.GetStringAsync("stats");
        return JsonNode.Parse(text)!;
    }

    public Task ResetAsync() => AdminPostAsync("reset", new { });

    /// <summary>From now on until the reset, every users/me answer has <paramref name="find"/> replaced by <paramref name="replace"/> (to plant a name).</summary>
    public Task RewriteUsersMeAsync(string find, string replace) =>
        AdminPostAsync("faults", new JsonObject { ["kind"] = "rewrite", ["path"] = "/v1/users/me", ["find"] = find, ["replace"] = replace, ["share"] = 1 });

    public async Task SetRateLimitAsync(double requestsPerSecond, int burst, int retryAfterSeconds)
    {
        using var response = await Admin.PutAsJsonAsync("rate-limit", new { requestsPerSecond, burst, retryAfterSeconds });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Counters of one integration (requests, rateLimited, faultsInjected, pagesCreated, pagesUpdated).</summary>
    public async Task<JsonNode> IntegrationStatsAsync(string integrationName)
    {
        var stats = await StatsAsync();
        return stats["integrations"]!.AsObject().Select(pair => pair.Value!).Single(counters => (string?)counters["name"] == integrationName);
    }

    /// <summary>Titles of the rows (not in the trash) whose title contains a text, read straight from the API.</summary>
    public async Task<IReadOnlyList<string>> QueryTitlesAsync(string dataSourceId, string titleContains) =>
        (await QueryRowsAsync(dataSourceId, titleContains))
            .Select(row => string.Concat(row!["properties"]!["Name"]!["title"]!.AsArray().Select(item => (string?)item!["plain_text"])))
            .ToList();

    /// <summary>The rows (not in the trash) whose title contains a text, as the API gives them.</summary>
    public async Task<JsonArray> QueryRowsAsync(string dataSourceId, string titleContains)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUri, $"v1/data_sources/{dataSourceId}/query"))
        {
            Content = JsonContent.Create(new { filter = new { property = "Name", title = new { contains = titleContains } } }),
        };
        request.Headers.Add("Authorization", "Bearer " + FullAccessToken);
        request.Headers.Add("Notion-Version", "2026-03-11");
        using var response = await Admin.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return body["results"]!.AsArray();
    }
}

[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    /// <summary>
    /// One collection for every test that hosts the module: the module's current connection is
    /// process-wide (as in a real session), so these tests run one at a time.
    /// </summary>
    public const string Name = "Hosted module against the emulator";
}

/// <summary>
/// An emulator of its own whose every answer takes 150 ms: with a client allowed 20 requests/s one chain
/// of cursors cannot keep up, so reads are cut into slices of created time read side by side.
/// </summary>
public sealed class LatentEmulatorFixture : EmulatorFixture
{
    public const int Latency = 150;

    protected override int LatencyMs => Latency;
}
