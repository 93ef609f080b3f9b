using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Markdown naming local files (audit2 findings 1 and 4): New-NotionPage and Set-NotionPageContent upload a file only
/// from under -LocalFileRoot, refuse every way out of it before any upload, list the files under -WhatIf, and a page
/// copied through Get-NotionPageContent never uploads a file its links name.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class MarkdownLocalFileTests : LocalSecretTestBase
{
    private const string Version = "2026-03-11";

    private readonly string docs;

    public MarkdownLocalFileTests(EmulatorFixture emulator)
        : base(emulator, "notionps-e2e-markdown-files-")
    {
        docs = Directory.CreateDirectory(Path.Combine(Folder, "docs")).FullName;
        File.WriteAllBytes(Path.Combine(docs, "chart.png"), [1, 2, 3]);
    }

    [Fact]
    public async Task WithoutLocalFileRootALineNamingALocalFileIsRefusedForEachPageAndNothingIsUploadedOrWritten()
    {
        Connect(Version);
        var uploads = await UploadCountAsync(Version);

        var result = Session.Run(
            """
            Set-Location -LiteralPath $docs
            $pages = 'First', 'Second' | ForEach-Object { New-NotionPage -ParentId $parent -Title $_ }
            New-NotionPage -ParentId $parent -Title 'Never created' -Markdown "Intro`n`n![The chart](./chart.png)"
            $pages | Set-NotionPageContent -Markdown "[config.json]($secret)"
            $pages
            """,
            Vars(("docs", docs), ("parent", TeamHomeId), ("secret", Secret)));

        Assert.Equal(
            new[] { "NewNotionPageCommand", "SetNotionPageContentCommand", "SetNotionPageContentCommand" }.Select(cmdlet => "NotionLocalFileNotAllowed,NotionPS.Cmdlets." + cmdlet),
            result.Errors.Select(error => error.FullyQualifiedErrorId));
        Assert.All(result.Errors, error => Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category));
        Assert.StartsWith("Markdown line 3 names the local file './chart.png', and local files are uploaded only from a folder you name. Add -LocalFileRoot <folder>", result.Errors[0].ToString(), StringComparison.Ordinal);
        Assert.StartsWith($"Markdown line 1 names the local file '{Secret}'", result.Errors[1].ToString(), StringComparison.Ordinal);
        Assert.Equal(uploads, await UploadCountAsync(Version));
        foreach (var page in result.Output.Select(item => Assert.IsType<NotionPage>(item.BaseObject)))
        {
            Assert.Empty((await ApiGetAsync($"v1/blocks/{page.PageId}/children", Version))["results"]!.AsArray());
        }

        Assert.DoesNotContain("Never created", await ChildPageTitlesAsync());
    }

    [Theory]
    [InlineData("../home/.docker/config.json", "is outside the folder")]
    [InlineData("{secret}", "is outside the folder")]
    [InlineData("{secret-percent-encoded}", "is outside the folder")]
    [InlineData("file://{secret}", "is outside the folder")]
    [InlineData("notes.json", "goes through '{docs}/notes.json', a symbolic link")]
    [InlineData("linked/config.json", "goes through '{docs}/linked', a symbolic link")]
    [InlineData(@"\\attacker.example\share\x.png", "is a network (UNC) or device path")]
    [InlineData("file://attacker.example/share/x.png", "is a file: URI naming the host 'attacker.example', a network path")]
    public async Task WithLocalFileRootEveryWayOutOfTheFolderIsRefusedBeforeAnyFileIsUploaded(string destination, string reason)
    {
        File.CreateSymbolicLink(Path.Combine(docs, "notes.json"), Secret);
        Directory.CreateSymbolicLink(Path.Combine(docs, "linked"), Path.GetDirectoryName(Secret)!);
        destination = destination.Replace("{secret-percent-encoded}", Secret.Replace("/", "%2F")).Replace("{secret}", Secret);
        Connect(Version);
        var uploads = await UploadCountAsync(Version);

        // The chart on line 1 is allowed: it is not uploaded either, as every file is checked before the first is sent.
        var result = Session.Run(
            "New-NotionPage -ParentId $parent -Title 'Never created' -LocalFileRoot $docs -Markdown \"![The chart](chart.png)`n`n[config.json]($destination)\"",
            Vars(("docs", docs), ("parent", TeamHomeId), ("destination", destination)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("NotionLocalFileOutsideRoot,NotionPS.Cmdlets.NewNotionPageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains($"Markdown line 3: '{Uri.UnescapeDataString(destination)}' {reason.Replace("{docs}", docs)}", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(uploads, await UploadCountAsync(Version));
        Assert.DoesNotContain("Never created", await ChildPageTitlesAsync());
    }

    /// <summary>
    /// //host/path is a scheme-relative link to a host, as CommonMark and browsers read it, never a local (UNC) file: refused
    /// as a link Notion does not take, and nothing is read or uploaded.
    /// </summary>
    [Fact]
    public async Task ASchemeRelativeDestinationIsALinkNeverANetworkFile()
    {
        Connect(Version);
        var uploads = await UploadCountAsync(Version);

        var result = Session.Run(
            "New-NotionPage -ParentId $parent -Title 'Never created' -LocalFileRoot $docs -Markdown \"![The chart](chart.png)`n`n[config.json](//attacker.example/share/x.png)\"",
            Vars(("docs", docs), ("parent", TeamHomeId)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("MarkdownInvalidUrl,NotionPS.Cmdlets.NewNotionPageCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Markdown line 3: the link '//attacker.example/share/x.png' is not a web address", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(uploads, await UploadCountAsync(Version));
        Assert.DoesNotContain("Never created", await ChildPageTitlesAsync());
    }

    [Fact]
    public async Task ARelativePathIsTakenFromTheRootGivenAsAPowerShellPathNotFromTheCurrentLocation()
    {
        File.WriteAllBytes(Path.Combine(Folder, "chart.png"), [9, 9, 9, 9]);
        Connect(Version);

        var result = Session.Run(
            """
            Set-Location -LiteralPath $here
            $page = Set-NotionPageContent -PageId (New-NotionPage -ParentId $parent -Title 'From the root') -Markdown '![The chart](chart.png)' -LocalFileRoot ./docs -PassThru
            (Get-NotionPageContent -PageId $page -AsBlocks).image.file.url
            """,
            Vars(("here", Folder), ("parent", TeamHomeId)));

        Assert.Empty(result.Errors);
        var url = (string)Assert.Single(result.Output).BaseObject;
        Assert.Equal(SHA256.HashData([1, 2, 3]), SHA256.HashData(await Emulator.Admin.GetByteArrayAsync(url)));
    }

    [Fact]
    public void AMissingFileIsLookedForUnderTheRootAndTheAdviceSaysSo()
    {
        File.WriteAllBytes(Path.Combine(Folder, "gone.pdf"), [1]);
        Connect(Version);

        var result = Session.Run(
            "Set-Location -LiteralPath $here; New-NotionPage -ParentId $parent -Title 'Never created' -LocalFileRoot ./docs -Markdown '[gone.pdf](gone.pdf)'",
            Vars(("here", Folder), ("parent", TeamHomeId)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("NotionFileNotFound,NotionPS.Cmdlets.NewNotionPageCommand", error.FullyQualifiedErrorId);
        Assert.StartsWith($"Markdown line 1: No file '{Path.Combine(docs, "gone.pdf")}'.", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("Check the path (Test-Path tells whether it exists); a relative path in Markdown is taken from -LocalFileRoot.", error.ErrorDetails.RecommendedAction);
    }

    [Theory]
    [InlineData("New-NotionPage -ParentId $parent -Title 'Never created'", "NewNotionPageCommand")]
    [InlineData("Set-NotionPageContent -PageId $parent", "SetNotionPageContentCommand")]
    public void ALocalFileRootThatIsNoFolderStopsTheCommand(string command, string cmdlet)
    {
        Connect(Version);
        var vars = Vars(("parent", TeamHomeId), ("file", Path.Combine(docs, "chart.png")), ("missing", Path.Combine(Folder, "missing")));

        var missing = RunExpectingTerminatingError(command + " -Markdown 'Text' -LocalFileRoot $missing", vars);
        var file = RunExpectingTerminatingError(command + " -Markdown 'Text' -LocalFileRoot $file", vars);

        Assert.Equal("NotionLocalFileRootInvalid,NotionPS.Cmdlets." + cmdlet, missing.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, missing.CategoryInfo.Category);
        Assert.StartsWith($"-LocalFileRoot '{Path.Combine(Folder, "missing")}' names no folder.", missing.ToString(), StringComparison.Ordinal);
        Assert.Equal("NotionLocalFileRootInvalid,NotionPS.Cmdlets." + cmdlet, file.FullyQualifiedErrorId);
        Assert.Contains("is a file, not a folder", file.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIfNamesEachFileItWouldUploadAndRefusesWhatTheRealRunWould()
    {
        Directory.CreateDirectory(Path.Combine(docs, "out"));
        File.WriteAllBytes(Path.Combine(docs, "out", "report.pdf"), new byte[1234]);
        var host = new TextCaptureHost();
        using var console = Emulator.NewSession(host);
        Connect(Version, console);
        var uploads = await UploadCountAsync(Version);

        var whatIf = console.Run(
            "New-NotionPage -ParentId $parent -Title 'Dry run' -LocalFileRoot $docs -WhatIf -Markdown \"![The chart](chart.png)`n`n- Attachments`n`n  [report.pdf](out/report.pdf)\"",
            Vars(("docs", docs), ("parent", TeamHomeId)));
        var refused = console.Run(
            "New-NotionPage -ParentId $parent -Title 'Dry run' -LocalFileRoot $docs -WhatIf -Markdown \"![The chart](chart.png)`n`n[config.json](../home/.docker/config.json)\"; " +
            "New-NotionPage -ParentId $parent -Title 'Dry run' -WhatIf -Markdown '![The chart](chart.png)'",
            Vars(("docs", docs), ("parent", TeamHomeId)));

        Assert.Empty(whatIf.Errors);
        Assert.Equal(
            new[]
            {
                $"What if: Upload the local file '{Path.Combine(docs, "chart.png")}' (3 bytes, Markdown line 1) to Notion.",
                $"What if: Upload the local file '{Path.Combine(docs, "out", "report.pdf")}' (1,234 bytes, Markdown line 5) to Notion.",
                $"What if: Performing the operation \"Create page\" on target \"\"Dry run\" under {TeamHomeId}\".",
            },
            host.WhatIfLines);
        Assert.Equal(new[] { "NotionLocalFileOutsideRoot,NotionPS.Cmdlets.NewNotionPageCommand", "NotionLocalFileNotAllowed,NotionPS.Cmdlets.NewNotionPageCommand" }, refused.Errors.Select(error => error.FullyQualifiedErrorId));
        Assert.Equal(3, host.WhatIfLines.Count);
        Assert.Equal(uploads, await UploadCountAsync(Version));
        Assert.DoesNotContain("Dry run", await ChildPageTitlesAsync());
    }

    [Fact]
    public async Task APageWhoseLinksNameNotionPagesIsCopiedWithItsLinksAndUploadsNothingEvenUnderTheWholeDisk()
    {
        // Notion (and the emulator) refuse a link that is a path, so a page can hold only its own page links in that
        // shape; how a path-shaped destination is written back is BlocksToMarkdownTests' part.
        var notionLink = "/" + TeamHomeId.Replace("-", string.Empty);
        var address = $"https://www.notion.so/{TeamHomeId.Replace("-", string.Empty)}";
        Connect(Version);
        var uploads = await UploadCountAsync(Version);

        // Another user's page: blocks that are one link each, written through the plain API, as Notion stores them.
        var result = Session.Run(
            """
            $page = New-NotionPage -ParentId $parent -Title 'Their page'
            function Linked($type, $url) { @{ type = $type; $type = @{ rich_text = @(@{ type = 'text'; text = @{ content = 'See'; link = @{ url = $url } } }) } } }
            $children = @((Linked paragraph $notion), (Linked bulleted_list_item $notion), (Linked quote $notion))
            Invoke-NotionApi -Method PATCH -Path "v1/blocks/$($page.PageId)/children" -Body @{ children = $children } | Out-Null
            $markdown = Get-NotionPageContent -PageId $page
            $markdown
            $copy = $markdown | New-NotionPage -ParentId $parent -Title 'My copy'
            $wholeDisk = $markdown | New-NotionPage -ParentId $parent -Title 'My copy, root /' -LocalFileRoot /
            $copy, $wholeDisk | ForEach-Object { ,@(Get-NotionPageContent -PageId $_ -AsBlocks | ForEach-Object { '{0}:{1}' -f $_.type, $_.($_.type).rich_text[0].text.link.url }) }
            """,
            Vars(("parent", TeamHomeId), ("notion", notionLink)));

        Assert.Empty(result.Errors);
        Assert.Equal($"[See]({address})\n\n- [See]({address})\n\n> [See]({address})\n", result.Output[0].BaseObject);
        var copied = new[] { $"paragraph:{address}", $"bulleted_list_item:{address}", $"quote:{address}" };
        Assert.Equal(copied, ((object[])result.Output[1].BaseObject).Select(item => item.ToString()));
        Assert.Equal(copied, ((object[])result.Output[2].BaseObject).Select(item => item.ToString()));
        Assert.Equal(uploads, await UploadCountAsync(Version));
    }

    private async Task<string?[]> ChildPageTitlesAsync() =>
        (await ApiGetAsync($"v1/blocks/{TeamHomeId}/children?page_size=100", Version))["results"]!.AsArray()
            .Where(block => (string?)block!["type"] == "child_page").Select(block => (string?)block!["child_page"]!["title"]).ToArray();
}
