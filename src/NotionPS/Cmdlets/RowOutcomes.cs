using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using NotionPS.Operations;
using NotionPS.Rows;

namespace NotionPS.Cmdlets
{
    /// <summary>One input row whose request is in flight: how messages name it, and the input for the error's target.</summary>
    internal sealed class PendingRow
    {
        public PendingRow(string label, object? input, bool mayCreate)
        {
            Label = label;
            Input = input;
            MayCreate = mayCreate;
        }

        public string Label { get; }

        public object? Input { get; }

        /// <summary>The work may add a row, not only change one: a row that was not sent is told how to be added again.</summary>
        public bool MayCreate { get; }
    }

    /// <summary>Writes what the row cmdlets' per-row work produced: the row, or an error for that row only.</summary>
    internal static class RowOutcomes
    {
        /// <param name="task">A finished <see cref="Task{PageRow}"/>; a null row means nothing to write.</param>
        /// <param name="display">Makes the row's output object; null when the row is not written (Set without -PassThru).</param>
        /// <param name="facts">The connection's facts, so a row's error says what to do for its kind of token.</param>
        public static void Complete(NotionConnectedCmdlet cmdlet, PendingRow item, Task task, RowDisplay? display, RemedyFacts facts)
        {
            if (task.IsCanceled)
            {
                throw new PipelineStoppedException();
            }

            if (task.IsFaulted)
            {
                var failure = task.Exception!.GetBaseException();
                if (failure is OperationCanceledException)
                {
                    throw new PipelineStoppedException();
                }

                cmdlet.WriteError(NotionErrorRecords.ForRow(failure, item.Label, item.Input, item.MayCreate, facts));
                return;
            }

            var row = ((Task<PageRow?>)task).Result;
            if (row != null && display != null)
            {
                cmdlet.WriteObject(display.ToOutput(row));
            }
        }

        public static Task<PageRow?> Failed(Exception exception) => Task.FromException<PageRow?>(exception);

        /// <summary>
        /// What a stopped command must still say of rows whose outcome the pipeline no longer took: those whose request was
        /// sent and not answered may have been written (see <see cref="RowRequestStoppedException"/> and
        /// <see cref="RowMayExistException"/>); null when there are none. A row that failed on its own otherwise was not written.
        /// </summary>
        public static string? Unsettled(IReadOnlyList<(Task Work, PendingRow Item)> notTaken)
        {
            var rows = notTaken.Select(entry => (entry.Item.Label, Kind: KindOf(entry.Work.Exception?.GetBaseException())))
                .Where(entry => entry.Kind != null)
                .Select(entry => (entry.Label, Kind: entry.Kind!.Value))
                .ToList();
            if (rows.Count == 0)
            {
                return null;
            }

            return "The command stopped with rows whose request had been sent and not answered: "
                + string.Join("; ", rows.Select(row => row.Label + " " + MayBe(row.Kind)))
                + ". " + string.Join(" ", rows.Select(row => row.Kind).Distinct().OrderBy(kind => kind).Select(RowRemedies.MayBeDone));
        }

        /// <summary>What the row's unanswered request would have done; null for a row whose failure says nothing was written.</summary>
        private static RowRequestKind? KindOf(Exception? failure) => failure switch
        {
            RowRequestStoppedException stopped => stopped.Kind,
            RowMayExistException _ => RowRequestKind.Create,
            _ => null,
        };

        private static string MayBe(RowRequestKind kind) => kind switch
        {
            RowRequestKind.Create => "may exist",
            RowRequestKind.Change => "may hold its change",
            _ => "may be in the trash",
        };
    }
}
