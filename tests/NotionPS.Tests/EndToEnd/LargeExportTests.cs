using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// 12,000 rows with every writable column type, past Notion's 10,000-row cap of one query, under 2025-09-03 and
/// 2026-03-11: exported to JSON and CSV, and the JSON backup imported into a new database New-NotionDatabase makes
/// from the backup's schema, which then holds the same rows cell by cell. The emulator runs without a rate limit. The managed memory
/// an export holds is measured for 1,200 and 12,000 rows and reported as a figure, never asserted.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class LargeExportTests(EmulatorFixture emulator, ITestOutputHelper output) : RowsTestBase(emulator), IDisposable
{
    private const int RowCount = 12_000;

    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "NotionPS.Tests", "large-" + Guid.NewGuid().ToString("N"))).FullName;

    public new void Dispose()
    {
        Directory.Delete(folder, recursive: true);
        base.Dispose();
    }

    [Theory]
    [MemberData(nameof(DataSourceVersions))]
    public async Task TwelveThousandRowsGoThroughABackupAndBackEachExactlyOnce(string version)
    {
        Connect(version);
        var parentsIds = await NewDatabaseAsync("Twelve thousand's parents " + version);
        var parents = await SeedRowsAsync(parentsIds.DataSourceId, Enumerable.Range(1, 20).Select(i => new JsonObject { ["properties"] = new JsonObject { ["Name"] = $"P{i}" } }));
        var extraColumns = new JsonObject
        {
            ["Parent"] = new JsonObject { ["type"] = "relation", ["data_source_id"] = parentsIds.DataSourceId, ["database_id"] = parentsIds.DatabaseId },
            ["Files"] = new JsonObject { ["type"] = "files" },
        };
        var (source, sourceDataSource) = await NewDatabaseAsync("Twelve thousand " + version, extraColumns);
        var (small, smallDataSource) = await NewDatabaseAsync("Twelve hundred " + version, (JsonObject)extraColumns.DeepClone());
        await SeedRowsAsync(sourceDataSource, Rows(RowCount, parents));
        await SeedRowsAsync(smallDataSource, Rows(RowCount / 10, parents));
        var json = Path.Combine(folder, "rows.json");
        var csv = Path.Combine(folder, "rows.csv");
        var vars = Vars(("from", source), ("small", small), ("json", json), ("csv", csv), ("smallJson", Path.Combine(folder, "small.json")), ("page", TeamHomeId));

        var smallPeak = PeakManagedBytes(() => Assert.Empty(Session.Run("Export-NotionDatabase $small $smallJson", vars).Errors));
        var peak = PeakManagedBytes(() => Assert.Empty(Session.Run("Export-NotionDatabase $from $json", vars).Errors));
        var toCsv = Session.Run("Export-NotionDatabase $from $csv", vars);
        var pagesCreatedBefore = (int)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["pagesCreated"]!;
        var created = Session.Run("New-NotionDatabase -ParentId $page -Title 'Twelve thousand, restored' -BackupPath $json", vars);
        Assert.Empty(created.Errors);
        vars["to"] = Assert.Single(created.Output).Properties["DatabaseId"].Value;
        var imported = Session.Run("Import-NotionDatabase $json $to -ThrottleLimit 16", vars);
        var pagesCreated = (int)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["pagesCreated"]! - pagesCreatedBefore;

        // The restored rows were all created within a few minutes: read in parts of under 10,000, each part past no cap.
        var original = Session.Run("Get-NotionDatabaseRow $from -Where @{ Done = $true }; Get-NotionDatabaseRow $from -Where @{ Done = $false }", vars);
        var restored = Session.Run("Get-NotionDatabaseRow $to -Where @{ Done = $true }; Get-NotionDatabaseRow $to -Where @{ Done = $false }", vars);

        output.WriteLine($"Peak managed memory over the start of an export: {smallPeak / 1024 / 1024.0:F1} MB for {RowCount / 10} rows, {peak / 1024 / 1024.0:F1} MB for {RowCount} rows; JSON file {new FileInfo(json).Length / 1024 / 1024.0:F1} MB.");
        Assert.Empty(toCsv.Errors);
        Assert.Empty(imported.Errors);
        using (var backup = JsonDocument.Parse(File.ReadAllText(json)))
        {
            var ids = backup.RootElement.GetProperty("rows").EnumerateArray().Select(row => row.GetProperty("pageId").GetString()).ToList();
            Assert.Equal(RowCount, ids.Count);
            Assert.Equal(RowCount, ids.Distinct().Count());
        }

        Assert.Equal(RowCount, Session.Run("(Import-Csv $csv).Count", vars).Output.Single().BaseObject);
        Assert.Equal(RowCount, pagesCreated);
        Assert.Empty(original.Errors);
        Assert.Empty(restored.Errors);
        Assert.Equal(RowCount, restored.Output.Count);
        Assert.Equal(RowCells.Of(original.Output, RowCells.WritableColumns).Order(StringComparer.Ordinal), RowCells.Of(restored.Output, RowCells.WritableColumns).Order(StringComparer.Ordinal));
    }

    /// <summary>Seven rows a minute, so the cap cuts through a minute and the read goes on by created time; every writable column filled.</summary>
    private static IEnumerable<JsonObject> Rows(int count, IReadOnlyList<string> parents)
    {
        var firstMinute = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return Enumerable.Range(0, count).Select(i => new JsonObject
        {
            ["createdTime"] = firstMinute.AddMinutes(i / 7).ToString("o", CultureInfo.InvariantCulture),
            ["properties"] = new JsonObject
            {
                ["Name"] = $"Row {i}",
                ["Estimate"] = i % 1000 / 8.0,
                ["Tags"] = new JsonArray(i % 2 == 0 ? "a" : "b"),
                ["Done"] = i % 3 == 0,
                ["Due"] = firstMinute.AddDays(i % 400).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["Notes"] = $"note {i}; with a \\ backslash",
                ["Priority"] = i % 2 == 0 ? "High" : "Low",
                ["Status"] = i % 5 == 0 ? "Done" : "Not started",
                ["Link"] = $"https://example.com/{i}",
                ["Email"] = $"row{i}@example.com",
                ["Phone"] = $"+1 555 {i % 10000:D4}",
                ["Owner"] = new JsonArray(i % 2 == 0 ? AdaId : GraceId),
                ["Parent"] = new JsonArray(parents[i % parents.Count], parents[(i + 1) % parents.Count]),
                ["Files"] = new JsonArray(RowCells.ExternalFile($"https://example.com/file{i}.pdf")),
            },
        });
    }

    /// <summary>
    /// The most live managed memory (after a full collection, taken every quarter second) while <paramref name="work"/>
    /// runs, over what it was before: garbage not yet collected would otherwise count. The in-process emulator's own
    /// allocations count too.
    /// </summary>
    private static long PeakManagedBytes(Action work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var peak = before;
        using var done = new ManualResetEventSlim();
        var sampler = Task.Run(() =>
        {
            while (!done.Wait(250))
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
            }
        });
        work();
        done.Set();
        sampler.Wait();
        return peak - before;
    }
}
