using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using NotionPS.Errors;
using NotionPS.Operations;
using NotionPS.Operations.Files;
using Xunit;

namespace NotionPS.Tests.Operations.Files;

/// <summary>
/// Local paths that are not a regular file (a folder, a named pipe, a device) or a file far larger than it can be:
/// each read refuses them up front, by what they are, before opening one (a pipe would wait for a writer forever)
/// and before reading without end (/dev/zero). A backup of any size is read in the same memory (BackupFileTests).
/// </summary>
public sealed class NotAFileTests : IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "notionps-notafile-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [UnixFact]
    public void ANamedPipeIsRefusedAsOneByEveryReaderWithoutWaitingForAWriter()
    {
        var pipe = NamedPipe("rows.json");

        var sent = Assert.Throws<NotionFileException>(() => LocalFile.Check(pipe, null, null));
        var checkpoint = Assert.Throws<CheckpointException>(() => ReadCheckpoint.Load(pipe));
        var backup = Assert.Throws<ExportException>(() => BackupFile.RefuseNotAFile(pipe));
        var export = Assert.Throws<ExportException>(() => AtomicFile.RefuseNotAFile(pipe));

        Assert.Equal(NotionErrorIds.NotionFileNotRegular, sent.ErrorId);
        Assert.Equal(NotionErrorIds.NotionCheckpointUnreadable, checkpoint.ErrorId);
        Assert.Equal(NotionErrorIds.NotionImportFileInvalid, backup.ErrorId);
        Assert.Equal(NotionErrorIds.NotionExportPathNotAFile, export.ErrorId);
        Assert.All(new Exception[] { sent, checkpoint, backup, export }, refused => Assert.Contains("a named pipe (FIFO)", refused.Message));
    }

    [UnixFact]
    public void DevZeroIsADeviceNotAnEmptyFileNorAnEndlessCheckpointOrBackup()
    {

        var sent = Assert.Throws<NotionFileException>(() => LocalFile.Check("/dev/zero", "zero.txt", null));
        var checkpoint = Assert.Throws<CheckpointException>(() => ReadCheckpoint.Load("/dev/zero"));
        var backup = Assert.Throws<ExportException>(() => BackupFile.Open("/dev/zero"));

        Assert.Equal(NotionErrorIds.NotionFileNotRegular, sent.ErrorId);
        Assert.Equal(NotionErrorIds.NotionCheckpointUnreadable, checkpoint.ErrorId);
        Assert.Equal(NotionErrorIds.NotionImportFileInvalid, backup.ErrorId);
        Assert.All(new Exception[] { sent, checkpoint, backup }, refused => Assert.Matches("'/dev/zero'.* is a device, not a file", refused.Message));
        Assert.DoesNotContain("empty", sent.Message);
    }

    [Fact]
    public void AFolderIsRefusedAsAFolderWithAFilePathAskedFor()
    {
        var checkpoint = Assert.Throws<CheckpointException>(() => ReadCheckpoint.Load(folder));
        var backup = Assert.Throws<ExportException>(() => BackupFile.Open(folder));
        var export = Assert.Throws<ExportException>(() => AtomicFile.RefuseNotAFile(folder));

        Assert.Equal(NotionErrorIds.NotionCheckpointUnreadable, checkpoint.ErrorId);
        Assert.Equal(NotionErrorIds.NotionImportFileNotFound, backup.ErrorId);
        Assert.Equal(NotionErrorIds.NotionExportPathNotAFile, export.ErrorId);
        Assert.All(new Exception[] { checkpoint, backup, export }, refused => Assert.Contains($"'{folder}' is a folder; give a file path", refused.Message));
        Assert.Equal(NotionErrorIds.NotionFileNotFound, Assert.Throws<NotionFileException>(() => LocalFile.Check(folder, null, null)).ErrorId);
    }

    [Fact]
    public void ACheckpointFileLargerThanOneTimeCouldBeIsRefusedAfterAFewKilobytes()
    {
        var path = Path.Combine(folder, "big.checkpoint");
        File.WriteAllText(path, "2026-01-31T09:30:00Z" + new string(' ', ReadCheckpoint.MaxBytes));

        var refused = Assert.Throws<CheckpointException>(() => ReadCheckpoint.Load(path));

        Assert.Equal(NotionErrorIds.NotionCheckpointInvalid, refused.ErrorId);
        Assert.Contains($"more than {ReadCheckpoint.MaxBytes} bytes", refused.Message);
        Assert.Contains("one ISO 8601 time with its zone", refused.Message);
    }

    [Fact]
    public void ACheckpointWrittenWithAByteOrderMarkStillReads()
    {
        var path = Path.Combine(folder, "bom.checkpoint");
        File.WriteAllText(path, "2026-01-31T09:30:00Z\r\n", new UTF8Encoding(true));

        Assert.Equal(new DateTime(2026, 1, 31, 9, 30, 0, DateTimeKind.Utc), ReadCheckpoint.Load(path));
    }

    private string NamedPipe(string name)
    {
        var path = Path.Combine(folder, name);
        Assert.Equal(0, MakeFifo(path, Convert.ToUInt32("644", 8)));
        return path;
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, uint mode);
}

/// <summary>A test of what only Unix has (named pipes, /dev/zero, file modes): skipped on Windows, with the reason given.</summary>
internal sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute(string reason = "Named pipes and /dev/zero are Unix files.")
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = reason;
        }
    }
}
