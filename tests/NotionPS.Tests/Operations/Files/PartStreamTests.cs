using System;
using System.IO;
using NotionPS.Errors;
using NotionPS.Operations.Files;
using Xunit;

namespace NotionPS.Tests.Operations.Files;

/// <summary>A part of an upload read from a file that is cut short or written to after it was checked.</summary>
public sealed class PartStreamTests : IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "notionps-parts-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(40, "is 40 bytes now")]
    [InlineData(110, "is 110 bytes now")]
    public void AFileOfAnotherSizeThanCheckedFailsTheReadAsChanged(int sizeNow, string told)
    {
        var (file, stream) = CheckedThenResized(sizeNow);
        using var part = new PartStream(stream, file, file.Size, _ => { });

        var changed = Assert.Throws<NotionFileException>(() => part.CopyTo(Stream.Null));

        Assert.Equal(NotionErrorIds.NotionFileChangedWhileSent, changed.ErrorId);
        Assert.Contains("changed while it was sent: it was 100 bytes when checked and " + told, changed.Message);
    }

    [Fact]
    public void AFileOfTheSizeCheckedIsReadWhole()
    {
        var (file, stream) = CheckedThenResized(100);
        using var part = new PartStream(stream, file, file.Size, _ => { });
        using var copy = new MemoryStream();

        part.CopyTo(copy);

        Assert.Equal(100, copy.Length);
    }

    private (LocalFile File, FileStream Stream) CheckedThenResized(int sizeNow)
    {
        var path = Path.Combine(folder, "notes.txt");
        File.WriteAllBytes(path, new byte[100]);
        var file = LocalFile.Check(path, null, null);
        using (var resize = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            resize.SetLength(sizeNow);
        }

        return (file, new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
    }
}
