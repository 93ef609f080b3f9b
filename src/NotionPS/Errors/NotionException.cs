using System;

namespace NotionPS.Errors
{
    /// <summary>
    /// A NotionPS failure that knows its ErrorId (and so its one category) and carries the facts a remedy
    /// needs; the cmdlets turn it into an ErrorRecord and say what to do.
    /// </summary>
    public abstract class NotionException : Exception
    {
        private string? redactedMessage;

        private protected NotionException(string errorId, string message, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
        }

        /// <summary>One of <see cref="NotionErrorIds"/>.</summary>
        public string ErrorId { get; }

        /// <summary>Taken from the id, never chosen per throw, so one id always has one category.</summary>
        internal NotionErrorCategory Category => NotionErrorIds.CategoryOf(ErrorId);

        /// <summary>Notion's error code behind this failure, when Notion (or the transport) gave one.</summary>
        public virtual string? NotionCode => null;

        /// <summary>The failure's text; once <see cref="Redact"/> has run, with the token taken out.</summary>
        public override string Message => redactedMessage ?? base.Message;

        /// <summary>
        /// Takes the token out of every text this failure carries, in place, so its type, id, facts and stack trace stay
        /// as they were: its message quotes the input as given and what Notion answered, either of which may hold it.
        /// </summary>
        internal virtual void Redact(Func<string, string> redact)
        {
            var message = redact(base.Message);
            if (message != base.Message)
            {
                redactedMessage = message;
            }
        }
    }
}
