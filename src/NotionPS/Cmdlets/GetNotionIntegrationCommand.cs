using System.Management.Automation;
using NotionPS.Secrets;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Lists the Notion integrations registered in SecretManagement vaults, without reading any token.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "NotionIntegration", HelpUri = NotionAsyncCmdlet.HelpUriBase + "Get-NotionIntegration.md")]
    [OutputType(typeof(NotionIntegration))]
    public sealed class GetNotionIntegrationCommand : PSCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateIntegrationName(AllowWildcards = true)]
        [ArgumentCompleter(typeof(IntegrationNameCompleter))]
        public string Name { get; set; } = "*";

        /// <summary>The vault to look in; by default every vault, the default one first.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(VaultNameCompleter))]
        public string? Vault { get; set; }

        protected override void ProcessRecord()
        {
            var vaultFailed = false;
            var (found, vaultsSearched) = this.RunOrStop(() => new IntegrationRegistry(SecretManagementBridge.ForCurrentRunspace(this))
                .Find(Name, Vault, error =>
                {
                    vaultFailed = true;
                    WriteError(error);
                }));
            WriteObject(found, enumerateCollection: true);

            // A name without wildcards that matched nothing is an error, as for Get-Item.
            if (found.Count == 0 && !vaultFailed && !WildcardPattern.ContainsWildcardCharacters(Name))
            {
                WriteError(VaultErrors.NotionIntegrationNotFound(Name, vaultsSearched));
            }
        }
    }
}
