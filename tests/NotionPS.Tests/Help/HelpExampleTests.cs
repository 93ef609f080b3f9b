using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Emulator;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.Help;

/// <summary>
/// Runs every help example, as written in docs/, in the hosted engine against the emulator's demo
/// workspace. The session is prepared the way docs/README.md promises example writers.
/// </summary>
public sealed class HelpExampleTests : IClassFixture<HelpExampleTests.DemoWorkspace>
{
    internal const string DemoToken = "demo-token-full-access";
    internal const string DocumentedEmulatorAddress = "http://127.0.0.1:7700";

    internal static readonly string SecretManagementDouble = Path.Combine(
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
        var prepared = session.Run(Prepare, new Dictionary<string, object?> { ["baseUri"] = baseUri, ["token"] = SecureStrings.FromText(DemoToken), ["secretManagement"] = SecretManagementDouble });
        Assert.Empty(prepared.Errors);

        var result = session.Run(code.Replace(DocumentedEmulatorAddress, baseUri.ToString().TrimEnd('/'), StringComparison.Ordinal));

        Assert.True(result.Errors.Count == 0, $"{cmdletName}, {exampleTitle}:\n" + string.Join("\n", result.Errors.Select(error => $"{error.FullyQualifiedErrorId}: {error}")));
    }

    /// <summary>
    /// The runbook example of New-NotionPage, down its failure path: the query of Tasks fails (a 500 from the
    /// emulator's fault switch, with no retries), so the example comments on the reports page and fails the run.
    /// </summary>
    [Fact]
    public async Task TheRunbookExampleCommentsOnTheReportsPageWhenAStepFails()
    {
        const string ReportsPageId = "4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8";
        var code = HelpSources.Read("New-NotionPage").Examples.Single(example => example.Title.Contains("comments when it fails", StringComparison.Ordinal)).Code;
        using var admin = new HttpClient { BaseAddress = new Uri(baseUri, "__emulator/") };
        using var session = new ModuleSession();
        Assert.Empty(session.Run(Prepare + "\n$PSDefaultParameterValues['Connect-NotionIntegration:MaximumRetryCount'] = 0",
            new Dictionary<string, object?> { ["baseUri"] = baseUri, ["token"] = SecureStrings.FromText(DemoToken), ["secretManagement"] = SecretManagementDouble }).Errors);
        var pagesBefore = ReportPages(session, ReportsPageId);
        (await admin.PostAsJsonAsync("faults", new { kind = "500", count = 1, method = "POST", path = "/v1/*/*/query" })).EnsureSuccessStatusCode();
        try
        {
            var failure = Assert.ThrowsAny<RuntimeException>(() => session.Run(code));

            var comments = session.Run("Get-NotionComment -PageId $page | ForEach-Object Text", new Dictionary<string, object?> { ["page"] = ReportsPageId });
            Assert.Empty(comments.Errors);
            var comment = Assert.Single(comments.Output, text => text.ToString().StartsWith("Task status report failed:", StringComparison.Ordinal)).ToString();
            Assert.Contains(failure.ErrorRecord.Exception.Message, comment, StringComparison.Ordinal);
            Assert.Equal(pagesBefore, ReportPages(session, ReportsPageId));
        }
        finally
        {
            (await admin.DeleteAsync("faults")).EnsureSuccessStatusCode();
        }
    }

    /// <summary>How many "Task status" pages are under the reports page.</summary>
    private static int ReportPages(ModuleSession session, string reportsPageId) =>
        (int)session.Run(
            "@(Get-NotionPageContent -PageId $page -AsBlocks | Where-Object { $_.type -eq 'child_page' -and $_.child_page.title -eq 'Task status' }).Count",
            new Dictionary<string, object?> { ["page"] = reportsPageId }).Output.Single().BaseObject;

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
}
