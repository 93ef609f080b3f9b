using System.Management.Automation;
using NotionPS.Session;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Gets the session's current Notion connection, or nothing when not connected.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "NotionConnection", HelpUri = NotionAsyncCmdlet.HelpUriBase + "Get-NotionConnection.md")]
    [OutputType(typeof(NotionConnection))]
    public sealed class GetNotionConnectionCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            var current = ProcessWideConnection.Current;
            if (current != null)
            {
                WriteObject(current);
            }
        }
    }
}
