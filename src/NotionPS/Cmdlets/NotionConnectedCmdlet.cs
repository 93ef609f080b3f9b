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
    /// The cmdlet's own verbose and warning lines, prompts, progress and error messages quote what Notion sent (titles, column
    /// names, cell values), which may carry the token: they pass through the connection's redaction, like the client's lines.
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

        // Hidden (new) rather than added beside, so a derived cmdlet's own WriteVerbose, ShouldProcess, ... redact with no call
        // to remember; a helper handed the cmdlet takes it as a NotionConnectedCmdlet for the same reason (RowOutcomes).
        public new void WriteVerbose(string text) => base.WriteVerbose(Redact(text));

        public new void WriteWarning(string text) => base.WriteWarning(Redact(text));

        public new void WriteProgress(ProgressRecord progressRecord)
        {
            progressRecord.Activity = Redact(progressRecord.Activity);
            progressRecord.StatusDescription = Redact(progressRecord.StatusDescription);
            base.WriteProgress(progressRecord);
        }

        public new bool ShouldProcess(string target, string action) => base.ShouldProcess(Redact(target), Redact(action));

        public new bool ShouldContinue(string query, string caption) => base.ShouldContinue(Redact(query), Redact(caption));

        public new void WriteError(ErrorRecord errorRecord) => base.WriteError(Redacted(errorRecord));

        public new void ThrowTerminatingError(ErrorRecord errorRecord) => base.ThrowTerminatingError(Redacted(errorRecord));

        private string Redact(string text) => resolved == null ? text : resolved.Client.Redact(text);

        /// <summary>
        /// The record with nothing in it that carries the token: its exception down the InnerException chain (which
        /// <c>$Error[0].Exception.Message</c> and a catch block read, not only the displayed message), its target (an input
        /// quoting the token becomes its redacted string form), the message, the recommended action (which may name the
        /// integration) and the target's name (the error view's CategoryInfo). Its id and category stay as they were.
        /// </summary>
        private ErrorRecord Redacted(ErrorRecord errorRecord)
        {
            if (resolved == null)
            {
                return errorRecord;
            }

            errorRecord = WithRedactedExceptionAndTarget(errorRecord);
            var targetName = errorRecord.CategoryInfo.TargetName;
            var redactedTargetName = Redact(targetName);
            if (redactedTargetName != targetName)
            {
                errorRecord.CategoryInfo.TargetName = redactedTargetName;
            }

            var message = errorRecord.ErrorDetails?.Message ?? errorRecord.Exception.Message;
            var action = errorRecord.ErrorDetails?.RecommendedAction;
            var redactedMessage = Redact(message);
            var redactedAction = action == null ? null : Redact(action);
            if (redactedMessage != message || redactedAction != action)
            {
                errorRecord.ErrorDetails = new ErrorDetails(redactedMessage) { RecommendedAction = redactedAction };
            }

            return errorRecord;
        }

        /// <summary>
        /// The same record, or a new one with the same id, category, details, activity, target name and target type when its
        /// exception or target had to change. (ErrorRecord's copy constructor keeps the exception it copies unless that is a
        /// ParentContainsErrorRecordException, so it cannot swap a redacted one in; what else it would copy, the invocation
        /// and the script stack trace, WriteError sets on a record written here.)
        /// </summary>
        private ErrorRecord WithRedactedExceptionAndTarget(ErrorRecord errorRecord)
        {
            var exception = ExceptionRedaction.Redacted(errorRecord.Exception, Redact);
            var target = errorRecord.TargetObject;
            var redactedTarget = ErrorTargets.Redacted(target, Redact);
            if (ReferenceEquals(exception, errorRecord.Exception) && ReferenceEquals(redactedTarget, target))
            {
                return errorRecord;
            }

            var redacted = new ErrorRecord(exception, errorRecord.FullyQualifiedErrorId, errorRecord.CategoryInfo.Category, redactedTarget)
            {
                ErrorDetails = errorRecord.ErrorDetails,
            };
            redacted.CategoryInfo.Activity = errorRecord.CategoryInfo.Activity;
            redacted.CategoryInfo.TargetName = errorRecord.CategoryInfo.TargetName;
            redacted.CategoryInfo.TargetType = errorRecord.CategoryInfo.TargetType;
            return redacted;
        }

        private const string NotConnectedAction =
            "Run Connect-NotionIntegration -Name <registration> (a token stored with Register-NotionIntegration), " +
            "Connect-NotionIntegration -Token (Read-Host -AsSecureString), or set NOTION_TOKEN and run Connect-NotionIntegration.";
    }
}
