using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Ids;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// What every NotionPS cmdlet that calls Notion shares, with or without a connection yet (the connecting
    /// cmdlets derive from it directly; the rest through <see cref="NotionConnectedCmdlet"/>): it runs async work on the
    /// pipeline thread while relaying the client's log lines to -Verbose, -Debug and warnings (Write* may only be
    /// called from that thread), cancels the in-flight request on Ctrl+C, and turns API failures into
    /// ErrorRecords with specific ids (built by <see cref="NotionErrorRecords"/>).
    /// </summary>
    public abstract class NotionAsyncCmdlet : PSCmdlet, IDisposable
    {
        internal const string HelpUriBase = "https://github.com/notionps/NotionPS/blob/main/docs/";

        private readonly CancellationTokenSource stopping = new CancellationTokenSource();
        private readonly PipelineInbox<LogLine> inbox = new PipelineInbox<LogLine>();
        private readonly Action<LogLine> writeLine;
        private PipelineLog? log;
        private ErrorRecord? stoppedBy;

        protected NotionAsyncCmdlet()
        {
            writeLine = Write;
        }

        internal INotionLog Log => log ??= new PipelineLog(inbox, IsShown("Verbose", "VerbosePreference"), IsShown("Debug", "DebugPreference"));

        protected CancellationToken CancelOnStop => stopping.Token;

        protected override void StopProcessing() => stopping.Cancel();

        /// <summary>The command is stopping: PowerShell's stop (Ctrl+C, a downstream stop) or the command's own.</summary>
        internal bool IsStopping => Stopping || stopping.IsCancellationRequested;

        /// <summary>
        /// The pipeline is done with this cmdlet (also when a downstream Select-Object -First stopped it early):
        /// cancel whatever request is still in flight, such as a page read ahead, and take no more log lines.
        /// </summary>
        public void Dispose()
        {
            // Not disposed: a request still unwinding may yet read the token, and a source without a timer holds nothing.
            stopping.Cancel();
            EndWorkInFlight();
            inbox.Close();
        }

        /// <summary>
        /// From Dispose, once the token is cancelled: waits for the work the command still has in flight (a cmdlet that keeps
        /// some between inputs), so none of it goes on after the command. Nothing can be written any more.
        /// </summary>
        private protected virtual void EndWorkInFlight()
        {
        }

        /// <summary>
        /// How this command takes the token out of its own texts; null while it knows no token. A connected cmdlet's is its
        /// connection's; a connecting cmdlet's is the token's it checks, before a connection exists (Notion's refusal of it, a
        /// vault's failure to store it).
        /// </summary>
        private protected virtual Func<string, string>? Redaction => null;

        // Hidden (new) rather than added beside, so a derived cmdlet's own WriteVerbose, ShouldProcess, ... redact with no call
        // to remember; a helper handed the cmdlet takes it as a NotionAsyncCmdlet or a subclass for the same reason (RowOutcomes,
        // LocalPaths, LocalFileUploads, PageVisualParameters), or stops through it (VaultFailures).
        public new void WriteVerbose(string text) => base.WriteVerbose(Redact(text));

        public new void WriteWarning(string text) => base.WriteWarning(Redact(text));

        public new void WriteProgress(ProgressRecord progressRecord)
        {
            progressRecord.Activity = Redact(progressRecord.Activity);
            progressRecord.StatusDescription = Redact(progressRecord.StatusDescription);
            base.WriteProgress(progressRecord);
        }

        // A -WhatIf or -Confirm line quotes titles, names and paths the user or Notion gave: their control and bidi characters
        // are shown escaped here, whichever cmdlet asks, so none can recolour, clear, split or reverse the line the user
        // answers. Text that may be of any length (a title, a name) is cut short where it is quoted (ServerText.VisibleShort).
        public new bool ShouldProcess(string target, string action) => base.ShouldProcess(Prompted(target), Prompted(action));

        public new bool ShouldProcess(string verboseDescription, string verboseWarning, string caption, out ShouldProcessReason shouldProcessReason) =>
            base.ShouldProcess(Prompted(verboseDescription), Prompted(verboseWarning), Prompted(caption), out shouldProcessReason);

        public new bool ShouldContinue(string query, string caption) => base.ShouldContinue(Prompted(query), Prompted(caption));

        public new void WriteError(ErrorRecord errorRecord) => Ending(Redacted(errorRecord), base.WriteError);

        public new void ThrowTerminatingError(ErrorRecord errorRecord) => Ending(Redacted(errorRecord), base.ThrowTerminatingError);

        /// <summary>
        /// Writes or throws the record, remembering it when it is the error the command stops with (-ErrorAction Stop makes
        /// PowerShell report the record itself, as first written): <see cref="TellAfterStop"/> adds to it. A record written
        /// once the command is stopping is not the one reported.
        /// </summary>
        private void Ending(ErrorRecord errorRecord, Action<ErrorRecord> write)
        {
            var stoppingAlready = IsStopping;
            try
            {
                write(errorRecord);
            }
            catch when (!stoppingAlready)
            {
                stoppedBy ??= errorRecord;
                throw;
            }
        }

        /// <summary>
        /// What a stopped command has to say that the pipeline no longer takes (<paramref name="text"/>, such as which rows
        /// may have been written): added to the message of the error the command stops with when that is its own (it is what
        /// a catch block, $Error and the console show; its exception stays as it was), else a warning line written to the host
        /// (the console and a transcript see it after Ctrl+C or another preference's stop, when no stream takes one).
        /// </summary>
        internal void TellAfterStop(string text)
        {
            text = Redact(text);
            if (stoppedBy != null)
            {
                var details = stoppedBy.ErrorDetails;
                stoppedBy.ErrorDetails = new ErrorDetails((details?.Message ?? stoppedBy.Exception.Message) + " " + text)
                {
                    RecommendedAction = details?.RecommendedAction,
                };
                return;
            }

            try
            {
                Host?.UI?.WriteWarningLine(text);
            }
            catch (Exception ex) when (ex is System.Management.Automation.Host.HostException || ex is NotImplementedException || ex is InvalidOperationException)
            {
                // A host without a console: nothing else is left to tell it through.
            }
        }

        private string Redact(string text) => Redaction is { } redact ? redact(text) : text;

        private string Prompted(string text) => ServerText.Visible(Redact(text));

        /// <summary>
        /// The record with nothing in it that carries the token: its exception down the InnerException chain (which
        /// <c>$Error[0].Exception.Message</c> and a catch block read, not only the displayed message), its target (an input
        /// quoting the token becomes its redacted string form), the message, the recommended action (which may name the
        /// integration) and the target's name (the error view's CategoryInfo). Its id and category stay as they were.
        /// </summary>
        private ErrorRecord Redacted(ErrorRecord errorRecord)
        {
            if (Redaction == null)
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

        /// <summary>
        /// Runs <paramref name="work"/> to completion while pumping its log lines to -Verbose/-Debug on this
        /// (the pipeline) thread as they come. Ctrl+C cancels
        /// it (waits included) and stops the pipeline; a <see cref="NotionApiException"/> is rethrown as is. A write that
        /// throws (a stop asked for by -WarningAction) cancels the work and waits for it to end before it is rethrown.
        /// </summary>
        /// <param name="tick">When given, also called on this thread a few times a second while the work runs (to write progress).</param>
        internal T RunWithLogPump<T>(Func<CancellationToken, Task<T>> work, Action? tick = null)
        {
            var task = work(CancelOnStop);
            try
            {
                inbox.Relay(task, writeLine, tick);
            }
            catch
            {
                // A write threw (-WarningAction Stop or $VerbosePreference = 'Stop' makes one throw
                // ActionPreferenceStopException): the command stops with it, and its work first stops and ends.
                StopAndEnd(task);
                throw;
            }

            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (CancelOnStop.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// Cancels the command's work and waits for <paramref name="work"/> to end, so it sends nothing after the command
        /// stopped; each failure, the cancellation's or one it met first, is observed and left: the stop is the command's.
        /// </summary>
        internal void StopAndEnd(params Task[] work)
        {
            stopping.Cancel();
            var waited = System.Diagnostics.Stopwatch.StartNew();
            foreach (var task in work)
            {
                var left = LongestEndWait - waited.Elapsed;
                if (left <= TimeSpan.Zero || !((IAsyncResult)task).AsyncWaitHandle.WaitOne(left))
                {
                    WriteVerboseIfTaken($"Stopped, {work.Count(running => !running.IsCompleted)} of this command's requests had not ended after {LongestEndWait.TotalSeconds:0} s; "
                        + "it returns without them, and any of them may still reach Notion: check what they were writing before running it again.");
                    return;
                }

                _ = task.Exception;
            }
        }

        /// <summary>
        /// The shortest bound of <see cref="StopAndEnd"/>'s wait. A cancelled request ends at once, so the bound only matters for
        /// work that does not heed the cancellation (a read of a file on a stalled network share, a transport that ignores it):
        /// a stopped command must not hold the session for ever.
        /// </summary>
        internal static readonly TimeSpan ShortestEndWait = TimeSpan.FromSeconds(5);

        /// <summary>
        /// How long <see cref="StopAndEnd"/> waits in all for the work it cancelled before it returns without it: a connected
        /// command waits the longer of its connection's request timeout (the most a request is let run) and <see cref="ShortestEndWait"/>.
        /// </summary>
        private protected virtual TimeSpan LongestEndWait => ShortestEndWait;

        /// <summary>A verbose line where the pipeline still takes one; from Dispose, or a pipeline stopped by Ctrl+C, none can be written.</summary>
        private void WriteVerboseIfTaken(string text)
        {
            try
            {
                WriteVerbose(text);
            }
            catch (Exception ex) when (ex is PipelineStoppedException || ex is InvalidOperationException || ex is NotImplementedException)
            {
            }
        }

        /// <summary>Writes the lines logged so far, on the pipeline thread (from work that finished without a pump, say).</summary>
        internal void WritePendingLog() => inbox.WritePending(writeLine);

        internal void RunWithLogPump(Func<CancellationToken, Task> work) =>
            RunWithLogPump<bool>(async cancellationToken =>
            {
                await work(cancellationToken).ConfigureAwait(false);
                return true;
            });

        /// <summary>Whether the cmdlet's -Verbose or -Debug (by its switch, else its preference variable) shows the stream.</summary>
        private bool IsShown(string switchName, string preferenceVariable)
        {
            if (MyInvocation.BoundParameters.TryGetValue(switchName, out var shown))
            {
                return shown is SwitchParameter shownSwitch ? shownSwitch.IsPresent : LanguagePrimitives.IsTrue(shown);
            }

            // Converted as PowerShell converts it: `$VerbosePreference = 'Continue'` in a script block makes a local variable holding text.
            return LanguagePrimitives.TryConvertTo(GetVariableValue(preferenceVariable), out ActionPreference preference)
                && preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;
        }

        private void Write(LogLine line)
        {
            switch (line.Stream)
            {
                case LogStream.Debug:
                    WriteDebug(line.Text);
                    break;
                case LogStream.Warning:
                    WriteWarning(line.Text);
                    break;
                default:
                    WriteVerbose(line.Text);
                    break;
            }
        }

        private enum LogStream
        {
            Verbose,
            Debug,
            Warning,
        }

        /// <remarks>
        /// A class, not a struct: the queue's code for reference types is shared and compiled ahead of time with
        /// the framework, where a struct would have every method of the queue JIT-compiled at a cmdlet's first call.
        /// </remarks>
        private sealed class LogLine
        {
            public LogLine(LogStream stream, string text)
            {
                Stream = stream;
                Text = text;
            }

            public LogStream Stream { get; }

            public string Text { get; }
        }

        /// <summary>Queues the client's lines (from any thread) for the pipeline thread to write.</summary>
        private sealed class PipelineLog : INotionLog
        {
            private readonly PipelineInbox<LogLine> inbox;

            public PipelineLog(PipelineInbox<LogLine> inbox, bool isVerboseEnabled, bool isDebugEnabled)
            {
                this.inbox = inbox;
                IsVerboseEnabled = isVerboseEnabled;
                IsDebugEnabled = isDebugEnabled;
            }

            public bool IsVerboseEnabled { get; }

            public bool IsDebugEnabled { get; }

            /// <remarks>A line PowerShell would not show is not queued: the client logs every request.</remarks>
            public void Verbose(string message)
            {
                if (IsVerboseEnabled)
                {
                    inbox.Add(new LogLine(LogStream.Verbose, message));
                }
            }

            public void Debug(string message)
            {
                if (IsDebugEnabled)
                {
                    inbox.Add(new LogLine(LogStream.Debug, message));
                }
            }

            /// <remarks>Queued whatever the preference: WriteWarning applies -WarningAction, in order with the other lines.</remarks>
            public void Warning(string message) => inbox.Add(new LogLine(LogStream.Warning, message));
        }
    }
}
