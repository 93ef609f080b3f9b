using System.Linq;
using System.Threading.Tasks;
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

    [Fact]
    public async Task ColumnNamesCompletedForOneConnectionAreNotOfferedToATokenThatCannotSeeTheDatabase()
    {
        (await Emulator.Admin.PutAsync($"shares/{EmulatorFixture.PrivateNotesDatabaseId}/NotionPS Demo", null)).EnsureSuccessStatusCode();
        var line = $"Get-NotionDatabaseRow -DatabaseId {EmulatorFixture.PrivateNotesDatabaseId} -Sort ";
        Connect("2026-03-11");
        var fullAccess = Complete(line);

        var readOnly = Session.Run("$null = Connect-NotionIntegration -Token $readOnlyToken -BaseUri $emu; Get-NotionDatabaseSchema -DatabaseId $db", Vars(("db", EmulatorFixture.PrivateNotesDatabaseId)));
        var offeredToReadOnly = Complete(line);

        Assert.Equal(new[] { "Body", "Title" }, fullAccess.Select(c => c.CompletionText).Order());
        Assert.StartsWith("NotionObjectNotFound,", Assert.Single(readOnly.Errors).FullyQualifiedErrorId, System.StringComparison.Ordinal);
        Assert.Empty(offeredToReadOnly);
    }
}
