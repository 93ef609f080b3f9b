using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
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

    private List<CompletionResult> Complete(string line) =>
        ((CommandCompletion)Session.Run("TabExpansion2 -inputScript $line -cursorColumn $line.Length", new Dictionary<string, object?> { ["line"] = line }).Output.Single().BaseObject)
            .CompletionMatches.ToList();

    [Fact]
    public void CompletesColumnNamesFromTheSchema()
    {
        Connect("2026-03-11");

        var sort = Complete($"Get-NotionDatabaseRow -DatabaseId {TasksId} -Sort pri");
        var matchOn = Complete($"Add-NotionDatabaseRow -DatabaseId {TasksId} -MatchOn N");

        Assert.Equal(new[] { "Priority" }, sort.Select(c => c.CompletionText));
        Assert.Contains("Name", matchOn.Select(c => c.CompletionText));
        Assert.Contains("Notes", matchOn.Select(c => c.CompletionText));
    }

    [Fact]
    public void CompletesDatabaseIdsFromTitles()
    {
        Connect("2026-03-11");

        var matches = Complete("Get-NotionDatabaseRow -DatabaseId Tas");

        var tasks = Assert.Single(matches, c => c.CompletionText == TasksId);
        Assert.Equal("Tasks", tasks.ListItemText);
    }
}
