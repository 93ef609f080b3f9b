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
/// Page icons and covers end to end: New-NotionPage -Icon/-Cover and Set-NotionPage with each kind of input (emoji,
/// http(s) URL, local image by path or Get-Item, Send-NotionFile's upload), removal, and every bad input's error id,
/// read back straight from the emulator.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class PageVisualsTests : RowsTestBase, IDisposable
{
    private const string NobodysId = "0f0f0f0f-0000-4000-8000-00000000dead";
    private const string CoverUrl = "https://example.com/covers/sea.jpg";

    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "notionps-e2e-visuals-" + Guid.NewGuid().ToString("N"))).FullName;

    public PageVisualsTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task EachInputKindSetsTheIconAndCoverAndTheSwitchesRemoveThem(string version)
    {
        var image = WriteFile("logo.png", 300);
        Connect(version);

        var created = Session.Run(
            "New-NotionPage -ParentId $parent -Title 'Visuals' -Icon '👨‍👩‍👧‍👦' -Cover $cover",
            Vars(("parent", TeamHomeId), ("cover", CoverUrl)));
        Assert.Empty(created.Errors);
        var page = Assert.Single(created.OutputOf<NotionPage>());
        Assert.Equal(("👨‍👩‍👧‍👦", CoverUrl), (page.Icon, page.Cover));
        var stored = await ApiGetAsync("v1/pages/" + page.PageId, version);
        Assert.Equal(("emoji", "external"), ((string?)stored["icon"]!["type"], (string?)stored["cover"]!["type"]));

        // A path (relative to the current location) for the icon, a FileInfo for the cover, and a new title.
        var local = Session.Run(
            "Set-Location -LiteralPath $folder; $page | Set-NotionPage -Title 'Renamed' -Icon ./logo.png -Cover (Get-Item -LiteralPath $image) -PassThru",
            Vars(("folder", folder), ("page", page), ("image", image)));
        Assert.Empty(local.Errors);
        var changed = Assert.Single(local.OutputOf<NotionPage>());
        Assert.Equal("Renamed", changed.Title);
        Assert.StartsWith(Emulator.BaseUri.GetLeftPart(UriPartial.Authority), changed.Icon);
        stored = await ApiGetAsync("v1/pages/" + page.PageId, version);
        Assert.Equal(("file", "file"), ((string?)stored["icon"]!["type"], (string?)stored["cover"]!["type"]));

        // Send-NotionFile's upload, by the page's URL; the cover removed in the same request.
        var upload = Session.Run(
            "$upload = Send-NotionFile -LiteralPath $image; Set-NotionPage -PageId $url -Icon $upload -RemoveCover -PassThru; $upload",
            Vars(("image", image), ("url", page.Url)));
        Assert.Empty(upload.Errors);
        Assert.Null(Assert.IsType<NotionPage>(upload.Output[0].BaseObject).Cover);
        var uploadId = Assert.IsType<NotionFileUpload>(upload.Output[1].BaseObject).Id;
        Assert.Null((await ApiGetAsync("v1/file_uploads/" + uploadId, version))["expiry_time"]);
        stored = await ApiGetAsync("v1/pages/" + page.PageId, version);
        Assert.Equal("file", (string?)stored["icon"]!["type"]);
        Assert.Null(stored["cover"]);

        var removed = Session.Run("Set-NotionPage -PageId $id -RemoveIcon", Vars(("id", page.PageId)));
        Assert.Empty(removed.Errors);
        Assert.Empty(removed.Output);
        Assert.Null((await ApiGetAsync("v1/pages/" + page.PageId, version))["icon"]);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task PipedRowsPagesAndIdsAreEachChangedAndABadOneLosesNoOther(string version)
    {
        var image = WriteFile("badge.png", 200);
        var first = await NewPageAsync("First");
        var second = await NewPageAsync("Second");
        Connect(version);

        var result = Session.Run(
            """
            $row = Get-NotionDatabaseRow -DatabaseId $tasks | Select-Object -First 1
            $page = Get-NotionPage -PageId $first
            $row, 'not a page', $nobody, $page, $second | Set-NotionPage -Icon $image -PassThru
            """,
            Vars(("tasks", TasksId), ("first", first), ("nobody", NobodysId), ("second", second), ("image", image)));

        Assert.Equal(
            new[] { "InvalidNotionUrl,NotionPS.Cmdlets.SetNotionPageCommand", "NotionObjectNotFound,NotionPS.Cmdlets.SetNotionPageCommand" },
            result.Errors.Select(error => error.FullyQualifiedErrorId));
        Assert.Equal(NobodysId, result.Errors[1].TargetObject);
        var changed = result.OutputOf<NotionPage>();
        Assert.Equal(3, changed.Count);
        Assert.All(changed, page => Assert.NotNull(page.Icon));

        // One upload, attached to all three pages.
        var icons = new List<string>();
        foreach (var page in changed)
        {
            var stored = await ApiGetAsync("v1/pages/" + page.PageId, version);
            Assert.Equal("file", (string?)stored["icon"]!["type"]);
            icons.Add(new Uri((string)stored["icon"]!["file"]!["url"]!).AbsolutePath);
        }

        Assert.Single(icons.Distinct());
        Assert.Single((await ApiGetAsync("v1/file_uploads", version))["results"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ARowsTitleColumnIsRenamedAndNotionsRefusalOfAnEmojiIsThatPagesError(string version)
    {
        var row = await NewRowAsync("Before");
        var page = await NewPageAsync("Plain");
        Connect(version);

        var renamed = Session.Run("Set-NotionPage -PageId $row -Title 'After' -Icon '✅' -PassThru", Vars(("row", row)));
        var refused = Session.Run("$row, $page | Set-NotionPage -Icon '📎📎' -PassThru", Vars(("row", row), ("page", page)));

        Assert.Empty(renamed.Errors);
        Assert.Equal(("After", "✅"), (Assert.Single(renamed.OutputOf<NotionPage>()).Title, renamed.OutputOf<NotionPage>()[0].Icon));
        Assert.Equal("After", (string?)(await ApiGetAsync("v1/pages/" + row, version))["properties"]!["Name"]!["title"]![0]!["plain_text"]);

        // Two emoji look like an emoji to NotionPS; Notion decides, and refuses each page on its own.
        Assert.Equal(2, refused.Errors.Count);
        Assert.All(refused.Errors, error => Assert.Equal("NotionValidationError,NotionPS.Cmdlets.SetNotionPageCommand", error.FullyQualifiedErrorId));
        Assert.Contains("body.icon.emoji", refused.Errors[0].Exception.Message);
        Assert.Equal("✅", (string?)(await ApiGetAsync("v1/pages/" + row, version))["icon"]!["emoji"]);
    }

    public static TheoryData<string, string> BadIcons() => new()
    {
        { "''", "NotionPageVisualEmpty" },
        { "$null", "NotionPageVisualEmpty" },
        { "'   '", "NotionPageVisualEmpty" },
        { "\"logo`n.png\"", "NotionPageVisualControlCharacter" },
        { "\"`u{1b}[31m🚀\"", "NotionPageVisualControlCharacter" },
        { "'file:///etc/passwd'", "NotionPageVisualUrlRefused" },
        { "'javascript:alert(1)'", "NotionPageVisualUrlRefused" },
        { "'ftp://example.com/a.png'", "NotionPageVisualUrlRefused" },
        { "'https://'", "NotionPageVisualUrlRefused" },
        { "'https://ada:s3cret@example.com/logo.png'", "NotionUrlCredentialsRefused" },
        { "(Join-Path $folder missing.png)", "NotionFileNotFound" },
        { "'smile'", "NotionFileNotFound" },
        { "(Join-Path $folder notes.txt)", "NotionPageVisualNotImage" },
        { "(Send-NotionFile -LiteralPath (Join-Path $folder notes.txt))", "NotionPageVisualNotImage" },
        { "(Join-Path $folder empty.png)", "NotionFileEmpty" },
        { "(Join-Path $folder link.png)", "NotionPageVisualNotAFile" },
        { "$folder", "NotionPageVisualNotAFile" },
        { "$device", "NotionPageVisualNotAFile" },
        { "'Env:PATH'", "NotionLocalPathInvalid" },
        { "'Function:\\prompt'", "NotionLocalPathInvalid" },
        { "'Variable:\\folder'", "NotionLocalPathInvalid" },
        { "'Q:\\logo.png'", "NotionLocalPathInvalid" },
        { "@{ Icon = '🚀' }", "NotionPageVisualInvalid" },
    };

    [Theory]
    [MemberData(nameof(BadIcons))]
    public async Task EveryBadIconStopsSetAndNewBeforeAnyRequestWithItsOwnErrorId(string icon, string errorId)
    {
        PrepareBadFiles();
        var page = await NewPageAsync("Untouched");
        Connect("2026-03-11");
        var vars = Vars(("page", page), ("folder", folder), ("device", OperatingSystem.IsWindows() ? "NUL" : "/dev/null"), ("parent", TeamHomeId));
        var before = await WritesAsync();

        var set = RunExpectingTerminatingError($"Set-NotionPage -PageId $page -Title 'Changed' -Icon {icon}", vars);
        var created = RunExpectingTerminatingError($"New-NotionPage -ParentId $parent -Title 'Never made' -Icon {icon}", vars);

        Assert.Equal($"{errorId},NotionPS.Cmdlets.SetNotionPageCommand", set.FullyQualifiedErrorId);
        Assert.Equal($"{errorId},NotionPS.Cmdlets.NewNotionPageCommand", created.FullyQualifiedErrorId);
        Assert.Equal(set.CategoryInfo.Category, created.CategoryInfo.Category);
        Assert.NotEqual(ErrorCategory.NotSpecified, set.CategoryInfo.Category);
        Assert.Equal(before, await WritesAsync());
        Assert.Equal("Untouched", (string?)(await ApiGetAsync("v1/pages/" + page, "2026-03-11"))["properties"]!["title"]!["title"]![0]!["plain_text"]);
    }

    [Theory]
    [InlineData("Set-NotionPage -PageId $page -Cover '🚀'", "NotionPageCoverEmoji")]
    [InlineData("New-NotionPage -ParentId $page -Title 'x' -Cover '🚀'", "NotionPageCoverEmoji")]
    [InlineData("Set-NotionPage -PageId $page -Icon '🚀' -RemoveIcon", "NotionPageVisualConflict")]
    [InlineData("Set-NotionPage -PageId $page -Cover $cover -RemoveCover", "NotionPageVisualConflict")]
    [InlineData("Set-NotionPage -PageId $page", "NotionPageNothingToSet")]
    public async Task ACoverEmojiASetAndRemoveOfTheSameThingAndNothingToSetAreRefused(string script, string errorId)
    {
        var page = await NewPageAsync("Refusals");
        Connect("2026-03-11");

        var error = RunExpectingTerminatingError(script, Vars(("page", page), ("cover", CoverUrl)));

        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
    }

    [Fact]
    public async Task WhatIfUploadsNothingAndChangesNothing()
    {
        var image = WriteFile("logo.png", 300);
        var page = await NewPageAsync("What if");
        Connect("2026-03-11");

        var result = Session.Run("Set-NotionPage -PageId $page -Icon $image -Cover $image -WhatIf", Vars(("page", page), ("image", image)));

        Assert.Empty(result.Errors);
        Assert.Empty((await ApiGetAsync("v1/file_uploads", "2026-03-11"))["results"]!.AsArray());
        Assert.Null((await ApiGetAsync("v1/pages/" + page, "2026-03-11"))["icon"]);
    }

    public new void Dispose()
    {
        base.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A text file, an empty image, a symbolic link to an image (where the system lets us make one).</summary>
    private void PrepareBadFiles()
    {
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not an image");
        File.WriteAllBytes(Path.Combine(folder, "empty.png"), []);
        var target = WriteFile("target.png", 100);
        File.CreateSymbolicLink(Path.Combine(folder, "link.png"), target);
    }

    private string WriteFile(string name, int length)
    {
        var path = Path.Combine(folder, name);
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Pages the demo integration has created and updated so far.</summary>
    private async Task<(int Created, int Updated)> WritesAsync()
    {
        var stats = await Emulator.IntegrationStatsAsync("NotionPS Demo");
        return ((int)stats["pagesCreated"]!, (int)stats["pagesUpdated"]!);
    }

    private async Task<string> NewRowAsync(string name) =>
        (string)(await Emulator.AdminPostAsync($"data_sources/{EmulatorFixture.TasksDataSourceId}/rows", new JsonObject { ["rows"] = new JsonArray(new JsonObject { ["properties"] = new JsonObject { ["Name"] = name } }) }))["ids"]![0]!;
}
