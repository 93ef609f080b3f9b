using System.Collections.Generic;
using System.Collections.ObjectModel;
using NotionPS.Rows;

namespace NotionPS
{
    /// <summary>
    /// The items of a multi-select, relation or files cell: a list of strings (ConvertTo-Json writes an
    /// array) whose text (Export-Csv, "$cell") is the items joined by "; ", escaped as about_NotionPS says,
    /// so Import-Csv | Add-NotionDatabaseRow reads the same items back.
    /// </summary>
    public sealed class MultiValue : Collection<string>
    {
        public MultiValue()
        {
        }

        public MultiValue(IEnumerable<string> items)
            : base(new List<string>(items))
        {
        }

        public override string ToString() => CellText.Join(this);
    }
}
