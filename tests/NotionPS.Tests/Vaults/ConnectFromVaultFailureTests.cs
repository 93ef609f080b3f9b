using System.Linq;
using System.Management.Automation;
using NotionPS.Tests.Errors;
using Xunit;

namespace NotionPS.Tests.Vaults;

/// <summary>
/// Connect-NotionIntegration -Name / -Vault -SecretName and Register-NotionIntegration when the
/// vault side fails: each stops before Notion is asked, with an error that names vault and secret.
/// </summary>
[Collection(VaultCollection.Name)]
public class ConnectFromVaultFailureTests
{
    private const string Unreachable = " -BaseUri http://127.0.0.1:1/";

    [Fact]
    public void ConnectReportsAMissingSecret()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store");
        var error = session.Terminates("Connect-NotionIntegration -Vault Store -SecretName NotionToken" + Unreachable);
        Assert.Equal("NotionSecretNotFound,NotionPS.Cmdlets.ConnectNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("'Store'", error.ErrorDetails.Message);
        Assert.Contains("'NotionToken'", error.ErrorDetails.Message);
        Assert.Contains("Register-NotionIntegration", error.ErrorDetails.Message);
    }

    /// <summary>
    /// A registration's stored setting that no longer passes (a version since dropped, an address now refused) is not one the
    /// user typed: the error says it came from the registration, how to override it and how to store it again.
    /// </summary>
    [Theory]
    [InlineData("ApiVersion = '2021-05-13'", "InvalidConnectionOption", "-ApiVersion")]
    [InlineData("BaseUri = 'http://example.com/'", "InvalidBaseUri", "-BaseUri")]
    public void ConnectByNameSaysASettingCameFromTheRegistration(string metadata, string errorId, string parameter)
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-Secret -Name NotionPS-Old -Secret 'demo-token-full-access' -Vault Store -Metadata @{ " + metadata + " }");

        var error = session.Terminates("Connect-NotionIntegration -Name Old");

        Assert.Equal(errorId + ",NotionPS.Cmdlets.ConnectNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("registration 'Old' in vault 'Store'", error.ErrorDetails.Message);
        Assert.Contains("Give " + parameter, error.ErrorDetails.RecommendedAction);
        Assert.Contains("Register-NotionIntegration -Name 'Old' -Vault 'Store' -Force", error.ErrorDetails.RecommendedAction);
    }

    /// <summary>The command that stores the registration again names its vault as exactly itself when pasted ('Bob's' did not parse).</summary>
    [Fact]
    public void TheCommandToStoreARegistrationAgainNamesItsVault()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault 'Bob''s'; Set-Secret -Name NotionPS-Old -Secret 'demo-token-full-access' -Vault 'Bob''s' -Metadata @{ ApiVersion = '2021-05-13' }");

        var remedy = session.Terminates("Connect-NotionIntegration -Name Old").ErrorDetails.RecommendedAction;

        Assert.Equal("Bob's", PastedCommand.ArgumentOf(remedy, "Register-NotionIntegration", "-Vault"));
        Assert.Equal("Old", PastedCommand.ArgumentOf(remedy, "Register-NotionIntegration", "-Name"));
    }

    [Fact]
    public void ConnectReportsAMissingVault()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store");
        var error = session.Terminates("Connect-NotionIntegration -Vault Nope -SecretName NotionToken" + Unreachable);
        Assert.Equal("SecretVaultNotFound,NotionPS.Cmdlets.ConnectNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("'Nope'", error.ErrorDetails.Message);
    }

    [Fact]
    public void ConnectReportsALockedVault()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-Secret -Name NotionToken -Secret 'demo-token-full-access'; Set-SecretDoubleVault Store -Locked $true");
        var error = session.Terminates("Connect-NotionIntegration -Vault Store -SecretName NotionToken" + Unreachable);
        Assert.Equal("SecretVaultLocked,NotionPS.Cmdlets.ConnectNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Unlock-SecretVault -Name 'Store'", error.ErrorDetails.Message);
        Assert.Contains("NotionToken", error.ErrorDetails.Message);
    }

    [Fact]
    public void ConnectByNameReportsALockedVaultRatherThanNotFound()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-Secret -Name NotionPS-Demo -Secret 'demo-token-full-access'; Set-SecretDoubleVault Store -Locked $true");
        var error = session.Terminates("Connect-NotionIntegration -Name Demo" + Unreachable);
        Assert.Equal("SecretVaultLocked,NotionPS.Cmdlets.ConnectNotionIntegrationCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void ConnectByNameReportsAnUnknownRegistration()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Add-SecretDoubleVault Other");
        var error = session.Terminates("Connect-NotionIntegration -Name Demo" + Unreachable);
        Assert.Equal("NotionIntegrationNotFound,NotionPS.Cmdlets.ConnectNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Store, Other", error.ErrorDetails.Message);
        Assert.Contains("Register-NotionIntegration -Name 'Demo'", error.ErrorDetails.Message);
    }

    [Fact]
    public void ConnectByNameWithNoVaultSaysHowToSetOneUp()
    {
        using var session = new VaultSession();
        var error = session.Terminates("Connect-NotionIntegration -Name Demo" + Unreachable);
        Assert.Equal("NotionIntegrationNotFound,NotionPS.Cmdlets.ConnectNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Register-SecretVault", error.ErrorDetails.Message);
    }

    [Fact]
    public void ConnectStopsWhenSecretManagementIsNotInstalled()
    {
        using var session = new VaultSession(withSecretManagement: false);
        var error = session.Terminates("Connect-NotionIntegration -Vault Store -SecretName NotionToken" + Unreachable);
        Assert.Equal("SecretManagementNotInstalled,NotionPS.Cmdlets.ConnectNotionIntegrationCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void ConnectRefusesASecretThatCannotHoldAToken()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-Secret -Name NotionToken -Secret @{ token = 'demo-token-full-access' }");
        var error = session.Terminates("Connect-NotionIntegration -Vault Store -SecretName NotionToken" + Unreachable);
        Assert.Equal("NotionSecretTypeNotSupported,NotionPS.Cmdlets.ConnectNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Hashtable", error.ErrorDetails.Message);
        Assert.DoesNotContain("demo-token-full-access", session.AllStreamText());
    }

    [Fact]
    public void RegisterNeedsAVaultWhenThereIsNoDefault()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-SecretDoubleVault -ClearDefault");
        var error = session.Terminates("Register-NotionIntegration -Name Demo -Token $token" + Unreachable, ("token", Token()));
        Assert.Equal("NoDefaultSecretVault,NotionPS.Cmdlets.RegisterNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("NotionPS-Demo", error.ErrorDetails.Message);
        Assert.Contains("Set-SecretVaultDefault", error.ErrorDetails.Message);
    }

    [Fact]
    public void RegisterRefusesADuplicateNameWithoutForce()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-Secret -Name NotionPS-Demo -Secret 'old'");
        var error = session.Terminates("Register-NotionIntegration -Name Demo -Token $token" + Unreachable, ("token", Token()));
        Assert.Equal("NotionIntegrationExists,NotionPS.Cmdlets.RegisterNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Contains("-Force", error.ErrorDetails.Message);
        Assert.Equal("old", session.Run("Get-Secret NotionPS-Demo -AsPlainText").Single().BaseObject);
    }

    [Fact]
    public void RegisterReportsALockedVault()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-SecretDoubleVault Store -Locked $true");
        var error = session.Terminates("Register-NotionIntegration -Name Demo -Token $token -Vault Store" + Unreachable, ("token", Token()));
        Assert.Equal("SecretVaultLocked,NotionPS.Cmdlets.RegisterNotionIntegrationCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void RegisterReportsAMissingVault()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store");
        var error = session.Terminates("Register-NotionIntegration -Name Demo -Token $token -Vault Nope" + Unreachable, ("token", Token()));
        Assert.Equal("SecretVaultNotFound,NotionPS.Cmdlets.RegisterNotionIntegrationCommand", error.FullyQualifiedErrorId);
    }

    private static System.Security.SecureString Token()
    {
        var token = new System.Security.SecureString();
        foreach (var c in "demo-token-full-access")
        {
            token.AppendChar(c);
        }

        return token;
    }

    [Theory]
    [InlineData("Stopped", "Connect-NotionIntegration -Name Demo", "its call ended without a result or an error")]
    [InlineData("Failed", "Connect-NotionIntegration -Name Demo", "it could not show its password prompt")]
    [InlineData("Stopped", "Connect-NotionIntegration -Vault Store -SecretName NotionPS-Demo", "its call ended without a result or an error")]
    [InlineData("Failed", "Connect-NotionIntegration -Vault Store -SecretName NotionPS-Demo", "it could not show its password prompt")]
    public void ConnectReportsAVaultWhosePromptNoOneCanAnswerAsLocked(string promptEndsIn, string script, string why)
    {
        using var session = new VaultSession();
        session.Run(
            "Add-SecretDoubleVault Store; Set-Secret -Name NotionPS-Demo -Secret 'demo-token-full-access'; Set-SecretDoubleVault Store -Locked $true -Interaction Prompt -PromptEndsIn $ends",
            ("ends", promptEndsIn));

        var error = session.Terminates(script + Unreachable);

        Assert.Equal("SecretVaultLocked,NotionPS.Cmdlets.ConnectNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Contains("The vault 'Store' gave no answer for secret 'NotionPS-Demo'", error.ErrorDetails.Message);
        Assert.Contains(why, error.ErrorDetails.Message);
        Assert.Contains("Unlock-SecretStore -Password", error.ErrorDetails.RecommendedAction);
        Assert.Contains("-Interaction None", error.ErrorDetails.RecommendedAction);
        Assert.DoesNotContain("demo-token-full-access", session.AllStreamText());
    }

    [Fact]
    public void ConnectByNameAfterAPasswordTimeoutFindsTheRegistrationButReportsALockedVault()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-Secret -Name NotionPS-Demo -Secret 'demo-token-full-access'; Set-SecretDoubleVault Store -PasswordTimedOut $true");

        var error = session.Terminates("Connect-NotionIntegration -Name Demo" + Unreachable);

        Assert.Equal("SecretVaultLocked,NotionPS.Cmdlets.ConnectNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("The vault 'Store' is locked, so secret 'NotionPS-Demo' could not be reached.", error.ErrorDetails.Message);
    }

    [Theory]
    [InlineData("Connect-NotionIntegration -Name Demo", "ConnectNotionIntegrationCommand")]
    [InlineData("Connect-NotionIntegration -Name Demo -Vault Store", "ConnectNotionIntegrationCommand")]
    [InlineData("Register-NotionIntegration -Name Demo -Token $token", "RegisterNotionIntegrationCommand")]
    [InlineData("Register-NotionIntegration -Name Demo -Token $token -Vault Store -Force", "RegisterNotionIntegrationCommand")]
    public void LockedVaultErrorsNameTheSecret(string script, string command)
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-SecretDoubleVault Store -Locked $true");

        var error = session.Terminates(script + Unreachable, ("token", Token()));

        Assert.Equal("SecretVaultLocked,NotionPS.Cmdlets." + command, error.FullyQualifiedErrorId);
        Assert.Contains("The vault 'Store' is locked, so secret 'NotionPS-Demo' could not be reached.", error.ErrorDetails.Message);
        Assert.DoesNotContain("(any)", error.ErrorDetails.Message);
    }
}
