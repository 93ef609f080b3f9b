using System;
using System.Collections.Generic;
using System.Linq;

namespace NotionPS.Rows
{
    /// <summary>
    /// The one rule for columns named like a row's own properties (PageId, DatabaseId, DataSourceId,
    /// Url, CreatedTime, LastEditedTime; compared case-insensitively, as PowerShell does), or like a member
    /// PowerShell keeps for itself (<see cref="ReservedMemberNames"/>: PSObject, PSBase...):
    /// the row's own property or member keeps the name, and the column is shown as "&lt;name&gt; (column)".
    /// Of columns whose names differ only in case (Name and name), the one whose name sorts first by character
    /// code (ordinal: Name before name) keeps it, and each other is "&lt;name&gt; (column)" too
    /// (<see cref="OutputNames"/>).
    /// Writing maps "&lt;name&gt; (column)" back to the column. A plain "&lt;name&gt;" is taken for the
    /// column only from input that is not a row read by NotionPS and has no "&lt;name&gt; (column)";
    /// otherwise it is the row's own property and never written.
    /// </summary>
    internal static class ColumnNames
    {
        public const string CollisionSuffix = " (column)";

        public static readonly IReadOnlyList<string> RowProperties = new[] { "PageId", "DatabaseId", "DataSourceId", "Url", "CreatedTime", "LastEditedTime" };

        public static bool IsRowProperty(string name) => RowProperties.Contains(name, StringComparer.OrdinalIgnoreCase);

        /// <summary>The name a column has on a row object.</summary>
        public static string OutputName(string column) => IsTaken(column) ? column + CollisionSuffix : column;

        /// <summary>
        /// The names columns have on a row, by index: <see cref="OutputName"/>, except that of names equal ignoring case
        /// only the one first in ordinal order keeps its name (so the choice depends on the names alone, never on the
        /// order an answer lists them in); each other is "&lt;name&gt; (column)", or "&lt;name&gt; (column 2)", 3...
        /// while that is taken too (three spellings of one name, or a column already so named).
        /// </summary>
        public static string[] OutputNames(IReadOnlyList<string> columns)
        {
            var outputs = new string[columns.Count];
            var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var index in Enumerable.Range(0, columns.Count).OrderBy(index => columns[index], StringComparer.Ordinal))
            {
                var output = OutputName(columns[index]);
                for (var copy = 1; !taken.Add(output); copy++)
                {
                    output = columns[index] + (copy == 1 ? CollisionSuffix : $" (column {copy})");
                }

                outputs[index] = output;
            }

            return outputs;
        }

        /// <summary><see cref="OutputNames"/> by column name.</summary>
        public static Dictionary<string, string> OutputNamesByColumn(IReadOnlyList<string> columns)
        {
            var outputs = OutputNames(columns);
            var byColumn = new Dictionary<string, string>(columns.Count, StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                byColumn[columns[i]] = outputs[i];
            }

            return byColumn;
        }

        /// <summary>Whether some two of the names differ only in case (the only case where <see cref="OutputNames"/> renames more than <see cref="OutputName"/>).</summary>
        public static bool HasCaseTwins(IReadOnlyCollection<string> columns) =>
            new HashSet<string>(columns, StringComparer.OrdinalIgnoreCase).Count < columns.Count;

        /// <summary>Whether a row has a property or member of this name already, so a column so named is renamed.</summary>
        private static bool IsTaken(string name) => IsRowProperty(name) || ReservedMemberNames.Contains(name);

        /// <summary>
        /// The column an input property names, or null for a row property that is not written.
        /// <paramref name="inputNames"/> are all the input's property names; <paramref name="isRow"/> says the
        /// input is a row NotionPS read (its plain row-property names are then always its own);
        /// <paramref name="columns"/> are the data source's column names, which say what a renamed case twin is.
        /// </summary>
        public static string? ColumnFor(string inputName, IReadOnlyCollection<string> inputNames, bool isRow, IEnumerable<string> columns)
        {
            if (inputName.EndsWith(")", StringComparison.Ordinal) && inputName.IndexOf(" (column", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                var names = columns.ToList();
                var index = HasCaseTwins(names) ? Array.IndexOf(OutputNames(names), inputName) : -1;
                if (index >= 0)
                {
                    return names[index];
                }
            }

            if (inputName.EndsWith(CollisionSuffix, StringComparison.OrdinalIgnoreCase))
            {
                var baseName = inputName.Substring(0, inputName.Length - CollisionSuffix.Length);
                return IsTaken(baseName) ? baseName : inputName;
            }

            if (!IsRowProperty(inputName))
            {
                return inputName;
            }

            var hasColumnForm = inputNames.Contains(inputName + CollisionSuffix, StringComparer.OrdinalIgnoreCase);
            return isRow || hasColumnForm ? null : inputName;
        }
    }
}
