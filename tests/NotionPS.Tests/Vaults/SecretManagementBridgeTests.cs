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
}
