using System;
using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>What a row's request would have done.</summary>
    internal enum RowRequestKind
    {
        Create,
        Change,
        Trash,
    }

    /// <summary>
    /// A row's create, change or trash request that a stop (Ctrl+C, a Stop preference) cancelled after it was sent and before
    /// Notion answered: Notion may have done it, so the row may exist, hold the change, or be in the trash. A request cancelled
    /// before it was sent (waiting for the rate limit, for a retry after an answer that said nothing was done, or for the
    /// row's files) is a plain cancellation: nothing of it was done.
    /// </summary>
    internal sealed class RowRequestStoppedException : NotionException
    {
        private RowRequestStoppedException(RowRequestKind kind, string message, OperationCanceledException stop)
            : base(NotionErrorIds.NotionRowStoppedInFlight, message, stop)
        {
            Kind = kind;
        }

        /// <summary>What the request would have done.</summary>
        public RowRequestKind Kind { get; }

        public static RowRequestStoppedException Create(OperationCanceledException stop) =>
            new RowRequestStoppedException(RowRequestKind.Create, "The command stopped after the row's create request was sent and before Notion answered, so the row may exist.", stop);

        public static RowRequestStoppedException Update(OperationCanceledException stop) =>
            new RowRequestStoppedException(RowRequestKind.Change, "The command stopped after the row's change was sent and before Notion answered, so the row may hold the change.", stop);

        public static RowRequestStoppedException Trash(OperationCanceledException stop) =>
            new RowRequestStoppedException(RowRequestKind.Trash, "The command stopped after the row's trash request was sent and before Notion answered, so the row may be in the trash.", stop);
    }
}
