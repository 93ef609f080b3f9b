using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>Add-/Get-NotionComment, Move-NotionPage and Remove-/Restore-NotionPage against the emulator.</summary>
[Collection(EmulatorCollection.Name)]
public class CommentsAndPageMovesTests : RowsTestBase
{
    private const string MeetingNotesId = EmulatorFixture.MeetingNotesPageId;
    private const string ActiveDataSourceId = "6f708192-a3b4-4ec5-93a4-b5c6d7e8f9a0";
    private const string ArchiveDataSourceId = "708192a3-b4c5-4fd6-a4b5-c6d7e8f9a0b1";
    private const string NobodysId = "0f0f0f0f-0000-4000-8000-00000000dead";

    public CommentsAndPageMovesTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Theory]
    [MemberData(nameof(DataSourceVersions))]
    public async Task ACommentWithInlineMarkdownAndAPipedReplyAreListedInOrder(string version)
    {
        Connect(version);
        var page = await NewPageAsync("Comments " + version);

        var added = Session.Run(
            "$first = Add-NotionComment -PageId $page -Text 'Job **failed** with `exit 3`, see [the log](https://example.com/log) ~~retry~~ *soon*'; $first; $first | Add-NotionComment -Text 'Retried: *ok*'",
            Vars(("page", page)));
        var listed = Session.Run("Get-NotionComment -PageId $page", Vars(("page", page)));
        var listedFromAComment = Session.Run("$first | Get-NotionComment");

        Assert.Empty(added.Errors);
        var comments = added.OutputOf<NotionComment>();
        Assert.Equal(2, comments.Count);
        Assert.Equal("Job failed with exit 3, see the log retry soon", comments[0].Text);
        Assert.Equal(page, comments[0].PageId);
        Assert.Equal("NotionPS Demo", comments[0].CreatedBy);
        Assert.NotNull(comments[0].CreatedTime);
        Assert.Equal(comments[0].DiscussionId, comments[1].DiscussionId);
        Assert.Empty(listed.Errors);
        Assert.Equal(comments.Select(c => c.CommentId), listed.OutputOf<NotionComment>().Select(c => c.CommentId));
        Assert.Empty(listedFromAComment.Errors);
        Assert.Equal(comments.Select(c => c.CommentId), listedFromAComment.OutputOf<NotionComment>().Select(c => c.CommentId));

        var richText = (await ApiGetAsync($"v1/comments/{comments[0].CommentId}", version))["rich_text"]!.AsArray();
        JsonNode Item(string text) => richText.Single(item => (string?)item!["plain_text"] == text)!;
        Assert.True((bool)Item("failed")["annotations"]!["bold"]!);
        Assert.True((bool)Item("exit 3")["annotations"]!["code"]!);
        Assert.Equal("https://example.com/log", (string?)Item("the log")["href"]);
        Assert.True((bool)Item("retry")["annotations"]!["strikethrough"]!);
        Assert.True((bool)Item("soon")["annotations"]!["italic"]!);
    }

    /// <summary>
    /// A reply goes to its discussion's page whatever -PageId says: given another page, the reply still goes there (Notion
    /// takes only the discussion), and a warning names both pages, so it is not taken for a comment on the page named.
    /// </summary>
    [Fact]
    public async Task AReplyInADiscussionOfAnotherPageWarnsWhereItWent()
    {
        Connect("2026-03-11");
        var home = await NewPageAsync("Discussion home");
        var other = await NewPageAsync("Not the discussion's page");

        var result = Session.Run(
            "$d = (Add-NotionComment -PageId $start -Text 'start').DiscussionId; Add-NotionComment -PageId $start -Text 'here' -DiscussionId $d; Add-NotionComment -PageId $other -Text 'elsewhere' -DiscussionId $d",
            Vars(("start", home), ("other", other)));

        Assert.Empty(result.Errors);
        Assert.Equal(new[] { home, home }, result.OutputOf<NotionComment>().Select(comment => comment.PageId));
        var warning = Assert.Single(result.Warnings).Message;
        Assert.Contains(home, warning, StringComparison.Ordinal);
        Assert.Contains(other, warning, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DataSourceVersions))]
    public async Task ACommentOverTwoThousandCharactersIsSplitIntoItemsAndReadBackWhole(string version)
    {
        Connect(version);
        var page = await NewPageAsync("Long comment " + version);

        // 1,999 letters then an emoji (a surrogate pair) straddling the 2,000-character boundary.
        var text = new string('a', 1999) + "\U0001F600" + new string('b', 2500);
        var result = Session.Run("Add-NotionComment -PageId $page -Text $text", Vars(("page", page), ("text", text)));

        Assert.Empty(result.Errors);
        var comment = Assert.Single(result.OutputOf<NotionComment>());
        Assert.Equal(text, comment.Text);
        var items = (await ApiGetAsync($"v1/comments/{comment.CommentId}", version))["rich_text"]!.AsArray();
        Assert.Equal(3, items.Count);
        Assert.All(items, item => Assert.InRange(((string?)item!["plain_text"])!.Length, 1, 2000));
        Assert.Equal(text, string.Concat(items.Select(item => (string?)item!["plain_text"])));
    }

    [Fact]
    public async Task EveryPageOfCommentsIsRead()
    {
        Connect("2026-03-11");
        var page = await NewPageAsync("Many comments");
        var added = Session.Run("1..130 | ForEach-Object { $null = Add-NotionComment -PageId $page -Text \"comment $_\" }", Vars(("page", page)));

        var listed = Session.Run("Get-NotionComment -PageId $page", Vars(("page", page)));

        Assert.Empty(added.Errors);
        Assert.Empty(listed.Errors);
        Assert.Equal(Enumerable.Range(1, 130).Select(i => $"comment {i}"), listed.OutputOf<NotionComment>().Select(c => c.Text));
    }

    [Fact]
    public void TextNotionCannotTakeIsRefusedBeforeAnythingIsSent()
    {
        Connect("2026-03-11");

        // Each formatted word is an item of its own: 150 of them is over Notion's 100 items.
        var manyItems = string.Concat(Enumerable.Repeat("**bold** plain ", 150));
        var tooLong = Session.Run("Add-NotionComment -PageId $page -Text $text", Vars(("page", MeetingNotesId), ("text", manyItems)));
        var blank = Session.Run("Add-NotionComment -PageId $page -Text '   '", Vars(("page", MeetingNotesId)));
        var listed = Session.Run("Get-NotionComment -PageId $page", Vars(("page", MeetingNotesId)));

        var error = Assert.Single(tooLong.Errors);
        Assert.Equal("NotionCommentTooLong,NotionPS.Cmdlets.AddNotionCommentCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
        Assert.Contains("several comments", error.ErrorDetails.Message);
        Assert.Equal("NotionCommentEmpty,NotionPS.Cmdlets.AddNotionCommentCommand", Assert.Single(blank.Errors).FullyQualifiedErrorId);
        Assert.Empty(listed.OutputOf<NotionComment>());
    }

    [Fact]
    public void ATokenWithoutTheCommentCapabilitiesIsToldWhichOneAndWhereToTurnItOn()
    {
        var connected = Session.Run("$null = Connect-NotionIntegration -Token $readOnlyToken -BaseUri $emu -ApiVersion 2026-03-11");
        Assert.Empty(connected.Errors);

        var read = Assert.Single(Session.Run("Get-NotionComment -PageId $page", Vars(("page", MeetingNotesId))).Errors);
        var insert = Assert.Single(Session.Run("Add-NotionComment -PageId $page -Text 'x'", Vars(("page", MeetingNotesId))).Errors);

        Assert.Equal("NotionRestrictedResource,NotionPS.Cmdlets.GetNotionCommentCommand", read.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, read.CategoryInfo.Category);
        Assert.Contains("403", read.ErrorDetails.Message);
        Assert.Contains("\"Read comments\"", read.ErrorDetails.RecommendedAction);
        Assert.Contains("under Capabilities", read.ErrorDetails.RecommendedAction);
        Assert.Contains("https://www.notion.so/my-integrations", read.ErrorDetails.RecommendedAction);
        Assert.Equal("NotionRestrictedResource,NotionPS.Cmdlets.AddNotionCommentCommand", insert.FullyQualifiedErrorId);
        Assert.Contains("\"Insert comments\"", insert.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void APageNotSharedSaysToShareThePageAndBadIdsAreInvalidNotionUrl()
    {
        Connect("2026-03-11");

        var notShared = Assert.Single(Session.Run("Add-NotionComment -PageId $page -Text 'x'", Vars(("page", NobodysId))).Errors);
        var badPage = Session.Run("'not a page', $page | Get-NotionComment", Vars(("page", MeetingNotesId)));
        var badDiscussion = Assert.Single(Session.Run("Add-NotionComment -PageId $page -DiscussionId 'abc' -Text 'x'", Vars(("page", MeetingNotesId))).Errors);
        var badBlock = Assert.Single(Session.Run("Get-NotionComment -BlockId 'nope'").Errors);

        Assert.Equal("NotionObjectNotFound,NotionPS.Cmdlets.AddNotionCommentCommand", notShared.FullyQualifiedErrorId);
        Assert.StartsWith("Share the page with the integration", notShared.ErrorDetails.RecommendedAction);
        Assert.Contains("\"NotionPS Demo\"", notShared.ErrorDetails.RecommendedAction);
        Assert.Equal("InvalidNotionUrl,NotionPS.Cmdlets.GetNotionCommentCommand", Assert.Single(badPage.Errors).FullyQualifiedErrorId);
        Assert.Equal("not a page", badPage.Errors[0].TargetObject);
        Assert.Equal("InvalidNotionUrl,NotionPS.Cmdlets.AddNotionCommentCommand", badDiscussion.FullyQualifiedErrorId);
        Assert.Equal("InvalidNotionUrl,NotionPS.Cmdlets.GetNotionCommentCommand", badBlock.FullyQualifiedErrorId);
    }

    [Theory]
    [MemberData(nameof(DataSourceVersions))]
    public async Task APageMovesUnderAPageAndIntoADatabaseOrDataSourceAndBack(string version)
    {
        Connect(version);
        var page = await NewPageAsync("Mover " + version);

        var underPage = Session.Run("Move-NotionPage -PageId $page -ParentId $parent", Vars(("page", page), ("parent", MeetingNotesId)));
        var intoDatabase = Session.Run("Move-NotionPage -PageId $page -ParentId $parent", Vars(("page", page), ("parent", EmulatorFixture.TasksUrl)));
        var tasksTitles = await Emulator.QueryTitlesAsync(EmulatorFixture.TasksDataSourceId, "Mover");
        var intoDataSourceById = Session.Run("Move-NotionPage -PageId $page -ParentId $parent", Vars(("page", page), ("parent", ArchiveDataSourceId)));
        var byObjects = Session.Run(
            "$source = (Get-NotionDatabase -DatabaseId $projects).DataSources[0]; $row = Get-NotionDatabaseRow -DatabaseId $tasks -First 1; "
                + "Move-NotionPage -PageId $page -ParentId $source; Move-NotionPage -PageId $page -ParentId $row",
            Vars(("page", page), ("projects", ProjectsId), ("tasks", TasksId)));

        Assert.Empty(underPage.Errors);
        var moved = Assert.Single(underPage.OutputOf<NotionPage>());
        Assert.Equal(("page_id", MeetingNotesId, "Mover " + version), (moved.ParentType, moved.ParentId, moved.Title));
        Assert.Empty(intoDatabase.Errors);
        var row = Assert.Single(intoDatabase.OutputOf<NotionPage>());
        Assert.Equal(("data_source_id", EmulatorFixture.TasksDataSourceId), (row.ParentType, row.ParentId));
        Assert.Contains("Mover " + version, tasksTitles);
        Assert.Empty(intoDataSourceById.Errors);
        Assert.Equal(ArchiveDataSourceId, Assert.Single(intoDataSourceById.OutputOf<NotionPage>()).ParentId);
        Assert.Empty(byObjects.Errors);
        var pages = byObjects.OutputOf<NotionPage>();
        Assert.Equal(("data_source_id", ActiveDataSourceId), (pages[0].ParentType, pages[0].ParentId));
        Assert.Equal("page_id", pages[1].ParentType);
        Assert.Equal("Mover " + version, pages[1].Title);
    }

    [Theory]
    [MemberData(nameof(DataSourceVersions))]
    public async Task AParentThatNamesNoOneDataSourceOrNothingVisibleSaysWhatToGive(string version)
    {
        Connect(version);
        var page = await NewPageAsync("Stays " + version);

        var several = Assert.Single(Session.Run("Move-NotionPage -PageId $page -ParentId $parent", Vars(("page", page), ("parent", ProjectsId))).Errors);
        var nothing = Assert.Single(Session.Run("Move-NotionPage -PageId $page -ParentId $parent", Vars(("page", page), ("parent", NobodysId))).Errors);
        var badParent = RunExpectingTerminatingError("'a', 'b' | Move-NotionPage -ParentId 'not an id'");
        var badPage = Session.Run("'nope', $page | Move-NotionPage -ParentId $parent", Vars(("page", page), ("parent", MeetingNotesId)));

        Assert.Equal("NotionDatabaseHasSeveralDataSources,NotionPS.Cmdlets.MoveNotionPageCommand", several.FullyQualifiedErrorId);
        Assert.Contains(ActiveDataSourceId, several.ErrorDetails.Message);
        Assert.Contains("-ParentId", several.ErrorDetails.RecommendedAction);
        Assert.Equal("NotionMoveParentNotFound,NotionPS.Cmdlets.MoveNotionPageCommand", nothing.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, nothing.CategoryInfo.Category);
        Assert.Contains("share the page or database", nothing.ErrorDetails.Message);
        Assert.Equal("InvalidNotionUrl,NotionPS.Cmdlets.MoveNotionPageCommand", badParent.FullyQualifiedErrorId);
        Assert.Equal("InvalidNotionUrl,NotionPS.Cmdlets.MoveNotionPageCommand", Assert.Single(badPage.Errors).FullyQualifiedErrorId);
        Assert.Equal(MeetingNotesId, Assert.Single(badPage.OutputOf<NotionPage>()).ParentId);
    }

    [Fact]
    public async Task UnderTheLegacyVersionAPageMovesOnlyUnderAPage()
    {
        Connect("2022-06-28");
        var page = await NewPageAsync("Legacy mover");

        var intoDatabase = Assert.Single(Session.Run("Move-NotionPage -PageId $page -ParentId $parent", Vars(("page", page), ("parent", TasksId))).Errors);
        var underPage = Session.Run("Move-NotionPage -PageId $page -ParentId $parent", Vars(("page", page), ("parent", MeetingNotesId)));

        Assert.Equal("NotionMoveNeedsNewerApiVersion,NotionPS.Cmdlets.MoveNotionPageCommand", intoDatabase.FullyQualifiedErrorId);
        Assert.Contains("-ApiVersion 2025-09-03", intoDatabase.ErrorDetails.RecommendedAction);
        Assert.Empty(underPage.Errors);
        Assert.Equal(MeetingNotesId, Assert.Single(underPage.OutputOf<NotionPage>()).ParentId);
    }

    [Theory]
    [MemberData(nameof(DataSourceVersions))]
    public async Task TrashAndRestoreGoOnPastFailingPagesInTheMiddleOfThePipeline(string version)
    {
        Connect(version);
        var (_, dataSourceId) = await NewDatabaseAsync("Trash " + version);
        var rows = await SeedRowsAsync(dataSourceId, new[] { "Keep A", "Keep B", "Keep C" }.Select(name => new JsonObject { ["properties"] = new JsonObject { ["Name"] = name } }));
        object[] input = { rows[0], NobodysId, "not a page", rows[1], rows[2] };

        var whatIf = Session.Run("$pages | Remove-NotionPage -WhatIf", Vars(("pages", input)));
        var afterWhatIf = await Emulator.QueryTitlesAsync(dataSourceId, "Keep");
        var removed = Session.Run("$pages | Remove-NotionPage -Confirm:$false -PassThru", Vars(("pages", input)));
        var afterRemove = await Emulator.QueryTitlesAsync(dataSourceId, "Keep");
        var restored = Session.Run("$pages | Restore-NotionPage -PassThru", Vars(("pages", input)));
        var afterRestore = await Emulator.QueryTitlesAsync(dataSourceId, "Keep");

        Assert.Equal(3, afterWhatIf.Count);
        Assert.Equal(new[] { true, true, true }, removed.OutputOf<NotionPage>().Select(p => p.InTrash));
        Assert.Equal(new[] { rows[0], rows[1], rows[2] }, removed.OutputOf<NotionPage>().Select(p => p.PageId));
        AssertTheTwoFailures(removed.Errors, "RemoveNotionPageCommand");
        Assert.Empty(afterRemove);
        Assert.Equal(new[] { false, false, false }, restored.OutputOf<NotionPage>().Select(p => p.InTrash));
        AssertTheTwoFailures(restored.Errors, "RestoreNotionPageCommand");
        Assert.Equal(new[] { "Keep A", "Keep B", "Keep C" }, afterRestore.OrderBy(t => t));
    }

    [Fact]
    public void AReadOnlyTokenIsToldToTurnOnUpdateContent()
    {
        var connected = Session.Run("$null = Connect-NotionIntegration -Token $readOnlyToken -BaseUri $emu -ApiVersion 2026-03-11");
        Assert.Empty(connected.Errors);

        var error = Assert.Single(Session.Run("Remove-NotionPage -PageId $page -Confirm:$false", Vars(("page", MeetingNotesId))).Errors);

        Assert.Equal("NotionRestrictedResource,NotionPS.Cmdlets.RemoveNotionPageCommand", error.FullyQualifiedErrorId);
        Assert.Contains("\"Update content\"", error.ErrorDetails.RecommendedAction);
    }

    private static void AssertTheTwoFailures(IReadOnlyList<ErrorRecord> errors, string cmdlet)
    {
        Assert.Equal(new[] { $"NotionObjectNotFound,NotionPS.Cmdlets.{cmdlet}", $"InvalidNotionUrl,NotionPS.Cmdlets.{cmdlet}" }, errors.Select(e => e.FullyQualifiedErrorId));
        Assert.Equal(NobodysId, errors[0].TargetObject);
        Assert.StartsWith("Share the page with the integration", errors[0].ErrorDetails.RecommendedAction);
        Assert.Equal("not a page", errors[1].TargetObject);
    }
}
