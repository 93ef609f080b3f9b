using System.Management.Automation;
using NotionPS.Session;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Forgets the session's current Notion connection. Stored registrations are not touched.
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "NotionIntegration", HelpUri = NotionAsyncCmdlet.HelpUriBase + "Disconnect-NotionIntegration.md")]
    public sealed class DisconnectNotionIntegrationCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            var previous = ProcessWideConnection.Current;
            ProcessWideConnection.Reset();
            WriteVerbose(previous == null ? "There was no current Notion connection." : previous.Client.Redact($"Disconnected from '{previous.BotName}' in '{previous.WorkspaceName}'."));
        }
    }
}
