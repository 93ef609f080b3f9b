using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Get-NotionDatabaseRow -Sort finds its columns as -Where does: in any case, the exact name first when two columns
/// differ only in case; a name that matches none (or two) is refused before the query, where Notion would answer 400.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class SortColumnNameTests(EmulatorFixture emulator) : RowsTestBase(emulator)
{
    private static JsonObject Row(string name, int estimate, string text) =>
        new() { ["properties"] = new JsonObject { ["Name"] = name, ["Estimate"] = estimate, ["estimate"] = text } };

    private async Task<(string DatabaseId, string DataSourceId)> TwinsAsync()
    {
        // Estimate (a number) and estimate (text) sort the rows in opposite orders.
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Sort twins", new JsonObject { ["estimate"] = new JsonObject { ["type"] = "rich_text" } });
        await SeedRowsAsync(dataSourceId, new[] { Row("two", 2, "b"), Row("one", 1, "c"), Row("three", 3, "a") });
        return (databaseId, dataSourceId);
    }

    [Theory]
    [InlineData("-Sort Estimate", "one,two,three")]
    [InlineData("-Sort estimate", "three,two,one")]
    [InlineData("-Sort @{ property = 'Estimate'; direction = 'descending' }", "three,two,one")]
    [InlineData("-Sort PRIORITY, Estimate", "one,two,three")]
    [InlineData("-Sort @{ property = 'NaMe'; direction = 'descending' }", "two,three,one")]
    public async Task AColumnInAnyCaseSortsByItAndTheExactNameWins(string sort, string expected)
    {
        var (databaseId, _) = await TwinsAsync();
        Connect("2026-03-11");

        var read = Session.Run($"(Get-NotionDatabaseRow $db {sort}).Name -join ','", Vars(("db", databaseId)));

        Assert.Empty(read.Errors);
        Assert.Equal(expected, Assert.Single(read.Output).BaseObject);
    }

    [Theory]
    [InlineData("Nope", "NotionUnknownColumn", "No column named 'Nope'. The columns are: ")]
    [InlineData("ESTIMATE", "NotionColumnAmbiguous", "'ESTIMATE' matches the columns 'Estimate' and 'estimate'")]
    public async Task ANameThatMatchesNoOneColumnIsRefusedBeforeTheQuery(string name, string errorId, string message)
    {
        var (databaseId, dataSourceId) = await TwinsAsync();
        using var proxy = ConnectThroughProxy();

        var byDatabase = Session.Run("Get-NotionDatabaseRow $db -Sort $name", Vars(("db", databaseId), ("name", name)));
        var byDataSource = Session.Run("Get-NotionDatabaseRow -DataSourceId $ds -Sort @{ property = $name; direction = 'ascending' }", Vars(("ds", dataSourceId), ("name", name)));

        foreach (var result in new[] { byDatabase, byDataSource })
        {
            var error = Assert.Single(result.Errors);
            Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("-Sort: " + message, error.ToString(), StringComparison.Ordinal);
            Assert.Empty(result.Output);
        }

        Assert.DoesNotContain(proxy.Requests, request => request.EndsWith("/query", StringComparison.Ordinal));
    }

    /// <summary>-Where resolves names the same way, and an error names the parameter whose name it is.</summary>
    [Fact]
    public async Task WhereTellsAnAmbiguousNameFromAnUnknownOneAndEachErrorNamesItsParameter()
    {
        var (databaseId, _) = await TwinsAsync();
        Connect("2026-03-11");

        var ambiguous = Session.Run("Get-NotionDatabaseRow $db -Where @{ ESTIMATE = 1 } -Sort Name", Vars(("db", databaseId)));
        var sortOnly = Session.Run("Get-NotionDatabaseRow $db -Where @{ Estimate = 1 } -Sort Nope", Vars(("db", databaseId)));

        var error = Assert.Single(ambiguous.Errors);
        Assert.StartsWith("NotionColumnAmbiguous,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.StartsWith("-Where: 'ESTIMATE' matches the columns", error.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("-Sort: No column named 'Nope'.", Assert.Single(sortOnly.Errors).ToString(), StringComparison.Ordinal);
    }

    /// <summary>The columns are read where the rows are read anyway: a sort by name costs no request more than none.</summary>
    [Fact]
    public async Task SortingByAColumnNameCostsNoRequestMore()
    {
        var (databaseId, dataSourceId) = await TwinsAsync();
        using var proxy = ConnectThroughProxy();

        foreach (var target in new[] { $"-DatabaseId {databaseId}", $"-DataSourceId {dataSourceId}" })
        {
            var start = proxy.Requests.Count;
            Assert.Empty(Session.Run($"$null = Get-NotionDatabaseRow {target}").Errors);
            var unsorted = proxy.Requests.Count - start;
            var before = proxy.Requests.Count;
            Assert.Empty(Session.Run($"$null = Get-NotionDatabaseRow {target} -Sort nAmE").Errors);

            Assert.Equal(unsorted, proxy.Requests.Count - before);
        }
    }
}
