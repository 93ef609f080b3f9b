using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using NotionPS.Client;
using NotionPS.Cmdlets;
using NotionPS.Errors;

namespace NotionPS.Secrets
{
    /// <summary>
    /// The ErrorRecords for every way storing or reading a token in a vault can fail. Each names the
    /// vault and the secret and says what to do; none carries a secret value.
    /// </summary>
    internal static class VaultErrors
    {
        public const string SecretManagementNotInstalledId = NotionErrorIds.SecretManagementNotInstalled;
        public const string SecretVaultNotFoundId = NotionErrorIds.SecretVaultNotFound;
        public const string NoDefaultSecretVaultId = NotionErrorIds.NoDefaultSecretVault;
        public const string SecretVaultLockedId = NotionErrorIds.SecretVaultLocked;
        public const string NotionSecretNotFoundId = NotionErrorIds.NotionSecretNotFound;
        public const string NotionSecretTypeNotSupportedId = NotionErrorIds.NotionSecretTypeNotSupported;
        public const string NotionIntegrationExistsId = NotionErrorIds.NotionIntegrationExists;
        public const string NotionIntegrationNotFoundId = NotionErrorIds.NotionIntegrationNotFound;
        public const string NotionIntegrationAmbiguousId = NotionErrorIds.NotionIntegrationAmbiguous;
        public const string SecretVaultOperationFailedId = NotionErrorIds.SecretVaultOperationFailed;

        private const string SetUpVaultAction =
            "Install-Module Microsoft.PowerShell.SecretManagement, Microsoft.PowerShell.SecretStore; " +
            "Register-SecretVault -Name NotionPS -ModuleName Microsoft.PowerShell.SecretStore -DefaultVault (see Get-Help about_NotionPS_Vaults).";

        public static ErrorRecord SecretManagementNotInstalled(Exception cause) => Create(
            new InvalidOperationException(
                "The Microsoft.PowerShell.SecretManagement module is not installed or could not be loaded, so NotionPS cannot reach a vault: " + cause.Message,
                cause),
            SecretManagementNotInstalledId,
            SecretManagementBridge.ModuleName,
            "Install SecretManagement and a vault: " + SetUpVaultAction);

        public static ErrorRecord SecretVaultNotFound(string vault, Exception? cause) => Create(
            new ItemNotFoundException(Format("No SecretManagement vault named '{0}' is registered.", vault), cause),
            SecretVaultNotFoundId,
            vault,
            "Get-SecretVault lists the registered vaults; give one of those names, or register the vault with Register-SecretVault.");

        public static ErrorRecord NoDefaultSecretVault(string secretName) => Create(
            new InvalidOperationException(Format("No vault was given for secret '{0}' and SecretManagement has no default vault.", secretName)),
            NoDefaultSecretVaultId,
            secretName,
            "Give -Vault <name> (Get-SecretVault lists the vaults), or choose a default with Set-SecretVaultDefault -Name <name>. With no vault yet: " + SetUpVaultAction);

        public static ErrorRecord SecretVaultLocked(string vault, string? secretName, Exception cause) => Create(
            new InvalidOperationException(Format("The vault '{0}' is locked, so {1} could not be reached.", vault, SecretsMeant(secretName)), cause),
            SecretVaultLockedId,
            vault,
            UnlockAction(vault));

        /// <summary>
        /// A call that ended without an answer: Stopped with no error (a password prompt that met
        /// closed input), or failed because the host cannot show a prompt. A locked vault does this
        /// where no one can type its password (a scheduled task, a service).
        /// </summary>
        public static ErrorRecord SecretVaultNoAnswer(string vault, string? secretName, bool promptNotShown, Exception? cause) => Create(
            new InvalidOperationException(
                Format(
                    "The vault '{0}' gave no answer for {1}: {2}. A locked vault does this when it prompts for its password where no one can type it (no console input).",
                    vault,
                    SecretsMeant(secretName),
                    promptNotShown ? "it could not show its password prompt" : "its call ended without a result or an error"),
                cause),
            SecretVaultLockedId,
            vault,
            UnlockAction(vault));

        public static ErrorRecord NotionSecretNotFound(string secretName, string vault) => Create(
            new ItemNotFoundException(Format("The vault '{0}' has no secret named '{1}'.", vault, secretName)),
            NotionSecretNotFoundId,
            secretName,
            Format("Check the name with Get-SecretInfo -Vault {0}, or store the token with Register-NotionIntegration -Name <name> -Vault {0} and connect with Connect-NotionIntegration -Name <name>.", CommandText.Literal(vault)));

        public static ErrorRecord NotionSecretTypeNotSupported(string secretName, string vault, string typeName) => Create(
            new InvalidOperationException(Format(
                "The secret '{0}' in vault '{1}' is a {2}; a Notion token must be stored as a SecureString, a string or a PSCredential whose password is the token.",
                secretName, vault, typeName)),
            NotionSecretTypeNotSupportedId,
            secretName,
            Format("Store the token again: Register-NotionIntegration -Name <name> -Vault {0} -Force.", CommandText.Literal(vault)));

        public static ErrorRecord NotionIntegrationExists(string secretName, string vault) => Create(
            new InvalidOperationException(Format("The vault '{0}' already holds a registration in secret '{1}'.", vault, secretName)),
            NotionIntegrationExistsId,
            secretName,
            Format("Add -Force to replace it, or remove it first with Unregister-NotionIntegration -Name {0} -Vault {1}.", NameOf(secretName), CommandText.Literal(vault)));

        public static ErrorRecord NotionIntegrationNotFound(string name, IReadOnlyCollection<string> vaultsSearched) => Create(
            new ItemNotFoundException(Format(
                "No Notion integration named '{0}' (secret '{1}') was found in {2}.",
                name,
                IntegrationSecretName.FromName(name),
                vaultsSearched.Count == 0 ? "any vault: no SecretManagement vault is registered" : "the vaults " + string.Join(", ", vaultsSearched))),
            NotionIntegrationNotFoundId,
            name,
            vaultsSearched.Count == 0
                ? "Register a vault first: " + SetUpVaultAction
                : Format("Get-NotionIntegration lists the registrations; register this one with Register-NotionIntegration -Name {0}.", CommandText.Literal(name)));

        public static ErrorRecord NotionIntegrationAmbiguous(string name, IReadOnlyCollection<string> vaults) => Create(
            new InvalidOperationException(Format(
                "The Notion integration '{0}' is registered in more than one vault: {1}.", name, string.Join(", ", vaults))),
            NotionIntegrationAmbiguousId,
            name,
            "Say which one with -Vault.");

        public static ErrorRecord SecretVaultOperationFailed(string command, string? secretName, string vault, ErrorRecord cause) => Create(
            new InvalidOperationException(
                Format("{0} failed for {1} in vault '{2}': {3}", command, SecretsMeant(secretName), vault, cause.Exception.Message),
                cause.Exception),
            SecretVaultOperationFailedId,
            secretName ?? vault,
            Format("Check that the vault '{0}' works: {1}.", vault, TestVaultCommand(vault)));

        /// <summary>A warning: the vault's self test failed or said nothing, for a reason other than a lock.</summary>
        public static string SecretVaultTestNotPassed(string vault, string secretName, Exception? cause) => Format(
            "The vault '{0}' did not pass its own test (Test-SecretVault{1}). Registering anyway: some vaults test more than writing, or answer nothing. "
            + "If the vault cannot store secret '{2}', the write fails after Notion has checked the token; {3} -Verbose shows why.",
            vault, cause == null ? " gave no $true" : ": " + cause.Message, secretName, TestVaultCommand(vault));

        private static string UnlockAction(string vault) => Format(
            "Unlock it first: for a SecretStore vault, Unlock-SecretStore -Password <SecureString>; for another vault, Unlock-SecretVault -Name {0} -Password <SecureString>. " +
            "For unattended use, set the store up so that it never prompts (-Interaction None, with no password or with one the runbook unlocks it with): see Get-Help about_NotionPS_Vaults.",
            CommandText.Literal(vault));

        /// <summary>Test-SecretVault for this vault alone: its -Name takes wildcards, which a vault's name may hold.</summary>
        private static string TestVaultCommand(string vault) => "Test-SecretVault -Name " + CommandText.Literal(WildcardNames.OnlyItself(vault));

        /// <summary>The secret a call was about, or the secrets it listed, for a message.</summary>
        private static string SecretsMeant(string? secretName) =>
            secretName == null ? "its secrets"
            : WildcardPattern.ContainsWildcardCharacters(secretName) ? Format("the secrets matching '{0}'", secretName)
            : Format("secret '{0}'", secretName);

        private static string NameOf(string secretName) =>
            IntegrationSecretName.TryGetName(secretName, out var name) ? CommandText.Literal(name) : "<name>";


        private static string Format(string format, params object[] args) =>
            string.Format(CultureInfo.InvariantCulture, format, args);

        /// <summary>The category is the id's one, from <see cref="NotionErrorIds"/>, whatever the vault's own error said.</summary>
        private static ErrorRecord Create(Exception exception, string errorId, object target, string recommendedAction)
        {
            return new ErrorRecord(exception, errorId, NotionErrorRecords.ToErrorCategory(NotionErrorIds.CategoryOf(errorId)), target)
            {
                ErrorDetails = new ErrorDetails(exception.Message + " " + recommendedAction) { RecommendedAction = recommendedAction },
            };
        }
    }
}
