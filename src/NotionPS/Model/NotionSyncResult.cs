using System.Collections.Generic;

namespace NotionPS
{
    /// <summary>
    /// One row Sync-NotionDatabaseRow wrote (with -PassThru): what it did, to which key, which columns, and the
    /// row as Notion now has it. Carries PageId, so it pipes on to the row cmdlets.
    /// </summary>
    public sealed class NotionSyncResult
    {
        public NotionSyncResult(string action, string key, string pageId, IReadOnlyList<string> columns, object? row)
        {
            Action = action;
            Key = key;
            PageId = pageId;
            Columns = columns;
            Row = row;
        }

        /// <summary>Added, Updated or Trashed.</summary>
        public string Action { get; }

        /// <summary>The row's value in the key column.</summary>
        public string Key { get; }

        public string PageId { get; }

        /// <summary>The columns written (none for a trashed row).</summary>
        public IReadOnlyList<string> Columns { get; }

        /// <summary>The row as Notion answered the write (a NotionPS.Row).</summary>
        public object? Row { get; }

        public override string ToString() => $"{Action} {Key}";
    }
}
