using System;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Ids;

namespace NotionPS.Rows
{
    /// <summary>Why a value cannot go into, or be compared with, a column.</summary>
    internal enum RowValueProblem
    {
        /// <summary>The value does not fit the column; the message says why and what fits.</summary>
        BadValue,

        /// <summary>The short form (column = value) cannot compare this column: Notion computes it.</summary>
        ShortFormCannotCompare,
    }

    /// <summary>A value that cannot go into a column: names the column, its type and the value.</summary>
    internal sealed class RowValueException : NotionException
    {
        private readonly string column;

        public RowValueException(string column, string columnType, object? value, string reason, RowValueProblem problem = RowValueProblem.BadValue)
            : base(NotionErrorIds.NotionRowValueInvalid, $"Column '{ServerText.Visible(column)}' ({ServerText.Visible(columnType)}) cannot take {Describe(value)}: {reason}")
        {
            this.column = column;
            Problem = problem;
        }

        public string Column => Shown(column);

        public RowValueProblem Problem { get; }

        private static string Describe(object? value)
        {
            string text;
            try
            {
                text = PlainValues.Text(value);
            }
            catch (FormatException)
            {
                return "a hashtable or object";
            }

            return $"'{WebUrls.Shown(text)}'";
        }
    }
}
