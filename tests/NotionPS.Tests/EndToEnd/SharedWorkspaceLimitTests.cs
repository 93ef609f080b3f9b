using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Json;
using System.Threading.Tasks;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Notion's two limits against two tokens of one workspace: each has its own connection budget, and a smaller
/// workspace budget is shared by both. Two runspaces, each with its own token, read and write at once; the
/// workspace's 429s pause both, and every write lands exactly once.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class SharedWorkspaceLimitTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    private const string WorkspaceReason = "public_api_space_request_rate_limit";
    private const string SecondToken = "second-sync-token-of-a-test";
    private const int RowsPerRunspace = 4;

    [Fact]
    public async Task TwoTokensOfOneWorkspaceReadingAndWritingTogetherLoseNoWriteAndDoubleNone()
    {
        await Emulator.AdminPostAsync("integrations", new { name = "Second Sync", token = SecondToken });
        (await Emulator.Admin.PutAsync($"shares/{EmulatorFixture.TasksDatabaseId}/Second Sync", null)).EnsureSuccessStatusCode();
        using (var limits = await Emulator.Admin.PutAsJsonAsync("rate-limit", new
        {
            requestsPerSecond = 20, burst = 5, retryAfterSeconds = 1, workspaceRequestsPerWindow = 6, workspaceWindowSeconds = 1,
        }))
        {
            limits.EnsureSuccessStatusCode();
        }

        using var other = Emulator.NewSession();
        var runs = await Task.WhenAll(
            Task.Run(() => ReadAndWrite(Session, EmulatorFixture.FullAccessToken, "first")),
            Task.Run(() => ReadAndWrite(other, SecondToken, "second")));

        var stats = await Emulator.StatsAsync();
        using (var off = await Emulator.Admin.PutAsJsonAsync("rate-limit", new { workspaceRequestsPerWindow = 0 }))
        {
            off.EnsureSuccessStatusCode();
        }

        Assert.True((int?)stats["rateLimitedByReason"]?[WorkspaceReason] > 0, "the workspace's budget was never spent, so the test proved nothing: " + stats.ToJsonString());
        Assert.All(runs, run => Assert.Empty(run.Errors));
        Assert.All(new[] { "NotionPS Demo", "Second Sync" }, name =>
            Assert.Equal(RowsPerRunspace, (int?)stats["integrations"]!.AsObject().Select(pair => pair.Value!).Single(counters => (string?)counters["name"] == name)["pagesCreated"]));
        Assert.Contains(runs.SelectMany(run => run.Verbose), line => line.Message.Contains("the workspace's limit (public_api_space_request_rate_limit), for every connection of the workspace in this session"));

        var titles = await Emulator.QueryTitlesAsync(EmulatorFixture.TasksDataSourceId, "shared-limit ");
        var expected = new[] { "first", "second" }.SelectMany(tag => Enumerable.Range(1, RowsPerRunspace).Select(i => $"shared-limit {tag} {i}"));
        Assert.Equal(expected.OrderBy(t => t), titles.OrderBy(t => t));
    }

    /// <summary>Connects with its own token, then interleaves writes with reads of the same database.</summary>
    private static ScriptResult ReadAndWrite(ModuleSession session, string token, string tag) =>
        session.Run(
            "$c = Connect-NotionIntegration -Token $sharedToken -BaseUri $emu -RequestsPerSecond 0 -MaximumRetryCount 20; " +
            "foreach ($i in 1..$rows) { " +
            "  [pscustomobject]@{ Name = \"shared-limit $tag $i\" } | Add-NotionDatabaseRow -DatabaseId $tasks -Connection $c -Verbose | Out-Null; " +
            "  Get-NotionDatabaseRow -DatabaseId $tasks -Connection $c -First 5 -Verbose | Out-Null }",
            new Dictionary<string, object?>
            {
                ["sharedToken"] = EmulatorFixture.Secure(token),
                ["tag"] = tag,
                ["rows"] = RowsPerRunspace,
                ["tasks"] = EmulatorFixture.TasksDatabaseId,
            });
}
