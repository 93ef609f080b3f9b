using System.Collections.Generic;
using System.Linq;
using NotionPS.Client;
using NotionPS.Errors;

namespace NotionPS.Rows
{
    /// <summary>An input that gives no value for any column that can be written: adding it would make a blank row, changing a row with it would change nothing.</summary>
    internal sealed class NothingToWriteException : NotionException
    {
        public NothingToWriteException(string message)
            : base(NotionErrorIds.NotionRowEmpty, message)
        {
        }

        /// <summary>
        /// A mapped input none of whose properties names a column of <paramref name="dataSource"/> (<paramref name="schema"/>) that can be written, saying
        /// what happens instead (<paramref name="outcome"/>) and which properties were ignored as naming no column.
        /// </summary>
        public static NothingToWriteException NoWritableColumn(string nothingTo, string dataSource, string outcome, RowMapping mapping, IReadOnlyDictionary<string, string> schema)
        {
            var ignored = mapping.IgnoredUnknown.Count > 0
                ? " Ignored as naming no column: " + string.Join(", ", mapping.IgnoredUnknown.Select(name => "'" + ServerText.VisibleShort(name) + "'")) + "."
                : string.Empty;
            return new NothingToWriteException(
                $"Nothing to {nothingTo}: no property of the input names a column of \"{ServerText.Visible(dataSource)}\" that can be written, so {outcome}.{ignored} The columns that can be written are: {ServerText.Visible(string.Join(", ", PropertyWriter.WritableColumns(schema)))}.");
        }
    }
}
