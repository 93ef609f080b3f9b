using System;

namespace NotionPS.Rows
{
    /// <summary>A value that cannot go into a column: names the column, its type and the value.</summary>
    internal sealed class RowValueException : Exception
    {
        public RowValueException(string column, string columnType, object? value, string reason)
            : base($"Column '{column}' ({columnType}) cannot take {Describe(value)}: {reason}")
        {
            Column = column;
            ColumnType = columnType;
            Value = value;
        }

        public string Column { get; }

        public string ColumnType { get; }

        public object? Value { get; }

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

            return text.Length > 80 ? $"'{text.Substring(0, 77)}...'" : $"'{text}'";
        }
    }
}
