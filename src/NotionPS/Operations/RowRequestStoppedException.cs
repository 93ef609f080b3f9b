using System;
using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>
    /// A row's create or change request that a stop (Ctrl+C, a Stop preference) cancelled after it was sent and before
    /// Notion answered: Notion may have done it, so the row may exist, or may hold the change. A request cancelled before it
    /// was sent (waiting for the rate limit, or for the row's files) is a plain cancellation: nothing of it was written.
    /// </summary>
    internal sealed class RowRequestStoppedException : NotionException
    {
        private RowRequestStoppedException(bool wasCreate, string message, OperationCanceledException stop)
            : base(NotionErrorIds.NotionRowStoppedInFlight, message, stop)
        {
            WasCreate = wasCreate;
        }

        /// <summary>The request would have added the row (else it changed one).</summary>
        public bool WasCreate { get; }

        public static RowRequestStoppedException Create(OperationCanceledException stop) =>
            new RowRequestStoppedException(true, "The command stopped after the row's create request was sent and before Notion answered, so the row may exist.", stop);

        public static RowRequestStoppedException Update(OperationCanceledException stop) =>
            new RowRequestStoppedException(false, "The command stopped after the row's change was sent and before Notion answered, so the row may hold the change.", stop);
    }
}
