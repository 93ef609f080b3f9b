using System;

namespace NotionPS.Errors
{
    /// <summary>
    /// A NotionPS failure whose InnerException quoted the token: .NET gives an exception's InnerException no setter, so this
    /// stands in for it with the inner exception redacted, and with its id (so its category), message, Notion code, stack
    /// trace and the name of its type. The facts of its own type (a path, a column) are not carried.
    /// </summary>
    internal sealed class RedactedNotionException : NotionException
    {
        private readonly string originalType;

        private readonly string? notionCode;

        private readonly string? stackTrace;

        /// <param name="original">Redacted in place already, so its message and facts carry no token.</param>
        public RedactedNotionException(NotionException original, Exception redactedInner)
            : base(original.ErrorId, original.Message, redactedInner)
        {
            originalType = original.GetType().FullName;
            notionCode = original.NotionCode;
            stackTrace = original.StackTrace;
            HResult = original.HResult;
        }

        /// <summary>The type of the failure this stands in for, such as NotionPS.Operations.CheckpointException.</summary>
        public string OriginalType => Shown(originalType);

        public override string? NotionCode => ShownIfAny(notionCode);

        /// <summary>Where the original was thrown: this one never was.</summary>
        public override string? StackTrace => ShownIfAny(stackTrace);
    }
}
