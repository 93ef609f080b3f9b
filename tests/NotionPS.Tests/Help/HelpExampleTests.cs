using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Threading.Tasks;
using NotionPS.Emulator;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.Help;

/// <summary>
/// Runs every help example, as written in docs/, in the hosted engine against the emulator's demo
/// workspace. The session is prepared the way docs/README.md promises example writers.
/// </summary>
[Collection(EmulatorSessionCollection.Name)]
public sealed class HelpExampleTests : IClassFixture<HelpExampleTests.DemoWorkspace>
{
    internal const string DemoToken = "demo-token-full-access";
    private const string DocumentedEmulatorAddress = "http://127.0.0.1:7700";

    private static readonly string SecretManagementDouble = Path.Combine(
        TestPaths.RepoRoot, "tests", "SecretManagementDouble", "Microsoft.PowerShell.SecretManagement", "Microsoft.PowerShell.SecretManagement.psd1");

    // As if the reader had connected first and kept the token in a default vault (SecretManagement's
    // test double): as the registration Acme and as the plain secret NotionToken. BaseUri and pacing
    // are defaults, so examples need not say them.
    private const string Prepare = """
        $PSDefaultParameterValues['*-NotionIntegration:BaseUri'] = $baseUri
        $PSDefaultParameterValues['Connect-NotionIntegration:RequestsPerSecond'] = 0
        Import-Module $secretManagement -ErrorAction Stop
        Reset-SecretDouble
        Add-SecretDoubleVault -Name NotionVault
        Set-Secret -Name NotionToken -Secret $token -Vault NotionVault
        Register-NotionIntegration -Name Acme -Token $token | Out-Null
        Connect-NotionIntegration -Token $token | Out-Null
        """;

    private readonly Uri baseUri;

    public HelpExampleTests(DemoWorkspace workspace) => baseUri = workspace.BaseUri;

    public static IEnumerable<object[]> Examples() =>
        HelpSources.CmdletNames.SelectMany(name => HelpSources.Read(name).Examples.Select(example => new object[] { name, example.Title }));

    [Theory]
    [MemberData(nameof(Examples))]
    public void RunsAgainstTheDemoWorkspace(string cmdletName, string exampleTitle)
    {
        var code = HelpSources.Read(cmdletName).Examples.Single(example => example.Title == exampleTitle).Code;
        using var session = new ModuleSession();
        var prepared = session.Run(Prepare, new Dictionary<string, object?> { ["baseUri"] = baseUri, ["token"] = ToSecureString(DemoToken), ["secretManagement"] = SecretManagementDouble });
        Assert.Empty(prepared.Errors);

        var result = session.Run(code.Replace(DocumentedEmulatorAddress, baseUri.ToString().TrimEnd('/'), StringComparison.Ordinal));

        Assert.True(result.Errors.Count == 0, $"{cmdletName}, {exampleTitle}:\n" + string.Join("\n", result.Errors.Select(error => $"{error.FullyQualifiedErrorId}: {error}")));
    }

    [Fact]
    public void FindsTheExamples()
    {
        Assert.Contains(Examples(), example => (string)example[0] == "Connect-NotionIntegration");
    }

    /// <summary>The emulator, and NOTION_TOKEN set for the runbook examples, for the whole class.</summary>
    public sealed class DemoWorkspace : IAsyncLifetime
    {
        private EmulatorServer? emulator;
        private string? savedNotionToken;

        public Uri BaseUri => emulator!.BaseUri;

        public async Task InitializeAsync()
        {
            emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Urls = "http://127.0.0.1:0", RateLimit = 0 });
            savedNotionToken = Environment.GetEnvironmentVariable("NOTION_TOKEN");
            Environment.SetEnvironmentVariable("NOTION_TOKEN", DemoToken);
        }

        public async Task DisposeAsync()
        {
            Environment.SetEnvironmentVariable("NOTION_TOKEN", savedNotionToken);
            using (var session = new ModuleSession())
            {
                session.Run("Disconnect-NotionIntegration; Import-Module $secretManagement; Reset-SecretDouble", new Dictionary<string, object?> { ["secretManagement"] = SecretManagementDouble });
            }

            await emulator!.DisposeAsync();
        }
    }

    internal static SecureString ToSecureString(string text)
    {
        var secure = new SecureString();
        foreach (var character in text)
        {
            secure.AppendChar(character);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
