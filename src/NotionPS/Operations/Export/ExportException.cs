using System;
using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>A database export or import that cannot go on: a file that cannot be written or read, or columns the target lacks.</summary>
    internal sealed class ExportException : NotionException
    {
        public ExportException(string errorId, string message, Exception? inner = null)
            : base(errorId, message, inner)
        {
        }
    }
}
