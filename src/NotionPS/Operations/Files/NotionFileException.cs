using System;
using NotionPS.Errors;

namespace NotionPS.Operations.Files
{
    /// <summary>A file that cannot be sent, attached or saved: the message names the file and says what to do.</summary>
    internal sealed class NotionFileException : NotionException
    {
        public NotionFileException(string errorId, string message, Exception? inner = null)
            : base(errorId, message, inner)
        {
        }

        /// <summary>A file a Markdown line names (its relative path is taken from -LocalFileRoot, not the current location).</summary>
        public NotionFileException(string errorId, string message, int markdownLine, Exception? inner = null)
            : base(errorId, message, inner)
        {
            MarkdownLine = markdownLine;
        }

        /// <summary>The Markdown line that names the file; null for a file given as a parameter or a cell.</summary>
        public int? MarkdownLine { get; }
    }
}
