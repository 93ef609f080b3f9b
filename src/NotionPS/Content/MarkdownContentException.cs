using System;

namespace NotionPS.Content
{
    /// <summary>
    /// Markdown (or a block tree) that cannot become Notion blocks as written. <see cref="ErrorId"/> is the
    /// FullyQualifiedErrorId the cmdlets report; the message names the line and says what to change.
    /// </summary>
    internal sealed class MarkdownContentException : Exception
    {
        public const string TooDeep = "MarkdownNestingTooDeep";
        public const string TextTooLong = "MarkdownTextTooLong";
        public const string UrlTooLong = "MarkdownUrlTooLong";
        public const string Unclosed = "MarkdownBlockNotClosed";
        public const string Placeholder = "MarkdownBlockPlaceholder";
        public const string BadAttribute = "MarkdownInvalidAttribute";
        public const string BlockTooLarge = "MarkdownBlockTooLarge";
        public const string InvalidUrl = "MarkdownInvalidUrl";

        public MarkdownContentException(string errorId, int line, string message)
            : base($"Markdown line {line}: {message}")
        {
            ErrorId = errorId;
            Line = line;
        }

        public string ErrorId { get; }

        /// <summary>The 1-based line of the Markdown text the problem is on.</summary>
        public int Line { get; }
    }
}
