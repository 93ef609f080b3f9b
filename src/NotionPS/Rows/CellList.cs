using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace NotionPS
{
    /// <summary>
    /// The items of a multi-valued cell: a list (ConvertTo-Json writes an array, -contains and foreach see
    /// the items) whose ToString is the cell's text form (what Export-Csv writes; about_NotionPS, "Rows in CSV
    /// files"), so Import-Csv | Add-NotionDatabaseRow reads the same items back.
    /// </summary>
    public abstract class CellList<T> : Collection<T>
    {
        protected CellList(IEnumerable<T> items)
            : base(new List<T>(items))
        {
        }

        /// <summary>The number of items, as an array has it: without it PowerShell would give each item's Length.</summary>
        public int Length => Count;
    }
}
