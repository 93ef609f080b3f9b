using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Get-NotionDatabaseRow against answers slow enough that one chain of cursors cannot spend the rate limit:
/// the read is cut into slices of created time read side by side, and must still give every row once, in
/// created order, and stop cleanly.
/// </summary>
public sealed class SideBySideReadTests(LatentEmulatorFixture emulator) : RowsTestBase(emulator), IClassFixture<LatentEmulatorFixture>
{
    private static readonly DateTime FirstMinute = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A connection allowed 20 requests/s: a 150 ms answer is three intervals, so three chains.</summary>
    private void ConnectFast(string version, string extra = "") =>
        Session.Run($"$null = Connect-NotionIntegration -Token $token -BaseUri $emu -ApiVersion {version} -RequestsPerSecond 20 {extra}");

    /// <summary>Rows numbered 0..count-1 in Estimate, <paramref name="perMinute"/> created a minute; returns their page IDs in created order.</summary>
    private async Task<(string DataSourceId, IReadOnlyList<string> Ids)> SeededAsync(string title, int count, int perMinute) =>
        await SeededAsync(title, count, perMinute, (await NewDatabaseAsync(title)).DataSourceId);

    private async Task<(string DataSourceId, IReadOnlyList<string> Ids)> SeededAsync(string title, int count, int perMinute, string dataSourceId)
    {
        var ids = await SeedRowsAsync(dataSourceId, Enumerable.Range(0, count).Select(i => new JsonObject
        {
            ["createdTime"] = FirstMinute.AddMinutes(i / perMinute).ToString("o", CultureInfo.InvariantCulture),
            ["properties"] = new JsonObject { ["Name"] = $"Row {i}", ["Estimate"] = i, ["Done"] = i % 3 == 0 },
        }));
        return (dataSourceId, ids);
    }

    private static List<string> PageIds(ScriptResult result) => result.Output.Select(row => (string)row.Properties["PageId"].Value).ToList();

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task EveryRowComesOnceInCreatedOrderWhenSlicesAreReadSideBySide(string version)
    {
        ConnectFast(version);
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Side by side " + version);
        var (_, seeded) = await SeededAsync("Side by side " + version, 2_500, 20, dataSourceId);

        // By database ID: under 2022-06-28 there are no data sources, and a database is read as one.
        var result = Session.Run("Get-NotionDatabaseRow -DatabaseId $db -Verbose", new Dictionary<string, object?> { ["db"] = databaseId });

        Assert.Empty(result.Errors);
        Assert.Contains(result.Verbose, line => line.Message.Contains("slices of created time, 3 at a time"));
        Assert.Equal(seeded, PageIds(result));
    }

    /// <summary>Filters already two levels deep, as far as Notion allows: the slices' bounds must not add a level.</summary>
    public static TheoryData<string> DeepFilters => new()
    {
        // Done, and (any Estimate): the bounds join the caller's "and".
        """
        @{ and = @(
            @{ property = 'Done'; checkbox = @{ equals = $true } },
            @{ or = @(@{ property = 'Estimate'; number = @{ greater_than_or_equal_to = 0 } }, @{ property = 'Estimate'; number = @{ is_empty = $true } }) }) }
        """,
        // (Done and Estimate >= 0) or (Done and no Estimate): the bounds join each branch.
        """
        @{ or = @(
            @{ and = @(@{ property = 'Done'; checkbox = @{ equals = $true } }, @{ property = 'Estimate'; number = @{ greater_than_or_equal_to = 0 } }) },
            @{ and = @(@{ property = 'Done'; checkbox = @{ equals = $true } }, @{ property = 'Estimate'; number = @{ is_empty = $true } }) }) }
        """,
    };

    [Theory]
    [MemberData(nameof(DeepFilters))]
    public async Task AFilterWithItsOwnNestingIsKeptInEverySlice(string filter)
    {
        ConnectFast("2026-03-11");
        var (dataSourceId, seeded) = await SeededAsync("Filtered slices", 2_400, 20);

        var result = Session.Run($"Get-NotionDatabaseRow -DataSourceId $ds -Filter ({filter}) -Verbose", new Dictionary<string, object?> { ["ds"] = dataSourceId });

        Assert.Empty(result.Errors);
        Assert.Contains(result.Verbose, line => line.Message.Contains("slices of created time"));
        Assert.Equal(seeded.Where((_, i) => i % 3 == 0), PageIds(result));
    }

    [Fact]
    public async Task OneChainThatKeepsUpIsNotCutAndAsksNothingMore()
    {
        // At 0.5 requests/s a 150 ms answer fits in the 2 s interval: one chain, no question about the newest row.
        // The interval is that long so that even a loaded CI machine (seen: 1 s round trips) keeps one chain.
        Session.Run("$null = Connect-NotionIntegration -Token $token -BaseUri $emu -RequestsPerSecond 0.5");
        var (dataSourceId, seeded) = await SeededAsync("One chain", 350, 20);
        var before = (int)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["requests"]!;

        var result = Session.Run("Get-NotionDatabaseRow -DataSourceId $ds -Verbose", new Dictionary<string, object?> { ["ds"] = dataSourceId });

        Assert.Empty(result.Errors);
        Assert.DoesNotContain(result.Verbose, line => line.Message.Contains("slices"));
        Assert.Equal(seeded, PageIds(result));
        var requests = (int)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["requests"]! - before;
        Assert.Equal(1 + 4, requests); // the data source, then four pages
    }

    [Fact]
    public async Task AFailedPageInAnySliceEndsTheReadWithAnErrorAfterTheRowsBeforeIt()
    {
        ConnectFast("2026-03-11", "-MaximumRetryCount 0");
        var (dataSourceId, seeded) = await SeededAsync("Failing slice", 2_500, 20);
        // The sixth query fails: by then the slices are cut and read side by side.
        await AddFaultAsync(new JsonObject { ["kind"] = "500", ["count"] = 1, ["share"] = 1.0 / 6, ["method"] = "POST", ["path"] = "/v1/data_sources/*/query" });

        var result = Session.Run("Get-NotionDatabaseRow -DataSourceId $ds", new Dictionary<string, object?> { ["ds"] = dataSourceId });

        var error = Assert.Single(result.Errors);
        Assert.Equal("NotionServerError,NotionPS.Cmdlets.GetNotionDatabaseRowCommand", error.FullyQualifiedErrorId);
        var ids = PageIds(result);
        Assert.InRange(ids.Count, 1, seeded.Count - 1);
        Assert.Equal(seeded.Take(ids.Count), ids);
    }

    [Fact]
    public async Task StoppingTheReadStopsEveryChain()
    {
        ConnectFast("2026-03-11");
        var (dataSourceId, _) = await SeededAsync("Stopped read", 5_000, 20);
        using var ps = Session.CreatePowerShell();
        ps.AddScript("Get-NotionDatabaseRow -DataSourceId $ds").AddParameter("ds", dataSourceId);
        ps.Runspace.SessionStateProxy.SetVariable("ds", dataSourceId);
        var output = new PSDataCollection<PSObject>();
        var enough = new TaskCompletionSource();
        output.DataAdded += (_, _) =>
        {
            if (output.Count >= 500)
            {
                enough.TrySetResult();
            }
        };
        var running = ps.BeginInvoke<PSObject, PSObject>(null, output);
        await enough.Task.WaitAsync(TimeSpan.FromMinutes(1));

        await Task.Factory.FromAsync(ps.BeginStop(null, null), ps.EndStop).WaitAsync(TimeSpan.FromMinutes(1));
        // Requests already sent may still be answered; after that, nothing more is asked.
        await Task.Delay(TimeSpan.FromMilliseconds(4 * LatentEmulatorFixture.Latency));
        var afterStop = (int)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["requests"]!;
        await Task.Delay(TimeSpan.FromSeconds(1));
        var later = (int)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["requests"]!;

        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Assert.Equal(afterStop, later);
        Assert.InRange(output.Count, 500, 4_999);
    }
}
