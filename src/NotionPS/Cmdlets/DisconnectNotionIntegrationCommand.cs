using System.Management.Automation;
using NotionPS.Session;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Forgets the session's current Notion connection. Stored registrations are not touched.
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "NotionIntegration", HelpUri = NotionCmdletBase.HelpUriBase + "Disconnect-NotionIntegration.md")]
    public sealed class DisconnectNotionIntegrationCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            var previous = NotionSession.Current;
            NotionSession.Reset();
            WriteVerbose(previous == null ? "There was no current Notion connection." : $"Disconnected from '{previous.BotName}' in '{previous.WorkspaceName}'.");
        }
    }
}
