using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace NotionPS.Tests.Vaults;

public class IntegrationFormatViewTests
{
    [Fact]
    public void NotionIntegrationHasATableViewOfItsNameVaultBotTokenKindWorkspaceAndSecret()
    {
        var formatPath = Path.Combine(TestPaths.RepoRoot, "out", "NotionPS", "NotionPS.format.ps1xml");
        var view = XDocument.Load(formatPath).Descendants("View")
            .Single(candidate => candidate.Element("ViewSelectedBy")?.Element("TypeName")?.Value == typeof(NotionIntegration).FullName);

        var columns = view.Descendants("TableColumnItem").Select(item => item.Element("PropertyName")?.Value).ToList();
        Assert.Equal(["Name", "Vault", "BotName", "TokenKind", "WorkspaceName", "SecretName"], columns);
        Assert.All(columns, name => Assert.NotNull(typeof(NotionIntegration).GetProperty(name!)));
    }
}
