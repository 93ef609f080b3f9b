using System;
using System.IO;
using System.Text.Json.Nodes;
using NotionPS.Content;
using NotionPS.Errors;
using NotionPS.Operations.Files;
using Xunit;

namespace NotionPS.Tests.Operations.Files;

/// <summary>
/// How a path the runtime refuses as a path is told apart and reported. .NET Framework refuses | &lt; &gt; " and a colon
/// after the drive where .NET refuses only NUL, so NUL stands in for them where a whole command is run.
/// </summary>
public class UnusablePathTests
{
    [Fact]
    public void TheRefusalsAreTheOnesNetFrameworkThrowsForAPath()
    {
        Assert.True(UnusablePaths.IsRefusal(new ArgumentException("Illegal characters in path.")));
        Assert.True(UnusablePaths.IsRefusal(new NotSupportedException("The given path's format is not supported.")));
        Assert.True(UnusablePaths.IsRefusal(new PathTooLongException()));
        Assert.False(UnusablePaths.IsRefusal(new FileNotFoundException()));
        Assert.False(UnusablePaths.IsRefusal(new IOException("The disk is full.")));
        Assert.False(UnusablePaths.IsRefusal(new UnauthorizedAccessException()));
    }

    [Fact]
    public void AMarkdownFileWhosePathIsRefusedNamesItsLineBeforeAnythingIsSent()
    {
        var block = new ContentBlock("image", new JsonObject(), line: 3) { LocalPath = "./chart\0.png" };

        // Checked before the uploader exists: nothing can have been sent.
        var failure = Assert.Throws<NotionFileException>(() => ContentFileUploads.Check(new[] { block }, new LocalFileRoot(Path.GetTempPath())));

        Assert.Equal(NotionErrorIds.NotionLocalPathInvalid, failure.ErrorId);
        Assert.StartsWith("Markdown line 3: './chart\\u0000.png' is not a path this system can use", failure.Message);
    }
}
