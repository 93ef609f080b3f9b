using System;
using NotionPS.Errors;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// A row's file could not be uploaded, checked or copied, so the row's own request (its create or update) was never
    /// sent and nothing of the row was written: unlike a create that failed without an answer, it cannot have left a row
    /// behind. The id (and so the category) is its cause's, so a file too large is still NotionFileTooLarge.
    /// </summary>
    internal sealed class RowFilesException : NotionException
    {
        /// <param name="message">Which file of which column failed, and at what step.</param>
        /// <param name="cause">The step's failure; its message follows <paramref name="message"/>.</param>
        public RowFilesException(string message, Exception cause)
            : base(cause is NotionException known ? known.ErrorId : NotionErrorIds.NotionFileUploadFailed, message + " " + cause.Message, cause)
        {
        }

        /// <summary>The step's failure, when it is one of NotionPS's (whose remedy is what to do about the file).</summary>
        public NotionException? Cause => InnerException as NotionException;
    }
}
