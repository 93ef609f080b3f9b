using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Security;

namespace NotionPS.Secrets
{
    /// <summary>
    /// Registrations: integration tokens kept as <c>NotionPS-&lt;Name&gt;</c> secrets, with the workspace,
    /// bot, base URI, API version and any declared workspace budget as metadata where the vault keeps metadata.
    /// </summary>
    internal sealed class IntegrationRegistry
    {
        private const string WorkspaceNameKey = "WorkspaceName";
        private const string BotNameKey = "BotName";
        private const string TokenKindKey = "TokenKind";
        private const string BaseUriKey = "BaseUri";
        private const string ApiVersionKey = "ApiVersion";
        private const string WorkspaceRequestsPerMinuteKey = "WorkspaceRequestsPerMinute";

        private readonly SecretManagementBridge bridge;

        public IntegrationRegistry(SecretManagementBridge bridge)
        {
            this.bridge = bridge;
        }

        /// <summary>
        /// Registrations whose name matches a wildcard pattern, in one vault or in all (the default
        /// vault first). A vault that cannot be read is reported through <paramref name="onVaultError"/>
        /// and skipped, so one locked vault does not hide the others.
        /// </summary>
        /// <returns>The registrations and the names of the vaults searched.</returns>
        public (IReadOnlyList<NotionIntegration> Found, IReadOnlyList<string> VaultsSearched) Find(
            string namePattern, string? vault, Action<ErrorRecord> onVaultError)
        {
            var vaults = vault == null ? bridge.GetVaults() : new[] { bridge.GetVault(vault) };
            var wildcard = WildcardPattern.Get(namePattern, WildcardOptions.IgnoreCase);
            var found = new List<NotionIntegration>();
            foreach (var candidateVault in vaults)
            {
                IReadOnlyList<VaultSecret> secrets;
                try
                {
                    // Every registration, matched here ignoring case: a vault may take the filter case-sensitively.
                    secrets = bridge.GetSecretInfo(IntegrationSecretName.FromName("*"), candidateVault.Name, IntegrationSecretName.FromName(namePattern));
                }
                catch (SecretVaultException ex) when (!ex.StopsEverything)
                {
                    onVaultError(ex.ErrorRecord);
                    continue;
                }

                found.AddRange(secrets
                    .Where(s => IntegrationSecretName.TryGetName(s.Name, out var name) && wildcard.IsMatch(name))
                    .Select(ToIntegration));
            }

            return (found, vaults.Select(v => v.Name).ToList());
        }

        /// <summary>
        /// Every registration with exactly this name (one per vault that has it). None found is an
        /// error: the first vault failure if a vault could not be read, else "not found".
        /// </summary>
        public IReadOnlyList<NotionIntegration> FindExact(string name, string? vault)
        {
            ErrorRecord? firstVaultError = null;
            var (found, vaultsSearched) = Find(name, vault, error => firstVaultError = firstVaultError ?? error);
            if (found.Count == 0)
            {
                throw new SecretVaultException(firstVaultError ?? VaultErrors.NotionIntegrationNotFound(name, vaultsSearched));
            }

            return found;
        }

        /// <summary>The vault a new registration goes to: the one named, else the default vault.</summary>
        public string ResolveTargetVault(string name, string? vault) =>
            (vault == null ? bridge.GetDefaultVault(IntegrationSecretName.FromName(name)) : bridge.GetVault(vault)).Name;

        /// <summary>
        /// The secret holding the registration of this name in the vault, spelled as the vault holds it; null when there is none.
        /// Registration names are one ignoring case, and so are most vaults' secret names, but vaults differ in which spelling
        /// they keep (SecretStore the last written, Key Vault the first) and some take names differing in case as two secrets:
        /// so every registration is listed (a filter may be taken case-sensitively) and the exact spelling preferred.
        /// </summary>
        public string? ExistingSecretName(string name, string vault)
        {
            var secretName = IntegrationSecretName.FromName(name);
            var held = bridge.GetSecretInfo(IntegrationSecretName.FromName("*"), vault, secretName).Select(s => s.Name).ToList();
            return held.FirstOrDefault(s => string.Equals(s, secretName, StringComparison.Ordinal))
                ?? held.FirstOrDefault(s => string.Equals(s, secretName, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>Fails when the vault cannot answer now (locked); a self test that did not pass is a warning (see <see cref="SecretManagementBridge.TestWritable"/>).</summary>
        /// <returns>Null, or the warning to show.</returns>
        public string? CheckWritable(string secretName, string vault) =>
            bridge.TestWritable(vault, secretName);

        public SecureString ReadToken(NotionIntegration registration) =>
            bridge.GetToken(registration.SecretName, registration.Vault);

        /// <summary>Stores the token in <paramref name="secretName"/>; without <paramref name="replace"/> an existing secret is an error.</summary>
        /// <param name="secretName">The registration's secret: a new one's (<see cref="IntegrationSecretName.FromName"/>), or the one it replaces (<see cref="ExistingSecretName"/>).</param>
        /// <param name="metadataStored">False when the vault keeps no metadata (the token is stored all the same).</param>
        public NotionIntegration Save(string secretName, string vault, SecureString token, NotionConnection validated, bool replace, out bool metadataStored)
        {
            IntegrationSecretName.TryGetName(secretName, out var name);
            var registration = new NotionIntegration
            {
                Name = name,
                Vault = vault,
                SecretName = secretName,
                WorkspaceName = validated.WorkspaceName,
                BotName = validated.BotName,
                TokenKind = validated.TokenKind,
                BaseUri = validated.BaseUri,
                ApiVersion = validated.ApiVersion,
                WorkspaceRequestsPerMinute = DeclaredWorkspaceBudget(validated),
            };
            var metadata = new Dictionary<string, string>
            {
                [BotNameKey] = validated.BotName,
                [TokenKindKey] = validated.TokenKind.ToString(),
                [BaseUriKey] = validated.BaseUri.AbsoluteUri,
                [ApiVersionKey] = validated.ApiVersion,
            };
            if (validated.WorkspaceName != null)
            {
                metadata[WorkspaceNameKey] = validated.WorkspaceName;
            }

            if (registration.WorkspaceRequestsPerMinute != null)
            {
                metadata[WorkspaceRequestsPerMinuteKey] = registration.WorkspaceRequestsPerMinute.Value.ToString(CultureInfo.InvariantCulture);
            }

            metadataStored = bridge.SetToken(registration.SecretName, token, vault, metadata, noClobber: !replace);
            return registration;
        }

        public void Remove(NotionIntegration registration) =>
            bridge.RemoveSecret(registration.SecretName, registration.Vault);

        private static NotionIntegration ToIntegration(VaultSecret secret)
        {
            IntegrationSecretName.TryGetName(secret.Name, out var name);
            return new NotionIntegration
            {
                Name = name,
                Vault = secret.VaultName,
                SecretName = secret.Name,
                WorkspaceName = Lookup(secret, WorkspaceNameKey),
                BotName = Lookup(secret, BotNameKey),
                TokenKind = Enum.TryParse<NotionTokenKind>(Lookup(secret, TokenKindKey), out var kind) ? kind : (NotionTokenKind?)null,
                BaseUri = Uri.TryCreate(Lookup(secret, BaseUriKey), UriKind.Absolute, out var baseUri) ? baseUri : null,
                ApiVersion = Lookup(secret, ApiVersionKey),
                WorkspaceRequestsPerMinute = int.TryParse(Lookup(secret, WorkspaceRequestsPerMinuteKey), NumberStyles.None, CultureInfo.InvariantCulture, out var budget) && budget > 0 ? budget : (int?)null,
            };
        }

        /// <summary>The budget the registering connection declared for its workspace (not one another connection declared); null when none.</summary>
        private static int? DeclaredWorkspaceBudget(NotionConnection validated) =>
            validated.Client.Options.WorkspaceRequestsPerMinute > 0 ? validated.Client.Options.WorkspaceRequestsPerMinute : (int?)null;

        private static string? Lookup(VaultSecret secret, string key) =>
            secret.Metadata.TryGetValue(key, out var value) ? value : null;
    }
}
