using System;
using System.IO;
using NotionPS.Errors;
using NotionPS.Operations;
using Xunit;

namespace NotionPS.Tests.Operations;

/// <summary>How text given as a page icon or cover is read, before any request: emoji, link, or a path to resolve.</summary>
public class PageVisualTests
{
    private static readonly Func<string, bool> NoDrives = _ => false;

    [Theory]
    [InlineData("🚀")]
    [InlineData("👍🏽")]
    [InlineData("👨‍👩‍👧‍👦")]
    [InlineData("🇫🇷")]
    [InlineData("1️⃣")]
    [InlineData("❤️")]
    [InlineData("☀")]
    [InlineData(" 📋 ")]
    [InlineData("ℹ️")]
    [InlineData("↔️")]
    [InlineData("‼️")]
    [InlineData("〰️")]
    [InlineData("◽")]
    public void PictographsAreAnEmojiIcon(string text)
    {
        var visual = PageVisual.FromText(text, PageVisual.Icon, NoDrives)!;

        Assert.Equal((PageVisualKind.Emoji, text.Trim()), (visual.Kind, visual.Value));
    }

    [Theory]
    [InlineData("logo.png")]
    [InlineData("smile")]
    [InlineData("1")]
    [InlineData("日本.png")]
    [InlineData("→")]
    [InlineData("ℹ")]
    [InlineData(@"C:\images\logo.png")]
    [InlineData("/home/ada/logo.png")]
    [InlineData("./🚀.png")]
    public void TextThatIsNeitherEmojiNorLinkIsAPathToResolve(string text) =>
        Assert.Null(PageVisual.FromText(text, PageVisual.Icon, NoDrives));

    [Fact]
    public void AUrlLongerThanNotionTakesIsRefusedBeforeAnyRequest()
    {
        var longest = "https://example.com/" + new string('a', 2000 - "https://example.com/".Length);

        Assert.Equal(PageVisualKind.External, PageVisual.FromText(longest, PageVisual.Cover, NoDrives)!.Kind);
        Assert.Equal(NotionErrorIds.NotionPageVisualUrlRefused, Assert.Throws<PageVisualException>(() => PageVisual.FromText(longest + "a", PageVisual.Cover, NoDrives)).ErrorId);
    }

    [Fact]
    public void ADriveNameBeforeTheColonMakesAPathNotALink()
    {
        Assert.Null(PageVisual.FromText(@"TestDrive:\logo.png", PageVisual.Cover, name => name == "TestDrive"));
        Assert.Equal(NotionErrorIds.NotionPageVisualUrlRefused, Assert.Throws<PageVisualException>(() => PageVisual.FromText(@"TestDrive:\logo.png", PageVisual.Cover, NoDrives)).ErrorId);
    }

    [Theory]
    [InlineData("https://example.com/logo.png?v=2")]
    [InlineData("HTTP://example.com/logo.png")]
    public void AnHttpUrlIsLinkedAsGiven(string url)
    {
        var visual = PageVisual.FromText(url, PageVisual.Cover, NoDrives)!;

        Assert.Equal((PageVisualKind.External, url), (visual.Kind, visual.Value));
    }

    [Theory]
    [InlineData("", NotionErrorIds.NotionPageVisualEmpty)]
    [InlineData(" \u00a0 ", NotionErrorIds.NotionPageVisualEmpty)]
    [InlineData("logo\t.png", NotionErrorIds.NotionPageVisualControlCharacter)]
    [InlineData("🚀\u0000", NotionErrorIds.NotionPageVisualControlCharacter)]
    [InlineData("https://example.com/\u0085a.png", NotionErrorIds.NotionPageVisualControlCharacter)]
    [InlineData("file:///etc/passwd", NotionErrorIds.NotionPageVisualUrlRefused)]
    [InlineData("javascript:alert(1)", NotionErrorIds.NotionPageVisualUrlRefused)]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", NotionErrorIds.NotionPageVisualUrlRefused)]
    [InlineData("ftp://example.com/logo.png", NotionErrorIds.NotionPageVisualUrlRefused)]
    [InlineData("https://", NotionErrorIds.NotionPageVisualUrlRefused)]
    public void TextThatCanNeverBeAnIconIsRefusedWithItsOwnId(string text, string errorId) =>
        Assert.Equal(errorId, Assert.Throws<PageVisualException>(() => PageVisual.FromText(text, PageVisual.Icon, NoDrives)).ErrorId);

    /// <summary>A custom emoji is its name between colons, whatever the name holds but a colon; ':name:' is never a file's name.</summary>
    [Theory]
    [InlineData(":acme-rocket:", "acme-rocket")]
    [InlineData(" :Acme Rocket_2: ", "Acme Rocket_2")]
    [InlineData(":🚀:", "🚀")]
    public void ColonNameColonIsACustomEmojiByItsName(string text, string name)
    {
        var visual = PageVisual.FromText(text, PageVisual.Icon, NoDrives)!;

        Assert.Equal((PageVisualKind.CustomEmoji, name), (visual.Kind, visual.Value));
    }

    /// <summary>No name between the colons, or a colon inside it: a path, as before.</summary>
    [Theory]
    [InlineData("::")]
    [InlineData(": :")]
    [InlineData(":a:b:")]
    [InlineData(":acme-rocket")]
    public void TextThatIsNotOneNameBetweenColonsIsAPath(string text) =>
        Assert.Null(PageVisual.FromText(text, PageVisual.Icon, NoDrives));

    [Fact]
    public void ACustomEmojiIsNoCover() =>
        Assert.Equal(NotionErrorIds.NotionPageCoverEmoji, Assert.Throws<PageVisualException>(() => PageVisual.FromText(":acme-rocket:", PageVisual.Cover, NoDrives)).ErrorId);

    [Fact]
    public void AnEmojiIsNoCover() =>
        Assert.Equal(NotionErrorIds.NotionPageCoverEmoji, Assert.Throws<PageVisualException>(() => PageVisual.FromText("🚀", PageVisual.Cover, NoDrives)).ErrorId);

    [Theory]
    [InlineData("image/png", "uploaded", null)]
    [InlineData("image/svg+xml; charset=utf-8", "uploaded", null)]
    [InlineData("application/pdf", "uploaded", NotionErrorIds.NotionPageVisualNotImage)]
    [InlineData("image/png", "pending", NotionErrorIds.NotionPageVisualInvalid)]
    public void AnUploadMustBeAnUploadedImage(string contentType, string status, string? errorId)
    {
        var upload = new NotionFileUpload("u1", "logo", 10, contentType, status, null);

        if (errorId == null)
        {
            Assert.Equal((PageVisualKind.Upload, "u1"), (PageVisual.FromUpload(upload, PageVisual.Icon).Kind, PageVisual.FromUpload(upload, PageVisual.Icon).Value));
        }
        else
        {
            Assert.Equal(errorId, Assert.Throws<PageVisualException>(() => PageVisual.FromUpload(upload, PageVisual.Icon)).ErrorId);
        }
    }

    /// <summary>
    /// Only a link (symbolic link or junction, LocalEntry.IsLink) is refused as one: OneDrive's Files On-Demand marks its
    /// files, also those only online, with ReparsePoint, and they are files.
    /// </summary>
    [Theory]
    [InlineData(FileAttributes.Archive | FileAttributes.ReparsePoint, false, null)]
    [InlineData(FileAttributes.Archive | FileAttributes.ReparsePoint | FileAttributes.Offline | (FileAttributes)0x400000, false, null)]
    [InlineData(FileAttributes.Normal, false, null)]
    [InlineData(FileAttributes.ReparsePoint, true, "a link to another file (a symbolic link or junction)")]
    [InlineData(FileAttributes.Directory | FileAttributes.ReparsePoint, false, "a folder")]
    [InlineData(FileAttributes.Device, false, "a device, not a file")]
    public void OnlyALinkIsRefusedAsALinkNotEveryReparsePoint(FileAttributes attributes, bool isLink, string? reason) =>
        Assert.Equal(reason, PageVisual.NotAFileReason(attributes, isLink));

    [Fact]
    public void ASymbolicLinkToAnImageIsRefusedAndTheImageItselfTaken()
    {
        var folder = Directory.CreateTempSubdirectory("notionps-visual-").FullName;
        try
        {
            var image = Path.Combine(folder, "logo.png");
            File.WriteAllBytes(image, [0x89, 0x50, 0x4E, 0x47]);
            var link = Path.Combine(folder, "linked.png");
            File.CreateSymbolicLink(link, image);

            var refused = Assert.Throws<PageVisualException>(() => PageVisual.FromFile(link, PageVisual.Icon));

            Assert.Equal(NotionErrorIds.NotionPageVisualNotAFile, refused.ErrorId);
            Assert.Contains("is a link to another file", refused.Message);
            Assert.Equal(PageVisualKind.LocalFile, PageVisual.FromFile(image, PageVisual.Icon).Kind);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
