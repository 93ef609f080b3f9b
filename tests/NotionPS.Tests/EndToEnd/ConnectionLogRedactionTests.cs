using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// The lines the connection cmdlets write themselves quote names Notion gave (the workspace's, the bot's): they are
/// redacted like the client's, so a name carrying the token never shows it.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class ConnectionLogRedactionTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    [Fact]
    public async Task ConnectAndDisconnectShowAWorkspaceNameCarryingTheTokenRedacted()
    {
        await Emulator.RewriteUsersMeAsync("\"workspace_name\":\"Acme Demo\"", $"\"workspace_name\":\"Acme {EmulatorFixture.FullAccessToken}\"");

        var result = Session.Run("$null = Connect-NotionIntegration -Token $token -BaseUri $emu -Verbose; Disconnect-NotionIntegration -Verbose");

        var lines = result.Verbose.Select(line => line.Message).ToList();
        Assert.Contains(lines, line => line.StartsWith("Connected to workspace 'Acme ***' as integration 'NotionPS Demo'"));
        Assert.Contains("Disconnected from 'NotionPS Demo' in 'Acme ***'.", lines);
        Assert.DoesNotContain(lines, line => line.Contains(EmulatorFixture.FullAccessToken));
    }
}
