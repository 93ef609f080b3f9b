using System.Collections.Generic;
using System.Linq;
using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>A key problem that a sync cannot plan around: the facts; the cmdlet says what to do.</summary>
    internal sealed class SyncKeyException : NotionException
    {
        /// <summary>How many duplicate keys a message names before it only counts the rest.</summary>
        private const int NamedKeys = 10;

        private readonly string column;

        private readonly IReadOnlyList<string> keys;

        private SyncKeyException(string errorId, string column, IReadOnlyList<string> keys, string message)
            : base(errorId, message)
        {
            this.column = column;
            this.keys = keys;
        }

        /// <summary>The key column.</summary>
        public string Column => Shown(column);

        /// <summary>The duplicate keys (empty for a missing key).</summary>
        public IReadOnlyList<string> Keys => Shown(keys);

        public static SyncKeyException Missing(string column) =>
            new SyncKeyException(NotionErrorIds.NotionSyncKeyMissing, column, new string[0],
                $"The input has no value in '{column}', the key column, so it matches no row and cannot be added.");

        public static SyncKeyException NoInputKeys(string column) =>
            new SyncKeyException(NotionErrorIds.NotionSyncNoInput, column, new string[0],
                $"No input has a value in '{column}', so deleting the missing rows would trash every row. Nothing was written.");

        public static SyncKeyException DuplicateInInput(string column, IReadOnlyList<string> keys) =>
            new SyncKeyException(NotionErrorIds.NotionSyncDuplicateInputKey, column, keys,
                $"The input has more than one row with the same '{column}': {Named(keys)}. Nothing was written.");

        public static SyncKeyException DuplicateInNotion(string column, string dataSource, IReadOnlyList<string> keys) =>
            new SyncKeyException(NotionErrorIds.NotionSyncDuplicateNotionKey, column, keys,
                $"\"{dataSource}\" has more than one row with the same '{column}': {Named(keys)}. Nothing was written.");

        private static string Named(IReadOnlyList<string> keys) =>
            string.Join(", ", keys.Take(NamedKeys).Select(key => "'" + key + "'")) + (keys.Count > NamedKeys ? $" and {keys.Count - NamedKeys} more" : string.Empty);
    }
}
