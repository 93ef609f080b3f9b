using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Emulator;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.Help;

/// <summary>
/// Runs the PowerShell code of README.md, of every about topic and of the other markdown of the repository, as written, in the hosted engine against the
/// emulator's demo workspace: each document's blocks in order in one session, as a reader works down the page, so a
/// block may use what an earlier one made ($tasks, $page). The session starts as a reader's would, with nothing
/// connected; the adaptations are those of <see cref="HelpExampleTests"/>, plus what a person does at the console:
/// <list type="bullet">
/// <item>Read-Host is answered with the demo token (the person types it), and each -Confirm prompt with Yes.</item>
/// <item>The emulator's documented address, http://127.0.0.1:7700, is the one the test started; the module path a
/// build stages, ./out/NotionPS/, is the one the tests import.</item>
/// <item>SecretManagement is the in-memory double with the vaults NotionVault (the default) and TeamVault, each
/// holding the demo token as the secret NotionToken, stored by other means; NOTION_TOKEN holds the demo token.</item>
/// <item>The current location is a new folder holding the reader's files the README names (<see cref="ReaderFiles"/>).</item>
/// </list>
/// A block that cannot run here is in <see cref="NotRun"/>, with the reason.
/// </summary>
public sealed class DocumentExampleTests
{
    private const string StagedModuleFolder = "./out/NotionPS/";

    /// <summary>Blocks not run, by document and first line: what each needs that the test cannot give it.</summary>
    private static readonly (string Document, string FirstLine, string Reason)[] NotRun =
    [
        ("README.md", "./build.ps1 -Task Package",
            "builds a package and installs it with PSResourceGet from a local repository; tools/Test-ModulePackage.ps1 does that, in CI"),
        ("src/NotionPS/en-US/about_NotionPS_Vaults.help.txt", "Install-Module Microsoft.PowerShell.SecretManagement, Microsoft.PowerShell.SecretStore",
            "installs modules from the PowerShell Gallery and registers a SecretStore vault"),
        ("src/NotionPS/en-US/about_NotionPS_Vaults.help.txt", "Register-SecretVault -Name NotionPS -ModuleName Microsoft.PowerShell.SecretStore -DefaultVault",
            "sets up a real SecretStore vault (Reset-SecretStore erases it); the tests have SecretManagement's double, not SecretStore"),
        ("src/NotionPS/en-US/about_NotionPS_Vaults.help.txt", "# Once, in the runbook's account:",
            "sets up a real SecretStore vault with a password (Reset-SecretStore, Unlock-SecretStore)"),
        ("src/NotionPS/en-US/about_NotionPS_Vaults.help.txt", "# In the runbook (Azure Automation example):",
            "Get-AutomationPSCredential exists only in Azure Automation, and Unlock-SecretStore needs SecretStore"),
        ("README.md", "$env:DOTNET_TieredPGO = '0'; pwsh -File .\\Export-Rows.ps1                   # from PowerShell: the child pwsh gets it",
            "starts another pwsh on a script of the reader's own, and would set the variable for the test process"),
        ("tests/Sweep/README.md", "dotnet build NotionPS.sln -c Debug",
            "builds the solution and runs the hostile sweep, about 30 minutes of both cores: a developer's tool, run by hand"),
    ];

    /// <summary>The files the README's examples read as the reader's own, in the current location.</summary>
    private static readonly Dictionary<string, byte[]> ReaderFiles = new(StringComparer.Ordinal)
    {
        ["new-tasks.csv"] = Text("Name,Status,Priority\nRenew domain,Done,High\nOrder new laptops,Not started,Medium\n"),
        ["report.md"] = Text("# Daily report\n\nAll **green**.\n"),
        ["hr-export.csv"] = Text("EmployeeId,Name,Team\nE100,Ada Lovelace,Research\nE101,Grace Hopper,Engineering\n"),
        ["report.pdf"] = Text("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        ["log.txt"] = Text("backup finished\n"),
        ["chart.png"] = OnePixelPng(),
        ["logo.png"] = OnePixelPng(),
    };

    private const string Prepare = """
        $PSDefaultParameterValues['*-NotionIntegration:BaseUri'] = $baseUri
        $PSDefaultParameterValues['Connect-NotionIntegration:RequestsPerSecond'] = 0
        Disconnect-NotionIntegration
        Import-Module $secretManagement -ErrorAction Stop
        Reset-SecretDouble
        Add-SecretDoubleVault -Name NotionVault
        Add-SecretDoubleVault -Name TeamVault
        Set-Secret -Name NotionToken -Secret $token -Vault NotionVault
        Set-Secret -Name NotionToken -Secret $token -Vault TeamVault
        Set-Location -LiteralPath $folder
        """;

    /// <summary>The documents with a block to run (each costs an emulator and a session).</summary>
    public static IEnumerable<object[]> Documents() =>
        DocumentCode.Documents.Where(document => DocumentCode.BlocksOf(document).Any(block => ReasonNotRun(block) == null)).Select(document => new object[] { document });

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task EveryPowerShellBlockRunsAgainstTheDemoWorkspace(string document)
    {
        var blocks = DocumentCode.BlocksOf(document).Where(block => ReasonNotRun(block) == null).ToList();
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "notionps-docs-" + Guid.NewGuid().ToString("N"))).FullName;
        var savedNotionToken = Environment.GetEnvironmentVariable("NOTION_TOKEN");
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Urls = "http://127.0.0.1:0", RateLimit = 0 });
        var console = new TextCaptureHost { Choose = _ => 0, Type = _ => HelpExampleTests.DemoToken };
        using var session = ModuleSession.WithHost(console);
        try
        {
            foreach (var (name, content) in ReaderFiles)
            {
                File.WriteAllBytes(Path.Combine(folder, name), content);
            }

            Environment.SetEnvironmentVariable("NOTION_TOKEN", HelpExampleTests.DemoToken);
            var prepared = session.Run(Prepare, new Dictionary<string, object?>
            {
                ["baseUri"] = emulator.BaseUri,
                ["token"] = SecureStrings.FromText(HelpExampleTests.DemoToken),
                ["secretManagement"] = HelpExampleTests.SecretManagementDouble,
                ["folder"] = folder,
            });
            Assert.Empty(prepared.Errors);

            var failures = blocks.SelectMany(block => Failures(session, block, Adapt(block.Code, emulator.BaseUri))).ToList();

            Assert.True(failures.Count == 0, $"{failures.Count} errors in the code of {document}:\n" + string.Join("\n", failures));
        }
        finally
        {
            Environment.SetEnvironmentVariable("NOTION_TOKEN", savedNotionToken);
            session.Run("Set-Location -LiteralPath $home; Disconnect-NotionIntegration; Reset-SecretDouble");
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void EveryBlockNotRunIsInItsDocument()
    {
        var missing = NotRun.Where(entry => DocumentCode.BlocksOf(entry.Document).Count(block => block.FirstLine == entry.FirstLine) != 1)
            .Select(entry => $"{entry.Document}: no one block starts with '{entry.FirstLine}'").ToList();

        Assert.True(missing.Count == 0, "Blocks listed as not run that are not in their document once (changed, moved or gone?):\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryCodeFenceIsPowerShellOrSaysWhatElseItIs()
    {
        var undecided = DocumentCode.Documents
            .SelectMany(document => DocumentCode.FencesOf(document)
                .Where(fence => !DocumentCode.IsPowerShell(fence) && !DocumentCode.NotPowerShellFences.Contains(fence.Language, StringComparer.Ordinal))
                .Select(fence => $"{document}:{fence.Line}: ```{fence.Language}"))
            .ToList();

        Assert.True(undecided.Count == 0,
            "Code fences that are neither ```powershell (run by this test) nor tagged as what else they are ("
            + string.Join(", ", DocumentCode.NotPowerShellFences) + "): a fence without a tag is never run, so a PowerShell line in it goes untested:\n"
            + string.Join("\n", undecided));
    }

    [Fact]
    public void ReadsTheMarkdownOfTheRepositoryButTheCmdletHelpAndTestData()
    {
        Assert.Contains("tests/Sweep/README.md", DocumentCode.Documents);
        Assert.Contains("src/NotionPS.Emulator/README.md", DocumentCode.Documents);
        Assert.Contains("docs/README.md", DocumentCode.Documents);
        Assert.DoesNotContain("docs/Get-NotionDatabaseId.md", DocumentCode.Documents);
        Assert.DoesNotContain("tests/TestData/every-construct.md", DocumentCode.Documents);
        Assert.Equal(DocumentCode.Documents.Count, DocumentCode.Documents.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void FindsTheBlocksOfEachKindOfDocument()
    {
        Assert.Contains(DocumentCode.BlocksOf("README.md"), block => block.FirstLine == "$token = Read-Host -AsSecureString -Prompt 'Notion token'" && block.Line == 28);
        Assert.Contains(DocumentCode.BlocksOf("docs/about_NotionPS.md"), block => block.FirstLine.StartsWith("Test-NotionDatabaseAccess", StringComparison.Ordinal));
        var vaults = DocumentCode.BlocksOf("src/NotionPS/en-US/about_NotionPS_Vaults.help.txt");
        Assert.Contains(vaults, block => block.Code == "Get-NotionIntegration\nUnregister-NotionIntegration -Name Acme");
        Assert.DoesNotContain(vaults, block => block.Code.Contains("Set-SecretVaultDefault", StringComparison.Ordinal));
    }

    private static string? ReasonNotRun(DocumentCode.Block block) =>
        NotRun.Where(entry => entry.Document == block.File && entry.FirstLine == block.FirstLine).Select(entry => entry.Reason).FirstOrDefault();

    private static string Adapt(string code, Uri baseUri) =>
        code.Replace(HelpExampleTests.DocumentedEmulatorAddress, baseUri.ToString().TrimEnd('/'), StringComparison.Ordinal)
            .Replace(StagedModuleFolder, Path.GetDirectoryName(ModuleSession.ManifestPath) + "/", StringComparison.Ordinal);

    /// <summary>Each error the block wrote or stopped with, as "file:line: ErrorId: message", the line where the engine saw it.</summary>
    private static IEnumerable<string> Failures(ModuleSession session, DocumentCode.Block block, string code)
    {
        IReadOnlyList<ErrorRecord> errors;
        try
        {
            errors = session.Run(code).Errors;
        }
        catch (RuntimeException stopped)
        {
            errors = [stopped.ErrorRecord];
        }

        return errors.Select(error =>
        {
            // A line of the block itself: an error inside another script (a module's function) is placed at the block.
            var inBlock = error.InvocationInfo is { ScriptLineNumber: > 0 } invocation && string.IsNullOrEmpty(invocation.ScriptName);
            var line = inBlock ? block.Line + error.InvocationInfo!.ScriptLineNumber - 1 : block.Line;
            return $"{block.File}:{line}: {error.FullyQualifiedErrorId}: {error}";
        });
    }

    private static byte[] Text(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static byte[] OnePixelPng() =>
        Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}
