using System.Collections;
using System.Linq;
using System.Management.Automation;
using NotionPS.Secrets;
using Xunit;

namespace NotionPS.Tests.Vaults;

/// <summary>
/// The bridge on its own, for what a cmdlet cannot bring about on demand: a secret that disappears
/// between listing and removing, and Ctrl+C while a vault prompts.
/// </summary>
[Collection(VaultCollection.Name)]
public class SecretManagementBridgeTests
{
    [Theory]
    [InlineData("Microsoft.PowerShell.SecretStore")]
    [InlineData("SecretManagement.KeePass")]
    public void RemovingASecretThatIsGoneIsNotFoundWhicheverWayTheVaultSaysIt(string moduleName)
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store -ModuleName $module", ("module", moduleName));
        var registry = new IntegrationRegistry(new SecretManagementBridge(session.Module.CreatePowerShell, callerStopping: () => false));
        var gone = new NotionIntegration { Name = "Gone", Vault = "Store", SecretName = "NotionPS-Gone" };

        var error = Assert.Throws<SecretVaultException>(() => registry.Remove(gone)).ErrorRecord;

        Assert.Equal(VaultErrors.NotionSecretNotFoundId, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("The vault 'Store' has no secret named 'NotionPS-Gone'.", error.ErrorDetails.Message);
    }

    [Theory]
    [InlineData("Stopped")]
    [InlineData("Failed")]
    public void AStoppedCallerStopsInsteadOfReportingTheVault(string promptEndsIn)
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-SecretDoubleVault Store -Locked $true -Interaction Prompt -PromptEndsIn $ends", ("ends", promptEndsIn));

        var stopping = new SecretManagementBridge(session.Module.CreatePowerShell, callerStopping: () => true);
        Assert.Throws<PipelineStoppedException>(() => stopping.GetSecretInfo("NotionPS-*", "Store"));

        var running = new SecretManagementBridge(session.Module.CreatePowerShell, callerStopping: () => false);
        Assert.Equal(VaultErrors.SecretVaultLockedId, Assert.Throws<SecretVaultException>(() => running.GetSecretInfo("NotionPS-*", "Store")).ErrorRecord.FullyQualifiedErrorId);
    }
    /// <summary>
    /// The records a vault call adds to $Error are taken out again, and only those: a vault that takes the newest record out
    /// itself leaves the user's older ones in place.
    /// </summary>
    [Fact]
    public void OnlyTheRecordsTheCallAddedLeaveError()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store");
        var older = new ErrorRecord(new System.Exception("older"), "Older", ErrorCategory.NotSpecified, null);
        var newest = new ErrorRecord(new System.Exception("newest"), "Newest", ErrorCategory.NotSpecified, null);
        var errors = new ArrayList { newest, older };
        var added = new ErrorRecord(new System.Exception("the vault's"), "Vault", ErrorCategory.NotSpecified, null);
        var bridge = new SecretManagementBridge(
            () =>
            {
                errors.RemoveAt(0);
                errors.Insert(0, added);
                return session.Module.CreatePowerShell();
            },
            callerStopping: () => false,
            sessionErrors: () => errors);

        bridge.GetSecretInfo("NotionPS-*", "Store");

        Assert.Equal(new object[] { older }, errors.Cast<object>());
    }
}
