using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Rows are made through one shape per data source (issue 19), yet each must behave as a plain PSCustomObject
/// in the cmdlets users pipe rows into. Each test compares a read row with <c>$plain</c>: a PSCustomObject
/// built by PowerShell itself from the row's property names and values, with no type names of NotionPS.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class RowShapeTests(EmulatorFixture emulator) : RowsTestBase(emulator)
{
    /// <summary>Reads the rows into $rows and makes $plain, the same values as PowerShell's own PSCustomObjects.</summary>
    private const string ReadRows =
        "$rows = @(Get-NotionDatabaseRow -DataSourceId $ds -Sort Name); " +
        "$plain = @($rows | ForEach-Object { $copy = [ordered]@{}; foreach ($p in $_.PSObject.Properties) { $copy[$p.Name] = $p.Value }; [pscustomobject]$copy }); ";

    private async Task<string> SeededDataSourceAsync(string title)
    {
        Connect("2026-03-11");
        var (_, dataSource) = await NewDatabaseAsync(title);
        await SeedRowsAsync(dataSource, new[]
        {
            Row("Alpha", "High", true, 1, "2026-03-01", "a", "b"),
            Row("Beta", "Low", false, 2.5, "2026-03-02T09:30:00.000Z", "b"),
            Row("Gamma", "High", false, 3, null),
        });
        return dataSource;
    }

    private static JsonObject Row(string name, string priority, bool done, double estimate, string? due, params string[] tags)
    {
        var properties = new JsonObject { ["Name"] = name, ["Priority"] = priority, ["Done"] = done, ["Estimate"] = estimate, ["Tags"] = new JsonArray(tags.Select(t => (JsonNode)t).ToArray()) };
        if (due != null)
        {
            properties["Due"] = due;
        }

        return new JsonObject { ["properties"] = properties };
    }

    private IReadOnlyList<PSObject> Run(string dataSource, string script, string? copyDataSource = null)
    {
        var result = Session.Run(ReadRows + script, Vars(("ds", dataSource), ("copyDs", copyDataSource)));
        Assert.Empty(result.Errors);
        return result.Output;
    }

    private static string[] Texts(IEnumerable<PSObject> output) => output.Select(o => o.BaseObject.ToString()!).ToArray();

    [Fact]
    public async Task AtThePromptARowShowsItsColumnsAndIsoDates()
    {
        var dataSource = await SeededDataSourceAsync("Shape prompt");

        var shown = string.Join("\n", Texts(Run(dataSource, "$rows[0] | Out-String -Width 400")));

        Assert.Contains("Name", shown);
        Assert.Contains("Alpha", shown);
        Assert.Contains("2026-03-01", shown);
        Assert.DoesNotContain("PageId", shown);
        Assert.DoesNotContain("DataSourceId", shown);
    }

    [Fact]
    public async Task ExportCsvWritesWhatItWritesForPlainObjects()
    {
        var dataSource = await SeededDataSourceAsync("Shape csv");

        var output = Texts(Run(dataSource, "($rows | ConvertTo-Csv -NoTypeInformation) -join \"`n\"; ($plain | ConvertTo-Csv -NoTypeInformation) -join \"`n\""));

        Assert.Equal(output[1], output[0]);
        Assert.StartsWith("\"PageId\",\"DatabaseId\",\"DataSourceId\",\"Url\",\"CreatedTime\",\"LastEditedTime\",\"Name\"", output[0]);
        Assert.Contains("\"2026-03-02T09:30:00.000Z\"", output[0]);
    }

    [Fact]
    public async Task ConvertToJsonWritesWhatItWritesForPlainObjects()
    {
        var dataSource = await SeededDataSourceAsync("Shape json");

        var output = Texts(Run(dataSource, "$rows | ConvertTo-Json -Depth 4; $plain | ConvertTo-Json -Depth 4"));

        Assert.Equal(output[1], output[0]);
        var first = JsonNode.Parse(output[0])!.AsArray()[0]!.AsObject();
        Assert.Equal("Alpha", (string?)first["Name"]);
        Assert.Equal(new[] { "a", "b" }, first["Tags"]!.AsArray().Select(tag => (string?)tag));
    }

    [Fact]
    public async Task SelectObjectPicksAndExpandsColumns()
    {
        var dataSource = await SeededDataSourceAsync("Shape select");

        var output = Run(dataSource, "$rows | Select-Object Name, Estimate; $rows | Select-Object -ExpandProperty Name");

        Assert.Equal(new[] { "Name", "Estimate" }, output[0].Properties.Select(p => p.Name));
        Assert.Equal(2.5, output[1].Properties["Estimate"].Value);
        Assert.Equal(new[] { "Alpha", "Beta", "Gamma" }, output.Skip(3).Select(o => o.BaseObject));
    }

    [Fact]
    public async Task WhereObjectFiltersByColumnInBothForms()
    {
        var dataSource = await SeededDataSourceAsync("Shape where");

        var output = Run(dataSource, "($rows | Where-Object Done).Name; ($rows | Where-Object { $_.Estimate -gt 2 -and $_.Tags -contains 'b' }).Name; ($rows | Where-Object Due -Like '2026-03-0*').Name");

        Assert.Equal(new object[] { "Alpha", "Beta", "Alpha", "Beta" }, output.Select(o => o.BaseObject));
    }

    [Fact]
    public async Task GroupObjectGroupsByColumnAsForPlainObjects()
    {
        var dataSource = await SeededDataSourceAsync("Shape group");

        var output = Texts(Run(dataSource, "($rows | Group-Object Priority | ForEach-Object { \"$($_.Name)=$($_.Count)\" }) -join ','; ($plain | Group-Object Priority | ForEach-Object { \"$($_.Name)=$($_.Count)\" }) -join ','"));

        Assert.Equal("High=2,Low=1", output[0]);
        Assert.Equal(output[1], output[0]);
    }

    [Fact]
    public async Task FormatTableShowsTheChosenColumnsAsForPlainObjects()
    {
        var dataSource = await SeededDataSourceAsync("Shape table");

        var output = Texts(Run(dataSource, "$rows | Format-Table Name, Priority, Due | Out-String -Width 200; $plain | Format-Table Name, Priority, Due | Out-String -Width 200"));

        Assert.Equal(output[1], output[0]);
        Assert.Contains("Gamma", output[0]);
        Assert.Contains("2026-03-02T09:30:00.000Z", output[0]);
    }

    /// <summary>
    /// Changed with rows made as instances of a type of their data source (issue 19): Get-Member lists a row's columns
    /// as properties of its type ("Property"), no longer as note properties; a note property added is the row's own.
    /// </summary>
    [Fact]
    public async Task ARowTakesNewMembersAndGetMemberListsItsColumnsAsProperties()
    {
        var dataSource = await SeededDataSourceAsync("Shape members");

        var output = Run(dataSource,
            "$rows[0] | Add-Member -NotePropertyName Extra -NotePropertyValue 42 -PassThru | Select-Object -ExpandProperty Extra; " +
            "($rows[1] | Get-Member -MemberType Properties).Name -join ','; ($rows[1] | Get-Member -MemberType NoteProperty).Name -join ','; $rows[0].Extra");

        Assert.Equal(42, output[0].BaseObject);
        var properties = ((string)output[1].BaseObject).Split(',');
        Assert.Contains("Name", properties);
        Assert.Contains("PageId", properties);
        Assert.Contains("Tags", properties);
        Assert.Equal(string.Empty, output[2].BaseObject);
        Assert.Equal(42, output[3].BaseObject);
    }

    [Fact]
    public async Task ARowAsTextIsWhatAPlainObjectsTextIs()
    {
        var dataSource = await SeededDataSourceAsync("Shape text");

        var output = Texts(Run(dataSource, "\"$($rows[1])\"; \"$($plain[1])\"; $again = @(Get-NotionDatabaseRow -DataSourceId $ds -Sort Name); $again[1].Estimate = 8; ((Compare-Object $rows $again).SideIndicator | Sort-Object) -join ','; " +
            "$rows[2].Priority = $rows[2]; $plain[2].Priority = $plain[2]; \"$($rows[2])\"; \"$($plain[2])\""));

        Assert.Equal(output[1], output[0]);
        Assert.StartsWith("@{PageId=", output[0]);
        Assert.Contains("; Name=Beta; ", output[0]);
        Assert.Equal("<=,=>", output[2]);
        Assert.Equal(output[4], output[3]);
        Assert.Contains("; Priority=; ", output[3]);
    }

    [Fact]
    public async Task ACopyOfARowChangesWithoutChangingTheRow()
    {
        var dataSource = await SeededDataSourceAsync("Shape copy");

        var output = Run(dataSource, "$copy = $rows[0].PSObject.Copy(); $copy.Name = 'Changed'; $rows[0].Name; $copy.Name; $copy.PSObject.TypeNames[0] -eq $rows[0].PSObject.TypeNames[0]");

        Assert.Equal(new object[] { "Alpha", "Changed", true }, output.Select(o => o.BaseObject));
    }

    [Fact]
    public async Task ARowHoldingItselfIsRefusedAsCyclicAndTheOtherRowsAreWritten()
    {
        var dataSource = await SeededDataSourceAsync("Shape cyclic");

        var result = Session.Run(ReadRows + "$rows[0].Priority = $rows[0]; $rows[1].Estimate = 9; $rows[0], $rows[1] | Set-NotionDatabaseRow | Out-Null; (Get-NotionDatabaseRow -DataSourceId $ds -Where @{ Name = 'Beta' }).Estimate", Vars(("ds", dataSource)));

        Assert.Equal("NotionValueCyclic,NotionPS.Cmdlets.SetNotionDatabaseRowCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.Equal(9.0, Assert.Single(result.Output).BaseObject);
    }

    [Fact]
    public async Task ARowPipedBackIntoSetAndAddWritesItsColumns()
    {
        var dataSource = await SeededDataSourceAsync("Shape set");
        var (_, copyDataSource) = await NewDatabaseAsync("Shape copy");

        var output = Run(dataSource,
            "$rows[0].Estimate = 7; $rows[0] | Set-NotionDatabaseRow | Out-Null; " +
            "$rows | Add-NotionDatabaseRow -DataSourceId $copyDs | Out-Null; " +
            "(Get-NotionDatabaseRow -DataSourceId $ds -Where @{ Name = 'Alpha' }).Estimate; " +
            "(Get-NotionDatabaseRow -DataSourceId $copyDs -Sort Name | ForEach-Object { \"$($_.Name)|$($_.Priority)|$($_.Tags -join '+')|$($_.Due | ForEach-Object ToString)\" }) -join ','",
            copyDataSource);

        Assert.Equal(7.0, output[0].BaseObject);
        Assert.Equal("Alpha|High|a+b|2026-03-01,Beta|Low|b|2026-03-02T09:30:00.000Z,Gamma|High||", output[1].BaseObject);
    }
}
