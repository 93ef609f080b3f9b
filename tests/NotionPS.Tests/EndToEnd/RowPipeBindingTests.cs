using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// What PowerShell itself binds to a row parameter (NotionPageBind) in the hosted engine: a bad item is one
/// error and the next is still written; a side-peek link and an object with a PageId name the row.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class RowPipeBindingTests(EmulatorFixture emulator) : RowsTestBase(emulator)
{
    [Fact]
    public async Task ABadItemIsOneInvalidNotionUrlAndTheNextRowIsStillTrashed()
    {
        Connect("2026-03-11");
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Remove after a bad item");
        var rowId = (await SeedRowsAsync(dataSourceId, new[] { new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Gone" } } })).Single();

        var removed = Session.Run("'bad', $row | Remove-NotionDatabaseRow -Confirm:$false", Vars(("row", rowId)));
        var left = Session.Run("Get-NotionDatabaseRow -DatabaseId $db", Vars(("db", databaseId)));

        var error = Assert.Single(removed.Errors);
        Assert.Equal("InvalidNotionUrl,NotionPS.Cmdlets.RemoveNotionDatabaseRowCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("bad", error.TargetObject);
        Assert.Empty(left.Errors);
        Assert.Empty(left.Output);
    }

    [Theory]
    [InlineData("Get-NotionDatabaseRow -DatabaseId $db | Set-NotionDatabaseRow -Property @{ Notes = 'Changed' } -PassThru")]
    [InlineData("Set-NotionDatabaseRow -PageId $peek -Property @{ Notes = 'Changed' } -PassThru")]
    [InlineData("[pscustomobject]@{ PageId = $peek } | Set-NotionDatabaseRow -Property @{ Notes = 'Changed' } -PassThru")]
    [InlineData("[pscustomobject]@{ PageId = $row; Notes = 'Changed' } | Set-NotionDatabaseRow -PassThru")]
    public async Task EveryInputThatNamesTheRowChangesIt(string script)
    {
        Connect("2026-03-11");
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Set by every bind");
        var rowId = (await SeedRowsAsync(dataSourceId, new[] { new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Keep", ["Notes"] = "before" } } })).Single();

        // A link copied with the row open in a side peek: the database's address, its view, and the row after p=.
        var peek = $"https://www.notion.so/acme/{databaseId.Replace("-", "")}?v=0123456789abcdef0123456789abcdef&p={rowId.Replace("-", "")}&pm=s";
        var result = Session.Run(script, Vars(("db", databaseId), ("row", rowId), ("peek", peek)));

        Assert.Empty(result.Errors);
        var row = Assert.Single(result.Output);
        Assert.Equal((rowId, "Keep", "Changed"), ((string)row.Properties["PageId"].Value, (string)row.Properties["Name"].Value, (string)row.Properties["Notes"].Value));
    }
}
