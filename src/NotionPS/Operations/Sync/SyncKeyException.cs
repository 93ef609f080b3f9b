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

        /// <summary>How many rows of one duplicate key a message names before it only counts the rest.</summary>
        private const int NamedRows = 5;

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

        /// <param name="duplicates">Each key more than one input gives, with those inputs.</param>
        public static SyncKeyException DuplicateInInput(string column, IReadOnlyList<Duplicate> duplicates) =>
            new SyncKeyException(NotionErrorIds.NotionSyncDuplicateInputKey, column, duplicates.Select(duplicate => duplicate.Key).ToList(),
                $"The input has more than one row with the same '{column}': {Named(duplicates)}. Nothing was written.");

        /// <param name="duplicates">Each key more than one row holds, with those rows.</param>
        public static SyncKeyException DuplicateInNotion(string column, string dataSource, IReadOnlyList<Duplicate> duplicates) =>
            new SyncKeyException(NotionErrorIds.NotionSyncDuplicateNotionKey, column, duplicates.Select(duplicate => duplicate.Key).ToList(),
                $"\"{dataSource}\" has more than one row with the same '{column}': {Named(duplicates)}. Nothing was written.");

        /// <summary>"Row 1 (key "7") and Row 2 (key "7.0"); ...": each key's rows, as each spells it.</summary>
        private static string Named(IReadOnlyList<Duplicate> duplicates) =>
            string.Join("; ", duplicates.Take(NamedKeys).Select(duplicate => Listed(duplicate.Rows, NamedRows)))
            + (duplicates.Count > NamedKeys ? $"; and {duplicates.Count - NamedKeys} more keys" : string.Empty);

        private static string Listed(IReadOnlyList<string> rows, int named) =>
            rows.Count <= named ? string.Join(", ", rows.Take(rows.Count - 1)) + " and " + rows[rows.Count - 1]
                : string.Join(", ", rows.Take(named)) + $" and {rows.Count - named} more rows";

        /// <summary>A key more than one row has: as the first of them spells it, and each of them as a message names it.</summary>
        public sealed class Duplicate
        {
            public Duplicate(string key, IReadOnlyList<string> rows)
            {
                Key = key;
                Rows = rows;
            }

            public string Key { get; }

            public IReadOnlyList<string> Rows { get; }
        }
    }
}
