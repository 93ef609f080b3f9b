using System.Linq;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>Tab completion of column names and database titles, through the engine's TabExpansion2.</summary>
[Collection(EmulatorCollection.Name)]
public class CompletionTests : RowsTestBase
{
    public CompletionTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void CompletesColumnNamesFromTheSchema(string version)
    {
        Connect(version);

        var sort = Complete($"Get-NotionDatabaseRow -DatabaseId {TasksId} -Sort pri");
        var matchOn = Complete($"Add-NotionDatabaseRow -DatabaseId {TasksId} -MatchOn N");

        Assert.Equal(new[] { "Priority" }, sort.Select(c => c.CompletionText));
        Assert.Contains("Name", matchOn.Select(c => c.CompletionText));
        Assert.Contains("Notes", matchOn.Select(c => c.CompletionText));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void CompletesDatabaseIdsFromTitles(string version)
    {
        Connect(version);

        var matches = Complete("Get-NotionDatabaseRow -DatabaseId Tas");

        var tasks = Assert.Single(matches, c => c.CompletionText == TasksId);
        Assert.Equal("Tasks", tasks.ListItemText);
    }
}
