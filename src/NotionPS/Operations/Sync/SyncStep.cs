using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using NotionPS.Client;

namespace NotionPS.Operations
{
    /// <summary>What a sync does with one row.</summary>
    internal enum SyncAction
    {
        /// <summary>No row has the input's key: it is added.</summary>
        Add,

        /// <summary>The row with the input's key differs: only the columns that differ are written.</summary>
        Update,

        /// <summary>The row with the input's key holds the input's values already: no request.</summary>
        Unchanged,

        /// <summary>The row's key is in no input (-DeleteMissing): it moves to the trash.</summary>
        Trash,

        /// <summary>The input could not be planned (no key, a value that does not fit): its error says why.</summary>
        Failed,
    }

    /// <summary>A row's key: as compared (the key cell's canonical text, so '3' and 3 are one key) and as shown.</summary>
    internal sealed class SyncKey
    {
        public SyncKey(string compared, string given)
        {
            Compared = compared;
            Given = given;
            Text = given.Trim();
        }

        public string Compared { get; }

        /// <summary>The key as output and -Verbose show it: trimmed, as it is compared.</summary>
        public string Text { get; }

        /// <summary>The key as the input or Notion spells it, spaces included: what a message about one key given twice names.</summary>
        public string Given { get; }

        public override string ToString() => Text;
    }

    /// <summary>One column a sync changes, as the plan shows it.</summary>
    internal sealed class CellChange
    {
        public CellChange(string column, string oldText, string newText)
        {
            Column = column;
            OldText = oldText;
            NewText = newText;
        }

        public string Column { get; }

        public string OldText { get; }

        public string NewText { get; }
    }

    /// <summary>One planned step: an input's add, update, no-op or failure, or a row's trashing.</summary>
    internal sealed class SyncStep
    {
        private SyncStep(SyncAction action, IReadOnlyList<SyncKey> keys, string label, string? pageId, JsonObject? properties, IReadOnlyList<CellChange> changes, Exception? error)
        {
            Action = action;
            Keys = keys;
            Label = label;
            PageId = pageId;
            Properties = properties;
            Changes = changes;
            Error = error;
        }

        public SyncAction Action { get; }

        /// <summary>The row's key; null for an input without one.</summary>
        public SyncKey? Key => Keys.Count == 0 ? null : Keys[0];

        /// <summary>Every key the input gives (<see cref="Key"/> first): a failed input that gives two keeps both rows from the trash.</summary>
        public IReadOnlyList<SyncKey> Keys { get; }

        /// <summary>How messages name the row (its input position and key).</summary>
        public string Label { get; }

        /// <summary>The row changed or trashed; null for an add or a failure.</summary>
        public string? PageId { get; }

        /// <summary>What an add or update sends: every mapped column of an add, only the changed columns of an update.</summary>
        public JsonObject? Properties { get; }

        /// <summary>The columns an update changes (an add's columns with an empty old value).</summary>
        public IReadOnlyList<CellChange> Changes { get; }

        public Exception? Error { get; }

        public static SyncStep Add(SyncKey key, string label, JsonObject properties, IReadOnlyList<CellChange> changes) =>
            new SyncStep(SyncAction.Add, new[] { key }, label, null, properties, changes, null);

        public static SyncStep Update(SyncKey key, string label, string pageId, JsonObject changedProperties, IReadOnlyList<CellChange> changes) =>
            new SyncStep(SyncAction.Update, new[] { key }, label, pageId, changedProperties, changes, null);

        public static SyncStep Unchanged(SyncKey key, string label, string pageId) =>
            new SyncStep(SyncAction.Unchanged, new[] { key }, label, pageId, null, Array.Empty<CellChange>(), null);

        public static SyncStep Trash(SyncKey key, string pageId) =>
            new SyncStep(SyncAction.Trash, new[] { key }, RowLabel(pageId, key), pageId, null, Array.Empty<CellChange>(), null);

        /// <summary>How messages name a row of the data source: its page ID and its key.</summary>
        public static string RowLabel(string pageId, SyncKey key) => $"Row {pageId} (key \"{ServerText.VisibleShort(key.Given)}\")";

        /// <param name="keys">The keys the input gives, if any: rows with those keys are then not trashed.</param>
        public static SyncStep Failed(IReadOnlyList<SyncKey> keys, string label, Exception error) =>
            new SyncStep(SyncAction.Failed, keys, label, null, null, Array.Empty<CellChange>(), error);
    }
}
