using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Two tokens of one workspace (the demo's two integrations) reading one data source at once, one runspace each,
/// under a workspace budget the emulator enforces: what the workspace tests of -WorkspaceRequestsPerMinute share.
/// A derived class is in <see cref="EmulatorCollection"/> (the current connection is process-wide) with an emulator of its own.
/// </summary>
public abstract class WorkspaceReadTestBase(IsolatedEmulatorFixture emulator) : EmulatorTest(emulator)
{
    protected const string WorkspaceReason = "public_api_space_request_rate_limit";

    /// <summary>A data source shared with both integrations, with <paramref name="rows"/> rows; returns its ID and the rows' titles.</summary>
    protected async Task<(string DataSourceId, IReadOnlyList<string> Titles)> SharedDataSourceAsync(string title, int rows)
    {
        var database = await Emulator.AdminPostAsync("databases", new JsonObject
        {
            ["title"] = title,
            ["parent"] = RowsTestBase.TeamHomeId,
            ["sharedWith"] = new JsonArray("NotionPS Demo", "Read-only Reporter"),
            ["dataSources"] = new JsonArray(new JsonObject { ["name"] = title, ["properties"] = new JsonObject { ["Name"] = new JsonObject { ["type"] = "title" } } }),
        });
        var dataSourceId = (string)database["dataSources"]![0]!;
        var titles = Enumerable.Range(1, rows).Select(i => $"{title} {i}").ToList();
        await Emulator.AdminPostAsync($"data_sources/{dataSourceId}/rows", new JsonObject
        {
            ["rows"] = new JsonArray(titles.Select(name => (JsonNode)new JsonObject { ["properties"] = new JsonObject { ["Name"] = name } }).ToArray()),
        });
        return (dataSourceId, titles);
    }

    /// <summary>The emulator's workspace limit: this many requests of all the workspace's tokens per window, no limit per connection.</summary>
    protected async Task SetWorkspaceBudgetAsync(int requests, int windowSeconds)
    {
        using var response = await Emulator.Admin.PutAsJsonAsync("rate-limit", new
        {
            requestsPerSecond = 0, requestsPerMinute = 0, retryAfterSeconds = 1, workspaceRequestsPerWindow = requests, workspaceWindowSeconds = windowSeconds,
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Both tokens connect (with <paramref name="connectOptions"/>) and read the data source at once, each in its own runspace.</summary>
    protected async Task<ScriptResult[]> ReadWithBothTokensAsync(string dataSourceId, string connectOptions)
    {
        using var other = Emulator.NewSession();
        return await Task.WhenAll(
            Task.Run(() => Read(Session, EmulatorFixture.FullAccessToken, dataSourceId, connectOptions)),
            Task.Run(() => Read(other, EmulatorFixture.ReadOnlyToken, dataSourceId, connectOptions)));
    }

    /// <summary>The emulator's 429s for one integration, and its requests.</summary>
    protected async Task<(int Requests, int RateLimited)> CountsAsync(string integrationName)
    {
        var counters = await Emulator.IntegrationStatsAsync(integrationName);
        return ((int)counters["requests"]!, (int)counters["rateLimited"]!);
    }

    protected static IEnumerable<string> Titles(ScriptResult read) => read.Output.Select(row => (string)row.Properties["Name"].Value);

    /// <summary>Connects and reads; each verbose line of the read carries the time it was written, so a failure shows when each request went.</summary>
    private static ScriptResult Read(ModuleSession session, string token, string dataSourceId, string connectOptions) =>
        session.Run(
            $"$c = Connect-NotionIntegration -Token $workspaceToken -BaseUri $emu {connectOptions} -Verbose; " +
            "Get-NotionDatabaseRow -DataSourceId $dataSource -Connection $c -Verbose 4>&1 | ForEach-Object { " +
            "  if ($_ -is [System.Management.Automation.VerboseRecord]) { Write-Verbose ('{0:HH:mm:ss.ff} {1}' -f [datetime]::UtcNow, $_.Message) -Verbose } else { $_ } }",
            new Dictionary<string, object?> { ["workspaceToken"] = EmulatorFixture.Secure(token), ["dataSource"] = dataSourceId });

    /// <summary>Every verbose line of the reads, for a failure's message.</summary>
    protected static string VerboseOf(IEnumerable<ScriptResult> reads) => string.Join("\n", reads.SelectMany(read => read.Verbose).Select(line => line.Message));
}
