using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Rows through the real Export-Csv and Import-Csv: Get-NotionDatabaseRow | Export-Csv, then Import-Csv |
/// Add-NotionDatabaseRow into a second database, under each API version. Every cell must come back equal.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class CsvRoundTripTests(EmulatorFixture emulator) : RowsTestBase(emulator), IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "NotionPS.Tests", "csv-" + Guid.NewGuid().ToString("N"))).FullName;

    public new void Dispose()
    {
        Directory.Delete(folder, recursive: true);
        base.Dispose();
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task EveryWritableColumnComesBackEqualThroughExportCsvAndImportCsv(string version)
    {
        Connect(version);
        var (_, parentsDataSource) = await NewDatabaseAsync("Parents " + version);
        var parents = await SeedRowsAsync(parentsDataSource, new[] { "P1", "P2", "P3" }.Select(name => new JsonObject { ["properties"] = new JsonObject { ["Name"] = name } }));
        var columns = new JsonObject
        {
            ["Parent"] = new JsonObject { ["type"] = "relation", ["data_source_id"] = parentsDataSource },
            ["Tags"] = new JsonObject { ["type"] = "multi_select", ["options"] = new JsonArray(RowCells.Tags.Select(tag => (JsonNode)new JsonObject { ["name"] = tag }).ToArray()) },
            ["Files"] = new JsonObject { ["type"] = "files" },
        };
        var (source, sourceDataSource) = await NewDatabaseAsync("CSV from " + version, columns);
        var (target, _) = await NewDatabaseAsync("CSV to " + version, columns);
        await SeedRowsAsync(sourceDataSource, new[]
        {
            new JsonObject { ["properties"] = new JsonObject
            {
                ["Name"] = "Full", ["Notes"] = "two\nlines, \"quoted\"; and a \\ backslash", ["Estimate"] = 2.5, ["Priority"] = "High", ["Status"] = "Done",
                ["Tags"] = new JsonArray("a", "semi; colon", "back\\slash", "naïve ✓"), ["Due"] = new JsonObject { ["start"] = "2026-03-01T09:30:00.000Z" }, ["Done"] = true,
                ["Link"] = "https://example.com/a?b=1;c=2", ["Email"] = "full@example.com", ["Phone"] = "+1 555 0100",
                ["Owner"] = new JsonArray(AdaId, GraceId), ["Parent"] = new JsonArray(parents[0], parents[1], parents[2]),
                ["Files"] = new JsonArray(RowCells.ExternalFile("https://example.com/report.pdf"), RowCells.ExternalFile("https://example.com/a;b,c.png")),
            } },
            new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Range", ["Due"] = new JsonObject { ["start"] = "2026-03-02", ["end"] = "2026-03-05" }, ["Owner"] = new JsonArray(GraceId), ["Parent"] = new JsonArray(parents[1]), ["Tags"] = new JsonArray("b") } },
            new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Day", ["Due"] = "2026-04-01", ["Estimate"] = -3 } },
            new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Empty" } },
        });
        var exported = Path.Combine(folder, "from.csv");
        var reexported = Path.Combine(folder, "to.csv");
        var vars = new Dictionary<string, object?> { ["from"] = source, ["to"] = target, ["exported"] = exported, ["reexported"] = reexported };

        var copied = Session.Run("Get-NotionDatabaseRow -DatabaseId $from | Export-Csv -Path $exported; Import-Csv -Path $exported | Add-NotionDatabaseRow -DatabaseId $to", vars);
        var original = Session.Run("Get-NotionDatabaseRow -DatabaseId $from -Sort Name", vars).Output;
        var copies = Session.Run("Get-NotionDatabaseRow -DatabaseId $to -Sort Name", vars).Output;
        Session.Run("Get-NotionDatabaseRow -DatabaseId $to | Export-Csv -Path $reexported", vars);

        Assert.Empty(copied.Errors);
        Assert.Equal(4, copied.Output.Count);
        Assert.Equal(4, copies.Count);

        // The exported text is readable: no type names, people by e-mail, dates in ISO 8601, the separator escaped.
        var text = File.ReadAllText(exported);
        Assert.DoesNotContain("System.", text);
        Assert.DoesNotContain("NotionPS.", text);
        Assert.Contains("\"a; semi\\; colon; back\\\\slash; naïve ✓\"", text);
        Assert.Contains("\"ada@acme.example; grace@acme.example\"", text);
        Assert.Contains($"\"{parents[0]}; {parents[1]}; {parents[2]}\"", text);
        Assert.Contains("\"2026-03-01T09:30:00.000Z\"", text);
        Assert.Contains("\"2026-03-02/2026-03-05\"", text);

        // Cell by cell: the values, and the text each exports as.
        Assert.Equal(Cells(original), Cells(copies));
        Assert.Equal(CsvCells(exported), CsvCells(reexported));
        var full = copies.Single(row => (string)row.Properties["Name"].Value == "Full");
        Assert.Equal(["a", "semi; colon", "back\\slash", "naïve ✓"], Assert.IsType<MultiValue>(full.Properties["Tags"].Value));
        Assert.Equal([AdaId, GraceId], Assert.IsType<NotionUserList>(full.Properties["Owner"].Value).Select(person => person.Id));
        Assert.Equal(parents, Assert.IsType<MultiValue>(full.Properties["Parent"].Value));
        Assert.Equal(["https://example.com/report.pdf", "https://example.com/a;b,c.png"], Assert.IsType<MultiValue>(full.Properties["Files"].Value));
        Assert.Equal(new DateTime(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc), ((PSObject)full.Properties["Due"].Value).BaseObject);
        Assert.Equal(2.5, full.Properties["Estimate"].Value);
        Assert.Equal(true, full.Properties["Done"].Value);
        var range = Assert.IsType<NotionDateRange>(copies.Single(row => (string)row.Properties["Name"].Value == "Range").Properties["Due"].Value);
        Assert.Equal((new DateTime(2026, 3, 2), (DateTime?)new DateTime(2026, 3, 5)), (range.Start, range.End));
    }

    /// <summary>Each writable cell of each row: its value's structure (items one by one, people by ID) and its text form.</summary>
    private static List<string> Cells(IEnumerable<PSObject> rows) => RowCells.Of(rows, RowCells.WritableColumns);

    /// <summary>The writable columns of an exported file, as Import-Csv reads them.</summary>
    private List<string> CsvCells(string path)
    {
        var rows = Session.Run("Import-Csv -Path $path | Sort-Object Name", new Dictionary<string, object?> { ["path"] = path }).Output;
        return RowCells.Texts(rows);
    }
}
