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
        Assert.StartsWith("Markdown line 3: './chart\\u0000.png' holds a NUL or other control character (shown as \\uXXXX), which no file name can hold. Remove it from the path.", failure.Message);
    }

    /// <summary>Windows' reserved device names, in any part of a path and with any extension, are told apart from names that only start like them (review2 F9).</summary>
    [Theory]
    [InlineData("CON", "CON")]
    [InlineData("nul.txt", "nul.txt")]
    [InlineData(@"docs\com1.tar.gz", "com1.tar.gz")]
    [InlineData("./Lpt9/chart.png", "Lpt9")]
    [InlineData(@"C:\root\AUX ", "AUX ")]
    [InlineData(@"sub\CONOUT$", "CONOUT$")]
    [InlineData("console.txt", null)]
    [InlineData("com10.png", null)]
    [InlineData(@"C:\root\nullable\a.png", null)]
    [InlineData("my nul.txt", null)]
    public void AWindowsDeviceNameIsFoundInAnyPartOfThePath(string path, string? device) =>
        Assert.Equal(device, UnusablePaths.WindowsDeviceName(path));

    /// <summary>A refused path says what is wrong with it, not .NET's "(Parameter 'path')" nor advice about Windows names (review2 F7).</summary>
    [Fact]
    public void AControlCharacterIsNamedPlainlyAndOtherRefusalsKeepTheRuntimesReason()
    {
        var nul = UnusablePaths.Refused("a\0b\u001b.json", new ArgumentException("Null character in path.", "path"));
        var colon = UnusablePaths.Refused("a:b.json", new NotSupportedException("The given path's format is not supported."));

        Assert.Equal(NotionErrorIds.NotionLocalPathInvalid, nul.ErrorId);
        Assert.Equal("'a\\u0000b\\u001B.json' holds a NUL or other control character (shown as \\uXXXX), which no file name can hold. Remove it from the path.", nul.Message);
        Assert.StartsWith("'a:b.json' is not a path this system can use: The given path's format is not supported. Leave out", colon.Message);
    }
}
