using System.Linq;
using System.Management.Automation;
using System.Security;
using Xunit;

namespace NotionPS.Tests.Vaults;

/// <summary>
/// The double must behave as SecretManagement 1.1.2 does, or the bridge tests prove nothing: its
/// parameters as published, and the error ids and terminating-ness of its source.
/// </summary>
[Collection(VaultCollection.Name)]
public class SecretManagementDoubleTests
{
    [Theory]
    // command, parameter set, parameter, position (-1 = named), mandatory, by pipeline value
    [InlineData("Get-Secret", "NameParameterSet", "Name", 0, true, true)]
    [InlineData("Get-Secret", "NameParameterSet", "Vault", 1, false, false)]
    [InlineData("Get-Secret", "__AllParameterSets", "AsPlainText", -1, false, false)]
    [InlineData("Get-Secret", "InfoParameterSet", "InputObject", 0, true, true)]
    [InlineData("Set-Secret", "SecureStringParameterSet", "Name", 0, true, false)]
    [InlineData("Set-Secret", "SecureStringParameterSet", "SecureStringSecret", 1, true, true)]
    [InlineData("Set-Secret", "SecureStringParameterSet", "Vault", 2, false, false)]
    [InlineData("Set-Secret", "SecureStringParameterSet", "Metadata", 3, false, false)]
    [InlineData("Set-Secret", "__AllParameterSets", "NoClobber", -1, false, false)]
    [InlineData("Set-Secret", "ObjectParameterSet", "Secret", 1, true, true)]
    [InlineData("Set-Secret", "SecretInfoParameterSet", "SecretInfo", 1, true, true)]
    [InlineData("Set-Secret", "SecretInfoParameterSet", "Vault", -1, true, false)]
    [InlineData("Get-SecretInfo", "__AllParameterSets", "Name", 0, false, false)]
    [InlineData("Get-SecretInfo", "__AllParameterSets", "Vault", 1, false, false)]
    [InlineData("Remove-Secret", "NameParameterSet", "Name", 0, true, true)]
    [InlineData("Remove-Secret", "NameParameterSet", "Vault", 1, true, false)]
    [InlineData("Remove-Secret", "InfoParameterSet", "InputObject", 0, true, true)]
    [InlineData("Get-SecretVault", "__AllParameterSets", "Name", 0, false, false)]
    [InlineData("Test-SecretVault", "__AllParameterSets", "Name", 0, false, true)]
    public void HasSecretManagementsParameters(string command, string set, string parameter, int position, bool mandatory, bool byValue)
    {
        using var session = new VaultSession();
        var info = (CommandInfo)session.Run("Get-Command Microsoft.PowerShell.SecretManagement\\" + command).Single().BaseObject;
        var attributes = info.Parameters[parameter].ParameterSets;
        Assert.True(attributes.ContainsKey(set), $"{command} -{parameter} is not in set {set}");
        Assert.Equal(position == -1 ? int.MinValue : position, attributes[set].Position);
        Assert.Equal(mandatory, attributes[set].IsMandatory);
        Assert.Equal(byValue, attributes[set].ValueFromPipeline);
    }

    [Theory]
    [InlineData("Get-Secret", "NameParameterSet")]
    [InlineData("Set-Secret", "SecureStringParameterSet")]
    [InlineData("Remove-Secret", "NameParameterSet")]
    public void HasSecretManagementsDefaultParameterSets(string command, string defaultSet)
    {
        using var session = new VaultSession();
        var function = (FunctionInfo)session.Run("Get-Command Microsoft.PowerShell.SecretManagement\\" + command).Single().BaseObject;
        Assert.Equal(defaultSet, function.DefaultParameterSet);
    }

    [Fact]
    public void ReturnsStringSecretsAsSecureStringsUnlessAsked()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-Secret -Name s -Secret 'plain value'");
        Assert.IsType<SecureString>(session.Run("Get-Secret -Name s").Single().BaseObject);
        Assert.Equal("plain value", session.Run("Get-Secret -Name s -Vault Store -AsPlainText").Single().BaseObject);
    }

    [Fact]
    public void ReportsAMissingSecretWithoutStopping()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store");
        var errors = session.WritesErrors("Get-Secret -Name missing; 'after'", out var output);
        Assert.StartsWith("GetSecretNotFound,", errors.Single().FullyQualifiedErrorId);
        Assert.Equal("after", output.Single().BaseObject);
    }

    [Fact]
    public void StopsOnAnUnknownVault()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store");
        var error = session.Terminates("Get-Secret -Name s -Vault Nope; 'after'");
        Assert.StartsWith("GetSecretVaultNotFound,", error.FullyQualifiedErrorId);
        Assert.StartsWith("GetSecretVaultNotFound,", session.WritesErrors("Get-SecretVault -Name Nope", out _).Single().FullyQualifiedErrorId);
    }

    [Fact]
    public void RefusesToSetWithoutAVaultWhenThereIsNoDefault()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-SecretDoubleVault -ClearDefault");
        Assert.StartsWith("SetSecretCommandFailNoVault,", session.Terminates("Set-Secret -Name s -Secret v").FullyQualifiedErrorId);
    }

    /// <summary>
    /// A name that differs only in case from a stored one: SecretStore replaces the secret under the new spelling; a vault
    /// that keeps the first spelling, or takes the two as two secrets, is there for the vaults that do.
    /// </summary>
    [Theory]
    [InlineData("Latest", "s-TWO=second")]
    [InlineData("First", "S-two=second")]
    [InlineData("Sensitive", "S-two=first s-TWO=second")]
    public void TakesANameThatDiffersInCaseAsTheVaultDoes(string nameCase, string held)
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store -NameCase $nameCase; Set-Secret -Name S-two -Secret first; Set-Secret -Name s-TWO -Secret second", ("nameCase", nameCase));

        var secrets = session.Run("(Get-SecretInfo -Vault Store | ForEach-Object { $_.Name + '=' + (Get-Secret -Name $_.Name -Vault Store -AsPlainText) }) -join ' '");

        Assert.Equal(held, secrets.Single().BaseObject);
    }

    [Fact]
    public void KeepsAnExistingSecretWithNoClobber()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-Secret -Name s -Secret first");
        var error = session.Terminates("Set-Secret -Name s -Secret second -NoClobber");
        Assert.StartsWith("SetSecretCommandAlreadyExistsWithNoClobber,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Equal("first", session.Run("Get-Secret s -AsPlainText").Single().BaseObject);
    }

    [Fact]
    public void RemovesASecretWhoseMetadataTheVaultCannotKeep()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Plain -NoMetadataSupport");
        var errors = session.WritesErrors("Set-Secret -Name s -Secret v -Metadata @{ a = 'b' }", out _);
        Assert.StartsWith("SetSecretMetadataCommandNotSupported,", errors.Single().FullyQualifiedErrorId);
        Assert.Empty(session.Run("Get-SecretInfo -Vault Plain"));
    }

    [Fact]
    public void ReportsALockedVaultAsSecretManagementDoes()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-Secret -Name s -Secret v; Set-SecretDoubleVault Store -Locked $true");

        // Caught (non-terminating) where SecretManagement catches it...
        var named = session.WritesErrors("Get-Secret -Name s -Vault Store", out _).Single();
        Assert.StartsWith("GetSecretException,", named.FullyQualifiedErrorId);
        Assert.Equal("PasswordRequiredException", named.Exception.GetType().Name);
        Assert.StartsWith("GetSecretInfoException,", session.WritesErrors("Get-SecretInfo", out _).Single().FullyQualifiedErrorId);

        // ...and stopping the command where it does not.
        Assert.Equal("PasswordRequiredException", session.Terminates("Get-Secret -Name s").Exception.GetType().Name);
        Assert.Equal("PasswordRequiredException", session.Terminates("Set-Secret -Name t -Secret v").Exception.GetType().Name);
    }

    [Theory]
    [InlineData("Get-SecretInfo")]
    [InlineData("Get-Secret -Name s -Vault Store")]
    [InlineData("Set-Secret -Name t -Secret v -Vault Store")]
    public void EndsAPromptWithoutConsoleInputStoppedWithNoErrorAndNoException(string command)
    {
        // What SecretStore 1.0.6 did with Interaction Prompt in a pwsh without console input.
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-Secret -Name s -Secret v; Set-SecretDoubleVault Store -Locked $true -Interaction Prompt");

        using var call = session.Module.CreatePowerShell();
        call.AddScript("Microsoft.PowerShell.SecretManagement\\" + command);
        var output = call.Invoke();

        Assert.Empty(output);
        Assert.Equal(PSInvocationState.Stopped, call.InvocationStateInfo.State);
        Assert.Empty(call.Streams.Error);
    }

    [Fact]
    public void FailsAPromptTheHostCannotShowWithAHostException()
    {
        // Where SecretManagement lets the prompt's exception through, the call ends Failed;
        // where it catches it (Get-SecretInfo), the HostException comes back in an error record.
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-SecretDoubleVault Store -Locked $true -Interaction Prompt -PromptEndsIn Failed");

        using var call = session.Module.CreatePowerShell();
        call.AddScript("Microsoft.PowerShell.SecretManagement\\Set-Secret -Name t -Secret v -Vault Store");
        Assert.IsType<System.Management.Automation.Host.HostException>(Assert.ThrowsAny<RuntimeException>(() => call.Invoke()));
        Assert.Equal(PSInvocationState.Failed, call.InvocationStateInfo.State);

        var listed = session.WritesErrors("Get-SecretInfo -Vault Store", out _).Single();
        Assert.StartsWith("GetSecretInfoException,", listed.FullyQualifiedErrorId);
        Assert.IsType<System.Management.Automation.Host.HostException>(listed.Exception);
    }

    [Fact]
    public void ListsSecretsButRefusesValuesAndWritesAfterAPasswordTimeout()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-Secret -Name s -Secret v; Set-SecretDoubleVault Store -PasswordTimedOut $true");

        Assert.Equal("s", session.Run("Get-SecretInfo -Vault Store").Single().Properties["Name"].Value);
        Assert.Equal("PasswordRequiredException", session.WritesErrors("Get-Secret -Name s -Vault Store", out _).Single().Exception.GetType().Name);
        Assert.Equal("PasswordRequiredException", session.Terminates("Set-Secret -Name t -Secret v -Vault Store").Exception.GetType().Name);
        Assert.Equal("PasswordRequiredException", session.Terminates("Remove-Secret -Name s -Vault Store").Exception.GetType().Name);
    }

    [Theory]
    [InlineData("Microsoft.PowerShell.SecretStore", "SecretStoreRemoveSecretFailed")]
    [InlineData("SecretManagement.KeePass", "RemoveSecretInvalidOperation")]
    public void ReportsRemovingAMissingSecretAsTheVaultDoes(string moduleName, string errorId)
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store -ModuleName $module", ("module", moduleName));

        var error = session.WritesErrors("Remove-Secret -Name missing -Vault Store", out _).Single();

        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
        Assert.Contains(Causes(error.Exception), e => e is ItemNotFoundException);
    }

    [Fact]
    public void TestsAVaultByWritingToIt()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Add-SecretDoubleVault Shelf; Set-SecretDoubleVault Shelf -ReadOnly $true");

        Assert.Equal(true, session.Run("Test-SecretVault -Name Store").Single().BaseObject);
        session.WritesErrors("Test-SecretVault -Name Shelf", out var readOnly);
        Assert.Equal(false, readOnly.Single().BaseObject);
        session.Run("Set-SecretDoubleVault Store -Locked $true");
        Assert.Equal("PasswordRequiredException", session.Terminates("Test-SecretVault -Name Store").Exception.GetType().Name);

        // A name without wildcard characters is looked up as it is, as in SecretManagement 1.1: an escaped one finds nothing.
        session.Run("Add-SecretDoubleVault 'Box[1]'");
        var notFound = session.WritesErrors("Test-SecretVault -Name 'Box`[1`]'", out var none).Single();
        Assert.StartsWith("TestSecretVaultNotFound,", notFound.FullyQualifiedErrorId);
        Assert.Empty(none);
        Assert.Equal(true, session.Run("Test-SecretVault -Name 'Box[[]1]'").Single().BaseObject);
    }

    private static System.Collections.Generic.IEnumerable<System.Exception> Causes(System.Exception? exception)
    {
        for (var current = exception; current != null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
