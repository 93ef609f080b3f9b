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
    }
}
