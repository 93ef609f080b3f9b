using NotionPS.Client;
using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>Why an upsert could not decide between adding and updating a row.</summary>
    internal enum MatchOnProblem
    {
        /// <summary>The input has no value in the column rows are matched on.</summary>
        ValueMissing,

        /// <summary>More than one row holds the input's value in that column.</summary>
        Ambiguous,

        /// <summary>Notion cannot find rows by a value of the column's type (files), so no input can be matched on it.</summary>
        ColumnUnsupported,
    }

    /// <summary>An upsert could not tell which row the input is: its message states the facts, the cmdlet says what to do.</summary>
    internal sealed class MatchOnException : NotionException
    {
        private readonly string column;

        private readonly string? key;

        private MatchOnException(MatchOnProblem problem, string column, string? key, string errorId, string message)
            : base(errorId, message)
        {
            Problem = problem;
            this.column = column;
            this.key = key;
        }

        public MatchOnProblem Problem { get; }

        /// <summary>The column rows are matched on.</summary>
        public string Column => Shown(column);

        /// <summary>The input's value in that column; null when it has none.</summary>
        public string? Key => ShownIfAny(key);

        public static MatchOnException ValueMissing(string column) =>
            new MatchOnException(MatchOnProblem.ValueMissing, column, null, NotionErrorIds.NotionMatchOnValueMissing,
                $"The input has no value in '{column}', the column rows are matched on, so it cannot be matched.");

        public static MatchOnException ColumnUnsupported(string column, string type) =>
            new MatchOnException(MatchOnProblem.ColumnUnsupported, column, null, NotionErrorIds.NotionMatchOnColumnUnsupported,
                $"'{ServerText.Visible(column)}' is a {ServerText.Visible(type)} column, and Notion cannot find rows by what such a column holds, so rows cannot be matched on it.");

        public static MatchOnException Ambiguous(string column, string key) =>
            new MatchOnException(MatchOnProblem.Ambiguous, column, key, NotionErrorIds.NotionMatchOnAmbiguous,
                $"More than one row has '{ServerText.Visible(column)}' = '{ServerText.Visible(key)}', so which one to update is unclear.");
    }
}
