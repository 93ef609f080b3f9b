using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Two columns whose names differ only in case (Name, the title, and name, a text column), which Notion allows and a
/// PowerShell object cannot hold: the one whose name sorts first by character code keeps it, the other is
/// "name (column)", on every path, and no value is lost.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class CaseTwinColumnsTests : RowsTestBase
{
    private const string Version = "2026-03-11";

    /// <summary>Each row as "title|text", read from Notion's own objects (not the row objects under test).</summary>
    private const string RawCells = "Get-NotionDatabaseRow $db -Raw | ForEach-Object { $_.properties['Name'].title[0].plain_text + '|' + $_.properties['name'].rich_text[0].plain_text } | Sort-Object";

    public CaseTwinColumnsTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private static JsonObject TwinColumn() => new() { ["name"] = new JsonObject { ["type"] = "rich_text" } };

    [Fact]
    public async Task ARowHoldsBothColumnsAndWritesEachBackToItsOwn()
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Twins", TwinColumn());
        await SeedRowsAsync(dataSourceId, new[] { new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Upper", ["name"] = "lower" } } });
        Connect(Version);

        var read = Session.Run("$row = Get-NotionDatabaseRow $db; $row.Name; $row.'name (column)'", Vars(("db", databaseId)));
        Assert.Empty(read.Errors);
        Assert.Equal(new object[] { "Upper", "lower" }, read.Output.Select(o => o.BaseObject));

        var written = Session.Run(
            "$row = Get-NotionDatabaseRow $db; $row.Name = 'Upper set'; $row.'name (column)' = 'lower set'; $null = $row | Set-NotionDatabaseRow\n" +
            "$null = [pscustomobject]@{ Name = 'Added'; 'name (column)' = 'added lower' } | Add-NotionDatabaseRow $db\n" +
            RawCells,
            Vars(("db", databaseId)));
        Assert.Empty(written.Errors);
        Assert.Equal(new object[] { "Added|added lower", "Upper set|lower set" }, written.Output.Select(o => o.BaseObject));

        var synced = Session.Run(
            "$rows = Get-NotionDatabaseRow $db | ForEach-Object { $_.'name (column)' += '!'; $_ }\n" +
            "$null = $rows | Sync-NotionDatabaseRow -DatabaseId $db -Key Name -Confirm:$false\n" + RawCells,
            Vars(("db", databaseId)));
        Assert.Empty(synced.Errors);
        Assert.Equal(new object[] { "Added|added lower!", "Upper set|lower set!" }, synced.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public async Task ExportsKeepBothColumnsAndImportsRestoreThem()
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Twins export", TwinColumn());
        await SeedRowsAsync(dataSourceId, new[] { new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Upper", ["name"] = "lower" } } });
        var (fromJson, _) = await NewDatabaseAsync("Twins from JSON");
        var (fromCsv, _) = await NewDatabaseAsync("Twins from CSV", TwinColumn());
        var folder = Directory.CreateTempSubdirectory("notionps-twins-").FullName;
        Connect(Version);
        var vars = Vars(("db", databaseId), ("json", Path.Combine(folder, "b.json")), ("csv", Path.Combine(folder, "b.csv")), ("toJson", fromJson), ("toCsv", fromCsv));

        var exported = Session.Run("Export-NotionDatabase -DatabaseId $db -Path $json; Export-NotionDatabase -DatabaseId $db -Path $csv; Import-Csv $csv | ForEach-Object { $_.Name; $_.'name (column)' }", vars);
        Assert.Empty(exported.Errors);
        Assert.Equal(new object[] { "Upper", "lower" }, exported.Output.Select(o => o.BaseObject));

        var imported = Session.Run(
            "Import-NotionDatabase -Path $json -DatabaseId $toJson -CreateMissingColumns | Out-Null; Import-NotionDatabase -Path $csv -DatabaseId $toCsv | Out-Null\n" +
            "$db = $toJson; " + RawCells + "; $db = $toCsv; " + RawCells,
            vars);
        Assert.Empty(imported.Errors);
        Assert.Equal(new object[] { "Upper|lower", "Upper|lower" }, imported.Output.Select(o => o.BaseObject));
    }

    /// <summary>
    /// The name a row gives a column ("name (column)" for a case twin, "Url (column)" for a column named like a row's own
    /// property) names that column wherever a column is named: -Sort, -Where, -MatchOn and a cell's key.
    /// </summary>
    [Fact]
    public async Task TheNameARowGivesAColumnNamesItInSortWhereAndMatchOn()
    {
        var columns = TwinColumn();
        columns["Url"] = new JsonObject { ["type"] = "url" };
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Twins query", columns);
        await SeedRowsAsync(dataSourceId, new[]
        {
            new JsonObject { ["properties"] = new JsonObject { ["Name"] = "A", ["name"] = "b", ["Url"] = "https://example.com/2" } },
            new JsonObject { ["properties"] = new JsonObject { ["Name"] = "B", ["name"] = "a", ["Url"] = "https://example.com/1" } },
        });
        Connect(Version);

        var read = Session.Run(
            "(Get-NotionDatabaseRow $db -Sort 'name (column)').Name -join ','\n" +
            "(Get-NotionDatabaseRow $db -Sort @{ Property = 'Url (column)'; Direction = 'Descending' }).Name -join ','\n" +
            "(Get-NotionDatabaseRow $db -Where @{ 'name (column)' = 'b' }).Name\n" +
            "(Get-NotionDatabaseRow $db -Where @{ 'url (column)' = 'https://example.com/1' }).Name",
            Vars(("db", databaseId)));
        Assert.Empty(read.Errors);
        Assert.Equal(new object[] { "B,A", "A,B", "A", "B" }, read.Output.Select(o => o.BaseObject));

        var upserted = Session.Run(
            "$null = @{ Name = 'A set'; 'name (column)' = 'b'; 'Url (column)' = 'https://example.com/3' } | Add-NotionDatabaseRow $db -MatchOn 'name (column)'\n" +
            "$null = Set-NotionDatabaseRow -PageId (Get-NotionDatabaseRow $db -Where @{ Name = 'B' }).PageId -Property @{ 'url (column)' = 'https://example.com/4' }\n" +
            "Get-NotionDatabaseRow $db -Sort Name | ForEach-Object { $_.Name + '|' + $_.'name (column)' + '|' + $_.'Url (column)' }",
            Vars(("db", databaseId)));
        Assert.Empty(upserted.Errors);
        Assert.Equal(new object[] { "A set|b|https://example.com/3", "B|a|https://example.com/4" }, upserted.Output.Select(o => o.BaseObject));
    }

    /// <summary>
    /// A name that matches both twins in other cases only (NAME), as a cell's key (Add, Set, Sync) or a CSV header, is NotionColumnAmbiguous
    /// naming how to name each, not NotionUnknownColumn listing the very columns it matches; -IgnoreUnknownProperty does
    /// not leave it out, as it is not unknown. Nothing is written.
    /// </summary>
    [Fact]
    public async Task AWrittenNameMatchingBothTwinsInOtherCasesIsAmbiguousEvenWithIgnoreUnknownProperty()
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Twins ambiguous", TwinColumn());
        var pageId = (await SeedRowsAsync(dataSourceId, new[] { new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Upper", ["name"] = "lower" } } })).Single();
        var csv = Path.Combine(Directory.CreateTempSubdirectory("notionps-twins-").FullName, "shouting.csv");
        File.WriteAllText(csv, "NAME,Notes\nx,y\n");
        Connect(Version);

        var result = Session.Run(
            "$null = [pscustomobject]@{ NAME = 'x'; Notes = 'y' } | Add-NotionDatabaseRow $db\n" +
            "$null = [pscustomobject]@{ NAME = 'x'; Notes = 'y' } | Add-NotionDatabaseRow $db -IgnoreUnknownProperty\n" +
            "$null = Set-NotionDatabaseRow -PageId $page -Property @{ NAME = 'x'; Notes = 'y' } -IgnoreUnknownProperty\n" +
            "$null = Import-NotionDatabase -Path $csv -DatabaseId $db\n" +
            "$null = [pscustomobject]@{ Notes = 'y'; NAME = 'x' } | Sync-NotionDatabaseRow $db -Key Notes -IgnoreUnknownProperty -Confirm:$false\n" +
            RawCells,
            Vars(("db", databaseId), ("page", pageId), ("csv", csv)));

        Assert.Equal(5, result.Errors.Count);
        Assert.All(result.Errors, error =>
        {
            Assert.StartsWith("NotionColumnAmbiguous,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("'NAME' matches the columns 'Name' and 'name', whose names differ only in case. Name one exactly as the column has it, or as a row does: 'Name', 'name (column)'.", error.ToString(), StringComparison.Ordinal);
        });
        Assert.Equal(new object[] { "Upper|lower" }, result.Output.Select(o => o.BaseObject));
    }

    /// <summary>-MatchOn, and Sync's -Key and -Property, naming both twins in other cases only stop the command as ambiguous, not as no column.</summary>
    [Theory]
    [InlineData("Add-NotionDatabaseRow $db -MatchOn NAME", "-MatchOn")]
    [InlineData("Sync-NotionDatabaseRow $db -Key NAME -Confirm:$false", "-Key")]
    [InlineData("Sync-NotionDatabaseRow $db -Key Notes -Property NAME -Confirm:$false", "-Property")]
    public async Task AParameterNamingBothTwinsInOtherCasesIsAmbiguous(string command, string parameter)
    {
        var (databaseId, _) = await NewDatabaseAsync("Twins parameter", TwinColumn());
        Connect(Version);

        var result = Session.Run("@{ Notes = 'y'; Name = 'x' } | " + command, Vars(("db", databaseId)));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("NotionColumnAmbiguous,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.StartsWith(parameter + ": 'NAME' matches the columns 'Name' and 'name', whose names differ only in case.", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task TheSchemaNamesEachColumnsPropertyOnARow()
    {
        var (databaseId, _) = await NewDatabaseAsync("Twins schema", TwinColumn());
        Connect(Version);

        var result = Session.Run("(Get-NotionDatabaseSchema $db).Columns | Where-Object Name -eq 'name' | ForEach-Object { $_.Name; $_.RowPropertyName }", Vars(("db", databaseId)));

        Assert.Empty(result.Errors);
        Assert.Equal(new object[] { "Name", "Name", "name", "name (column)" }, result.Output.Select(o => o.BaseObject));
    }

    /// <summary>Tab offers both twins, each as itself (an exact name picks its column), where vault names are one ignoring case.</summary>
    [Fact]
    public async Task ColumnCompletionOffersBothTwins()
    {
        var (databaseId, _) = await NewDatabaseAsync("Twin completion", TwinColumn());
        Connect(Version);

        var offered = Complete($"Get-NotionDatabaseRow -DatabaseId {databaseId} -Sort na");

        Assert.Equal(new[] { "Name", "name" }, offered.Select(completion => completion.CompletionText));
    }

    [Fact]
    public async Task SaveNotionFileColumnTakesTheNameARowGivesAFilesColumnAndPicksOneTwin()
    {
        var (databaseId, _) = await NewDatabaseAsync("Twin files", new JsonObject { ["Files"] = new JsonObject { ["type"] = "files" }, ["files"] = new JsonObject { ["type"] = "files" } });
        var host = new TextCaptureHost();
        using var console = Emulator.NewSession(host);
        Connect(Version, console);

        // -WhatIf counts the files chosen: one in Files, two in its twin files. A page ID is read, so its columns have their own names there.
        var result = console.Run(
            "$row = @{ Name = 'Twins'; Files = 'https://example.com/a.pdf'; 'files (column)' = 'https://example.com/b.pdf', 'https://example.com/c.pdf' } | Add-NotionDatabaseRow $db\n" +
            "foreach ($column in 'files (column)', 'files', 'Files') { Save-NotionFile -PageId $row.PageId -Destination $out -Column $column -WhatIf; $row | Save-NotionFile -Destination $out -Column $column -WhatIf }",
            Vars(("db", databaseId), ("out", Path.GetTempPath())));

        Assert.Empty(result.Errors);
        Assert.Equal(new[] { "2", "2", "2", "2", "1", "1" }, host.WhatIfLines.Select(line => Regex.Match(line, "Save ([0-9]+) file").Groups[1].Value));
    }
}
