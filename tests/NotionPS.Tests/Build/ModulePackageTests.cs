using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NotionPS.Tests.Hosting;
using NuGet.Packaging;
using Xunit;

namespace NotionPS.Tests.Build;

/// <summary>
/// The package `build.ps1 -Task Package` makes (tools/New-ModulePackage.ps1, run here in the hosted
/// engine), read with NuGet's own reader as PSResourceGet reads it when installing.
/// </summary>
public sealed class ModulePackageTests : IDisposable
{
    private static readonly string StagedFolder = Path.GetDirectoryName(ModuleSession.ManifestPath)!;
    private readonly string destination = Path.Combine(Path.GetTempPath(), "notionps-package-" + Guid.NewGuid().ToString("N"));
    private readonly ModuleSession session = new();

    [Fact]
    public void HoldsTheStagedModuleAtTheRootWithANuspecFromTheManifest()
    {
        using var reader = new PackageArchiveReader(Pack().FullName);

        var nuspec = reader.NuspecReader;
        Assert.Equal("NotionPS.nuspec", reader.GetNuspecFile());
        Assert.Equal("NotionPS", nuspec.GetId());
        Assert.Equal(ModuleVersion(), nuspec.GetVersion().ToNormalizedString());
        Assert.StartsWith("Connect PowerShell to Notion", nuspec.GetDescription());
        Assert.Equal("NotionPS contributors", nuspec.GetAuthors());
        Assert.Equal("https://github.com/notionps/NotionPS", nuspec.GetProjectUrl());
        var packedModule = reader.GetFiles().Where(file => file != "NotionPS.nuspec" && file != "[Content_Types].xml" && !file.StartsWith("_rels/", StringComparison.Ordinal));
        Assert.Equal(StagedFiles(), packedModule.OrderBy(file => file, StringComparer.Ordinal));
    }

    [Fact]
    public void TagsItAsAModuleWithEachExportedCmdlet()
    {
        using var reader = new PackageArchiveReader(Pack().FullName);

        var tags = reader.NuspecReader.GetTags().Split(' ');
        Assert.Contains("PSModule", tags);
        Assert.Contains("PSIncludes_Cmdlet", tags);
        Assert.Contains("PSEdition_Core", tags);
        var exported = session.Run("(Get-Module NotionPS).ExportedCmdlets.Keys").Output.Select(name => (string)name.BaseObject).ToList();
        Assert.NotEmpty(exported);
        Assert.All(exported, cmdlet =>
        {
            Assert.Contains("PSCmdlet_" + cmdlet, tags);
            Assert.Contains("PSCommand_" + cmdlet, tags);
        });
    }

    private FileInfo Pack()
    {
        var result = session.Run(
            "& $script -ModulePath $modulePath -DestinationPath $destination",
            new Dictionary<string, object?>
            {
                ["script"] = Path.Combine(TestPaths.RepoRoot, "tools", "New-ModulePackage.ps1"),
                ["modulePath"] = StagedFolder,
                ["destination"] = destination,
            });
        Assert.Empty(result.Errors);
        var package = Assert.IsType<FileInfo>(result.Output.Single().BaseObject);
        Assert.Equal($"NotionPS.{ModuleVersion()}.nupkg", package.Name);
        return package;
    }

    private static string ModuleVersion()
    {
        var props = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "Directory.Build.props"));
        return System.Text.RegularExpressions.Regex.Match(props, "<Version>(.*)</Version>").Groups[1].Value;
    }

    private static IEnumerable<string> StagedFiles() =>
        Directory.GetFiles(StagedFolder, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(StagedFolder, file).Replace('\\', '/'))
            .OrderBy(file => file, StringComparer.Ordinal);

    public void Dispose()
    {
        session.Dispose();
        if (Directory.Exists(destination))
        {
            Directory.Delete(destination, recursive: true);
        }
    }
}
