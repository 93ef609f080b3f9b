using System;
using System.IO;
using NotionPS.Operations.Files;
using Xunit;

namespace NotionPS.Tests.Operations.Files;

/// <summary>Which file a handle or an entry is: what lets the upload send only the file checked.</summary>
public sealed class FileIdentityTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("notionps-identity-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void AnOpenFileIsItsEntryAndNotAnotherFileOfTheSameContent()
    {
        var first = Write("first.txt");
        var second = Write("second.txt");
        using var opened = File.OpenRead(first);

        var identity = FileIdentity.Of(opened.SafeFileHandle);

        Assert.NotNull(identity);
        Assert.Equal(identity, FileIdentity.OfEntry(first));
        Assert.Equal(identity, FileIdentity.OfTarget(first));
        Assert.NotEqual(identity, FileIdentity.OfEntry(second));
    }

    [Fact]
    public void ALinksOwnEntryIsNotTheFileItOpens()
    {
        var target = Write("target.txt");
        var link = Path.Combine(folder, "link.txt");
        File.CreateSymbolicLink(link, target);
        using var opened = File.OpenRead(link);

        Assert.Equal(FileIdentity.OfEntry(target), FileIdentity.Of(opened.SafeFileHandle));
        Assert.Equal(FileIdentity.OfEntry(target), FileIdentity.OfTarget(link));
        Assert.NotEqual(FileIdentity.OfEntry(target), FileIdentity.OfEntry(link));
        Assert.True(LocalEntry.IsLink(link));
        Assert.False(LocalEntry.IsLink(target));
    }

    [Fact]
    public void NoFileHasNoIdentity() => Assert.Null(FileIdentity.OfEntry(Path.Combine(folder, "gone.txt")));

    private string Write(string name)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "same");
        return path;
    }
}
