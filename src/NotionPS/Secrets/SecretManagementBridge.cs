using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

using NotionPS.Client;

namespace NotionPS.Secrets
{
    /// <summary>
    /// Reaches SecretManagement through its public cmdlets only (module-qualified, so a function of
    /// the same name cannot stand in, and autoloaded like any command). NotionPS never references its
    /// assembly, so any version and any vault extension works. Every failure comes back as a
    /// <see cref="SecretVaultException"/> whose ErrorRecord names the vault and the secret; so does a
    /// call that ends without an answer (Stopped or Failed with nothing to say why), which is what a
    /// locked vault does when its password prompt meets a host without console input.
    /// </summary>
    internal sealed class SecretManagementBridge
    {
        public const string ModuleName = "Microsoft.PowerShell.SecretManagement";

        // SecretManagement's own error ids (the part before the comma of FullyQualifiedErrorId).
        private const string GetSecretVaultNotFound = "GetSecretVaultNotFound";
        private const string GetSecretNotFound = "GetSecretNotFound";
        private const string SetSecretAlreadyExists = "SetSecretCommandAlreadyExistsWithNoClobber";
        private const string SetSecretMetadataNotSupported = "SetSecretMetadataCommandNotSupported";

        // Remove-Secret of a missing secret: SecretStore's own error, and SecretManagement's wrapper
        // for other vault extensions. Either carries an ItemNotFoundException.
        private const string SecretStoreRemoveSecretFailed = "SecretStoreRemoveSecretFailed";
        private const string RemoveSecretInvalidOperation = "RemoveSecretInvalidOperation";

        // SecretManagement's exception for a locked vault, matched by name as its type is not referenced.
        private const string PasswordRequiredExceptionName = "PasswordRequiredException";

        private readonly Func<PowerShell> createPowerShell;
        private readonly Func<bool> callerStopping;
        private readonly Func<IList?> sessionErrors;

        /// <param name="createPowerShell">
        /// Makes the PowerShell instance each call runs in; a cmdlet passes one on its own runspace.
        /// </param>
        /// <param name="callerStopping">
        /// Whether the caller is being stopped (Ctrl+C), which also stops a call: then it is no vault failure.
        /// </param>
        /// <param name="sessionErrors">
        /// The $Error of the runspace the calls run in, if it is the user's: the records a call adds there are taken out again.
        /// </param>
        public SecretManagementBridge(Func<PowerShell> createPowerShell, Func<bool> callerStopping, Func<IList?>? sessionErrors = null)
        {
            this.createPowerShell = createPowerShell;
            this.callerStopping = callerStopping;
            this.sessionErrors = sessionErrors ?? (() => null);
        }

        /// <summary>For a cmdlet: runs in the caller's runspace, where the user's modules and vault state are.</summary>
        public static SecretManagementBridge ForCurrentRunspace(PSCmdlet caller) =>
            new SecretManagementBridge(
                () => PowerShell.Create(RunspaceMode.CurrentRunspace),
                () => caller.Stopping,
                () => caller.SessionState.PSVariable.GetValue("Error") as IList);

        /// <summary>Every registered vault, the default one first.</summary>
        public IReadOnlyList<SecretVault> GetVaults()
        {
            var vaults = Invoke("Get-SecretVault", new Dictionary<string, object?>(), null, string.Empty)
                .Select(SecretVault.FromSecretVaultInfo)
                .ToList();
            return vaults.Where(v => v.IsDefault).Concat(vaults.Where(v => !v.IsDefault)).ToList();
        }

        /// <summary>
        /// The vault of exactly this name (in any case), as Get-Secret -Vault and Set-Secret -Vault take it. Get-SecretVault -Name
        /// would take it as a wildcard pattern ('T*' is any vault starting with T), and an escaped one finds nothing in
        /// SecretManagement 1.1, so every vault is listed and the name compared.
        /// </summary>
        public SecretVault GetVault(string name) =>
            GetVaults().FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new SecretVaultException(VaultErrors.SecretVaultNotFound(name, null));

        public SecretVault GetDefaultVault(string secretName) =>
            GetVaults().FirstOrDefault(v => v.IsDefault)
            ?? throw new SecretVaultException(VaultErrors.NoDefaultSecretVault(secretName));

        /// <summary>Secret names and metadata in one vault; values are never read.</summary>
        /// <param name="secretMeant">The secret the listing looks for, which a failure names; by default the pattern's secrets.</param>
        public IReadOnlyList<VaultSecret> GetSecretInfo(string namePattern, string vault, string? secretMeant = null) =>
            Invoke("Get-SecretInfo", new Dictionary<string, object?> { ["Name"] = namePattern, ["Vault"] = vault }, secretMeant ?? namePattern, vault)
                .Select(VaultSecret.FromSecretInformation)
                .ToList();

        /// <summary>
        /// The token stored in a secret: a SecureString, a string or a PSCredential whose password is
        /// the token. SecretManagement hands strings back as SecureStrings; one that still arrives as a
        /// string (a wrapper around Get-Secret) is copied into a SecureString at once.
        /// </summary>
        public SecureString GetToken(string secretName, string vault)
        {
            var results = Invoke("Get-Secret", new Dictionary<string, object?> { ["Name"] = secretName, ["Vault"] = vault }, secretName, vault);
            if (results.Count == 0)
            {
                throw new SecretVaultException(VaultErrors.NotionSecretNotFound(secretName, vault));
            }

            switch (results[0].BaseObject)
            {
                case SecureString secure:
                    return secure;
                case PSCredential credential:
                    return credential.Password;
                case string text:
                    return SecureStrings.FromText(text);
                default:
                    throw new SecretVaultException(
                        VaultErrors.NotionSecretTypeNotSupported(secretName, vault, results[0].BaseObject.GetType().Name));
            }
        }

        /// <summary>
        /// Stores the token as a SecureString with string metadata. A vault without metadata support
        /// makes SecretManagement refuse and remove the secret; then it is stored again without it.
        /// </summary>
        /// <returns>Whether the metadata was stored.</returns>
        public bool SetToken(string secretName, SecureString token, string vault, IDictionary<string, string> metadata, bool noClobber)
        {
            var parameters = new Dictionary<string, object?>
            {
                ["Name"] = secretName,
                ["SecureStringSecret"] = token,
                ["Vault"] = vault,
                ["Metadata"] = new Hashtable(metadata.ToDictionary(p => p.Key, p => (object)p.Value)),
                ["NoClobber"] = noClobber ? SwitchParameter.Present : (object?)null,
                ["Confirm"] = false,
            };
            try
            {
                Invoke("Set-Secret", parameters, secretName, vault);
                return true;
            }
            catch (SecretVaultException ex) when (ex.InnerException is MetadataNotSupportedException)
            {
                parameters.Remove("Metadata");
                Invoke("Set-Secret", parameters, secretName, vault);
                return false;
            }
        }

        /// <summary>
        /// Runs the vault's own self test (Test-SecretVault, which for SecretStore writes, reads and removes a
        /// secret of its own). A vault that cannot answer now (locked, or a password prompt nobody can answer)
        /// fails here. A test that fails or outputs nothing for another reason gives a warning only: third-party
        /// vaults test other things, or answer nothing, and the write itself says whether it works.
        /// </summary>
        /// <param name="secretName">The secret about to be written, for the messages.</param>
        /// <returns>Null when the vault passed its test, else a warning for the caller to show.</returns>
        /// <exception cref="SecretVaultException">SecretVaultLocked, or no answer from the vault.</exception>
        public string? TestWritable(string vault, string secretName)
        {
            Collection<PSObject> results;
            try
            {
                results = Invoke(
                    "Test-SecretVault", new Dictionary<string, object?> { ["Name"] = new[] { WildcardNames.OnlyItself(vault) } }, secretName, vault);
            }
            catch (SecretVaultException ex) when (ex.ErrorRecord.FullyQualifiedErrorId == VaultErrors.SecretVaultOperationFailedId)
            {
                // The test's own failure (a locked vault, or one that cannot answer, keeps its own error).
                return VaultErrors.SecretVaultTestNotPassed(vault, secretName, ex.InnerException?.InnerException);
            }

            return results.Any(r => r.BaseObject is bool passed && passed) ? null : VaultErrors.SecretVaultTestNotPassed(vault, secretName, null);
        }

        public void RemoveSecret(string secretName, string vault) =>
            Invoke("Remove-Secret", new Dictionary<string, object?> { ["Name"] = secretName, ["Vault"] = vault, ["Confirm"] = false }, secretName, vault);

        /// <summary>
        /// Runs one SecretManagement command. A nested call in the user's runspace adds every error it meets to $Error, where
        /// a vault's own text may quote the secret (a refusal that shows the value it was given): those records are taken out
        /// again, as the caller's own record, redacted, says what failed.
        /// </summary>
        private Collection<PSObject> Invoke(string command, IDictionary<string, object?> parameters, string? secretName, string vault)
        {
            var errors = sessionErrors();
            var before = errors?.Cast<object>().ToList();
            try
            {
                return InvokeNested(command, parameters, secretName, vault);
            }
            finally
            {
                // $Error keeps the newest first. Taken out only while the newest is one the call added: a record that was there
                // before stops it, even when the call itself took the newest one out (a vault trimming $Error).
                while (errors?.Count > 0 && !before!.Any(record => ReferenceEquals(record, errors[0])))
                {
                    errors.RemoveAt(0);
                }
            }
        }

        private Collection<PSObject> InvokeNested(string command, IDictionary<string, object?> parameters, string? secretName, string vault)
        {
            using (var powerShell = createPowerShell())
            {
                powerShell.AddCommand(ModuleName + "\\" + command);
                foreach (var parameter in parameters.Where(p => p.Value != null))
                {
                    powerShell.AddParameter(parameter.Key, parameter.Value);
                }

                // Non-terminating errors are read from the stream below, whatever the session's preference;
                // SecretManagement's "no vault registered" warning is covered by NotionPS's own errors.
                powerShell.AddParameter("ErrorAction", ActionPreference.Continue);
                powerShell.AddParameter("WarningAction", ActionPreference.SilentlyContinue);

                Collection<PSObject> results;
                try
                {
                    results = powerShell.Invoke();
                }
                catch (CommandNotFoundException ex)
                {
                    throw new SecretVaultException(VaultErrors.SecretManagementNotInstalled(ex));
                }
                catch (Exception ex) when (HasCause<PipelineStoppedException>(ex) || HasCause<HostException>(ex))
                {
                    throw NoAnswer(secretName, vault, ex);
                }
                catch (RuntimeException ex)
                {
                    throw new SecretVaultException(Map(command, ex.ErrorRecord, secretName, vault));
                }

                // A prompt that meets closed input stops the call without an error record or exception.
                if (powerShell.InvocationStateInfo.State != PSInvocationState.Completed)
                {
                    throw NoAnswer(secretName, vault, powerShell.InvocationStateInfo.Reason);
                }

                if (powerShell.Streams.Error.Count > 0)
                {
                    var error = powerShell.Streams.Error[0];
                    throw HasCause<HostException>(error.Exception)
                        ? NoAnswer(secretName, vault, error.Exception)
                        : new SecretVaultException(Map(command, error, secretName, vault));
                }

                return results;
            }
        }

        private static ErrorRecord Map(string command, ErrorRecord error, string? secretName, string vault)
        {
            if (IsPasswordRequired(error.Exception))
            {
                return VaultErrors.SecretVaultLocked(vault, secretName, error.Exception);
            }

            var errorId = error.FullyQualifiedErrorId.Split(',')[0];
            switch (errorId)
            {
                case GetSecretVaultNotFound:
                    return VaultErrors.SecretVaultNotFound(vault, error.Exception);
                case GetSecretNotFound:
                    return VaultErrors.NotionSecretNotFound(secretName ?? string.Empty, vault);
                case SetSecretAlreadyExists:
                    return VaultErrors.NotionIntegrationExists(secretName ?? string.Empty, vault);
                case SetSecretMetadataNotSupported:
                    return new ErrorRecord(new MetadataNotSupportedException(error.Exception), errorId, ErrorCategory.NotImplemented, vault);
                case SecretStoreRemoveSecretFailed:
                case RemoveSecretInvalidOperation:
                    return HasCause<ItemNotFoundException>(error.Exception)
                        ? VaultErrors.NotionSecretNotFound(secretName ?? string.Empty, vault)
                        : VaultErrors.SecretVaultOperationFailed(command, secretName, vault, error);
                default:
                    return VaultErrors.SecretVaultOperationFailed(command, secretName, vault, error);
            }
        }

        /// <summary>
        /// A call stopped (a prompt that met closed input) or whose prompt the host could not show
        /// (a HostException). Ctrl+C stops the caller and the call alike: that is no vault failure.
        /// </summary>
        private Exception NoAnswer(string? secretName, string vault, Exception? cause) =>
            callerStopping()
                ? new PipelineStoppedException()
                : (Exception)new SecretVaultException(VaultErrors.SecretVaultNoAnswer(vault, secretName, HasCause<HostException>(cause), cause));

        private static bool IsPasswordRequired(Exception? exception) =>
            Causes(exception).Any(e => e.GetType().Name == PasswordRequiredExceptionName);

        private static bool HasCause<T>(Exception? exception)
            where T : Exception =>
            Causes(exception).OfType<T>().Any();

        private static IEnumerable<Exception> Causes(Exception? exception)
        {
            for (var current = exception; current != null; current = current.InnerException)
            {
                yield return current;
            }
        }

        /// <summary>Marks SecretManagement's refusal of metadata, which SetToken answers by retrying.</summary>
        private sealed class MetadataNotSupportedException : Exception
        {
            public MetadataNotSupportedException(Exception cause)
                : base(cause.Message, cause)
            {
            }
        }
    }
}
