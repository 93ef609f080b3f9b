using System.Linq;
using System.Management.Automation;
using Xunit;

namespace NotionPS.Tests.Vaults;

/// <summary>
/// Listing, removing and vault failures: everything that is decided before Notion is asked. Secrets
/// are seeded straight into the double, as another machine's Register-NotionIntegration would leave them.
/// </summary>
[Collection(VaultCollection.Name)]
public class RegistrationVaultTests
{
    private const string Seed = @"
        Add-SecretDoubleVault Store
        Add-SecretDoubleVault Other
        Set-Secret -Name NotionPS-Reporting -Secret 'demo-token-read-only' -Vault Store -Metadata @{ BotName = 'Read-only Reporter'; WorkspaceName = 'Acme Demo'; BaseUri = 'http://127.0.0.1:1/'; ApiVersion = '2025-09-03' }
        Set-Secret -Name NotionPS-Writer -Secret 'demo-token-full-access' -Vault Other
        Set-Secret -Name Unrelated -Secret 'x' -Vault Store
        Set-Secret -Name NotionPS-not_ours -Secret 'x' -Vault Store";

    [Fact]
    public void ListsRegistrationsFromEveryVaultWithTheirMetadata()
    {
        using var session = new VaultSession();
        session.Run(Seed);
        var all = session.Run("Get-NotionIntegration").Select(o => (NotionIntegration)o.BaseObject).ToList();

        Assert.Equal(new[] { "Reporting", "Writer" }, all.Select(r => r.Name));
        var reporting = all[0];
        Assert.Equal("Store", reporting.Vault);
        Assert.Equal("NotionPS-Reporting", reporting.SecretName);
        Assert.Equal("Read-only Reporter", reporting.BotName);
        Assert.Equal("Acme Demo", reporting.WorkspaceName);
        Assert.Equal("http://127.0.0.1:1/", reporting.BaseUri!.AbsoluteUri);
        Assert.Equal("2025-09-03", reporting.ApiVersion);
        Assert.Null(all[1].BotName);
    }

    [Fact]
    public void FiltersByWildcardAndVault()
    {
        using var session = new VaultSession();
        session.Run(Seed);
        Assert.Equal("Writer", session.Run("Get-NotionIntegration W*").Select(o => ((NotionIntegration)o.BaseObject).Name).Single());
        Assert.Empty(session.Run("Get-NotionIntegration -Name W* -Vault Store"));
        Assert.Empty(session.Run("Get-NotionIntegration -Name Nothing*"));
    }

    /// <summary>
    /// -Vault names one vault, as Get-Secret's and Set-Secret's do: Get-SecretVault -Name would take it as a pattern, so
    /// 'O*' used to remove the registration in Other, '*' to list one vault only, and a name with [ to fail as a bad pattern.
    /// </summary>
    [Theory]
    [InlineData("Unregister-NotionIntegration -Name Writer -Vault 'O*' -Confirm:$false")]
    [InlineData("Get-NotionIntegration -Vault '*'")]
    [InlineData("Register-NotionIntegration -Name New -Token (ConvertTo-SecureString x -AsPlainText -Force) -Vault 'S?ore'")]
    public void AVaultNameIsNotAPattern(string script)
    {
        using var session = new VaultSession();
        session.Run(Seed);

        // Unregister reports it per pipeline item, the others stop: -ErrorAction Stop makes both a terminating error.
        var error = session.Terminates(script + " -ErrorAction Stop");

        Assert.Equal("SecretVaultNotFound", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(new[] { "Reporting", "Writer" }, session.Run("Get-NotionIntegration").Select(o => ((NotionIntegration)o.BaseObject).Name));
    }

    [Fact]
    public void AVaultWhoseNameHasABracketIsFound()
    {
        using var session = new VaultSession();
        session.Run(Seed + "; Add-SecretDoubleVault 'Team[1]'; Set-Secret -Name NotionPS-Team -Secret 'x' -Vault 'Team[1]'");

        var found = session.Run("Get-NotionIntegration -Vault 'team[1]'").Select(o => (NotionIntegration)o.BaseObject).Single();

        Assert.Equal(("Team", "Team[1]"), (found.Name, found.Vault));
    }

    [Fact]
    public void ReportsANameThatMatchesNothing()
    {
        using var session = new VaultSession();
        session.Run(Seed);
        var error = session.WritesErrors("Get-NotionIntegration -Name Missing", out _).Single();
        Assert.Equal("NotionIntegrationNotFound,NotionPS.Cmdlets.GetNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("NotionPS-Missing", error.ErrorDetails.Message);
        Assert.Contains("Register-NotionIntegration -Name 'Missing'", error.ErrorDetails.Message);
    }

    [Fact]
    public void ListsTheOtherVaultsWhenOneIsLocked()
    {
        using var session = new VaultSession();
        session.Run(Seed + "; Set-SecretDoubleVault Store -Locked $true");
        var error = session.WritesErrors("Get-NotionIntegration", out var output).Single();
        Assert.Equal("Writer", output.Select(o => ((NotionIntegration)o.BaseObject).Name).Single());
        Assert.Equal("SecretVaultLocked,NotionPS.Cmdlets.GetNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Contains("'Store'", error.ErrorDetails.Message);
        Assert.Contains("Unlock-SecretStore", error.ErrorDetails.Message);
    }

    [Fact]
    public void StopsOnAnUnknownVault()
    {
        using var session = new VaultSession();
        session.Run(Seed);
        var error = session.Terminates("Get-NotionIntegration -Vault Nope");
        Assert.Equal("SecretVaultNotFound,NotionPS.Cmdlets.GetNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Get-SecretVault", error.ErrorDetails.Message);
    }

    [Fact]
    public void StopsWhenSecretManagementIsNotInstalled()
    {
        using var session = new VaultSession(withSecretManagement: false);
        var error = session.Terminates("Get-NotionIntegration");
        Assert.Equal("SecretManagementNotInstalled,NotionPS.Cmdlets.GetNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.NotInstalled, error.CategoryInfo.Category);
        Assert.Contains("Install-Module Microsoft.PowerShell.SecretManagement", error.ErrorDetails.Message);
    }

    [Fact]
    public void UnregistersFromTheVaultThatHoldsIt()
    {
        using var session = new VaultSession();
        session.Run(Seed);
        session.Run("Unregister-NotionIntegration -Name Writer -Confirm:$false");
        Assert.Empty(session.Run("Get-SecretInfo -Name NotionPS-Writer"));
        Assert.Single(session.Run("Get-SecretInfo -Name NotionPS-Reporting"));
    }

    [Fact]
    public void UnregistersWhatGetNotionIntegrationPipes()
    {
        using var session = new VaultSession();
        session.Run(Seed);
        session.Run("Get-NotionIntegration | Unregister-NotionIntegration -Confirm:$false");
        Assert.Empty(session.Run("Get-NotionIntegration"));
        Assert.Single(session.Run("Get-SecretInfo -Name Unrelated"));
    }

    [Fact]
    public void UnregisterWhatIfKeepsTheSecret()
    {
        using var session = new VaultSession();
        session.Run(Seed);
        session.Run("Unregister-NotionIntegration -Name Writer -WhatIf");
        Assert.Single(session.Run("Get-SecretInfo -Name NotionPS-Writer"));
    }

    [Fact]
    public void UnregisterAsksForConfirmationByDefault()
    {
        using var session = new VaultSession();
        var command = (CmdletInfo)session.Run("Get-Command Unregister-NotionIntegration").Single().BaseObject;
        var attribute = (CmdletAttribute)System.Attribute.GetCustomAttribute(command.ImplementingType, typeof(CmdletAttribute))!;
        Assert.Equal(ConfirmImpact.High, attribute.ConfirmImpact);
    }

    [Fact]
    public void UnregisterReportsEachFailureAndCarriesOn()
    {
        using var session = new VaultSession();
        session.Run(Seed + "; Set-Secret -Name NotionPS-Writer -Secret 'x' -Vault Store");
        var errors = session.WritesErrors("'Missing', 'Writer', 'Reporting' | Unregister-NotionIntegration -Confirm:$false", out _);
        Assert.Equal(
            new[] { "NotionIntegrationNotFound", "NotionIntegrationAmbiguous" },
            errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Contains("-Vault", errors[1].ErrorDetails.Message);
        Assert.Empty(session.Run("Get-SecretInfo -Name NotionPS-Reporting"));
    }

    [Fact]
    public void UnregisterReportsALockedVault()
    {
        using var session = new VaultSession();
        session.Run(Seed + "; Set-SecretDoubleVault Other -Locked $true");
        var error = session.WritesErrors("Unregister-NotionIntegration -Name Writer -Vault Other -Confirm:$false", out _).Single();
        Assert.Equal("SecretVaultLocked,NotionPS.Cmdlets.UnregisterNotionIntegrationCommand", error.FullyQualifiedErrorId);
    }

    [Theory]
    [InlineData("Register-NotionIntegration -Name 'bad_name' -Token ([securestring]::new())")]
    [InlineData("Unregister-NotionIntegration -Name 'has space'")]
    [InlineData("Connect-NotionIntegration -Name 'dot.ted'")]
    [InlineData("Get-NotionIntegration -Name 'under_*'")]
    public void RefusesNamesAVaultMightNotAccept(string script)
    {
        using var session = new VaultSession();
        var error = session.Terminates(script);
        Assert.StartsWith("ParameterArgumentValidationError,", error.FullyQualifiedErrorId);
        Assert.Contains("letters, digits and hyphens", error.Exception.Message);
    }

    [Theory]
    [InlineData("Stopped")]
    [InlineData("Failed")]
    public void ListingReportsAVaultWhosePromptNoOneCanAnswerAndListsTheOthers(string promptEndsIn)
    {
        using var session = new VaultSession();
        session.Run(Seed + "; Set-SecretDoubleVault Store -Locked $true -Interaction Prompt -PromptEndsIn $ends", ("ends", promptEndsIn));

        var error = session.WritesErrors("Get-NotionIntegration", out var output).Single();

        Assert.Equal("Writer", output.Select(o => ((NotionIntegration)o.BaseObject).Name).Single());
        Assert.Equal("SecretVaultLocked,NotionPS.Cmdlets.GetNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("The vault 'Store' gave no answer for the secrets matching 'NotionPS-*'", error.ErrorDetails.Message);
        Assert.Contains("Unlock-SecretStore", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void ListingOneVaultWhosePromptNoOneCanAnswerIsAnErrorNotAnEmptyList()
    {
        using var session = new VaultSession();
        session.Run(Seed + "; Set-SecretDoubleVault Store -Locked $true -Interaction Prompt");

        var error = session.WritesErrors("Get-NotionIntegration -Name Reporting -Vault Store", out var output).Single();

        Assert.Empty(output);
        Assert.Equal("SecretVaultLocked,NotionPS.Cmdlets.GetNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("secret 'NotionPS-Reporting'", error.ErrorDetails.Message);
    }

    [Fact]
    public void UnregisterLockedErrorNamesTheSecret()
    {
        using var session = new VaultSession();
        session.Run(Seed + "; Set-SecretDoubleVault Other -Locked $true");

        var error = session.WritesErrors("Unregister-NotionIntegration -Name Writer -Vault Other -Confirm:$false", out _).Single();

        Assert.Equal("SecretVaultLocked,NotionPS.Cmdlets.UnregisterNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("The vault 'Other' is locked, so secret 'NotionPS-Writer' could not be reached.", error.ErrorDetails.Message);
    }

    [Fact]
    public void AfterAPasswordTimeoutListsRegistrationsButNeitherReadsNorRemovesOne()
    {
        using var session = new VaultSession();
        session.Run(Seed + "; Set-SecretDoubleVault Store -PasswordTimedOut $true");

        Assert.Equal(new[] { "Reporting", "Writer" }, session.Run("Get-NotionIntegration").Select(o => ((NotionIntegration)o.BaseObject).Name));

        var error = session.WritesErrors("Unregister-NotionIntegration -Name Reporting -Confirm:$false", out _).Single();
        Assert.Equal("SecretVaultLocked,NotionPS.Cmdlets.UnregisterNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("secret 'NotionPS-Reporting'", error.ErrorDetails.Message);
        session.Run("Set-SecretDoubleVault Store -PasswordTimedOut $false");
        Assert.Single(session.Run("Get-SecretInfo -Name NotionPS-Reporting"));
    }
}
