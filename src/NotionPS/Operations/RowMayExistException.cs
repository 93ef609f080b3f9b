using NotionPS.Client;
using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>
    /// A row's create request that failed without a clear answer (no answer, or a 5xx): it may have reached Notion, so
    /// the row may exist, and it was not repeated (a 529, Notion too busy to take it, is no such failure). Only the create itself can fail so; a failure before it (the row's
    /// files, a -MatchOn query) or after it (reading the row back) is its own failure. Its id and message are the answer's.
    /// </summary>
    internal sealed class RowMayExistException : NotionException
    {
        public RowMayExistException(NotionApiException answer)
            : base(answer.ErrorId, answer.Message, answer)
        {
        }

        /// <summary>The create's failure as the client reported it.</summary>
        public NotionApiException Answer => (NotionApiException)InnerException!;

        /// <summary>
        /// Whether a create that failed so may have reached Notion: no answer came, or a server error did, but not a 529, which
        /// says Notion was too busy to take it (as the retry policy reads it, repeating a create after one).
        /// </summary>
        public static bool MayHaveReachedNotion(NotionApiException failure) => (failure.Status == 0 || failure.Status >= 500) && !failure.ShowsNothingWasDone;
    }
}
