using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using NotionPS.Content;
using NotionPS.Errors;
using NotionPS.Operations.Files;
using Xunit;

namespace NotionPS.Tests.Operations.Files;

/// <summary>
/// Which local files Markdown may name (audit2 finding 1): none without -LocalFileRoot, and with it only files under
/// the folder, reached through no link, and never a network, device or host path.
/// </summary>
public sealed class LocalFileRootTests : IDisposable
{
    private readonly string parent = Directory.CreateTempSubdirectory("notionps-root-").FullName;
    private readonly string root;
    private readonly string outside;

    public LocalFileRootTests()
    {
        root = Directory.CreateDirectory(Path.Combine(parent, "docs")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "img"));
        File.WriteAllText(Path.Combine(root, "img", "chart.png"), "png");
        outside = Path.Combine(Directory.CreateDirectory(Path.Combine(parent, "docs-secrets")).FullName, "id_rsa.txt");
        File.WriteAllText(outside, "-----BEGIN OPENSSH PRIVATE KEY-----");
    }

    public void Dispose() => Directory.Delete(parent, recursive: true);

    [Theory]
    [InlineData("img/chart.png")]
    [InlineData("./img/chart.png")]
    [InlineData("img/../img/chart.png")]
    [InlineData("img//chart.png")]
    public void ARelativePathIsTakenFromTheFolder(string path)
    {
        Assert.Equal(Path.Combine(root, "img", "chart.png"), new LocalFileRoot(root).FullPathOf(path));
    }

    /// <summary>A root or the home folder holds far more than the files to send (review2 F4).</summary>
    [Fact]
    public void ADriveRootOrTheHomeFolderIsWideAndAFolderOfItsOwnIsNot()
    {
        Assert.True(new LocalFileRoot(Path.GetPathRoot(root)!).IsWide);
        Assert.True(new LocalFileRoot(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + Path.DirectorySeparatorChar).IsWide);
        Assert.False(new LocalFileRoot(root).IsWide);
        Assert.False(new LocalFileRoot(parent).IsWide);
    }

    /// <summary>'.' (or the folder's own path) is the folder, not a path outside it (review2 F7).</summary>
    [Theory]
    [InlineData(".")]
    [InlineData("./")]
    [InlineData("img/..")]
    public void ThePathOfTheFolderItselfNamesTheFolderNotAFile(string path)
    {
        var failure = Assert.Throws<NotionFileException>(() => new LocalFileRoot(root).FullPathOf(path));

        Assert.Equal(NotionErrorIds.NotionFileNotFound, failure.ErrorId);
        Assert.Equal($"'{path}' names the folder '{root}' itself, not a file. Name a file under it (a path relative to it).", failure.Message);
    }

    [Fact]
    public void AnAbsolutePathOrAFileUriUnderTheFolderIsTaken()
    {
        var chart = Path.Combine(root, "img", "chart.png");

        Assert.Equal(chart, new LocalFileRoot(root).FullPathOf(chart));
        Assert.Equal(chart, new LocalFileRoot(root + Path.DirectorySeparatorChar).FullPathOf(chart));
        Assert.Equal(chart, new LocalFileRoot(root).FullPathOf(new Uri(chart).AbsoluteUri));
    }

    [Theory]
    [InlineData("../docs-secrets/id_rsa.txt", "is outside the folder")]
    [InlineData("img/../../docs-secrets/id_rsa.txt", "is outside the folder")]
    [InlineData("{outside}", "is outside the folder")]
    [InlineData("{root}-secrets/id_rsa.txt", "is outside the folder")]
    [InlineData("file://{outside}", "is outside the folder")]
    [InlineData(@"\\attacker.example\share\x.png", "is a network (UNC) or device path")]
    [InlineData("//attacker.example/share/x.png", "is a network (UNC) or device path")]
    [InlineData(@"\\?\C:\Users\me\.ssh\id_rsa", "is a network (UNC) or device path")]
    [InlineData(@"\\.\pipe\secrets", "is a network (UNC) or device path")]
    [InlineData("file://attacker.example/share/x.png", "is a file: URI naming the host 'attacker.example', a network path")]
    public void APathThatLeavesTheFolderIsRefusedSayingWhy(string path, string reason)
    {
        path = path.Replace("{outside}", outside).Replace("{root}", root);

        var failure = Assert.Throws<NotionFileException>(() => new LocalFileRoot(root).FullPathOf(path));

        Assert.Equal(NotionErrorIds.NotionLocalFileOutsideRoot, failure.ErrorId);
        Assert.StartsWith($"'{path}' {reason}: only files under '{root}' are uploaded", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALinkedFileOrFolderUnderTheFolderIsRefusedWhereverItPoints()
    {
        File.CreateSymbolicLink(Path.Combine(root, "diagram.png"), outside);
        Directory.CreateSymbolicLink(Path.Combine(root, "linked"), Path.GetDirectoryName(outside)!);
        File.CreateSymbolicLink(Path.Combine(root, "img", "inside.png"), Path.Combine(root, "img", "chart.png"));
        File.CreateSymbolicLink(Path.Combine(root, "dangling.png"), Path.Combine(parent, "not-yet.png"));
        var folder = new LocalFileRoot(root);

        foreach (var (path, link) in new[] { ("diagram.png", "diagram.png"), ("linked/id_rsa.txt", "linked"), ("img/inside.png", Path.Combine("img", "inside.png")), ("dangling.png", "dangling.png") })
        {
            var failure = Assert.Throws<NotionFileException>(() => folder.FullPathOf(path));
            Assert.Equal(NotionErrorIds.NotionLocalFileOutsideRoot, failure.ErrorId);
            Assert.Contains($"goes through '{Path.Combine(root, link)}', a symbolic link", failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AMissingFileIsLeftToTheFileCheck()
    {
        Assert.Equal(Path.Combine(root, "new", "gone.png"), new LocalFileRoot(root).FullPathOf("new/gone.png"));
    }

    [Fact]
    public void WithoutAFolderALocalFileIsRefusedNamingItsLineAndPathWithControlCharactersEscaped()
    {
        var blocks = new[]
        {
            new ContentBlock("paragraph", new JsonObject(), line: 1),
            new ContentBlock("file", new JsonObject(), line: 3) { LocalPath = "/tmp/\u001b[31mkey.txt" },
        };

        var failure = Assert.Throws<NotionFileException>(() => ContentFileUploads.Check(blocks, null));

        Assert.Equal(NotionErrorIds.NotionLocalFileNotAllowed, failure.ErrorId);
        Assert.Equal(NotionErrorCategory.PermissionDenied, NotionErrorIds.CategoryOf(failure.ErrorId));
        Assert.StartsWith("Markdown line 3 names the local file '/tmp/\\u001B[31mkey.txt'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Add -LocalFileRoot <folder>", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(failure.Message, c => char.IsControl(c));
    }

    [Fact]
    public void EveryFileIsCheckedBeforeAnyIsReturnedForUpload()
    {
        var blocks = new[]
        {
            new ContentBlock("image", new JsonObject(), line: 1) { LocalPath = "img/chart.png", ShowsFileInline = true },
            new ContentBlock("file", new JsonObject(), line: 3) { LocalPath = "../docs-secrets/id_rsa.txt" },
        };

        var failure = Assert.Throws<NotionFileException>(() => ContentFileUploads.Check(blocks, new LocalFileRoot(root)));

        Assert.Equal(NotionErrorIds.NotionLocalFileOutsideRoot, failure.ErrorId);
        Assert.StartsWith("Markdown line 3: '../docs-secrets/id_rsa.txt' is outside the folder", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was written.", failure.Message, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(root, "img", "chart.png"), ContentFileUploads.Check(blocks.Take(1).ToList(), new LocalFileRoot(root)).Single().File.Path);
    }
}
