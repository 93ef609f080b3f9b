using System;
using System.IO;
using System.Linq;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// A local path the system refuses as a path gets NotionLocalPathInvalid from every command that takes one, never an
/// ArgumentException. Windows PowerShell 5.1 (.NET Framework) refuses | &lt; &gt; " in Path.GetFullPath; .NET refuses only
/// NUL there, so a NUL stands in for them here: it takes the same branch.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class LocalPathTests(EmulatorFixture emulator) : RowsTestBase(emulator), IDisposable
{
    private const string FirstTaskId = "e1000000-0000-4000-8000-000000000001";

    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "NotionPS.Tests", "paths-" + Guid.NewGuid().ToString("N"))).FullName;

    public new void Dispose()
    {
        Directory.Delete(folder, recursive: true);
        base.Dispose();
    }

    [Theory]
    [InlineData("Export-NotionDatabase -DatabaseId $tasks -Path $bad", "ExportNotionDatabaseCommand")]
    [InlineData("Export-NotionDatabase -DatabaseId $tasks -Path $good -IncludeFiles $bad", "ExportNotionDatabaseCommand")]
    [InlineData("Export-NotionDatabase -DatabaseId $tasks -Path 'Env:\\rows.csv'", "ExportNotionDatabaseCommand")]
    [InlineData("Export-NotionDatabase -DatabaseId $tasks -Path 'nosuchdrive:\\rows.csv'", "ExportNotionDatabaseCommand")]
    [InlineData("Import-NotionDatabase -DatabaseId $tasks -Path $bad", "ImportNotionDatabaseCommand")]
    [InlineData("Get-NotionDatabaseRow -DatabaseId $tasks -Checkpoint $bad", "GetNotionDatabaseRowCommand")]
    [InlineData("Save-NotionFile -PageId $row -Destination $bad", "SaveNotionFileCommand")]
    public void APathTheSystemRefusesStopsTheCommandWithItsId(string script, string cmdlet)
    {
        Connect("2026-03-11");

        var error = RunExpectingTerminatingError(script, Paths());

        Assert.Equal("NotionLocalPathInvalid,NotionPS.Cmdlets." + cmdlet, error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void ADriveThatDoesNotExistIsNamedAsSuchWithoutAdviceAboutWindowsNames()
    {
        Connect("2026-03-11");

        var error = RunExpectingTerminatingError("Export-NotionDatabase -DatabaseId $tasks -Path 'HX:/a.json'", Paths());

        Assert.Equal("NotionLocalPathInvalid,NotionPS.Cmdlets.ExportNotionDatabaseCommand", error.FullyQualifiedErrorId);
        Assert.Contains("'HX'", error.Exception.Message);
        Assert.Contains("Get-PSDrive -PSProvider FileSystem", error.Exception.Message);
        Assert.DoesNotContain("260", error.Exception.Message);
    }

    [Fact]
    public void ABackupPathTheSystemRefusesIsAnErrorOfItsOwn()
    {
        Connect("2026-03-11");

        var result = Session.Run("New-NotionDatabase -ParentId $page -BackupPath $bad", Paths());

        var error = Assert.Single(result.Errors);
        Assert.Equal("NotionLocalPathInvalid,NotionPS.Cmdlets.NewNotionDatabaseCommand", error.FullyQualifiedErrorId);
        Assert.Contains("holds a NUL or other control character", error.Exception.Message);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("-LiteralPath")]
    [InlineData("-Path")]
    public void SendNotionFileSaysAnotherProvidersPathOrAMissingDriveIsNoPathOnDiskAndSendsTheOtherFiles(string parameter)
    {
        var good = Path.Combine(folder, "notes.txt");
        File.WriteAllText(good, "sent");
        Connect("2026-03-11");

        var result = Session.Run(
            $"Send-NotionFile {parameter} 'Env:\\PATH', 'Function:\\prompt', 'Function:\\nosuch', 'Variable:\\good', 'Q:\\notes.txt', $missing, $good",
            Vars(("good", good), ("missing", Path.Combine(folder, "missing.txt"))));

        Assert.Equal(
            Enumerable.Repeat("NotionLocalPathInvalid", 5).Append("NotionFileNotFound").Select(id => id + ",NotionPS.Cmdlets.SendNotionFileCommand"),
            result.Errors.Select(error => error.FullyQualifiedErrorId));
        Assert.All(result.Errors.Take(5), error => Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category));
        Assert.Equal("notes.txt", Assert.IsType<NotionPS.NotionFileUpload>(Assert.Single(result.Output).BaseObject).Name);
    }

    private System.Collections.Generic.Dictionary<string, object?> Paths() =>
        Vars(("tasks", TasksId), ("row", FirstTaskId), ("page", TeamHomeId), ("bad", Path.Combine(folder, "rows\0.json")), ("good", Path.Combine(folder, "rows.csv")));
}
