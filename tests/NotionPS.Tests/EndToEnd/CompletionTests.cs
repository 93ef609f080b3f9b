using System.Linq;
using System.Management.Automation.Language;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NotionPS.Client;
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
        "cr\rlf\nend", "esc\u001B[31mred", "rtl\u202Eabc", "dq\"bt`$x\n", "“smart”\tq", "nel\u0085x", "'quote\n'",
    };

    /// <summary>
    /// Whatever a column is named, the text Tab inserts parses as exactly one argument that PowerShell reads as the name:
    /// never a parse error, a number, a parameter, a variable or more than one word; a name holding a line break or another
    /// control character is inserted with escapes, on one line, and listed with those characters shown as \uXXXX.
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

        var names = HostileColumnNames.Append("Name").Order(System.StringComparer.Ordinal).ToList();
        Assert.Equal(names.Select(ServerText.Visible), offered.Select(c => c.ListItemText).Order(System.StringComparer.Ordinal));
        var readBack = offered.Select(completion =>
        {
            Assert.DoesNotContain(completion.CompletionText + completion.ListItemText + completion.ToolTip, ServerText.IsToEscape);
            var ast = Parser.ParseInput(line + completion.CompletionText, out _, out var errors);
            Assert.Empty(errors);
            var command = Assert.IsType<CommandAst>(Assert.Single(ast.EndBlock.Statements.OfType<PipelineAst>().Single().PipelineElements));
            Assert.Equal(5, command.CommandElements.Count);
            Assert.True(command.CommandElements[^1] is StringConstantExpressionAst or ExpandableStringExpressionAst, completion.CompletionText);
            return (string)Session.Run("& { $args[0] } " + completion.CompletionText).Output.Single().BaseObject;
        });
        Assert.Equal(names, readBack.Order(System.StringComparer.Ordinal));
    }

    /// <summary>An empty name (CompletionResult takes no empty list item) is offered as what Tab inserts for it, not an exception that loses the other names.</summary>
    [Fact]
    public void AnEmptyNameIsOfferedAsTwoQuotes()
    {
        var offered = NotionPS.Cmdlets.Completion.Matching(string.Empty, new[] { string.Empty, "Name" }).ToList();

        Assert.Equal(new[] { ("''", "''"), ("Name", "Name") }, offered.Select(c => (c.CompletionText, c.ListItemText)));
    }

    /// <summary>
    /// A page's or database's title with a line break (Notion keeps them) is listed on one line, its control characters
    /// shown as \uXXXX, and Tab inserts the ID, which names it whatever its title holds.
    /// </summary>
    [Fact]
    public async Task TitlesWithLineBreaksAreListedOnOneLineAndInsertTheirIds()
    {
        var word = "Brk" + System.Guid.NewGuid().ToString("N")[..8];
        var pageTitle = word + "page\r\nsecond line\u001B[2J";
        var databaseTitle = word + "db\nsecond line";
        var pageId = await NewPageAsync(pageTitle);
        var (databaseId, _) = await NewDatabaseAsync(databaseTitle);
        Connect("2026-03-11");

        var parents = Complete($"New-NotionPage -Title x -ParentId {word}");
        var databases = Complete($"Get-NotionDatabaseRow -DatabaseId {word}");

        Assert.Equal(new[] { (databaseId, ServerText.Visible(databaseTitle)), (pageId, ServerText.Visible(pageTitle)) }.Order(), parents.Select(c => (c.CompletionText, c.ListItemText)).Order());
        Assert.Equal((databaseId, ServerText.Visible(databaseTitle)), (Assert.Single(databases).CompletionText, databases[0].ListItemText));
        Assert.All(parents.Concat(databases), completion => Assert.DoesNotContain(completion.ListItemText + completion.ToolTip, ServerText.IsToEscape));
    }
}
