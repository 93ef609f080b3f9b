using System;
using System.Collections.Generic;
using System.Linq;

namespace NotionPS.Errors
{
    /// <summary>
    /// A NotionPS failure that knows its ErrorId (and so its one category) and carries the facts a remedy
    /// needs; the cmdlets turn it into an ErrorRecord and say what to do.
    /// </summary>
    /// <remarks>
    /// Every public text of a failure (its message, and a subclass's facts: a path, a column, a key, a cause) is read
    /// through <see cref="Shown(string)"/> or its overloads, so once <see cref="Redact"/> has run none of them holds the
    /// token, whatever it quotes; NotionExceptionTextsTests checks every subclass for a text that is not.
    /// </remarks>
    public abstract class NotionException : Exception
    {
        private readonly string errorId;

        private Func<string, string>? redact;

        /// <summary>For a failure re-created from another (see <see cref="Recreated"/>): where that one was thrown.</summary>
        private string? originalStackTrace;

        private protected NotionException(string errorId, string message, Exception? inner = null)
            : base(message, inner)
        {
            this.errorId = errorId;
        }

        /// <summary>One of <see cref="NotionErrorIds"/>.</summary>
        public string ErrorId => Shown(errorId);

        /// <summary>Taken from the id, never chosen per throw, so one id always has one category.</summary>
        internal NotionErrorCategory Category => NotionErrorIds.CategoryOf(ErrorId);

        /// <summary>Notion's error code behind this failure, when Notion (or the transport) gave one.</summary>
        public virtual string? NotionCode => null;

        /// <summary>The failure's text; once <see cref="Redact"/> has run, with the token taken out.</summary>
        public override string Message => Shown(base.Message);

        /// <summary>Where the failure was thrown: for one re-created from another, where that one was (this one never was).</summary>
        public override string? StackTrace => originalStackTrace == null ? base.StackTrace : Shown(originalStackTrace);

        /// <summary>
        /// Takes the token out of every text this failure shows from now on, in place, so its type, id, facts and stack trace
        /// stay as they were: its message and facts quote the input as given and what Notion answered, either of which may
        /// hold it. Its InnerException is not its own to change: see <see cref="ExceptionRedaction"/>.
        /// </summary>
        internal virtual void Redact(Func<string, string> redact)
        {
            var earlier = this.redact;

            // A failure handed on to a cmdlet of another connection takes out both tokens; the same redaction again adds nothing.
            this.redact = earlier == null || earlier.Equals(redact) ? redact : text => redact(earlier(text));
        }

        /// <summary>
        /// This failure for one more of the callers that waited on one lookup (see Operations.OncePerKey): a shallow copy,
        /// so of the same type with the same id, message, facts, redaction and inner exception, whose stack trace (once
        /// thrown) and Data are its own. The lookup's failure it is copied from is thrown to nobody, so it made no Data to share.
        /// </summary>
        internal NotionException CopyForAnotherCaller() => (NotionException)MemberwiseClone();

        /// <summary>
        /// This failure again with <paramref name="redactedInner"/> as its InnerException (.NET gives InnerException no setter),
        /// with its id, message, facts and stack trace: of its own type where that type is public, so a user's
        /// <c>catch [NotionPS.Client.NotionApiException]</c> or <c>-is</c> still matches it; else a
        /// <see cref="RedactedNotionException"/>, since no script can name an internal type.
        /// </summary>
        internal NotionException Recreated(Exception redactedInner)
        {
            var copy = WithInner(redactedInner) ?? new RedactedNotionException(this, redactedInner);
            copy.originalStackTrace = StackTrace;
            copy.HResult = HResult;
            return copy;
        }

        /// <summary>A copy of this public type with another InnerException; null for an internal type (see <see cref="Recreated"/>).</summary>
        private protected virtual NotionException? WithInner(Exception inner) => null;

        /// <summary>A text of this failure as it may be shown: with the token taken out once <see cref="Redact"/> has run.</summary>
        private protected string Shown(string text) => redact == null ? text : redact(text);

        private protected string? ShownIfAny(string? text) => text == null ? null : Shown(text);

        private protected IReadOnlyList<string> Shown(IReadOnlyList<string> texts) => redact == null ? texts : texts.Select(redact).ToList();

        /// <summary>Another NotionPS failure this one names (not only as its InnerException), redacted like it.</summary>
        private protected NotionException Shown(NotionException failure) => redact == null ? failure : ExceptionRedaction.Redacted(failure, redact);
    }
}
