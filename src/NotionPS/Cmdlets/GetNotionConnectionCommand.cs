using System.Management.Automation;
using NotionPS.Session;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Gets the session's current Notion connection, or nothing when not connected.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "NotionConnection", HelpUri = NotionCmdletBase.HelpUriBase + "Get-NotionConnection.md")]
    [OutputType(typeof(NotionConnection))]
    public sealed class GetNotionConnectionCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            var current = NotionSession.Current;
            if (current != null)
            {
                WriteObject(current);
            }
        }
    }
}
