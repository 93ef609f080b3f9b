using System;

namespace NotionPS.Errors
{
    /// <summary>
    /// A NotionPS failure that knows its ErrorId (and so its one category) and carries the facts a remedy
    /// needs; the cmdlets turn it into an ErrorRecord and say what to do.
    /// </summary>
    public abstract class NotionException : Exception
    {
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
    }
}
