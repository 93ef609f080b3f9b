using System.Linq;
using System.Management.Automation.Language;
using System.Text.Json.Nodes;
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

    /// <summary>
    /// Column names PowerShell would not read back as themselves if inserted bare or quoted with ASCII quotes only: a
    /// typographic single quote (PowerShell ends a '' string at any of ‘ ’ ‚ ‛), number literals, a parameter, a
    /// variable, an expression, a comment, the stop-parsing token, white space, control characters and operators.
    /// </summary>
    public static readonly string[] HostileColumnNames =
    {
        "Ada’s pick", "‘curly’", "‚low‛", "it's", "1kb", "1e3", "0x10", "5d", "42", "-WhatIf", "–WhatIf", "-", "--%", "$x", "@x", "(x)", "#x", "{x}",
        "[x]", "`x", "\"dq\"", "a b", "tab\there", "line\nbreak", "ctl\u0001x", " lead", "a,b", "a;b", "a|b", "a&b", "<x", "x>y", "x=1", ".x", "a.b",
        "Due-Date", "_under", "Été", "Estimate2", "1-2", "2026-03-11", "7days", "0x1F", "1MB", "1_000", "-1", "1a2b3c4d-5e6f-47a8-b9c0-d1e2f3a4b5c6",
    };

    /// <summary>
    /// Whatever a column is named, the text Tab inserts parses as exactly one argument, a string equal to the name:
    /// never a parse error, a number, a parameter, a variable or more than one word.
    /// </summary>
    [Fact]
    public async Task EveryColumnNameIsInsertedAsTextThatReadsBackAsThatName()
    {
        var (databaseId, _) = await NewDatabaseAsync("Hostile column names", (_, _) =>
        {
            var columns = new JsonObject { ["Name"] = new JsonObject { ["type"] = "title" } };
            foreach (var name in HostileColumnNames)
            {
                columns[name] = new JsonObject { ["type"] = "rich_text" };
            }

            return columns;
        });
        Connect("2026-03-11");
        var line = $"Get-NotionDatabaseRow -DatabaseId {databaseId} -Sort ";

        var offered = Complete(line);

        Assert.Equal(HostileColumnNames.Append("Name").Order(System.StringComparer.Ordinal), offered.Select(c => c.ListItemText).Order(System.StringComparer.Ordinal));
        Assert.All(offered, completion =>
        {
            var ast = Parser.ParseInput(line + completion.CompletionText, out _, out var errors);
            Assert.Empty(errors);
            var command = Assert.IsType<CommandAst>(Assert.Single(ast.EndBlock.Statements.OfType<PipelineAst>().Single().PipelineElements));
            var argument = Assert.IsType<StringConstantExpressionAst>(command.CommandElements[^1]);
            Assert.Equal(5, command.CommandElements.Count);
            Assert.Equal(completion.ListItemText, argument.Value);
        });
    }
}
