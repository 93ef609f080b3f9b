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

        /// <summary>Whether a row has a property or member of this name already, so a column so named is renamed.</summary>
        private static bool IsTaken(string name) => IsRowProperty(name) || ReservedMemberNames.Contains(name);

        /// <summary>
        /// The column an input property names, or null for a row property that is not written.
        /// <paramref name="inputNames"/> are all the input's property names; <paramref name="isRow"/> says the
        /// input is a row NotionPS read (its plain row-property names are then always its own).
        /// </summary>
        public static string? ColumnFor(string inputName, IReadOnlyCollection<string> inputNames, bool isRow)
        {
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
