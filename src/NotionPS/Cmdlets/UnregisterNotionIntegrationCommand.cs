using System.Linq;
using System.Management.Automation;
using NotionPS.Secrets;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Removes a registered Notion integration's token from its SecretManagement vault.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Unregister, "NotionIntegration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
        HelpUri = NotionAsyncCmdlet.HelpUriBase + "Unregister-NotionIntegration.md")]
    public sealed class UnregisterNotionIntegrationCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateIntegrationName]
        [ArgumentCompleter(typeof(IntegrationNameCompleter))]
        public string Name { get; set; } = string.Empty;

        /// <summary>The vault holding it; found with Get-SecretInfo when not given.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(VaultNameCompleter))]
        public string? Vault { get; set; }

        protected override void ProcessRecord()
        {
            this.RunOrReport(() =>
            {
                var registry = new IntegrationRegistry(SecretManagementBridge.ForCurrentRunspace(this));
                var registrations = registry.FindExact(Name, Vault);
                if (registrations.Count > 1)
                {
                    WriteError(VaultErrors.NotionIntegrationAmbiguous(Name, registrations.Select(r => r.Vault).ToList()));
                    return;
                }

                var registration = registrations[0];
                if (ShouldProcess(
                    $"Notion integration '{registration.Name}' (secret '{registration.SecretName}' in vault '{registration.Vault}')",
                    "Unregister"))
                {
                    registry.Remove(registration);
                }
            });
        }
    }
}
