using System.Linq;
using System.Management.Automation;
using Xunit;

namespace NotionPS.Tests;

public class ModuleLoadTests
{
    [Fact]
    public void ImportsStagedManifest()
    {
        var unit = typeof(NotionPS.NotionConnection).Assembly.Location;
        using var ps = PowerShell.Create(System.Management.Automation.Runspaces.InitialSessionState.CreateDefault2());
        var path = System.IO.Path.Combine(TestPaths.RepoRoot, "out", "NotionPS", "NotionPS.psd1");
        ps.AddCommand("Import-Module").AddParameter("Name", path).AddParameter("PassThru").AddParameter("ErrorAction", "Stop");
        var mod = ps.Invoke<PSModuleInfo>().Single();
        Assert.Equal("0.1.0", mod.Version.ToString());
        ps.Commands.Clear();
        ps.AddScript("[NotionPS.NotionConnection].Assembly.Location");
        var loaded = ps.Invoke().Single().ToString();
        Assert.Equal(unit, loaded);
    }
}
