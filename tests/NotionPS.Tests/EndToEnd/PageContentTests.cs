using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// New-NotionPage, Get-NotionPage, Get-NotionPageContent and Set-NotionPageContent against the emulator: Markdown
/// round trips under both data-source versions, long pages, deep block trees, blocks Markdown cannot show, and errors.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class PageContentTests : EmulatorTest
{
    private const string TeamHome = "4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8";

    /// <summary>
    /// A document with every construct issue 16 lists, written in NotionPS's normalised form
    /// (about_NotionPS_PageContent), so reading it back must give it unchanged.
    /// </summary>
    private static readonly string EveryConstruct = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tests", "TestData", "every-construct.md")).Replace("\r\n", "\n");

    public PageContentTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private static Dictionary<string, object?> Vars(params (string Name, object? Value)[] pairs) => pairs.ToDictionary(p => p.Name, p => p.Value);

    private void Connect(string apiVersion) =>
        Assert.Empty(Session.Run("$null = Connect-NotionIntegration -Token $token -BaseUri $emu -ApiVersion $v", Vars(("v", apiVersion))).Errors);

    private ScriptResult RunClean(string script, Dictionary<string, object?>? variables = null)
    {
        var result = Session.Run(script, variables);
        Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors.Select(e => $"{e.FullyQualifiedErrorId}: {e}")));
        return result;
    }

    [Theory]
    [InlineData("2025-09-03")]
    [InlineData("2026-03-11")]
    public void EveryConstructReadsBackUnchangedFromNewNotionPage(string apiVersion)
    {
        Connect(apiVersion);

        var result = RunClean(
            "$page = $md | New-NotionPage -ParentId $parent -Title 'Round trip'; $page; Get-NotionPageContent -PageId $page",
            Vars(("md", EveryConstruct), ("parent", TeamHome)));

        var page = Assert.IsType<NotionPage>(result.Output[0].BaseObject);
        Assert.Equal("Round trip", page.Title);
        Assert.Equal(TeamHome, page.ParentId);
        Assert.Equal(EveryConstruct, result.Output[1].BaseObject);
    }

    [Theory]
    [InlineData("2025-09-03")]
    [InlineData("2026-03-11")]
    public void EveryConstructReadsBackUnchangedAfterAppendingToAnExistingPage(string apiVersion)
    {
        Connect(apiVersion);

        var result = RunClean(
            "$page = New-NotionPage -ParentId $parent -Title 'Append'; Set-NotionPageContent -PageId $page -Markdown $md -Append; Get-NotionPageContent -PageId $page",
            Vars(("md", EveryConstruct), ("parent", TeamHome)));

        Assert.Equal(EveryConstruct, Assert.Single(result.Output).BaseObject);
    }

    /// <summary>A linked PDF, video or audio file is shown as its own block (it was an image block), and reads back as the Markdown that wrote it.</summary>
    [Fact]
    public void LinkedPdfVideoAndAudioBecomeTheirBlocksAndReadBackAsTheSameMarkdown()
    {
        Connect("2026-03-11");
        const string markdown = "![Q3 report](https://files.example/q3.pdf)\n\n![Demo](https://media.example/demo.mp4?t=1)\n\n![Talk](https://media.example/talk.mp3)\n\n![Chart](https://img.example/chart.png)\n";

        var result = RunClean(
            "$page = New-NotionPage -ParentId $parent -Title 'Linked media' -Markdown $md; Get-NotionPageContent -PageId $page -AsBlocks | ForEach-Object { $_.type + ' ' + $_.($_.type).type }; Get-NotionPageContent -PageId $page",
            Vars(("md", markdown), ("parent", TeamHome)));

        Assert.Equal(new object[] { "pdf external", "video external", "audio external", "image external", markdown }, result.Output.Select(item => item.BaseObject));
    }

    [Fact]
    public void MarkdownPipedAsLinesIsOneDocument()
    {
        Connect("2025-09-03");

        var result = RunClean(
            "$page = $lines | New-NotionPage -ParentId $parent -Title 'Lines'; Get-NotionPageContent $page -AsBlocks",
            Vars(("lines", new[] { "# Title", string.Empty, "Text" }), ("parent", TeamHome)));

        Assert.Equal(new[] { "heading_1", "paragraph" }, result.Output.Select(block => (string)block.Properties["type"].Value));
    }

    [Theory]
    [InlineData("2025-09-03")]
    [InlineData("2026-03-11")]
    public void AThousandBlockPageIsWrittenInSeveralRequestsAndReadBackInOrder(string apiVersion)
    {
        Connect(apiVersion);
        var markdown = string.Join("\n\n", Enumerable.Range(1, 1000).Select(i => $"Paragraph {i}")) + "\n";

        var result = RunClean(
            "$page = New-NotionPage -ParentId $parent -Title 'Long' -Markdown $md -Verbose; Get-NotionPageContent -PageId $page; Get-NotionPageContent -PageId $page -AsBlocks",
            Vars(("md", markdown), ("parent", TeamHome)));

        Assert.Equal("Creating the page with 100 blocks (Markdown lines 1-199), request 1 of 10.", result.Verbose.Single(line => line.Message.StartsWith("Creating the page", StringComparison.Ordinal)).Message);
        Assert.Equal(9, result.Verbose.Count(line => line.Message.StartsWith("Appending 100 blocks", StringComparison.Ordinal)));
        Assert.Equal(markdown, result.Output[0].BaseObject);
        var texts = result.Output.Skip(1).Select(block => ((object[])((PSObject)block.Properties["paragraph"].Value).Properties["rich_text"].Value).Cast<PSObject>().Single().Properties["plain_text"].Value).ToList();
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => $"Paragraph {i}"), texts);
    }

    [Theory]
    [InlineData("2025-09-03")]
    [InlineData("2026-03-11")]
    public async Task AThousandBlockPageUnderAPageIsOneLookupOneCreateAndNineAppends(string apiVersion)
    {
        Connect(apiVersion);
        var markdown = string.Join("\n\n", Enumerable.Range(1, 1000).Select(i => $"Paragraph {i}")) + "\n";
        var before = await Emulator.IntegrationStatsAsync("NotionPS Demo");

        RunClean("$page = New-NotionPage -ParentId $parent -Title 'Counted' -Markdown $md", Vars(("md", markdown), ("parent", TeamHome)));

        var after = await Emulator.IntegrationStatsAsync("NotionPS Demo");
        Assert.Equal((11, 1), ((int)after["requests"]! - (int)before["requests"]!, (int)after["pagesCreated"]! - (int)before["pagesCreated"]!));
        Assert.Equal(markdown, RunClean("Get-NotionPageContent -PageId $page").Output.Single().BaseObject);
    }

    [Fact]
    public void AfterInsertsRightAfterTheHeadingAndReplaceKeepsOnlyTheNewContent()
    {
        Connect("2026-03-11");

        var result = RunClean(
            """
            $page = New-NotionPage -ParentId $parent -Title 'Sections' -Markdown "# One`n`nfirst`n`n# Two`n`nsecond"
            Set-NotionPageContent -PageId $page -Markdown 'inserted' -After 'One'
            try { Set-NotionPageContent -PageId $page -Markdown '# Unasked' -Replace } catch { $asked = $_ }
            Get-NotionPageContent -PageId $page
            Set-NotionPageContent -PageId $page -Markdown '# Fresh' -Replace -Confirm:$false
            Get-NotionPageContent -PageId $page
            """,
            Vars(("parent", TeamHome)));

        Assert.Equal("# One\n\ninserted\n\nfirst\n\n# Two\n\nsecond\n", result.Output[0].BaseObject);
        Assert.Equal("# Fresh\n", result.Output[1].BaseObject);

        // -Replace asks, as a High-impact change does under the default $ConfirmPreference: this host cannot, so nothing is replaced.
        Assert.IsAssignableFrom<System.Management.Automation.Host.HostException>(((ErrorRecord)Session.Run("$asked").Output.Single().BaseObject).Exception);
    }

    [Fact]
    public void AfterTakesABlockIdAndUsesAfterBeforeTheNewestVersion()
    {
        Connect("2025-09-03");

        var result = RunClean(
            """
            $page = New-NotionPage -ParentId $parent -Title 'By ID' -Markdown "a`n`nb"
            $first = (Get-NotionPageContent -PageId $page -AsBlocks)[0].id
            Set-NotionPageContent -PageId $page -Markdown 'between' -After $first -Debug 5>&1 | Where-Object { "$_" -like '*"after":*' } | ForEach-Object { 'sent after' }
            Get-NotionPageContent -PageId $page
            """,
            Vars(("parent", TeamHome)));

        Assert.Equal("sent after", result.Output[0].BaseObject);
        Assert.Equal("a\n\nbetween\n\nb\n", result.Output[1].BaseObject);
    }

    [Fact]
    public async Task TogglesTwoAndThreeLevelsDeepAreReadCompletelyAndUnsupportedBlocksPassThrough()
    {
        var pageId = Guid.NewGuid().ToString();
        JsonObject Toggle(string title, params JsonObject[] children) =>
            new() { ["toggle"] = new JsonObject { ["rich_text"] = Text(title), ["children"] = new JsonArray(children) } };
        JsonObject Paragraph(string text) => new() { ["paragraph"] = new JsonObject { ["rich_text"] = Text(text) } };
        static JsonArray Text(string text) => new(new JsonObject { ["text"] = new JsonObject { ["content"] = text } });

        // 120 children under the deepest toggle: reading them takes two pages of children.
        var deepest = Enumerable.Range(1, 120).Select(i => Paragraph($"leaf {i}")).ToArray();
        await Emulator.AdminPostAsync("pages", new JsonObject
        {
            ["id"] = pageId,
            ["title"] = "Deep",
            ["sharedWith"] = new JsonArray("NotionPS Demo"),
            ["blocks"] = new JsonArray(
                Toggle("two levels", Toggle("level 2", Paragraph("under level 2"))),
                Toggle("three levels", Toggle("level 2", Toggle("level 3", deepest))),
                new JsonObject { ["type"] = "unsupported", ["unsupported"] = new JsonObject() }),
        });
        Connect("2025-09-03");

        var result = RunClean("Get-NotionPageContent -PageId $page; Get-NotionPageContent -PageId $page -AsBlocks", Vars(("page", pageId)));

        var markdown = (string)result.Output[0].BaseObject;
        Assert.Contains("<summary>two levels</summary>\n\t<details>\n\t<summary>level 2</summary>\n\t\tunder level 2\n\t</details>\n</details>", markdown, StringComparison.Ordinal);
        Assert.Contains("\t\t<summary>level 3</summary>\n\t\t\tleaf 1\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\t\t\tleaf 120\n", markdown, StringComparison.Ordinal);
        var unsupported = result.Output[3];
        Assert.Matches($"<!-- notion-block type=\"unsupported\" id=\"{unsupported.Properties["id"].Value}\" -->\n$", markdown);

        Assert.Equal(new[] { "toggle", "toggle", "unsupported" }, result.Output.Skip(1).Select(block => (string)block.Properties["type"].Value));
        var level3 = Children(Children(result.Output[2])[0])[0];
        Assert.Equal(120, Children(level3).Length);
        Assert.NotNull(unsupported.Properties["unsupported"]);
    }

    [Fact]
    public async Task ABlockReadWithItsChildrenIsTheBlockAsListedWithItsChildrenLast()
    {
        var pageId = Guid.NewGuid().ToString();
        static JsonArray Text(string text) => new(new JsonObject { ["text"] = new JsonObject { ["content"] = text } });
        await Emulator.AdminPostAsync("pages", new JsonObject
        {
            ["id"] = pageId,
            ["title"] = "Listed",
            ["sharedWith"] = new JsonArray("NotionPS Demo"),
            ["blocks"] = new JsonArray(
                new JsonObject { ["toggle"] = new JsonObject { ["rich_text"] = Text("outer <&> é"), ["children"] = new JsonArray(
                    new JsonObject { ["paragraph"] = new JsonObject { ["rich_text"] = Text("inner") } }) } },
                new JsonObject { ["paragraph"] = new JsonObject { ["rich_text"] = Text("alone") } }),
        });
        Connect("2025-09-03");

        var result = RunClean(
            """
            $read = @(Get-NotionPageContent -PageId $page -AsBlocks)
            $listed = (Invoke-NotionApi "v1/blocks/$page/children").results
            $inner = (Invoke-NotionApi "v1/blocks/$($listed[0].id)/children").results
            $read[0] | Select-Object * -ExcludeProperty children | ConvertTo-Json -Depth 20 -Compress
            $listed[0] | ConvertTo-Json -Depth 20 -Compress
            $read[0].children[0] | ConvertTo-Json -Depth 20 -Compress
            $inner[0] | ConvertTo-Json -Depth 20 -Compress
            $read[1] | ConvertTo-Json -Depth 20 -Compress
            $listed[1] | ConvertTo-Json -Depth 20 -Compress
            $read[0].psobject.Properties.Name -join ','
            """,
            Vars(("page", pageId)));

        var texts = result.Output.Select(o => (string)o.BaseObject).ToArray();
        Assert.Contains("outer <&> é", texts[1], StringComparison.Ordinal);
        Assert.Equal(texts[1], texts[0]);
        Assert.Equal(texts[3], texts[2]);
        Assert.Equal(texts[5], texts[4]);
        Assert.EndsWith(",has_children,archived,in_trash,type,toggle,children", texts[6], StringComparison.Ordinal);
    }

    /// <summary>
    /// New-DeepPage: a page whose toggles nest $Levels deep, built as a user nests them in Notion (one toggle appended inside
    /// the last, one request a level); $levelOne is the ID of its top toggle.
    /// </summary>
    private const string NewDeepPage =
        """
        function New-DeepPage([int]$Levels) {
            $page = New-NotionPage -ParentId $parent -Title "Deep $Levels"
            $id = $page.PageId
            foreach ($level in 1..$Levels) {
                $id = (Invoke-NotionApi "v1/blocks/$id/children" -Method Patch -Body @{ children = @(@{ type = 'toggle'; toggle = @{ rich_text = @(@{ type = 'text'; text = @{ content = "level $level" } }) } }) }).results[0].id
                if ($level -eq 1) { $global:levelOne = $id }
            }
            $page
        }

        """;

    [Fact]
    public void APageNestedFortyLevelsDeepIsReadAsMarkdownAndAsBlocksBetweenOtherPages()
    {
        Connect("2025-09-03");

        var result = RunClean(
            NewDeepPage + """
            $deep = New-DeepPage 40
            $first = New-NotionPage -ParentId $parent -Title 'First' -Markdown 'first'
            $second = New-NotionPage -ParentId $parent -Title 'Second' -Markdown 'second'
            $first, $deep, $second | Get-NotionPageContent
            Get-NotionPageContent -PageId $deep -AsBlocks
            """,
            Vars(("parent", TeamHome)));

        Assert.Equal(4, result.Output.Count);
        Assert.Equal("first\n", result.Output[0].BaseObject);
        var markdown = (string)result.Output[1].BaseObject;
        Assert.StartsWith("<details>\n<summary>level 1</summary>\n\t<details>\n", markdown, StringComparison.Ordinal);
        Assert.Contains(new string('\t', 39) + "<summary>level 40</summary>\n", markdown, StringComparison.Ordinal);
        Assert.Equal("second\n", result.Output[2].BaseObject);
        var block = result.Output[3];
        for (var level = 1; level < 40; level++)
        {
            block = Assert.Single(Children(block));
        }

        var toggle = (PSObject)block.Properties["toggle"].Value;
        Assert.Equal("level 40", ((PSObject)((object[])toggle.Properties["rich_text"].Value)[0]).Properties["plain_text"].Value);
        Assert.False((bool)block.Properties["has_children"].Value);
    }

    [Fact]
    public void APageNestedDeeperThanNotionPSReadsIsAnErrorOfItsOwnTheNextPageIsReadAndTheDeepBlocksReadOnTheirOwn()
    {
        Connect("2025-09-03");

        var result = Session.Run(
            NewDeepPage + """
            $deep = New-DeepPage 101
            $after = New-NotionPage -ParentId $parent -Title 'After' -Markdown 'after'
            $deep, $after | Get-NotionPageContent
            $deep | Get-NotionPageContent -AsBlocks
            (Get-NotionPageContent -PageId $levelOne) -split "`n" -match 'level 101'
            """,
            Vars(("parent", TeamHome)));

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, error =>
        {
            Assert.Equal("NotionPageTooDeep,NotionPS.Cmdlets.GetNotionPageContentCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
            Assert.Contains("more than 100 levels deep", error.Exception.Message, StringComparison.Ordinal);
            Assert.StartsWith("Read the blocks below it on their own, with Get-NotionPageContent -PageId ", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        });

        // The page's levels 2 to 101 are 100 levels below its top toggle, as deep as NotionPS reads.
        Assert.Equal(new object[] { "after\n", new string('\t', 99) + "<summary>level 101</summary>" }, result.Output.Select(o => o.BaseObject));
    }

    private static PSObject[] Children(PSObject block) => ((object[])block.Properties["children"].Value).Cast<PSObject>().ToArray();

    [Fact]
    public void MarkdownNotionPSCannotWriteIsAnErrorNamingTheLineAndCreatesNothing()
    {
        Connect("2025-09-03");

        var result = Session.Run(
            "New-NotionPage -ParentId $parent -Title 'Never' -Markdown \"fine`n<callout>`nunclosed\"; (Get-NotionPageContent $parent -AsBlocks | Where-Object type -eq 'child_page' | Where-Object { $_.child_page.title -eq 'Never' }).Count",
            Vars(("parent", TeamHome)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("MarkdownBlockNotClosed,NotionPS.Cmdlets.NewNotionPageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains("Markdown line 2", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, result.Output.Single().BaseObject);
    }

    [Fact]
    public async Task WhatIfRefusesMarkdownTheRealRunRefusesAndATitleNotionWouldRefuseCostsNoRequest()
    {
        Connect("2025-09-03");
        var before = (long)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["requests"]!;

        var result = Session.Run(
            """
            New-NotionPage -ParentId $parent -Title 'Never' -Markdown $deep -WhatIf
            Set-NotionPageContent -PageId $parent -Markdown $deep -WhatIf
            New-NotionPage -ParentId $parent -Title $long
            Set-NotionPage -PageId $parent -Title $long
            """,
            Vars(("parent", TeamHome), ("deep", string.Concat(Enumerable.Repeat("- ", 30)) + "x"), ("long", new string('t', 300_000))));

        Assert.Equal((long)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["requests"]!, before);
        Assert.Equal(
            new[]
            {
                "MarkdownNestingTooDeep,NotionPS.Cmdlets.NewNotionPageCommand",
                "MarkdownNestingTooDeep,NotionPS.Cmdlets.SetNotionPageContentCommand",
                "NotionRowValueInvalid,NotionPS.Cmdlets.NewNotionPageCommand",
                "NotionRowValueInvalid,NotionPS.Cmdlets.SetNotionPageCommand",
            },
            result.Errors.Select(error => error.FullyQualifiedErrorId));
        Assert.Contains("Markdown line 1", result.Errors[1].Exception.Message, StringComparison.Ordinal);
        Assert.Contains("300,000 characters long, and Notion takes at most 100 text items", result.Errors[2].Exception.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidData, result.Errors[3].CategoryInfo.Category);
    }

    [Theory]
    [InlineData(EmulatorFixture.ProjectsDatabaseId, "NotionDatabaseHasSeveralDataSources", "-ParentId")]
    [InlineData(EmulatorFixture.LinkedDatabaseId, "NotionNoDataSource", "linked database")]
    [InlineData(EmulatorFixture.PrivateNotesDatabaseId, "NotionObjectNotFound", "Share the page")]
    public void AParentThatCannotTakeAPageSaysWhatToDo(string parentId, string errorId, string remedy)
    {
        Connect("2025-09-03");

        var result = Session.Run("New-NotionPage -ParentId $parent -Title 'x'", Vars(("parent", parentId)));

        var error = Assert.Single(result.Errors);
        Assert.Equal(errorId + ",NotionPS.Cmdlets.NewNotionPageCommand", error.FullyQualifiedErrorId);
        Assert.Contains(remedy, error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void ARowWithABodyGoesToTheDatabasesDataSourceAndOneDataSourcePipesIn()
    {
        Connect("2025-09-03");

        var result = RunClean(
            """
            $row = New-NotionPage -ParentId $tasks -Title 'Row with body' -Property @{ Status = 'Done' } -Markdown '- a'
            $row
            Get-NotionDatabaseRow -DatabaseId $tasks -Where @{ Name = 'Row with body' } | Get-NotionPageContent
            (Get-NotionDatabase $projects).DataSources[1] | New-NotionPage -Title 'Archived note' -Icon '📦'
            """,
            Vars(("tasks", EmulatorFixture.TasksDatabaseId), ("projects", EmulatorFixture.ProjectsDatabaseId)));

        var row = Assert.IsType<NotionPage>(result.Output[0].BaseObject);
        Assert.Equal("data_source_id", row.ParentType);
        Assert.Equal(EmulatorFixture.TasksDataSourceId, row.ParentId);
        Assert.Equal("- a\n", result.Output[1].BaseObject);
        Assert.Equal("708192a3-b4c5-4fd6-a4b5-c6d7e8f9a0b1", Assert.IsType<NotionPage>(result.Output[2].BaseObject).ParentId);
    }

    [Fact]
    public void AnAnchorThatIsNotOnThePageAndPropertiesForAPageAreRefusedBeforeWriting()
    {
        Connect("2025-09-03");

        var result = Session.Run(
            """
            $page = New-NotionPage -ParentId $parent -Title 'Anchors' -Markdown "# Same`n`n# Same"
            Set-NotionPageContent -PageId $page -Markdown 'x' -After 'Missing'
            Set-NotionPageContent -PageId $page -Markdown 'x' -After '# same'
            New-NotionPage -ParentId $parent -Title 'Props' -Property @{ Status = 'Done' }
            Get-NotionPageContent -PageId $page
            """,
            Vars(("parent", TeamHome)));

        Assert.Equal(
            new[] { "NotionPageAnchorNotFound,NotionPS.Cmdlets.SetNotionPageContentCommand", "NotionPageAnchorAmbiguous,NotionPS.Cmdlets.SetNotionPageContentCommand", "NotionPagePropertyNeedsDatabase,NotionPS.Cmdlets.NewNotionPageCommand" },
            result.Errors.Select(error => error.FullyQualifiedErrorId));
        Assert.Contains("\"Same\", \"Same\"", result.Errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.Equal("# Same\n\n# Same\n", result.Output.Last().BaseObject);
    }

    [Fact]
    public void GetNotionPageTakesRowsAndLinksAndABadInputDoesNotStopTheOthers()
    {
        Connect("2026-03-11");

        var result = Session.Run(
            "@((Get-NotionDatabaseRow -DatabaseId $tasks -First 1), 'not a page', 'https://www.notion.so/acme/Meeting-Notes-92a3b4c5d6e74f1886d7e8f9a0b1c2d3') | Get-NotionPage",
            Vars(("tasks", EmulatorFixture.TasksDatabaseId)));

        Assert.Equal("InvalidNotionUrl,NotionPS.Cmdlets.GetNotionPageCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
        var pages = result.OutputOf<NotionPage>();
        Assert.Equal(2, pages.Count);
        Assert.Equal(EmulatorFixture.TasksDataSourceId, pages[0].ParentId);
        Assert.Equal("Meeting Notes", pages[1].Title);
    }

    [Fact]
    public void ParentIdCompletesFromPageAndDatabaseTitles()
    {
        Connect("2025-09-03");

        var result = RunClean("foreach ($line in 'New-NotionPage -Title x -ParentId Meet', 'New-NotionPage -Title x -ParentId Task') { (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches }");

        var matches = result.Output.Select(match => (CompletionResult)match.BaseObject).ToList();
        Assert.Contains(matches, match => match.CompletionText == EmulatorFixture.MeetingNotesPageId && match.ListItemText == "Meeting Notes");
        Assert.Contains(matches, match => match.CompletionText == EmulatorFixture.TasksDatabaseId && match.ListItemText == "Tasks");
    }
}
