using System;
using System.Management.Automation;
using System.Security;
using NotionPS.Client;
using NotionPS.Secrets;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Checks an integration token with Notion and stores it in a SecretManagement vault under a name, for Connect-NotionIntegration -Name.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Register, "NotionIntegration", SupportsShouldProcess = true, HelpUri = HelpUriBase + "Register-NotionIntegration.md")]
    [OutputType(typeof(NotionIntegration))]
    public sealed class RegisterNotionIntegrationCommand : NotionConnectingCmdlet
    {
        /// <summary>The name to connect by; the secret is NotionPS-&lt;Name&gt;.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateIntegrationName]
        public string Name { get; set; } = string.Empty;

        /// <summary>The integration's secret; prompted for (hidden) when not given.</summary>
        [Parameter(Mandatory = true, Position = 1, HelpMessage = "The integration's secret: at " + Remedies.MyIntegrationsUrl + ", View integration > Show, then copy.")]
        [ValidateNotNull]
        public SecureString? Token { get; set; }

        /// <summary>The vault to store it in; by default SecretManagement's default vault.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(VaultNameCompleter))]
        public string? Vault { get; set; }

        /// <summary>Replace a registration of the same name (in any case) in that vault, under the spelling the vault holds.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void EndProcessing()
        {
            var registry = new IntegrationRegistry(SecretManagementBridge.ForCurrentRunspace(this));
            var vault = this.RunOrStop(() => registry.ResolveTargetVault(Name, Vault));
            // A registration of this name in another case is this one (replaced under the spelling the vault holds).
            var existing = this.RunOrStop(() => registry.ExistingSecretName(Name, vault));
            if (!Force && existing != null)
            {
                ThrowTerminatingError(VaultErrors.NotionIntegrationExists(existing, vault));
            }

            var secretName = existing ?? IntegrationSecretName.FromName(Name);
            IntegrationSecretName.TryGetName(secretName, out var name);

            // The vault is fixed first: a locked vault fails here, before Notion is asked.
            var vaultWarning = this.RunOrStop(() => registry.CheckWritable(secretName, vault));
            if (vaultWarning != null)
            {
                WriteWarning(vaultWarning);
            }

            // Stored as it is sent: a token read from a file keeps no trailing newline in the vault.
            var token = CheckedToken(Token!);
            var connection = OpenConnection(token);
            WriteVerbose(connection.Client.Redact($"The token is a {connection.TokenKind}: {connection.Describe()}{(connection.WorkspaceName == null ? string.Empty : $" in workspace '{connection.WorkspaceName}'")}."));

            if (!ShouldProcess(
                connection.Client.Redact($"Notion integration '{name}' ({ServerText.Visible(connection.BotName)} @ {ServerText.VisibleOrNull(connection.WorkspaceName)}) as secret '{secretName}' in vault '{vault}'"),
                Force ? "Register, replacing any existing registration" : "Register"))
            {
                return;
            }

            var metadataStored = false;
            var registration = this.RunOrStop(() => registry.Save(secretName, vault, token, connection, replace: Force, out metadataStored));
            if (!metadataStored)
            {
                ReportSettingsNotStored(vault, registration);
            }

            WriteObject(registration);
        }

        /// <summary>
        /// A vault without metadata: Get-NotionIntegration shows only the name. Settings Connect-NotionIntegration -Name would
        /// have applied are lost with it, so leaving them out would send the token elsewhere or change the API version: a warning
        /// gives the command that keeps them.
        /// </summary>
        private void ReportSettingsNotStored(string vault, NotionIntegration registration)
        {
            var notApplied = string.Concat(
                registration.BaseUri == NotionClientOptions.DefaultBaseUri ? string.Empty : $" -{nameof(BaseUri)} {CommandText.Literal(registration.BaseUri!.AbsoluteUri)}",
                registration.ApiVersion == NotionClientOptions.DefaultApiVersion ? string.Empty : $" -{nameof(ApiVersion)} {CommandText.Literal(registration.ApiVersion!)}",
                registration.WorkspaceRequestsPerMinute == null ? string.Empty : $" -{nameof(WorkspaceRequestsPerMinute)} {registration.WorkspaceRequestsPerMinute}");
            const string NotShown = "the token is stored, but Get-NotionIntegration will not show its workspace, bot, base URI or API version";
            if (notApplied.Length == 0)
            {
                WriteVerbose($"The vault '{vault}' keeps no secret metadata: {NotShown}.");
                return;
            }

            WriteWarning($"The vault '{vault}' keeps no secret metadata: {NotShown}, and Connect-NotionIntegration -Name {CommandText.Literal(registration.Name)} will not apply them. Connect with them given: Connect-NotionIntegration -Name {CommandText.Literal(registration.Name)}{notApplied}");
        }
    }
}
