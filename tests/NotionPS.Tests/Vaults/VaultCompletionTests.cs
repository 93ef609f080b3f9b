using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace NotionPS.Tests.Vaults;

/// <summary>
/// Tab completion of -Vault and -Name. The completers ask SecretManagement in a runspace of their
/// own, which autoloads it from PSModulePath, so these tests put the double there for their duration.
/// </summary>
[Collection(VaultCollection.Name)]
public class VaultCompletionTests
{
    [Fact]
    public void CompletesVaultNamesAndRegistrationNames()
    {
        using var session = new VaultSession();
        session.Run(@"
            Add-SecretDoubleVault Store
            Add-SecretDoubleVault 'Team Vault'
            Set-Secret -Name NotionPS-Reporting -Secret x -Vault Store
            Set-Secret -Name NotionPS-Writer -Secret x -Vault 'Team Vault'
            Set-Secret -Name Unrelated -Secret x -Vault Store");

        WithDoubleOnModulePath(() =>
        {
            Assert.Equal(new[] { "Store", "'Team Vault'" }, Complete(session, "Get-NotionIntegration -Vault "));
            Assert.Equal(new[] { "'Team Vault'" }, Complete(session, "Register-NotionIntegration -Vault t"));
            Assert.Equal(new[] { "Reporting", "Writer" }, Complete(session, "Connect-NotionIntegration -Name "));
            Assert.Equal(new[] { "Writer" }, Complete(session, "Unregister-NotionIntegration -Vault 'Team Vault' -Name "));
        });
    }

    [Fact]
    public void TypedTextIsLiteralNotAWildcard()
    {
        var matches = NotionPS.Cmdlets.Completion.Matching("[T", new[] { "[Team]", "Team", "Store" });

        Assert.Equal(new[] { "'[Team]'" }, matches.Select(match => match.CompletionText));
    }

    [Fact]
    public void CompletesNothingWithoutSecretManagement()
    {
        using var session = new VaultSession(withSecretManagement: false);
        Assert.Empty(Complete(session, "Get-NotionIntegration -Vault "));
        Assert.Empty(Complete(session, "Connect-NotionIntegration -Name "));
    }

    private static string[] Complete(VaultSession session, string input)
    {
        using var powerShell = session.Module.CreatePowerShell();
        return CommandCompletion.CompleteInput(input, input.Length, null, powerShell)
            .CompletionMatches.Select(match => match.CompletionText).ToArray();
    }

    private static void WithDoubleOnModulePath(Action test)
    {
        var original = Environment.GetEnvironmentVariable("PSModulePath");
        Environment.SetEnvironmentVariable("PSModulePath", VaultSession.DoubleModuleFolder + Path.PathSeparator + original);
        try
        {
            test();
        }
        finally
        {
            Environment.SetEnvironmentVariable("PSModulePath", original);
        }
    }
}
