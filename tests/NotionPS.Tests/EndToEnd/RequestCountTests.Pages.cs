using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>The page cmdlets' requests: pages, comments, moves, the trash, content and files.</summary>
public partial class RequestCountTests
{
    /// <summary>A new page under Team Home (made before the requests a test counts); its ID.</summary>
    private string NewPage(string title, string? markdown = null)
    {
        var result = Session.Run("(New-NotionPage -ParentId $teamHome -Title $title -Markdown $markdown).PageId", Vars(("teamHome", TeamHomeId), ("title", title), ("markdown", markdown)));
        Assert.Empty(result.Errors);
        return (string)result.Output.Single().BaseObject;
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task GettingAPageSendsOneRequest(string version)
    {
        Connect(version);
        var pageId = NewPage("Get page requests " + version);

        var sent = await RequestsOfAsync("$null = Get-NotionPage $page -Verbose", Vars(("page", pageId)));

        Assert.Equal(new[] { "GET v1/pages/" + pageId }, sent);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task CommentsAreReadAndAddedWithoutReadingThePageOrTheBlock(string version)
    {
        Connect(version);
        var pageId = NewPage("Comment requests " + version, "A paragraph.");
        var blockId = (string)Session.Run("(Get-NotionPageContent $page -AsBlocks).id", Vars(("page", pageId))).Output.Single().BaseObject;

        var added = await RequestsOfAsync("$null = Add-NotionComment $page 'On the page' -Verbose", Vars(("page", pageId)));
        var onPage = await RequestsOfAsync("$null = Get-NotionComment $page -Verbose", Vars(("page", pageId)));
        var onBlock = await RequestsOfAsync("$null = Get-NotionComment -BlockId $block -Verbose", Vars(("block", blockId)));

        Assert.Equal(new[] { "POST v1/comments" }, added);
        Assert.Equal(new[] { $"GET v1/comments?block_id={pageId}&page_size=100" }, onPage);
        Assert.Equal(new[] { $"GET v1/comments?block_id={blockId}&page_size=100" }, onBlock);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task TrashingAndRestoringAPageSendOneRequestEach(string version)
    {
        Connect(version);
        var pageId = NewPage("Trash requests " + version);

        var removed = await RequestsOfAsync("Remove-NotionPage $page -Confirm:$false -Verbose", Vars(("page", pageId)));
        var restored = await RequestsOfAsync("Restore-NotionPage $page -Verbose", Vars(("page", pageId)));

        Assert.Equal(new[] { "PATCH v1/pages/" + pageId }, removed);
        Assert.Equal(new[] { "PATCH v1/pages/" + pageId }, restored);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task MovingPagesUnderAPageAsksWhatTheParentIsOnceForAll(string version)
    {
        Connect(version);
        var parent = NewPage("Move parent " + version);
        var pages = new[] { NewPage("Moved 1 " + version), NewPage("Moved 2 " + version) };

        var byId = await RequestsOfAsync("$pages | Move-NotionPage -ParentId $parent -Verbose", Vars(("pages", pages), ("parent", parent)));
        Assert.Empty(Session.Run("$parentPage = Get-NotionPage $parent", Vars(("parent", parent))).Errors);
        var byObject = await RequestsOfAsync("$pages | Move-NotionPage -ParentId $parentPage -Verbose", Vars(("pages", pages)));

        var moves = pages.Select(page => $"POST v1/pages/{page}/move").ToList();
        Assert.Equal(moves.Prepend("GET v1/pages/" + parent), byId);
        Assert.Equal(moves, byObject);
    }

    [Theory]
    [MemberData(nameof(DataSourceVersions))]
    public async Task MovingPagesIntoADatabaseByItsIdReadsTheDatabaseOnceForAll(string version)
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Move into " + version);
        Connect(version);
        var pages = new[] { NewPage("Row 1 " + version), NewPage("Row 2 " + version) };

        var sent = await RequestsOfAsync("$pages | Move-NotionPage -ParentId $db -Verbose", Vars(("pages", pages), ("db", databaseId)));

        // The ID is asked about as a page first (most parents are), then as a database, which names its data source.
        Assert.Equal(new[] { "GET v1/pages/" + databaseId, "GET v1/databases/" + databaseId }.Concat(pages.Select(page => $"POST v1/pages/{page}/move")), sent);
        Assert.Equal(2, (await Emulator.QueryTitlesAsync(dataSourceId, "Row ")).Count);
    }

    [Fact]
    public async Task MovingPagesIntoADatabaseUnder2022IsRefusedForEveryPageAfterOneLookup()
    {
        var (databaseId, _) = await NewDatabaseAsync("Move into legacy");
        Connect("2022-06-28");
        var pages = new[] { NewPage("Not moved 1"), NewPage("Not moved 2") };

        var (sent, result) = await RequestsAndResultOfAsync("$pages | Move-NotionPage -ParentId $db -Verbose", Vars(("pages", pages), ("db", databaseId)));

        Assert.Equal(new[] { "GET v1/pages/" + databaseId, "GET v1/databases/" + databaseId }, sent);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, error => Assert.StartsWith(NotionPS.Errors.NotionErrorIds.NotionMoveNeedsNewerApiVersion + ",", error.FullyQualifiedErrorId, System.StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ReadingContentListsEachBlockWithChildrenOnce(string version)
    {
        Connect(version);
        var pageId = NewPage("Read content " + version, "# Heading\n\n- a\n  - b\n- c");
        var a = (string)Session.Run("(Get-NotionPageContent $page -AsBlocks | Where-Object type -eq bulleted_list_item | Select-Object -First 1).id", Vars(("page", pageId))).Output.Single().BaseObject;

        var markdown = await RequestsOfAsync("$null = Get-NotionPageContent $page -Verbose", Vars(("page", pageId)));
        var blocks = await RequestsOfAsync("$null = Get-NotionPageContent $page -AsBlocks -Verbose", Vars(("page", pageId)));

        var expected = new[] { $"GET v1/blocks/{pageId}/children?page_size=100", $"GET v1/blocks/{a}/children?page_size=100" };
        Assert.Equal(expected, markdown);
        Assert.Equal(expected, blocks);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task WritingContentSendsOneAppendARequestsNestingAndListsOnlyToFindAnAnchor(string version)
    {
        Connect(version);
        var pageId = NewPage("Write content " + version, "# Heading\n\nFirst.");
        var append = $"PATCH v1/blocks/{pageId}/children";
        var list = $"GET v1/blocks/{pageId}/children?page_size=100";

        var atEnd = await RequestsOfAsync("Set-NotionPageContent $page \"- a`n  - b`n    - c\" -Verbose", Vars(("page", pageId)));
        var fourDeep = await RequestsOfAsync("Set-NotionPageContent $page \"- d`n  - e`n    - f`n      - g\" -Verbose", Vars(("page", pageId)));
        var d = (string)Session.Run("(Get-NotionPageContent $page -AsBlocks)[-1].id", Vars(("page", pageId))).Output.Single().BaseObject;
        var after = await RequestsOfAsync("Set-NotionPageContent $page 'Second.' -After Heading -Verbose", Vars(("page", pageId)));
        var passThru = await RequestsOfAsync("$null = Set-NotionPageContent $page 'Last.' -PassThru -Verbose", Vars(("page", pageId)));
        var oldBlocks = Session.Run("Get-NotionPageContent $page -AsBlocks | ForEach-Object id", Vars(("page", pageId))).Output.Select(id => "DELETE v1/blocks/" + id).ToList();
        var replace = await RequestsOfAsync("Set-NotionPageContent $page 'Only this.' -Replace -Confirm:$false -Verbose", Vars(("page", pageId)));

        Assert.Equal(new[] { append }, atEnd);

        // d alone, then e (holding f holding g) under d, which the first answer named: no request lists a block's children.
        Assert.Equal(new[] { append, $"PATCH v1/blocks/{d}/children" }, fourDeep);
        Assert.Equal(new[] { list, append }, after);
        Assert.Equal(new[] { append, "GET v1/pages/" + pageId }, passThru);

        // Notion deletes a block at a time: one request for each old top-level block.
        Assert.Equal(new[] { list, append }.Concat(oldBlocks), replace);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task SendingFilesAsksTheWorkspaceLimitOnceAndSendsEachFileInTwoRequests(string version)
    {
        Connect(version);
        var folder = Directory.CreateTempSubdirectory("notionps-requests-").FullName;
        var files = new[] { Path.Combine(folder, "one.txt"), Path.Combine(folder, "two.txt") };
        foreach (var file in files)
        {
            File.WriteAllText(file, "Some text.");
        }

        var sent = await RequestsOfAsync("$null = Get-Item -LiteralPath $files | Send-NotionFile -Verbose", Vars(("files", files)));

        Assert.Equal("GET v1/users/me", sent[0]);
        Assert.Equal(new[] { "POST v1/file_uploads", "POST v1/file_uploads/*/send", "POST v1/file_uploads", "POST v1/file_uploads/*/send" }, sent.Skip(1).Select(WithoutUploadId));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task AnImageInMarkdownIsUploadedAndAppendedWithoutReadingTheUploadBackAndTheLimitIsAskedOnceForAllPages(string version)
    {
        Connect(version);
        var pageId = NewPage("Image requests " + version);
        var folder = Directory.CreateTempSubdirectory("notionps-requests-").FullName;
        File.WriteAllBytes(Path.Combine(folder, "dot.png"), System.Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));

        var secondPageId = NewPage("Image requests, second " + version);

        var sent = await RequestsOfAsync("Push-Location $folder; try { $pages | Set-NotionPageContent -Markdown '![A dot](dot.png)' -LocalFileRoot $folder -Verbose } finally { Pop-Location }", Vars(("pages", new[] { pageId, secondPageId }), ("folder", folder)));

        // Each page is read as a block first (that it takes content, before its files leave the machine); the workspace's
        // upload limit is asked once for every page; each page gets an upload of its own.
        var upload = new[] { "POST v1/file_uploads", "POST v1/file_uploads/*/send" };
        Assert.Equal(
            new[] { $"GET v1/blocks/{pageId}", "GET v1/users/me" }.Concat(upload).Append($"PATCH v1/blocks/{pageId}/children")
                .Append($"GET v1/blocks/{secondPageId}").Concat(upload).Append($"PATCH v1/blocks/{secondPageId}/children"),
            sent.Select(WithoutUploadId));
    }

    /// <summary>A file upload's path with its ID (new on every run) as *.</summary>
    private static string WithoutUploadId(string request) =>
        System.Text.RegularExpressions.Regex.Replace(request, "file_uploads/[0-9a-f-]{36}", "file_uploads/*");

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task SavingFilesReadsOnlyWhatTheRowDoesNotHold(string version)
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Save requests " + version, new System.Text.Json.Nodes.JsonObject { ["Files"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "files" } });
        var ids = await SeedRowsAsync(dataSourceId, Enumerable.Range(1, 2).Select(Row));
        Connect(version);
        Assert.Empty(Session.Run("$rows = Get-NotionDatabaseRow -DatabaseId $db", Vars(("db", databaseId))).Errors);
        var folder = Directory.CreateTempSubdirectory("notionps-requests-").FullName;

        var columnsOnly = await RequestsOfAsync("$rows | Save-NotionFile -Column Files -Destination $folder -Verbose", Vars(("folder", folder)));
        var withContent = await RequestsOfAsync("$rows | Save-NotionFile -Destination $folder -Verbose", Vars(("folder", folder)));
        var byPageId = await RequestsOfAsync("Save-NotionFile -PageId $page -Column Files -Destination $folder -Verbose", Vars(("page", ids[0]), ("folder", folder)));

        // A piped row holds its files columns; the page's content (its file blocks) is read only when asked for.
        Assert.Empty(columnsOnly);
        Assert.Equal(ids.Select(id => $"GET v1/blocks/{id}/children?page_size=100").Order(), withContent.Order());
        Assert.Equal(new[] { "GET v1/pages/" + ids[0] }, byPageId);
    }
}
