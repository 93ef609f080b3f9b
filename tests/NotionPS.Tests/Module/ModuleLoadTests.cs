using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.Module;

/// <summary>The staged module folder: what `dotnet build` leaves in out/NotionPS is a loadable, self-consistent module.</summary>
public class ModuleLoadTests
{
    private static readonly string StagedFolder = Path.GetDirectoryName(ModuleSession.ManifestPath)!;

    [Fact]
    public void ImportsTheStagedManifestWithTheVersionFromDirectoryBuildProps()
    {
        using var session = new ModuleSession();

        var module = (PSModuleInfo)session.Run("Get-Module NotionPS").Output.Single().BaseObject;

        var props = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "Directory.Build.props"));
        var version = System.Text.RegularExpressions.Regex.Match(props, "<Version>(.*)</Version>").Groups[1].Value;
        Assert.Equal(version, module.Version.ToString());
        Assert.Equal(StagedFolder, module.ModuleBase);
    }

    [Fact]
    public void ExportsExactlyTheCmdletsTheAssemblyDefines()
    {
        using var session = new ModuleSession();

        var exported = session.Run("(Get-Module NotionPS).ExportedCmdlets.Keys").Output.Select(o => (string)o.BaseObject).OrderBy(n => n).ToList();

        var defined = typeof(NotionConnection).Assembly.GetTypes()
            .Select(type => type.GetCustomAttribute<CmdletAttribute>())
            .Where(attribute => attribute != null)
            .Select(attribute => attribute!.VerbName + "-" + attribute.NounName)
            .OrderBy(n => n)
            .ToList();
        Assert.Equal(defined, exported);
    }

    [Fact]
    public void EveryCmdletHasAHelpUriAndDeclaresItsOutput()
    {
        var cmdletTypes = typeof(NotionConnection).Assembly.GetTypes().Where(type => type.GetCustomAttribute<CmdletAttribute>() != null).ToList();
        var outputNothing = new[] { "DisconnectNotionIntegrationCommand", "UnregisterNotionIntegrationCommand", "ExportNotionDatabaseCommand" };

        Assert.NotEmpty(cmdletTypes);
        Assert.All(cmdletTypes, type =>
        {
            Assert.True(type.IsSealed, type.Name + " should be sealed");
            Assert.EndsWith("Command", type.Name);
            Assert.StartsWith("https://", type.GetCustomAttribute<CmdletAttribute>()!.HelpUri);
            Assert.Equal(!outputNothing.Contains(type.Name), type.GetCustomAttribute<OutputTypeAttribute>() != null);
        });
    }

    /// <summary>
    /// Every assembly the module references is part of netstandard or on this list, at these versions:
    /// each extra dependency is a chance of a conflict in someone's shared session.
    /// </summary>
    [Fact]
    public void ReferencesOnlyAllowedAssemblies()
    {
        var allowed = new[]
        {
            ("netstandard", new Version(2, 0, 0, 0)),
            ("System.Management.Automation", new Version(3, 0, 0, 0)),
            ("System.Text.Json", new Version(8, 0, 0, 0)),
            ("Microsoft.Bcl.AsyncInterfaces", new Version(8, 0, 0, 0)),
            ("System.Memory", new Version(4, 0, 1, 2)),
            ("System.Threading.Tasks.Extensions", new Version(4, 2, 0, 1)),

            // Facades in the box of .NET and of .NET Framework 4.5 on (not shipped): the rows' types (RowTypes).
            ("System.Reflection.Emit", new Version(4, 0, 0, 0)),
            ("System.Reflection.Emit.ILGeneration", new Version(4, 0, 0, 0)),
        };

        var referenced = AssemblyName(Path.Combine(StagedFolder, "NotionPS.dll")).Select(name => (name.Name!, name.Version!)).ToList();

        Assert.All(referenced, reference => Assert.Contains(reference, allowed));
    }

    [Fact]
    public void ShipsNoPowerShellAssemblyAndKeepsNetFrameworkDependenciesApart()
    {
        var shipped = Directory.GetFiles(StagedFolder, "*.dll", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();

        Assert.DoesNotContain("System.Management.Automation.dll", shipped);
        Assert.Equal(new[] { "NotionPS.dll" }, Directory.GetFiles(StagedFolder, "*.dll").Select(Path.GetFileName));
        Assert.Contains("System.Text.Json.dll", Directory.GetFiles(Path.Combine(StagedFolder, "netfx")).Select(Path.GetFileName));
        Assert.True(File.Exists(Path.Combine(StagedFolder, "NotionPS.format.ps1xml")));
    }

    private static AssemblyName[] AssemblyName(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return reader.AssemblyReferences.Select(handle => reader.GetAssemblyReference(handle).GetAssemblyName()).ToArray();
    }
}
