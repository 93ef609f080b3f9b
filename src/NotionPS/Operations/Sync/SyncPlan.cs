using System;
using System.Collections.Generic;
using System.Linq;

namespace NotionPS.Operations
{
    /// <summary>
    /// Every step of a sync, computed before anything is written: the inputs' steps in input order, then (with
    /// deletes) the trashing of the rows whose key no input has. Keys must be unique in the input.
    /// </summary>
    internal sealed class SyncPlan
    {
        private readonly List<SyncStep> steps = new List<SyncStep>();
        private bool finished;

        public SyncPlan(string keyColumn)
        {
            KeyColumn = keyColumn;
        }

        /// <summary>The column rows are matched on.</summary>
        public string KeyColumn { get; }

        public IReadOnlyList<SyncStep> Steps => steps;

        public void Add(SyncStep step)
        {
            if (finished)
            {
                throw new InvalidOperationException("The plan is finished.");
            }

            steps.Add(step);
        }

        /// <summary>Checks the input's keys (a failed input with a key counts: its row is not trashed) and, with <paramref name="deleteMissing"/>, adds the trash steps.</summary>
        /// <exception cref="SyncKeyException">Several inputs have the same key, or there are deletes to plan and no input has a key.</exception>
        public void Finish(SyncPlanner planner, bool deleteMissing)
        {
            // Each key given twice is named with every input that gives it, as each spells it ('7' and '7.0' are one number).
            var duplicates = steps.Where(step => step.Key != null).GroupBy(step => step.Key!.Compared, StringComparer.Ordinal)
                .Where(inputs => inputs.Skip(1).Any())
                .Select(inputs => new SyncKeyException.Duplicate(inputs.First().Key!.Text, inputs.Select(step => step.Label).ToList()))
                .ToList();
            if (duplicates.Count > 0)
            {
                throw SyncKeyException.DuplicateInInput(KeyColumn, duplicates);
            }

            var inputKeys = new HashSet<string>(steps.Where(step => step.Key != null).Select(step => step.Key!.Compared), StringComparer.Ordinal);

            // A failed input's other keys (it gave the key twice) are kept too, but are no duplicates: the input already failed.
            inputKeys.UnionWith(steps.SelectMany(step => step.Keys).Select(key => key.Compared));

            // An empty export (a failed job upstream) would otherwise trash every row.
            if (deleteMissing && inputKeys.Count == 0)
            {
                throw SyncKeyException.NoInputKeys(KeyColumn);
            }

            if (deleteMissing)
            {
                steps.AddRange(planner.Missing(inputKeys));
            }

            finished = true;
        }

        public int Count(SyncAction action) => steps.Count(step => step.Action == action);

        /// <summary>"n add, n update, n unchanged, n trash", and the failed inputs when there are some.</summary>
        public string Summary()
        {
            var summary = $"{Count(SyncAction.Add)} add, {Count(SyncAction.Update)} update, {Count(SyncAction.Unchanged)} unchanged, {Count(SyncAction.Trash)} trash";
            var failed = Count(SyncAction.Failed);
            return failed == 0 ? summary : $"{summary} ({failed} inputs failed)";
        }
    }
}
