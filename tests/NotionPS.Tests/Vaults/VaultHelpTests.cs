using System.IO;
using System.Linq;
using System.Reflection;
using NotionPS.Secrets;
using Xunit;

namespace NotionPS.Tests.Vaults;

public class VaultHelpTests
{
    private static readonly string HelpPath = Path.Combine(TestPaths.RepoRoot, "out", "NotionPS", "en-US", "about_NotionPS_Vaults.help.txt");

    [Fact]
    public void DocumentsEveryVaultErrorId()
    {
        var help = File.ReadAllText(HelpPath);
        var errorIds = typeof(VaultErrors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.Name.EndsWith("Id"))
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();

        Assert.NotEmpty(errorIds);
        Assert.All(errorIds, id => Assert.Contains(id, help));
    }

    [Fact]
    public void DocumentsTheSecretNameRuleAndUnattendedUse()
    {
        var help = File.ReadAllText(HelpPath);
        Assert.Contains(IntegrationSecretName.Prefix + "<Name>", help);
        Assert.Contains("1 to " + IntegrationSecretName.MaxNameLength + " letters", help);
        Assert.Contains("-Interaction None", help);
        Assert.Contains("Unlock-SecretStore", help);
    }
}
