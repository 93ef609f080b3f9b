using System;
using System.Management.Automation;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Session;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// The base of cmdlets that act as a connected integration: -Connection, else the process-wide current
    /// connection (<see cref="ProcessWideConnection"/>), else a terminating error that says how to connect.
    /// The cmdlet's own verbose and warning lines, prompts, progress and error records quote what Notion sent (titles, column
    /// names, cell values), which may carry the token: they pass through the connection's redaction (<see cref="NotionAsyncCmdlet.Redaction"/>).
    /// </summary>
    public abstract class NotionConnectedCmdlet : NotionAsyncCmdlet
    {
        private NotionConnection? resolved;

        /// <summary>The connection to use; by default the one the last Connect-NotionIntegration made.</summary>
        [Parameter]
        [ValidateNotNull]
        public NotionConnection? Connection { get; set; }

        /// <summary>The connection this invocation uses, fixed in BeginProcessing.</summary>
        internal NotionConnection ActiveConnection => resolved!;

        internal NotionClient Client => ActiveConnection.Client;

        private protected override TimeSpan LongestEndWait =>
            resolved != null && resolved.Client.Options.Timeout > ShortestEndWait ? resolved.Client.Options.Timeout : ShortestEndWait;

        /// <summary>
        /// What the remedies need to know about the connection: who it acts as, and how its token is granted access.
        /// Before the connection is known (a failure while finding it), only what the failure itself says.
        /// </summary>
        private protected RemedyFacts ConnectionFacts(bool onPage = false, string? capability = null) =>
            resolved == null
                ? new RemedyFacts(onPage: onPage, capability: capability)
                : new RemedyFacts(resolved.BotName, onPage: onPage, capability: capability, tokenKind: resolved.TokenKind);

        /// <summary>False for a cmdlet that calls Notion only with some parameters (Get-NotionDatabaseId -Resolve).</summary>
        private protected virtual bool NeedsConnection => true;

        protected override void BeginProcessing()
        {
            resolved = Connection ?? ProcessWideConnection.Current;
            if (resolved == null && NeedsConnection)
            {
                var exception = new PSInvalidOperationException("You are not connected to Notion. " + NotConnectedAction);
                ThrowTerminatingError(NotionErrorRecords.Create(exception, NotionErrorIds.NotionNotConnected, null, NotConnectedAction));
            }
        }

        /// <summary>The connection's: its lines, prompts and errors quote what Notion sent (titles, column names, cell values).</summary>
        private protected override Func<string, string>? Redaction => resolved == null ? null : new Func<string, string>(resolved.Client.Redact);

        private const string NotConnectedAction =
            "Run Connect-NotionIntegration -Name <registration> (a token stored with Register-NotionIntegration), " +
            "Connect-NotionIntegration -Token (Read-Host -AsSecureString), or set NOTION_TOKEN and run Connect-NotionIntegration.";
    }
}
