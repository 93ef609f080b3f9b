using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Secrets;
using NotionPS.Session;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Connects to Notion as an integration and makes it the session's current connection.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "NotionIntegration", DefaultParameterSetName = EnvironmentSet, HelpUri = HelpUriBase + "Connect-NotionIntegration.md")]
    [OutputType(typeof(NotionConnection))]
    public sealed class ConnectNotionIntegrationCommand : NotionConnectingCmdlet
    {
        internal const string TokenVariable = "NOTION_TOKEN";
        private const string EnvironmentSet = "Environment";
        private const string TokenSet = "Token";
        private const string CredentialSet = "Credential";
        private const string NameSet = "Name";
        private const string VaultSet = "Vault";

        /// <summary>The integration's secret, as a SecureString (for example from Read-Host -AsSecureString).</summary>
        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        [ValidateNotNull]
        public SecureString? Token { get; set; }

        /// <summary>A credential whose password is the token; the user name is not used.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        /// <summary>A registration made with Register-NotionIntegration; its base URI, API version and workspace budget apply unless given.</summary>
        [Parameter(Mandatory = true, ParameterSetName = NameSet)]
        [ValidateIntegrationName]
        [ArgumentCompleter(typeof(IntegrationNameCompleter))]
        public string? Name { get; set; }

        /// <summary>With -Name, the vault to look in (else every vault, the default first); with -SecretName, the vault holding it.</summary>
        [Parameter(ParameterSetName = NameSet)]
        [Parameter(Mandatory = true, ParameterSetName = VaultSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(VaultNameCompleter))]
        public string? Vault { get; set; }

        /// <summary>A secret stored by other means: a SecureString, a string, or a PSCredential whose password is the token.</summary>
        [Parameter(Mandatory = true, ParameterSetName = VaultSet)]
        [ValidateNotNullOrEmpty]
        public string? SecretName { get; set; }

        /// <summary>The registration read with -Name, and the settings taken from it (not given).</summary>
        private NotionIntegration? registration;
        private readonly HashSet<string> settingsFromRegistration = new HashSet<string>();

        protected override void EndProcessing()
        {
            var connection = OpenConnection(ReadToken());
            ProcessWideConnection.Current = connection;

            // Names and e-mail come from Notion: redacted like the client's lines.
            WriteVerbose(connection.Client.Redact(connection.TokenKind == NotionTokenKind.PersonalAccessToken
                ? $"Connected as {connection.Describe()} ({ServerText.VisibleOrNull(connection.UserEmail)}; {connection.ApiVersion}): it sees what {ServerText.Visible(connection.BotName)} can see in Notion, with no Add connections step."
                : $"Connected to workspace '{ServerText.VisibleOrNull(connection.WorkspaceName)}' as {connection.Describe()} ({connection.TokenKind}, {connection.ApiVersion})."));
            WriteObject(connection);
        }

        private SecureString ReadToken()
        {
            switch (ParameterSetName)
            {
                case TokenSet:
                    return RequireNonEmpty(Token!);
                case CredentialSet:
                    return RequireNonEmpty(Credential!.Password);
                case NameSet:
                    return FromRegistration();
                case VaultSet:
                    return FromVault(bridge => bridge.GetToken(SecretName!, Vault!));
                default:
                    return FromEnvironment();
            }
        }

        private SecureString RequireNonEmpty(SecureString? token)
        {
            if (token == null || token.Length == 0)
            {
                var exception = new ArgumentException("The token is empty. " + WaysToConnect);
                ThrowTerminatingError(NotionErrorRecords.Create(exception, NotionErrorIds.EmptyNotionToken, null));
            }

            return token!;
        }

        /// <summary>
        /// The registration's token; its base URI, API version and workspace budget apply unless given. Found in several
        /// vaults, the first (the default vault comes first) is used.
        /// </summary>
        private SecureString FromRegistration() =>
            FromVault(bridge =>
            {
                var registry = new IntegrationRegistry(bridge);
                var registrations = registry.FindExact(Name!, Vault);
                var registration = registrations[0];
                if (registrations.Count > 1)
                {
                    WriteWarning($"The integration '{Name}' is registered in the vaults {string.Join(", ", registrations.Select(r => r.Vault))}; using the one in '{registration.Vault}'. Add -Vault to choose.");
                }

                WriteVerbose($"Reading the token of integration '{registration.Name}' from secret '{registration.SecretName}' in vault '{registration.Vault}'.");
                this.registration = registration;
                if (registration.BaseUri != null && TakeFromRegistration(nameof(BaseUri)))
                {
                    BaseUri = registration.BaseUri;
                }

                if (registration.ApiVersion != null && TakeFromRegistration(nameof(ApiVersion)))
                {
                    ApiVersion = registration.ApiVersion;
                }

                if (registration.WorkspaceRequestsPerMinute != null && TakeFromRegistration(nameof(WorkspaceRequestsPerMinute)))
                {
                    WorkspaceRequestsPerMinute = registration.WorkspaceRequestsPerMinute.Value;
                }

                return registry.ReadToken(registration);
            });

        /// <summary>Whether the registration's <paramref name="setting"/> applies (it was not given); remembered for <see cref="StoredSettingRemedy"/>.</summary>
        private bool TakeFromRegistration(string setting) =>
            !MyInvocation.BoundParameters.ContainsKey(setting) && settingsFromRegistration.Add(setting);

        /// <summary>A stored setting that no longer passes (a version since dropped, an address now refused) was not typed: say where it came from.</summary>
        private protected override string? StoredSettingRemedy(string? setting) =>
            registration == null || setting == null || !settingsFromRegistration.Contains(setting)
                ? null
                : $"The {setting} comes from the registration '{registration.Name}' in vault '{registration.Vault}'. Give -{setting} to connect with another, " +
                  $"or store the registration again with one that passes: Register-NotionIntegration -Name {CommandText.Literal(registration.Name)} -Vault {CommandText.Literal(registration.Vault)} -Force.";

        private SecureString FromVault(Func<SecretManagementBridge, SecureString> read) =>
            this.RunOrStop(() => RequireNonEmpty(read(SecretManagementBridge.ForCurrentRunspace(this))));

        private SecureString FromEnvironment()
        {
            var value = Environment.GetEnvironmentVariable(TokenVariable);
            if (string.IsNullOrEmpty(value))
            {
                var exception = new PSArgumentException($"No token was given and the {TokenVariable} environment variable is not set. " + WaysToConnect);
                ThrowTerminatingError(NotionErrorRecords.Create(exception, NotionErrorIds.NotionTokenNotFound, null, WaysToConnect));
            }

            return SecureStrings.FromText(value!);
        }

        private const string WaysToConnect =
            "Connect in one of these ways: -Name <registration> (a token stored with Register-NotionIntegration); " +
            "-Vault <vault> -SecretName <secret> (a token kept in a SecretManagement vault); " +
            "-Token (Read-Host -AsSecureString 'Notion token'); -Credential (Get-Credential); " +
            "or set the " + TokenVariable + " environment variable (for runbooks). " +
            "The token is the integration's secret at " + Remedies.MyIntegrationsUrl + " (View integration > Show).";
    }
}
