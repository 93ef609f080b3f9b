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
/// and before reading without end (/dev/zero, a stream that never stops).
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

    [Fact]
    public void ABackupStreamThatNeverEndsStopsAtTheLimitWithAClearError()
    {
        var refused = Assert.Throws<ExportException>(() => BackupFile.Read(new EndlessJson(), "endless.json", maxBytes: 64 * 1024));

        Assert.Equal(NotionErrorIds.NotionImportFileInvalid, refused.ErrorId);
        Assert.Contains($"more than {64 * 1024} bytes", refused.Message);
        Assert.Contains("2 GB", refused.Message);
    }

    [Fact]
    public void ABackupFileLargerThanTheLimitIsRefusedBeforeItIsRead()
    {
        var path = Path.Combine(folder, "rows.json");
        File.WriteAllText(path, "[" + new string(' ', 100) + "]");

        using var stream = File.OpenRead(path);
        var refused = Assert.Throws<ExportException>(() => BackupFile.Read(stream, path, maxBytes: 50));

        Assert.Equal(NotionErrorIds.NotionImportFileInvalid, refused.ErrorId);
        Assert.Equal(0, stream.Position);
    }

    private string NamedPipe(string name)
    {
        var path = Path.Combine(folder, name);
        Assert.Equal(0, MakeFifo(path, Convert.ToUInt32("644", 8)));
        return path;
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, uint mode);

    /// <summary>'[' and then spaces forever: valid JSON so far, never finished, like /dev/zero never ends.</summary>
    private sealed class EndlessJson : Stream
    {
        private bool started;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)' ', offset, count);
            if (!started && count > 0)
            {
                buffer[offset] = (byte)'[';
                started = true;
            }

            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>A test of Unix files (named pipes, /dev/zero): skipped on Windows, which has neither in its file system.</summary>
internal sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Named pipes and /dev/zero are Unix files.";
        }
    }
}
