using System;
using System.IO;
using System.Linq;
using NotionPS.Operations;
using Xunit;

namespace NotionPS.Tests.Operations.Files;

/// <summary>
/// A file replaced whole (Export-NotionDatabase's AtomicFile, the -Checkpoint file) keeps what the user set on it, as
/// Export-Csv does: its mode (a 0600 file of HR data stays 0600, also while the new content is written), and a symbolic
/// link stays a link whose target holds the new content (hunt2 F2). A new file gets the default mode (the umask's).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReplacedFileTests : IDisposable
{
    private const string WhyUnix = "File modes and symbolic links made without privileges are Unix's; on Windows File.Replace keeps the file's ACL.";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "NotionPS.Tests", "replaced-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [UnixFact(WhyUnix)]
    public void AnExportKeepsTheModeOfTheFileItReplacesAndItsTemporaryFileIsNeverWiderThanTheOwners()
    {
        var secret = Old("hr.csv", OwnerOnly);
        var shared = Old("team.csv", OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead);

        UnixFileMode temporaryMode;
        using (var file = new AtomicFile(secret, noClobber: false, force: false))
        {
            file.Stream.Write("new"u8);
            file.Stream.Flush();
            temporaryMode = File.GetUnixFileMode(Directory.GetFiles(folder, "*.tmp").Single());
            file.Commit();
        }

        using (var file = new AtomicFile(shared, noClobber: false, force: false))
        {
            file.Stream.Write("new"u8);
            file.Commit();
        }

        Assert.Equal(OwnerOnly, temporaryMode);
        Assert.Equal((OwnerOnly, "new"), (File.GetUnixFileMode(secret), File.ReadAllText(secret)));
        Assert.Equal(OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead, File.GetUnixFileMode(shared));
    }

    [UnixFact(WhyUnix)]
    public void ANewFileGetsTheDefaultModeAsFileCreateGivesIt()
    {
        var path = Path.Combine(folder, "new.csv");
        var plain = Path.Combine(folder, "plain.txt");
        File.WriteAllText(plain, "x");

        using (var file = new AtomicFile(path, noClobber: false, force: false))
        {
            file.Stream.Write("new"u8);
            file.Commit();
        }

        Assert.Equal(File.GetUnixFileMode(plain), File.GetUnixFileMode(path));
    }

    [UnixFact(WhyUnix)]
    public void AnExportToASymbolicLinkWritesItsTargetAndTheLinkStays()
    {
        var target = Old("target.csv", OwnerOnly);
        var link = Path.Combine(folder, "link.csv");
        var chained = Path.Combine(folder, "chained.csv");
        File.CreateSymbolicLink(link, "target.csv");
        File.CreateSymbolicLink(chained, link);

        using (var file = new AtomicFile(chained, noClobber: false, force: false))
        {
            file.Stream.Write("new"u8);
            file.Commit();
        }

        Assert.Equal(link, new FileInfo(chained).LinkTarget);
        Assert.Equal("target.csv", new FileInfo(link).LinkTarget);
        Assert.Equal(("new", "new", OwnerOnly), (File.ReadAllText(target), File.ReadAllText(chained), File.GetUnixFileMode(target)));
        Assert.Equal(["chained.csv", "link.csv", "target.csv"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order());
    }

    [UnixFact(WhyUnix)]
    public void ACheckpointKeepsItsModeAndItsLink()
    {
        var target = Old("rows.checkpoint", OwnerOnly);
        var link = Path.Combine(folder, "link.checkpoint");
        File.CreateSymbolicLink(link, target);
        var instant = new DateTime(2026, 1, 31, 9, 30, 0, DateTimeKind.Utc);

        ReadCheckpoint.Save(link, instant);

        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal((instant, OwnerOnly), (ReadCheckpoint.Load(target), File.GetUnixFileMode(target)));
        Assert.Equal(2, Directory.GetFileSystemEntries(folder).Length);
    }

    private string Old(string name, UnixFileMode mode)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, mode);
        return path;
    }
}
