using System;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations.Files;
using NotionPS.Tests.Client;
using NotionPS.Tests.Operations.Files;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// A folder, pipe or device given where a command wants a file is refused up front, saying what it is, instead of
/// "already exists", "access denied", "empty", or a checkpoint that fails only after every row was read; and a file
/// that changes while it is sent is told as such, not as a server that could not be reached.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class PathsNotFilesTests(EmulatorFixture emulator) : RowsTestBase(emulator), IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "NotionPS.Tests", "notafile-" + Guid.NewGuid().ToString("N"))).FullName;

    public new void Dispose()
    {
        Directory.Delete(folder, recursive: true);
        base.Dispose();
    }

    [Theory]
    [InlineData("Export-NotionDatabase -DatabaseId $tasks -Path $csvFolder -Force", "NotionExportPathNotAFile", "ExportNotionDatabaseCommand", ErrorCategory.InvalidArgument)]
    [InlineData("Import-NotionDatabase -DatabaseId $tasks -Path $jsonFolder", "NotionImportFileNotFound", "ImportNotionDatabaseCommand", ErrorCategory.ObjectNotFound)]
    [InlineData("New-NotionDatabase -ParentId $page -BackupPath $jsonFolder", "NotionImportFileNotFound", "NewNotionDatabaseCommand", ErrorCategory.ObjectNotFound)]
    [InlineData("Get-NotionDatabaseRow -DatabaseId $tasks -Checkpoint $jsonFolder", "NotionCheckpointUnreadable", "GetNotionDatabaseRowCommand", ErrorCategory.ReadError)]
    public void AFolderWhereAFileIsWantedIsRefusedAsAFolderBeforeAnyRowIsRead(string script, string errorId, string cmdlet, ErrorCategory category)
    {
        Connect("2026-03-11");
        var csvFolder = Directory.CreateDirectory(Path.Combine(folder, "rows.csv")).FullName;
        var jsonFolder = Directory.CreateDirectory(Path.Combine(folder, "rows.json")).FullName;

        var result = Session.Run($"try {{ {script} -ErrorAction Stop }} catch {{ $_ }}", Vars(("tasks", TasksId), ("page", TeamHomeId), ("csvFolder", csvFolder), ("jsonFolder", jsonFolder)));

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal($"{errorId},NotionPS.Cmdlets.{cmdlet}", error.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.Contains("is a folder; give a file path", error.Exception.Message);
        Assert.Empty(Directory.GetFileSystemEntries(csvFolder));
        Assert.Empty(Directory.GetFileSystemEntries(jsonFolder));
    }

    /// <summary>
    /// A -Path in a folder that does not exist stops the export before any row is read, naming the folder and how to make it.
    /// Before, the rows were read first and the error named the export's temporary file (".rows.csv.1a2b3c4d.tmp").
    /// </summary>
    [Fact]
    public void AnExportIntoAFolderThatDoesNotExistStopsBeforeAnyRowIsReadNamingTheFolder()
    {
        Connect("2026-03-11");
        var missing = Path.Combine(folder, "reports", "2026");

        var result = Session.Run("try { Export-NotionDatabase -DatabaseId $tasks -Path $path -Verbose } catch { $_ }", Vars(("tasks", TasksId), ("path", Path.Combine(missing, "rows.csv"))));

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("NotionExportFileFailed,NotionPS.Cmdlets.ExportNotionDatabaseCommand", error.FullyQualifiedErrorId);
        Assert.Equal($"The folder '{missing}' does not exist, so '{Path.Combine(missing, "rows.csv")}' cannot be written. Create it first (New-Item -ItemType Directory -Path '{missing}'), or give a path in a folder that exists.", error.Exception.Message);
        Assert.DoesNotContain(result.Verbose, line => line.Message.Contains("v1/", StringComparison.Ordinal));
        Assert.False(Directory.Exists(missing));
    }

    [UnixFact]
    public void SendNotionFileRefusesDevZeroAndDevNullAsDevicesNotAsEmptyFiles()
    {
        Connect("2026-03-11");

        var result = Session.Run("Send-NotionFile -LiteralPath /dev/zero, /dev/null -Name zero.txt", Vars());

        Assert.Empty(result.Output);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, error =>
        {
            Assert.Equal("NotionFileNotRegular,NotionPS.Cmdlets.SendNotionFileCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("is a device, not a file", error.Exception.Message);
        });
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(3 * 1024 * 1024)]
    public async Task AFileCutShortOrGrownAfterItsCheckIsToldAsChangedNotAsAnUnreachableServer(int sizeNow)
    {
        var path = Path.Combine(folder, "notes.txt");
        File.WriteAllBytes(path, new byte[2 * 1024 * 1024]);
        var file = LocalFile.Check(path, null, null);
        using (var resize = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            resize.SetLength(sizeNow);
        }

        var client = new NotionClient(NotionClientTests.Secure(EmulatorFixture.FullAccessToken), new NotionClientOptions { BaseUri = Emulator.BaseUri, RequestsPerSecond = 0, MaximumRetryCount = 0 });
        var changed = await Assert.ThrowsAsync<NotionFileException>(() => new FileUploader(client, new RecordingLog()).UploadAsync(file, null, CancellationToken.None));

        Assert.Equal(NotionErrorIds.NotionFileChangedWhileSent, changed.ErrorId);
        Assert.Contains($"'{path}' changed while it was sent", changed.Message);
        Assert.DoesNotContain("Could not reach", changed.Message);
    }
}
