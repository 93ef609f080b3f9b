using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Threading.Tasks;
using NotionPS.Tests.EndToEnd;
using NotionPS.Tests.Errors;
using Xunit;

namespace NotionPS.Tests.Vaults;

/// <summary>Register once, connect by name: the whole flow against the emulator and the SecretManagement double.</summary>
[Collection(VaultCollection.Name)]
public class VaultEndToEndTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public VaultEndToEndTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
    }

    [Fact]
    public void RegistersAValidatedTokenThenConnectsByName()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store");

        var registration = (NotionIntegration)session.Run(
            "Register-NotionIntegration -Name Demo -Token $token -BaseUri $emulator",
            Token(EmulatorFixture.FullAccessToken), Emulator()).Single().BaseObject;

        Assert.Equal("Demo", registration.Name);
        Assert.Equal("Store", registration.Vault);
        Assert.Equal("NotionPS-Demo", registration.SecretName);
        Assert.Equal("NotionPS Demo", registration.BotName);
        Assert.Equal("Acme Demo", registration.WorkspaceName);
        Assert.IsType<SecureString>(session.Run("Get-Secret -Name NotionPS-Demo -Vault Store").Single().BaseObject);

        var listed = (NotionIntegration)session.Run("Get-NotionIntegration").Single().BaseObject;
        Assert.Equal(("Demo", "NotionPS Demo", "Acme Demo"), (listed.Name, listed.BotName, listed.WorkspaceName));
        Assert.Equal(emulator.BaseUri, listed.BaseUri);

        // The base URI comes from the registration's metadata.
        var connection = (NotionConnection)session.Run("Connect-NotionIntegration -Name Demo").Single().BaseObject;
        Assert.Equal("b0b0b0b0-0000-4000-8000-000000000001", connection.BotId);
        Assert.Equal(emulator.BaseUri, connection.BaseUri);
        Assert.Equal(registration.ApiVersion, connection.ApiVersion);
    }

    [Fact]
    public void ARegistrationKeepsTheDeclaredWorkspaceBudgetAndConnectByNameDeclaresIt()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store");

        // The largest budget: this class's other tests share the emulator, and a declared budget holds for the process.
        var registration = (NotionIntegration)session.Run(
            "Register-NotionIntegration -Name Paced -Token $token -BaseUri $emulator -WorkspaceRequestsPerMinute 60000",
            Token(EmulatorFixture.FullAccessToken), Emulator()).Single().BaseObject;
        var listed = (NotionIntegration)session.Run("Get-NotionIntegration -Name Paced").Single().BaseObject;
        var connected = session.Module.Run("Connect-NotionIntegration -Name Paced -Verbose");

        Assert.Equal((60000, 60000), (registration.WorkspaceRequestsPerMinute, listed.WorkspaceRequestsPerMinute));
        Assert.Equal("60000", session.Run("(Get-SecretInfo -Name NotionPS-Paced -Vault Store).Metadata['WorkspaceRequestsPerMinute']").Single().BaseObject);
        Assert.Equal(60000, connected.OutputOf<NotionConnection>().Single().WorkspaceRequestsPerMinute);
        Assert.Contains(connected.Verbose, line => line.Message == "Every connection of workspace 'Acme Demo' in this session is paced at 60000 requests per 60 s, besides its own limit.");
    }

    [Fact]
    public void ARegistrationWithoutAWorkspaceBudgetStoresNone()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store");

        var registration = (NotionIntegration)session.Run("Register-NotionIntegration -Name Unpaced -Token $token -BaseUri $emulator", Token(EmulatorFixture.ReadOnlyToken), Emulator()).Single().BaseObject;

        Assert.Null(registration.WorkspaceRequestsPerMinute);
        Assert.Null(((NotionIntegration)session.Run("Get-NotionIntegration -Name Unpaced").Single().BaseObject).WorkspaceRequestsPerMinute);
        Assert.Empty(session.Run("(Get-SecretInfo -Name NotionPS-Unpaced -Vault Store).Metadata.Keys | Where-Object { $_ -eq 'WorkspaceRequestsPerMinute' }"));
    }

    [Fact]
    public void RegistersInANamedVaultAndUnregisters()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Add-SecretDoubleVault Team");
        session.Run("Register-NotionIntegration Reporter $token -Vault Team -BaseUri $emulator -ApiVersion 2025-09-03", Token(EmulatorFixture.ReadOnlyToken), Emulator());

        var connection = (NotionConnection)session.Run("Connect-NotionIntegration -Name Reporter -Vault Team").Single().BaseObject;
        Assert.Equal("Read-only Reporter", connection.BotName);
        Assert.Equal("2025-09-03", connection.ApiVersion);

        session.Run("Unregister-NotionIntegration Reporter -Confirm:$false");
        Assert.Empty(session.Run("Get-SecretInfo -Vault Team"));
        Assert.Equal(
            "NotionIntegrationNotFound,NotionPS.Cmdlets.ConnectNotionIntegrationCommand",
            session.Terminates("Connect-NotionIntegration -Name Reporter").FullyQualifiedErrorId);
    }

    [Fact]
    public void ConnectByNamePrefersTheDefaultVaultAndSaysSo()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Archive; Add-SecretDoubleVault Main -DefaultVault");
        session.Run("Register-NotionIntegration Demo $token -Vault Archive -BaseUri $emulator", Token(EmulatorFixture.ReadOnlyToken), Emulator());
        session.Run("Register-NotionIntegration Demo $token -Vault Main -BaseUri $emulator", Token(EmulatorFixture.FullAccessToken), Emulator());

        var result = session.Module.Run("Connect-NotionIntegration -Name Demo");

        Assert.Equal("NotionPS Demo", result.OutputOf<NotionConnection>().Single().BotName);
        Assert.Contains("'Main'", result.Warnings.Single().Message);
        Assert.Contains("-Vault", result.Warnings.Single().Message);
    }

    [Fact]
    public void WhatIfValidatesButStoresNothing()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store");
        var output = session.Run("Register-NotionIntegration -Name Demo -Token $token -BaseUri $emulator -WhatIf", Token(EmulatorFixture.FullAccessToken), Emulator());
        Assert.Empty(output);
        Assert.Empty(session.Run("Get-SecretInfo"));
    }

    [Fact]
    public void ForceReplacesAnExistingRegistration()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store");
        session.Run("Register-NotionIntegration -Name Demo -Token $token -BaseUri $emulator", Token(EmulatorFixture.ReadOnlyToken), Emulator());
        Assert.Equal(
            "NotionIntegrationExists,NotionPS.Cmdlets.RegisterNotionIntegrationCommand",
            session.Terminates("Register-NotionIntegration -Name Demo -Token $token -BaseUri $emulator", Token(EmulatorFixture.FullAccessToken), Emulator()).FullyQualifiedErrorId);

        session.Run("Register-NotionIntegration -Name Demo -Token $token -BaseUri $emulator -Force", Token(EmulatorFixture.FullAccessToken), Emulator());

        Assert.Equal("NotionPS Demo", ((NotionIntegration)session.Run("Get-NotionIntegration Demo").Single().BaseObject).BotName);
        Assert.Equal("NotionPS Demo", ((NotionConnection)session.Run("Connect-NotionIntegration -Name Demo").Single().BaseObject).BotName);
    }

    /// <summary>
    /// A registration whose name differs only in case is the same registration, whichever way the vault takes such names
    /// (SecretStore keeps the spelling last written, Key Vault the first, some vaults two secrets): -Force replaces it, and
    /// what Register-NotionIntegration outputs is the secret the vault holds. Before, it wrote NotionPS-demo beside or over
    /// NotionPS-Demo and reported NotionPS-demo, which a vault keeping the first spelling does not hold, and a case-sensitive
    /// vault was left with two registrations, the old token still in the first.
    /// </summary>
    [Theory]
    [InlineData("Latest")]
    [InlineData("First")]
    [InlineData("Sensitive")]
    public void ForceReplacesARegistrationWhoseNameDiffersInCaseAndReportsTheSecretTheVaultHolds(string nameCase)
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store -NameCase $nameCase", ("nameCase", nameCase));
        session.Run("Register-NotionIntegration -Name Demo -Token $token -BaseUri $emulator", Token(EmulatorFixture.ReadOnlyToken), Emulator());

        var registration = (NotionIntegration)session.Run("Register-NotionIntegration -Name demo -Token $token -BaseUri $emulator -Force", Token(EmulatorFixture.FullAccessToken), Emulator()).Single().BaseObject;

        Assert.Equal(("Demo", "NotionPS-Demo", "NotionPS Demo"), (registration.Name, registration.SecretName, registration.BotName));
        Assert.Equal("NotionPS-Demo", session.Run("Get-SecretInfo -Vault Store").Single().Properties["Name"].Value);
        Assert.Equal(EmulatorFixture.FullAccessToken, session.Run("Get-Secret -Name NotionPS-Demo -Vault Store -AsPlainText").Single().BaseObject);
    }

    /// <summary>
    /// Registration names are one ignoring case in a vault that takes secret names case-sensitively too: Connect, Get and
    /// Unregister find Demo by demo (the vault was asked for NotionPS-demo, which such a vault does not hold).
    /// </summary>
    [Fact]
    public void ARegistrationIsFoundIgnoringCaseInACaseSensitiveVault()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store -NameCase Sensitive");
        session.Run("Register-NotionIntegration -Name Demo -Token $token -BaseUri $emulator", Token(EmulatorFixture.FullAccessToken), Emulator());

        Assert.Equal("NotionPS Demo", ((NotionConnection)session.Run("Connect-NotionIntegration -Name demo").Single().BaseObject).BotName);
        Assert.Equal("Demo", ((NotionIntegration)session.Run("Get-NotionIntegration -Name DEMO").Single().BaseObject).Name);
        session.Run("Unregister-NotionIntegration -Name demo -Confirm:$false");
        Assert.Empty(session.Run("Get-SecretInfo -Vault Store"));
    }

    /// <summary>Without -Force, the refusal names the registration the vault holds, not the spelling given.</summary>
    [Fact]
    public void TheRefusalOfARegistrationWhoseNameDiffersInCaseNamesTheOneTheVaultHolds()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store");
        session.Run("Register-NotionIntegration -Name Demo -Token $token -BaseUri $emulator", Token(EmulatorFixture.ReadOnlyToken), Emulator());

        var error = session.Terminates("Register-NotionIntegration -Name DEMO -Token $token -BaseUri $emulator", Token(EmulatorFixture.FullAccessToken), Emulator());

        Assert.Equal("NotionIntegrationExists,NotionPS.Cmdlets.RegisterNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Equal("NotionPS-Demo", error.TargetObject);
        Assert.Contains("in secret 'NotionPS-Demo'", error.Exception.Message);
        Assert.Equal("Demo", PastedCommand.ArgumentOf(error.ErrorDetails.RecommendedAction, "Unregister-NotionIntegration", "-Name"));
    }

    [Fact]
    public void RefusesATokenNotionRejectsAndStoresNothing()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store");
        var error = session.Terminates("Register-NotionIntegration -Name Demo -Token $token -BaseUri $emulator", Token("demo-token-revoked"), Emulator());
        Assert.Equal("NotionUnauthorized,NotionPS.Cmdlets.RegisterNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Empty(session.Run("Get-SecretInfo"));
    }

    /// <summary>
    /// Test-SecretVault takes a name without wildcard characters as it is and one with them as a pattern: a vault named with [
    /// must be asked for as a pattern that matches only itself, or its self test is not run and a warning says it did not pass.
    /// </summary>
    [Fact]
    public void RegistersInAVaultWhoseNameHasABracketWithoutAWarning()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault 'Team[1]'");

        var result = RegisterWithoutErrors(session, "-Vault 'team[1]'");

        Assert.Empty(result.Warnings);
        Assert.Equal("Team[1]", ((NotionIntegration)result.Output.Single().BaseObject).Vault);
    }

    /// <summary>
    /// A backtick in a vault's name next to a wildcard character: the self test still finds that vault (the name given to
    /// Test-SecretVault matched 'ab*' for a vault named 'a`b*', so no vault was tested and the registration warned).
    /// </summary>
    [Theory]
    [InlineData("a`b*")]
    [InlineData("[`x")]
    [InlineData("Team`[1]?")]
    public void RegistersInAVaultWhoseNameHasABacktickAndAWildcardWithoutAWarning(string vault)
    {
        using var session = new VaultSession();
        // The name without its backticks is another vault, whose self test fails: testing it instead would warn too.
        session.Run("Add-SecretDoubleVault $vault; Add-SecretDoubleVault $twin; Set-SecretDoubleVault $twin -SelfTest ReturnsFalse", ("vault", vault), ("twin", vault.Replace("`", string.Empty, StringComparison.Ordinal)));

        var result = session.Module.Run(
            "Register-NotionIntegration -Name Demo -Token $token -BaseUri $emulator -Vault $vault",
            new Dictionary<string, object?> { ["token"] = SecureToken(EmulatorFixture.FullAccessToken), ["emulator"] = emulator.BaseUri, ["vault"] = vault });

        Assert.True(result.Errors.Count == 0, string.Join("; ", result.Errors));
        Assert.Empty(result.Warnings);
        Assert.Equal(vault, ((NotionIntegration)result.Output.Single().BaseObject).Vault);
    }

    /// <summary>The command that keeps the settings a vault without metadata cannot store pastes as it reads, whatever the name.</summary>
    [Fact]
    public void TheConnectCommandForAVaultWithoutMetadataPastesAsItReads()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault 'Bob''s' -NoMetadataSupport");

        var result = session.Module.Run(
            "Register-NotionIntegration -Name 1e3 -Token $token -BaseUri $emulator -ApiVersion 2022-06-28",
            new Dictionary<string, object?> { ["token"] = SecureToken(EmulatorFixture.FullAccessToken), ["emulator"] = emulator.BaseUri });

        var warning = Assert.Single(result.Warnings).Message;
        const string Command = "Connect with them given: Connect-NotionIntegration";
        Assert.Equal("1e3", PastedCommand.ArgumentOf(warning, Command, "-Name"));
        Assert.Equal(emulator.BaseUri.AbsoluteUri, PastedCommand.ArgumentOf(warning, Command, "-BaseUri"));
        Assert.Equal("2022-06-28", PastedCommand.ArgumentOf(warning, Command, "-ApiVersion"));
    }

    [Fact]
    public void StoresTheTokenInAVaultWithoutMetadata()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Plain -NoMetadataSupport");
        var result = RegisterWithoutErrors(session, "-ApiVersion 2022-06-28");

        // Connect -Name cannot apply what was not stored: a warning says what to give it, not a -Verbose line.
        var warning = Assert.Single(result.Warnings).Message;
        Assert.Contains("keeps no secret metadata", warning);
        Assert.Contains($"Connect-NotionIntegration -Name 'Demo' -BaseUri '{emulator.BaseUri.AbsoluteUri}' -ApiVersion '2022-06-28'", warning);

        var listed = (NotionIntegration)session.Run("Get-NotionIntegration").Single().BaseObject;
        Assert.Equal("Demo", listed.Name);
        Assert.Null(listed.BotName);
        Assert.Equal("NotionPS Demo", ((NotionConnection)session.Run("Connect-NotionIntegration -Name Demo -BaseUri $emulator", Emulator()).Single().BaseObject).BotName);
    }

    [Theory]
    [InlineData("$secret = $token")]
    [InlineData("$secret = [System.Net.NetworkCredential]::new('', $token).Password")]
    [InlineData("$secret = [pscredential]::new('notion', $token)")]
    public void ConnectsWithATokenStoredByOtherMeans(string makeSecret)
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; " + makeSecret + "; Set-Secret -Name NotionToken -Secret $secret -Vault Store", Token(EmulatorFixture.FullAccessToken));

        var connection = (NotionConnection)session.Run("Connect-NotionIntegration -Vault Store -SecretName NotionToken -BaseUri $emulator", Emulator()).Single().BaseObject;

        Assert.Equal("NotionPS Demo", connection.BotName);
    }

    [Fact]
    public void TheTokenReachesNoStream()
    {
        using var session = new VaultSession();
        var token = Token(EmulatorFixture.FullAccessToken);
        const string Streams = " -Verbose -Debug";
        session.Run("$DebugPreference = 'Continue'; $VerbosePreference = 'Continue'; Add-SecretDoubleVault Store; Add-SecretDoubleVault Locked; Set-Secret -Name NotionPS-Shut -Secret $token -Vault Locked; Set-SecretDoubleVault Locked -Locked $true", token);

        session.Run("Register-NotionIntegration -Name Demo -Token $token -BaseUri $emulator" + Streams, token, Emulator());
        session.Terminates("Register-NotionIntegration -Name Demo -Token $token -BaseUri $emulator" + Streams, token, Emulator());
        session.Run("Register-NotionIntegration -Name Demo -Token $token -BaseUri $emulator -Force" + Streams, token, Emulator());
        session.Run("Get-NotionIntegration -Vault Store" + Streams);
        session.WritesErrors("Get-NotionIntegration" + Streams, out _);
        session.Run("Connect-NotionIntegration -Name Demo" + Streams);
        session.Run("Set-Secret -Name Plain -Secret ([System.Net.NetworkCredential]::new('', $token).Password) -Vault Store", token);
        session.Run("Connect-NotionIntegration -Vault Store -SecretName Plain -BaseUri $emulator" + Streams, Emulator());
        session.Terminates("Connect-NotionIntegration -Vault Locked -SecretName NotionPS-Shut -BaseUri $emulator" + Streams, Emulator());
        session.Terminates("Connect-NotionIntegration -Name Shut" + Streams);
        session.Terminates("Connect-NotionIntegration -Vault Store -SecretName Missing -BaseUri $emulator" + Streams, Emulator());
        session.Run("Unregister-NotionIntegration -Name Demo -Confirm:$false" + Streams);

        var everything = session.AllStreamText();
        Assert.Contains("NotionPS Demo", everything);             // output was captured
        Assert.Contains("GET v1/users/me -> 200", everything);    // so was -Verbose
        Assert.Contains("SecretVaultLocked", everything);         // and the error records
        Assert.DoesNotContain(EmulatorFixture.FullAccessToken, everything);
    }

    [Fact]
    public async Task AWorkspaceNameCarryingTheTokenIsRedactedInRegistersVerboseLine()
    {
        await emulator.RewriteUsersMeAsync("\"workspace_name\":\"Acme Demo\"", $"\"workspace_name\":\"Acme {EmulatorFixture.FullAccessToken}\"");
        try
        {
            using var session = new VaultSession();
            session.Run("Add-SecretDoubleVault Store");

            session.Run("$null = Register-NotionIntegration -Name Demo -Token $token -BaseUri $emulator -Verbose", Token(EmulatorFixture.FullAccessToken), Emulator());

            var everything = session.AllStreamText();
            Assert.Contains("The token is a InternalConnection: integration 'NotionPS Demo' in workspace 'Acme ***'.", everything);
            Assert.DoesNotContain(EmulatorFixture.FullAccessToken, everything);
        }
        finally
        {
            await emulator.ResetAsync();
        }
    }

    [Theory]
    [InlineData("Set-SecretDoubleVault Store -PasswordTimedOut $true", "SecretVaultLocked")]
    [InlineData("Set-SecretDoubleVault Store -Locked $true -Interaction Prompt", "SecretVaultLocked")]
    [InlineData("Set-SecretDoubleVault Store -Locked $true -Interaction Prompt -PromptEndsIn Failed", "SecretVaultLocked")]
    public async Task RegisterSendsNothingToNotionUntilTheVaultCanStoreTheToken(string vaultState, string errorId)
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; " + vaultState);
        const string Register = "Register-NotionIntegration -Name Demo -Token $token -BaseUri $emulator";
        var before = await DemoRequestsAsync();

        var error = session.Terminates(Register, Token(EmulatorFixture.FullAccessToken), Emulator());

        Assert.Equal(errorId + ",NotionPS.Cmdlets.RegisterNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("'Store'", error.ErrorDetails.Message);
        Assert.Contains("'NotionPS-Demo'", error.ErrorDetails.Message);
        Assert.Equal(before, await DemoRequestsAsync());

        // Once the vault is fixed, the same command asks Notion and stores the token.
        session.Run("Set-SecretDoubleVault Store -Locked $false -PasswordTimedOut $false -ReadOnly $false");
        Assert.Empty(session.Run("Get-SecretInfo -Vault Store"));
        session.Run(Register, Token(EmulatorFixture.FullAccessToken), Emulator());
        Assert.True(await DemoRequestsAsync() > before);
        Assert.Single(session.Run("Get-SecretInfo -Vault Store"));
    }

    /// <summary>Third-party vaults' self tests may answer $false for reasons of their own, or nothing: a warning, not a refusal.</summary>
    [Theory]
    [InlineData("ReturnsNothing")]
    [InlineData("ReturnsFalse")]
    public async Task ASelfTestThatGivesNoTrueIsAWarningAndTheTokenIsStored(string selfTest)
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-SecretDoubleVault Store -SelfTest " + selfTest);
        var before = await DemoRequestsAsync();

        var output = session.Run("Register-NotionIntegration -Name Demo -Token $token -BaseUri $emulator 3>&1", Token(EmulatorFixture.FullAccessToken), Emulator());

        var warning = Assert.IsType<WarningRecord>(output[0].BaseObject);
        Assert.Contains("'Store' did not pass its own test (Test-SecretVault gave no $true)", warning.Message);
        Assert.Contains("'NotionPS-Demo'", warning.Message);
        Assert.Equal("Demo", Assert.IsType<NotionIntegration>(output[1].BaseObject).Name);
        Assert.True(await DemoRequestsAsync() > before);
        Assert.Single(session.Run("Get-SecretInfo -Vault Store"));
    }

    /// <summary>A vault that fails its self test but is not locked: warned of, then the write itself fails.</summary>
    [Fact]
    public void AReadOnlyVaultIsWarnedOfAndFailsWhereItRefusesTheWrite()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-SecretDoubleVault Store -ReadOnly $true");

        var error = session.Terminates("Register-NotionIntegration -Name Demo -Token $token -BaseUri $emulator -WarningVariable +global:vaultWarnings", Token(EmulatorFixture.FullAccessToken), Emulator());

        Assert.Equal("SecretVaultOperationFailed,NotionPS.Cmdlets.RegisterNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("access denied", Assert.Single(session.Run("$global:vaultWarnings")).ToString());
        Assert.Empty(session.Run("Get-SecretInfo -Vault Store"));
    }

    /// <summary>A vault extension whose refusal quotes the value it was given: Register-NotionIntegration's error shows *** there.</summary>
    [Fact]
    public void AVaultRefusalQuotingTheTokenShowsItRedacted()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-SecretDoubleVault Store -ReadOnly $true -RefusalQuotesSecret $true");

        var error = session.Terminates("Register-NotionIntegration -Name Demo -Token $token -BaseUri $emulator -WarningAction SilentlyContinue", Token(EmulatorFixture.FullAccessToken), Emulator());

        Assert.Equal("SecretVaultOperationFailed,NotionPS.Cmdlets.RegisterNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("(value '***')", error.Exception.Message);
        var shown = new List<string?> { error.ToString(), error.ErrorDetails?.Message, error.Exception.ToString(), error.TargetObject?.ToString() };
        for (var exception = error.Exception; exception != null; exception = exception.InnerException)
        {
            shown.Add(exception.Message);
        }

        Assert.DoesNotContain(shown, text => text != null && text.Contains(EmulatorFixture.FullAccessToken, StringComparison.Ordinal));
    }

    /// <summary>
    /// The vault's own record of that refusal, written by the nested Set-Secret call, does not reach the session's $Error
    /// beside NotionPS's redacted one: $Error | Export-Clixml or Get-Error would show the token there.
    /// </summary>
    [Fact]
    public void AVaultRefusalQuotingTheTokenLeavesOnlyTheRedactedRecordInError()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-SecretDoubleVault Store -ReadOnly $true -RefusalQuotesSecret $true; $Error.Clear()");

        session.Terminates("Register-NotionIntegration -Name Demo -Token $token -BaseUri $emulator -WarningAction SilentlyContinue", Token(EmulatorFixture.FullAccessToken), Emulator());

        var errors = session.Run("$Error | ForEach-Object { $_.FullyQualifiedErrorId + ': ' + ($_ | Out-String) + ($_.Exception | Format-List * -Force | Out-String) }")
            .Select(o => o.ToString()).ToList();
        Assert.DoesNotContain(errors, text => text.Contains(EmulatorFixture.FullAccessToken, StringComparison.Ordinal));
        Assert.Equal("SecretVaultOperationFailed,NotionPS.Cmdlets.RegisterNotionIntegrationCommand", Assert.Single(errors).Split(':')[0]);
    }

    /// <summary>Registers the full-access token as Demo with the emulator and <paramref name="parameters"/>; every stream is kept, for the warnings.</summary>
    private NotionPS.Tests.Hosting.ScriptResult RegisterWithoutErrors(VaultSession session, string parameters)
    {
        var result = session.Module.Run(
            "Register-NotionIntegration -Name Demo -Token $token -BaseUri $emulator " + parameters,
            new Dictionary<string, object?> { ["token"] = SecureToken(EmulatorFixture.FullAccessToken), ["emulator"] = emulator.BaseUri });
        Assert.True(result.Errors.Count == 0, string.Join("; ", result.Errors));
        return result;
    }

    private async Task<int> DemoRequestsAsync() => (int)(await emulator.IntegrationStatsAsync("NotionPS Demo"))["requests"]!;

    private (string, object?) Emulator() => ("emulator", emulator.BaseUri);

    private static (string, object?) Token(string value) => ("token", SecureToken(value));

    private static SecureString SecureToken(string value)
    {
        var token = new SecureString();
        foreach (var c in value)
        {
            token.AppendChar(c);
        }

        token.MakeReadOnly();
        return token;
    }
}
