using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// A collection given to -InputObject as an argument (not piped): Add and Sync take it row by row as if it had been
/// piped, each bad row failing alone and -DeleteMissing seeing every row; Set, which changes the one row -PageId
/// names, refuses a collection of several with a specific error.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class InputObjectCollectionTests(EmulatorFixture emulator) : RowsTestBase(emulator)
{
    [Fact]
    public async Task AddTakesACollectionRowByRowAndABadRowFailsAlone()
    {
        Connect("2026-03-11");
        var (databaseId, _) = await NewDatabaseAsync("Add from an array");

        var added = Session.Run(
            "$bad = @{ Name = 'B'; Nope = 1 }; Add-NotionDatabaseRow -DatabaseId $db -InputObject @(@{ Name = 'A' }, $bad, $null, [pscustomobject]@{ Name = 'C'; Estimate = 3 })",
            Vars(("db", databaseId)));
        var rows = Session.Run("Get-NotionDatabaseRow -DatabaseId $db -Sort Name", Vars(("db", databaseId)));

        Assert.Equal(new[] { "A", "C" }, added.Output.Select(row => (string)row.Properties["Name"].Value));
        Assert.Equal(
            new[] { "NotionUnknownColumn,NotionPS.Cmdlets.AddNotionDatabaseRowCommand", "NotionRowEmpty,NotionPS.Cmdlets.AddNotionDatabaseRowCommand" },
            added.Errors.Select(error => error.FullyQualifiedErrorId));
        Assert.Equal("B", ((Hashtable)((PSObject)added.Errors[0].TargetObject).BaseObject)["Name"]);
        Assert.Contains("'Nope'", added.Errors[0].ErrorDetails.Message);
        Assert.StartsWith("Row 3: The input is $null", added.Errors[1].ErrorDetails.Message);
        Assert.Equal(new[] { "A", "C" }, rows.Output.Select(row => (string)row.Properties["Name"].Value));
    }

    [Fact]
    public async Task SyncTakesACollectionRowByRowAndDeleteMissingSeesEveryRow()
    {
        Connect("2026-03-11");
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Sync from an array");
        await SeedRowsAsync(dataSourceId, new[] { "Keep", "Change", "Gone" }.Select(name => new JsonObject { ["properties"] = new JsonObject { ["Name"] = name, ["Notes"] = "before" } }));

        var synced = Session.Run(
            "$rows = @([pscustomobject]@{ Name = 'Keep'; Notes = 'before' }, [pscustomobject]@{ Name = 'Change'; Notes = 'after' }, [pscustomobject]@{ Name = 'New'; Notes = 'new' }); " +
            "Sync-NotionDatabaseRow -DatabaseId $db -InputObject $rows -Key Name -DeleteMissing -Confirm:$false -PassThru",
            Vars(("db", databaseId)));
        var rows = Session.Run("Get-NotionDatabaseRow -DatabaseId $db -Sort Name", Vars(("db", databaseId)));

        Assert.Empty(synced.Errors);
        Assert.Equal(
            new[] { "Added New", "Trashed Gone", "Updated Change" },
            synced.OutputOf<NotionSyncResult>().Select(result => result.Action + " " + result.Key).OrderBy(line => line));
        Assert.Equal(new[] { "Change after", "Keep before", "New new" }, rows.Output.Select(row => $"{row.Properties["Name"].Value} {row.Properties["Notes"].Value}"));
    }

    [Fact]
    public async Task SetRefusesSeveralRowsInInputObjectAndTakesOneInAnArray()
    {
        Connect("2026-03-11");
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Set from an array");
        var rowId = (await SeedRowsAsync(dataSourceId, new[] { new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Row", ["Notes"] = "before" } } })).Single();

        var several = Session.Run("Set-NotionDatabaseRow -PageId $row -InputObject @(@{ Notes = 'a' }, @{ Notes = 'b' }) -PassThru", Vars(("row", rowId)));
        var unchanged = Session.Run("Get-NotionDatabaseRow -DatabaseId $db", Vars(("db", databaseId)));
        var one = Session.Run("Set-NotionDatabaseRow -PageId $row -InputObject @(@{ Notes = 'one' }) -PassThru", Vars(("row", rowId)));

        var error = Assert.Single(several.Errors);
        Assert.Equal("NotionInputObjectIsCollection,NotionPS.Cmdlets.SetNotionDatabaseRowCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("collection of 2 objects", error.ErrorDetails.Message);
        Assert.Empty(several.Output);
        Assert.Equal("before", (string)Assert.Single(unchanged.Output).Properties["Notes"].Value);
        Assert.Empty(one.Errors);
        Assert.Equal("one", (string)Assert.Single(one.Output).Properties["Notes"].Value);
    }
}
