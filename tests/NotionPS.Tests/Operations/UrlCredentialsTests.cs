using System.IO;
using System.Text.Json.Nodes;
using NotionPS.Content;
using NotionPS.Errors;
using NotionPS.Ids;
using NotionPS.Operations;
using NotionPS.Operations.Files;
using NotionPS.Rows;
using Xunit;

namespace NotionPS.Tests.Operations;

/// <summary>
/// A URL holding a user name or password (https://user:password@host/...) is refused wherever NotionPS would store it in
/// Notion for every reader of the page: Markdown links, files and bookmarks, embeds, comment links, page icons and covers,
/// and files cells. Browsers do not send such credentials for an image anyway; the error quotes the URL without them.
/// </summary>
public class UrlCredentialsTests
{
    private const string Refused = "NotionUrlCredentialsRefused";

    [Theory]
    [InlineData("see [docs](https://ada:s3cret@e.example/docs)", 1, "https://***@e.example/docs")]
    [InlineData("ok\n\n![chart](https://ada:s3cret@e.example/a.png)", 3, "https://***@e.example/a.png")]
    [InlineData("![talk](<https://ada:s3cret@e.example/my talk.mp3>)", 1, "https://***@e.example/my talk.mp3")]
    [InlineData("<https://ada:s3cret@e.example/page>", 1, "https://***@e.example/page")]
    [InlineData("- [x](http://s3cret@e.example:8080/?a=b@c)", 1, "http://***@e.example:8080/?a=b@c")]
    [InlineData("[x](ftp://ada:s3cret@e.example/f)", 1, "ftp://***@e.example/f")]
    [InlineData("see [x](//ada:s3cret@e.example/f)", 1, "//***@e.example/f")]
    [InlineData("[x](https:\\\\ada:s3cret@e.example/f)", 1, "https:\\***@e.example/f")]
    public void MarkdownLinkingAUrlWithCredentialsIsRefusedNamingItsLineWithoutThem(string markdown, int line, string shown)
    {
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown);

        var error = Assert.Throws<MarkdownContentException>(() => ContentUrls.Check(blocks));

        Assert.Equal(Refused, error.ErrorId);
        Assert.Equal(line, error.Line);
        Assert.Contains($"'{shown}'", error.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, System.StringComparison.Ordinal);
    }

    /// <summary>
    /// After a special scheme (http, https, ftp, ws, wss, file) browsers skip any run of '/' and '\' before the authority
    /// (WHATWG URL, "special authority ignore slashes state"): https:///ada:s3cret@host is ada's password for host.
    /// </summary>
    [Theory]
    [InlineData("https:///ada:s3cret@e.example/logo.png", "https:///***@e.example/logo.png")]
    [InlineData("https:\\\\\\ada:s3cret@e.example/logo.png", "https:\\\\\\***@e.example/logo.png")]
    [InlineData("HTTPS:/\\//ada:s3cret@e.example/logo.png", "HTTPS:/\\//***@e.example/logo.png")]
    [InlineData("///ada:s3cret@e.example/logo.png", "///***@e.example/logo.png")]
    public void AnyRunOfSlashesAfterTheSchemeStillLeadsToCredentials(string url, string shown)
    {
        Assert.True(WebUrls.HasCredentials(url));
        Assert.Equal(shown, WebUrls.Shown(url));
    }

    [Theory]
    [InlineData("https:///ada:s3cret@e.example/logo.png")]
    [InlineData("https:\\\\\\ada:s3cret@e.example/logo.png")]
    public void ExtraSlashesHideNoPasswordFromACoverACommentALinkOrAFilesCell(string url)
    {
        var cover = Assert.Throws<PageVisualException>(() => PageVisual.FromText(url, PageVisual.Cover, _ => false));
        var comment = Assert.Throws<CommentTextException>(() => CommentText.ToRichText($"see [x]({url})"));
        var link = Assert.Throws<MarkdownContentException>(() => ContentUrls.Check(MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), $"see [x]({url})")));
        var cell = Assert.Throws<CellUrlCredentialsException>(() => PropertyWriter.ToPropertyValue("Attachments", "files", url, RowSource.Given));
        var uploadingCell = Assert.Throws<CellUrlCredentialsException>(() => PropertyWriter.ToPropertyValue("Attachments", "files", url, RowSource.Given, new FileCellWriting(Path.GetFullPath)));

        var messages = new[] { cover.Message, comment.Message, link.Message, cell.Message, uploadingCell.Message };
        Assert.All(new[] { cover.ErrorId, comment.ErrorId, link.ErrorId, cell.ErrorId, uploadingCell.ErrorId }, id => Assert.Equal(Refused, id));
        Assert.All(messages, message => Assert.DoesNotContain("s3cret", message, System.StringComparison.Ordinal));
    }

    [Fact]
    public void ABookmarkLineWithExtraSlashesIsRefusedWithoutItsPassword()
    {
        var error = Assert.Throws<MarkdownContentException>(() => ContentUrls.Check(MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "<https:///ada:s3cret@e.example/page>")));

        Assert.Equal(Refused, error.ErrorId);
        Assert.Contains("'https:///***@e.example/page'", error.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, System.StringComparison.Ordinal);
    }

    /// <summary>A scheme-relative destination alone on a line is a link to a host, not a local file: refused for its credentials as in a sentence.</summary>
    [Theory]
    [InlineData("[x](//ada:s3cret@e.example/f.pdf)", "//***@e.example/f.pdf")]
    [InlineData("![x](//ada:s3cret@e.example/a.png)", "//***@e.example/a.png")]
    [InlineData("![x](https:///ada:s3cret@e.example/a.png)", "https:///***@e.example/a.png")]
    public void AFileLineLinkingAHostWithCredentialsIsRefusedNotReadAsALocalFile(string markdown, string shown)
    {
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown);

        Assert.All(blocks, block => Assert.Null(block.LocalPath));
        var error = Assert.Throws<MarkdownContentException>(() => ContentUrls.Check(blocks));
        Assert.Equal(Refused, error.ErrorId);
        Assert.Contains($"'{shown}'", error.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmbedWithCredentialsIsRefused()
    {
        var embed = new ContentBlock("embed", new JsonObject { ["url"] = "https://ada:s3cret@e.example/board" }, 4);

        var error = Assert.Throws<MarkdownContentException>(() => ContentUrls.Check(new[] { embed }));

        Assert.Equal((Refused, 4), (error.ErrorId, error.Line));
        Assert.DoesNotContain("s3cret", error.Message, System.StringComparison.Ordinal);
    }

    /// <summary>An '@' in a path, query or fragment holds no credentials.</summary>
    [Fact]
    public void AnAtSignAfterTheHostIsNoCredential()
    {
        ContentUrls.Check(MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "[jane](https://e.example/@jane?by=a:b@c#x@y)\n\n![c](https://e.example/@jane/a.png)"));
    }

    [Fact]
    public void ACommentLinkWithCredentialsIsRefused()
    {
        var error = Assert.Throws<CommentTextException>(() => CommentText.ToRichText("see [x](https://ada:s3cret@e.example/x)"));

        Assert.Equal(Refused, error.ErrorId);
        Assert.Contains("'https://***@e.example/x'", error.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PageVisual.Icon)]
    [InlineData(PageVisual.Cover)]
    public void AnIconOrCoverUrlWithCredentialsIsRefused(string place)
    {
        var error = Assert.Throws<PageVisualException>(() => PageVisual.FromText("https://ada:s3cret@e.example/logo.png", place, _ => false));

        Assert.Equal(Refused, error.ErrorId);
        Assert.Contains("'https://***@e.example/logo.png'", error.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void AFilesCellUrlWithCredentialsIsRefusedAndOneCopiedFromARowIsKept()
    {
        var url = "https://ada:s3cret@e.example/a.pdf";

        var error = Assert.Throws<CellUrlCredentialsException>(() => PropertyWriter.ToPropertyValue("Attachments", "files", url, RowSource.Given, new FileCellWriting(Path.GetFullPath)));
        var copied = PropertyWriter.ToPropertyValue("Attachments", "files", url, RowSource.NotionRow, new FileCellWriting(Path.GetFullPath));

        Assert.Equal(Refused, error.ErrorId);
        Assert.StartsWith("Column 'Attachments': ", error.Message, System.StringComparison.Ordinal);
        Assert.Contains("'https://***@e.example/a.pdf'", error.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, System.StringComparison.Ordinal);
        Assert.Equal(url, (string?)copied["files"]![0]!["external"]!["url"]);
    }

    /// <summary>
    /// Browsers remove every tab, LF and CR from a URL, and C0 controls and spaces around it, before reading it (WHATWG URL):
    /// each of these is ada's password for e.example, so it is found and never quoted.
    /// </summary>
    [Theory]
    [InlineData("ht\ttps://ada:s3cret@e.example/a.png")]
    [InlineData("h\nttps://ada:s3cret@e.example/a.png")]
    [InlineData("https:/\t/ada:s3cret@e.example/a.png")]
    [InlineData("https://ada:s3cret\n@e.example/a.png")]
    [InlineData("https://ada:s3\r\ncret@e.example/a.png")]
    [InlineData("\u0001 https://ada:s3cret@e.example/a.png\u001f ")]
    [InlineData("ssh:/\t/ada:s3cret@e.example/repo")]
    [InlineData("/\r/ada:s3cret@e.example/a.png")]
    [InlineData("\t//ada:s3cret@e.example/a.png")]
    public void TabsLineBreaksAndControlsAroundHideNoPassword(string url)
    {
        Assert.True(WebUrls.HasCredentials(url));
        Assert.Contains("***@e.example/", WebUrls.Shown(url), System.StringComparison.Ordinal);
        Assert.DoesNotContain("s3", WebUrls.Shown(url), System.StringComparison.Ordinal);
        Assert.DoesNotContain("cret", WebUrls.Shown(url), System.StringComparison.Ordinal);
        var cell = Assert.Throws<CellUrlCredentialsException>(() => PropertyWriter.ToPropertyValue("Site", "url", url, RowSource.Given));
        Assert.DoesNotContain("cret", cell.Message, System.StringComparison.Ordinal);
    }

    /// <summary>A url column stores its URL for every reader, as a files cell does: the same rule, by where the value came from.</summary>
    [Theory]
    [InlineData("https://ada:s3cret@e.example/", "'https://***@e.example/'")]
    [InlineData("https://s3cret@e.example/", "'https://***@e.example/'")]
    [InlineData("  ftp://ada:s3cret@e.example/f ", "'ftp://***@e.example/f'")]
    [InlineData("https:///ada:s3cret@e.example/", "'https:///***@e.example/'")]
    public void AUrlCellTheUserGivesWithCredentialsIsRefusedAndOneNotionHeldIsKept(string url, string shown)
    {
        var error = Assert.Throws<CellUrlCredentialsException>(() => PropertyWriter.ToPropertyValue("Site", "url", url, RowSource.Given));
        var fromRow = PropertyWriter.ToPropertyValue("Site", "url", url, RowSource.NotionRow);
        var fromBackup = PropertyWriter.ToPropertyValue("Site", "url", url, RowSource.Backup);

        Assert.Equal(Refused, error.ErrorId);
        Assert.StartsWith("Column 'Site': ", error.Message, System.StringComparison.Ordinal);
        Assert.Contains(shown, error.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, System.StringComparison.Ordinal);
        Assert.Equal(url.Trim(), (string?)fromRow["url"]);
        Assert.Equal(url.Trim(), (string?)fromBackup["url"]);
    }

    /// <summary>As for links: an address (mailto:, tel:) has no user info, and an '@' after the host is none.</summary>
    [Theory]
    [InlineData("mailto:ada@e.example")]
    [InlineData("https://e.example/@ada")]
    [InlineData("tel:+441234")]
    public void AUrlCellWithNoUserInfoIsKept(string url)
    {
        Assert.Equal(url, (string?)PropertyWriter.ToPropertyValue("Site", "url", url, RowSource.Given)["url"]);
    }

    /// <summary>
    /// Every command maps its rows through RowMapping: a row read from Notion and a backup's row keep URLs with credentials
    /// in url and files cells whether or not the command uploads files (Sync-NotionDatabaseRow and New-NotionPage give no
    /// local-path resolver), and values the user gave are refused either way.
    /// </summary>
    [Theory]
    [InlineData("url")]
    [InlineData("files")]
    public void RowMappingKeepsNotionsUrlsAndRefusesTheUsersWithOrWithoutUploads(string type)
    {
        var schema = new System.Collections.Generic.Dictionary<string, string> { ["Name"] = "title", ["Link"] = type };
        var input = new[] { new System.Collections.Generic.KeyValuePair<string, object?>("Name", "A"), new System.Collections.Generic.KeyValuePair<string, object?>("Link", "https://ada:s3cret@e.example/a.pdf") };
        foreach (var resolvePath in new System.Func<string, string>?[] { null, Path.GetFullPath })
        {
            Assert.Contains("s3cret", RowMapping.Build(schema, input, RowSource.NotionRow, false, null, resolvePath).Properties["Link"]!.ToJsonString(), System.StringComparison.Ordinal);
            Assert.Contains("s3cret", RowMapping.Build(schema, input, RowSource.Backup, false, null, resolvePath).Properties["Link"]!.ToJsonString(), System.StringComparison.Ordinal);
            Assert.Equal(Refused, Assert.Throws<CellUrlCredentialsException>(() => RowMapping.Build(schema, input, RowSource.Given, false, null, resolvePath)).ErrorId);
        }
    }

    /// <summary>
    /// A backup's file entry is what Notion held, a link: text in it that is no URL (a path) is sent as the link it is,
    /// never read as a local file, even where the import may upload files (-LocalFileRoot); only the files the export saved
    /// come as files. A CSV file's text still names a local file there.
    /// </summary>
    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("C:\\x")]
    [InlineData("report.pdf")]
    public void ABackupsFileTextIsALinkNeverALocalPath(string text)
    {
        var read = new System.Collections.Generic.List<string>();
        var writing = new FileCellWriting(path =>
        {
            read.Add(path);
            throw new NotionFileException(NotionErrorIds.NotionLocalFileNotAllowed, "not read in this test");
        });

        var cell = PropertyWriter.ToPropertyValue("Attachments", "files", text, RowSource.Backup, writing);

        Assert.Equal(text, (string?)cell["files"]![0]!["external"]!["url"]);
        Assert.Empty(read);
        Assert.Empty(writing.Pending);
        Assert.Throws<NotionFileException>(() => PropertyWriter.ToPropertyValue("Attachments", "files", text, RowSource.Given, writing));
        Assert.Equal(new[] { text }, read);
    }
}
