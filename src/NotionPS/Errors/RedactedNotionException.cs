using System;

namespace NotionPS.Errors
{
    /// <summary>
    /// An internal NotionPS failure whose InnerException quoted the token (see <see cref="NotionException.Recreated"/>): it
    /// stands in for it with the inner exception redacted, and with its id (so its category), message, Notion code, stack
    /// trace and the name of its type. The facts of its own type (a path, a column) are not carried. No script can name an
    /// internal type, so none catches it by type; a public one (NotionApiException) is re-created as itself.
    /// </summary>
    internal sealed class RedactedNotionException : NotionException
    {
        private readonly string originalType;

        private readonly string? notionCode;

        /// <param name="original">Redacted in place already, so its message and facts carry no token.</param>
        public RedactedNotionException(NotionException original, Exception redactedInner)
            : base(original.ErrorId, original.Message, redactedInner)
        {
            originalType = original.GetType().FullName;
            notionCode = original.NotionCode;
        }

        /// <summary>The type of the failure this stands in for, such as NotionPS.Operations.CheckpointException.</summary>
        public string OriginalType => Shown(originalType);

        public override string? NotionCode => ShownIfAny(notionCode);
    }
}
