using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>The lines Get-NotionDatabaseRow writes itself quote the data source's name, Notion's text: a name carrying the token shows it redacted.</summary>
[Collection(EmulatorCollection.Name)]
public class RowReadRedactionTests : RowsTestBase
{
    public RowReadRedactionTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public async Task TheCapErrorQuotesADataSourceNameCarryingTheTokenRedacted()
    {
        Connect("2026-03-11");
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Capped " + EmulatorFixture.FullAccessToken);
        await SeedRowsAsync(dataSourceId, Enumerable.Range(0, 10_001).Select(i => new JsonObject { ["properties"] = new JsonObject { ["Estimate"] = i } }));

        // A custom sort cannot read past Notion's cap of 10,000 rows a query: the read stops with an error naming the data source.
        var sorted = Session.Run("Get-NotionDatabaseRow -DatabaseId $db -Sort Estimate -Raw", new Dictionary<string, object?> { ["db"] = databaseId });

        var error = Assert.Single(sorted.Errors);
        Assert.Equal("NotionQueryCapReached,NotionPS.Cmdlets.GetNotionDatabaseRowCommand", error.FullyQualifiedErrorId);
        Assert.StartsWith("The read of \"Capped ***\" stopped after 10000 rows.", error.Exception.Message);
        Assert.DoesNotContain(EmulatorFixture.FullAccessToken, error.ToString(), StringComparison.Ordinal);
    }
}
