using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NotionPS.Operations;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Get-NotionDatabaseRow with -First (and -Skip): the read goes ahead of the rows written and, in created order, in
/// slices side by side, as a full read does, yet writes exactly the rows of a full read and asks no page for rows it
/// cannot use. Each query's page size is seen through a proxy in front of the emulator.
/// </summary>
public partial class RequestCountTests
{
    private static readonly DateTime FirstMinute = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// The most requests a limited read sends beyond the same read one page at a time (the worst case stated on
    /// SliceSchedule): the newest-row probe, a part page at each boundary of the slices it reads, and the pages read
    /// ahead by slices it never reaches, whole buffers of every chain but the page it ends in.
    /// </summary>
    private static int WorstCaseExtraRequests(int slicesRead) =>
        1 + (slicesRead - 1) + (SlicePlanner.MaximumChains * SlicePlanner.SlicePages) - 1;

    /// <summary>A data source of rows created at the given times, named so that a sort by Name is the reverse of created order.</summary>
    private async Task<string> SourceCreatedAtAsync(string title, IReadOnlyList<DateTime> created)
    {
        var (_, dataSourceId) = await NewDatabaseAsync(title);
        await SeedRowsAsync(dataSourceId, created.Select((time, i) => new JsonObject
        {
            ["createdTime"] = time.ToString("o", CultureInfo.InvariantCulture),
            ["properties"] = new JsonObject { ["Name"] = $"R{created.Count - i:00000}" },
        }));
        return dataSourceId;
    }

    private static List<DateTime> Minutes(int count, int perMinute, int fromMinute = 0) =>
        Enumerable.Range(0, count).Select(i => FirstMinute.AddMinutes(fromMinute + (i / perMinute))).ToList();

    /// <summary>The page IDs of a full read (the reference), after which the proxy forgets its queries.</summary>
    private List<string> FullRead(RecordingProxy proxy, string dataSourceId, string arguments = "")
    {
        var result = Session.Run($"Get-NotionDatabaseRow -DataSourceId $ds {arguments} | ForEach-Object PageId", Vars(("ds", dataSourceId)));
        Assert.Empty(result.Errors);
        proxy.Clear();
        return result.Output.Select(id => (string)id.BaseObject).ToList();
    }

    /// <summary>
    /// A read with <paramref name="arguments"/>: its page IDs, its -Verbose lines, and whether
    /// <paramref name="queriesAtFirstRow"/> queries had been sent by the time its first row was written (the
    /// downstream command waits for them there: a read one page at a time sends the next only after the page's rows).
    /// </summary>
    private (List<string> Ids, bool ReadAhead, ScriptResult Result) LimitedRead(RecordingProxy proxy, string dataSourceId, string arguments, int queriesAtFirstRow)
    {
        var result = Session.Run(
            $"$readAhead = $null; Get-NotionDatabaseRow -DataSourceId $ds {arguments} -Verbose | ForEach-Object {{ if ($null -eq $readAhead) {{ $readAhead = $proxy.WaitForQueries($queries) }}; $_.PageId }}; $readAhead",
            Vars(("ds", dataSourceId), ("proxy", proxy), ("queries", queriesAtFirstRow)));
        Assert.Empty(result.Errors);
        var ids = result.Output.Take(result.Output.Count - 1).Select(id => (string)id.BaseObject).ToList();
        return (ids, (bool)result.Output[^1].BaseObject, result);
    }

    /// <summary>The slices a read said it cut the rest into, plus the first; 1 when it was not cut.</summary>
    private static int SlicesRead(ScriptResult result)
    {
        var line = result.Verbose.Select(record => record.Message).SingleOrDefault(message => message.Contains("slices of created time", StringComparison.Ordinal));
        return line == null ? 1 : int.Parse(line.Split(" in ")[1].Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Reads too short to be cut (no newest-row probe: after the second page fewer than 200 rows are wanted) or not in
    /// created order: one chain, each page at most the rows still wanted, the next page asked for while one is written.
    /// </summary>
    [Theory]
    [InlineData("", "-First 250", 0, 250, 2, new[] { 100, 100, 50 })]
    [InlineData("", "-Skip 150 -First 120", 150, 120, 3, new[] { 100, 100, 70 })] // the first row written is on the second page
    [InlineData("-Sort Name", "-Sort Name -First 250", 0, 250, 2, new[] { 100, 100, 50 })] // Name sorts against created order
    public async Task ALimitedReadReadsAheadAndAsksForTheRowsItWritesOnly(string full, string limited, int skip, int first, int queriesAtFirstRow, int[] pageSizes)
    {
        var dataSourceId = await SourceCreatedAtAsync("Limited " + limited, Minutes(400, perMinute: 20));
        using var proxy = ConnectThroughProxy();
        var all = FullRead(proxy, dataSourceId, full);

        var (ids, readAhead, result) = LimitedRead(proxy, dataSourceId, limited, queriesAtFirstRow);

        Assert.True(readAhead, $"query {queriesAtFirstRow} is asked for before the rows of the page ahead of it are written");
        Assert.Equal(all.Skip(skip).Take(first), ids);
        Assert.Equal(1, SlicesRead(result));
        Assert.Equal(pageSizes, proxy.Queries.Select(query => query.PageSize));
    }

    [Fact]
    public async Task AFirstOf10000InCreatedOrderIsReadInSlicesAndWritesTheRowsOfAFullRead()
    {
        var dataSourceId = await SourceCreatedAtAsync("First 10000", Minutes(12_000, perMinute: 20));
        using var proxy = ConnectThroughProxy();
        var all = FullRead(proxy, dataSourceId);

        var (ids, readAhead, result) = LimitedRead(proxy, dataSourceId, "-First 10000", queriesAtFirstRow: 2);

        Assert.True(readAhead);
        Assert.Equal(all.Take(10_000), ids);
        var slices = SlicesRead(result);
        Assert.InRange(slices, 2, SlicePlanner.MaximumSlices);
        var pages = proxy.Queries.Where(query => !query.IsNewestRowProbe).ToList();
        Assert.Single(proxy.Queries, query => query.IsNewestRowProbe);
        Assert.All(pages, page => Assert.InRange(page.PageSize, 1, 100));
        Assert.InRange(proxy.Queries.Count, 100, 100 + WorstCaseExtraRequests(slices));

        // The slices cover only the created time the read is expected to reach: with rows as even as these, the rows
        // asked for beyond the 10,000 are at most a page per slice.
        Assert.InRange(pages.Sum(page => page.PageSize), 10_000, 10_000 + (100 * slices));
    }

    [Fact]
    public async Task SlicesAheadOfADenserFirstSliceCostNoMoreThanTheWorstCase()
    {
        // The first page finds a row a minute, so the first slice is cut 1,400 minutes on; but 5,000 rows come in the
        // next minutes: the read has its 3,000 rows inside the first slice, and the second reads ahead for nothing.
        var created = Minutes(100, perMinute: 1).Concat(Minutes(5_000, perMinute: 100, fromMinute: 100)).Concat(Minutes(2_900, perMinute: 1, fromMinute: 150)).ToList();
        var dataSourceId = await SourceCreatedAtAsync("Denser first slice", created);
        using var proxy = ConnectThroughProxy();
        var all = FullRead(proxy, dataSourceId);

        var (ids, _, result) = LimitedRead(proxy, dataSourceId, "-First 3000", queriesAtFirstRow: 2);

        Assert.Equal(all.Take(3_000), ids);
        var slices = SlicesRead(result);
        Assert.Equal(2, slices);
        Assert.InRange(proxy.Queries.Count, 30, 30 + WorstCaseExtraRequests(slices));
    }
}
