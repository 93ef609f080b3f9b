using System;
using System.Management.Automation;
using NotionPS.Secrets;
using NotionPS.Tests.Errors;
using Xunit;

namespace NotionPS.Tests.Vaults;

/// <summary>
/// The commands the vault errors suggest paste as they read, whatever the vault is called: its name reaches the command as
/// exactly itself (a quote, a $, a backtick, a line break), and Test-SecretVault -Name, which takes wildcards, tests that
/// vault alone.
/// </summary>
public class VaultRemedyTests
{
    public static readonly TheoryData<string> VaultNames = new()
    {
        "Bob's", "Team ‘A’", "a`b $x", "two\nlines", "Team[1]", "a`b*", "Store", "1e3",
    };

    [Theory]
    [MemberData(nameof(VaultNames))]
    public void ACommandSuggestedForAVaultNamesThatVault(string vault)
    {
        var notFound = VaultErrors.NotionSecretNotFound("NotionPS-Work", vault).ErrorDetails.RecommendedAction;
        var wrongType = VaultErrors.NotionSecretTypeNotSupported("NotionPS-Work", vault, "Hashtable").ErrorDetails.RecommendedAction;
        var exists = VaultErrors.NotionIntegrationExists("NotionPS-Work", vault).ErrorDetails.RecommendedAction;
        var locked = VaultErrors.SecretVaultLocked(vault, "NotionPS-Work", new InvalidOperationException("locked")).ErrorDetails.RecommendedAction;

        Assert.Equal(vault, PastedCommand.ArgumentOf(notFound, "Get-SecretInfo", "-Vault"));
        Assert.Equal(vault, PastedCommand.ArgumentOf(notFound, "Register-NotionIntegration", "-Vault"));
        Assert.Equal(vault, PastedCommand.ArgumentOf(wrongType, "Register-NotionIntegration", "-Vault"));
        Assert.Equal(vault, PastedCommand.ArgumentOf(exists, "Unregister-NotionIntegration", "-Vault"));
        Assert.Equal("Work", PastedCommand.ArgumentOf(exists, "Unregister-NotionIntegration", "-Name"));
        Assert.Equal(vault, PastedCommand.ArgumentOf(locked, "Unlock-SecretVault", "-Name"));
    }

    /// <summary>Test-SecretVault -Name takes a name with wildcard characters as a pattern: the one suggested matches this vault alone.</summary>
    [Theory]
    [MemberData(nameof(VaultNames))]
    public void TheSuggestedVaultTestTestsThatVaultAlone(string vault)
    {
        var failed = VaultErrors.SecretVaultOperationFailed(
            "Set-Secret", "NotionPS-Work", vault, new ErrorRecord(new InvalidOperationException("refused"), "SetSecretInvalidOperation", ErrorCategory.InvalidOperation, null));
        var notPassed = VaultErrors.SecretVaultTestNotPassed(vault, "NotionPS-Work", null);

        foreach (var text in new[] { failed.ErrorDetails.RecommendedAction, notPassed })
        {
            var name = PastedCommand.ArgumentOf(text, "Test-SecretVault", "-Name");
            Assert.True(TestSecretVaultTakes(name, vault), $"{name} does not name {vault}");
            Assert.False(TestSecretVaultTakes(name, vault.Replace("`", string.Empty, StringComparison.Ordinal) + "x"));
        }
    }

    /// <summary>A registration name that reads as a number bare (1e3, 0x10 are valid names) is written so it stays a name.</summary>
    [Theory]
    [InlineData("1e3")]
    [InlineData("0x10")]
    [InlineData("Work")]
    public void TheSuggestedRegistrationKeepsItsName(string name)
    {
        var notFound = VaultErrors.NotionIntegrationNotFound(name, new[] { "Store" }).ErrorDetails.RecommendedAction;
        var exists = VaultErrors.NotionIntegrationExists(IntegrationSecretName.FromName(name), "Store").ErrorDetails.RecommendedAction;

        Assert.Equal(name, PastedCommand.ArgumentOf(notFound, "Register-NotionIntegration", "-Name"));
        Assert.Equal(name, PastedCommand.ArgumentOf(exists, "Unregister-NotionIntegration", "-Name"));
    }

    /// <summary>As SecretManagement's Test-SecretVault -Name picks vaults: a pattern when it has wildcard characters, else the name as it is.</summary>
    internal static bool TestSecretVaultTakes(string name, string vault) =>
        WildcardPattern.ContainsWildcardCharacters(name)
            ? new WildcardPattern(name, WildcardOptions.IgnoreCase).IsMatch(vault)
            : string.Equals(name, vault, StringComparison.OrdinalIgnoreCase);
}
