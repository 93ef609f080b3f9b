using System;
using System.Globalization;
using System.Management.Automation;
using System.Text;
using NotionPS.Cmdlets;

namespace NotionPS
{
    /// <summary>
    /// A data source's row as the row cmdlets write it. Each data source's rows are of a type made for them when
    /// first read (NotionPS.Row#&lt;data source ID&gt;, derived from this one) with one property per row property
    /// (PageId, DatabaseId, DataSourceId, Url, CreatedTime, LastEditedTime) and column, so what a row is made of is
    /// its type's, shared by all its rows, where a PSCustomObject carries a copy of each property in every row.
    /// Like a PSCustomObject, a row shows as text as <c>@{Name=...; ...}</c> and <c>$row.PSObject.Copy()</c> is a
    /// copy whose values can change without changing the row's.
    /// </summary>
    public abstract class Row : ICloneable
    {
        private readonly string[] names;
        private object?[] values;

        /// <param name="names">The property names, in order (shared by every row of the type).</param>
        /// <param name="values">The values, by the same index (the row's own).</param>
        protected Row(string[] names, object?[] values)
        {
            this.names = names;
            this.values = values;
        }

        /// <summary>The index of the title column's value, or -1 where the row has none (set once, when the row is read).</summary>
        internal int TitleIndex { get; set; } = -1;

        /// <summary>The row's title as it holds it now, or null where it has none or holds something else than text there.</summary>
        internal string? Title => TitleIndex < 0 ? null : values[TitleIndex] as string;

        /// <summary>What a property of the derived type reads.</summary>
        protected object? GetValue(int index) => values[index];

        /// <summary>
        /// What a property of the derived type writes. PowerShell hands a typed property the value without its wrapper, so
        /// a date (<c>$row.Due = $other.Due</c>, <c>Get-Date</c>) is wrapped again to be written as ISO text as a read date is.
        /// </summary>
        protected void SetValue(int index, object? value) => values[index] = RowObjects.Cell(value);

        /// <summary>A row of the same type with its own copy of the values (what <c>$row.PSObject.Copy()</c> gives).</summary>
        public object Clone()
        {
            var copy = (Row)MemberwiseClone();
            copy.values = (object?[])values.Clone();
            return copy;
        }

        /// <summary>The row as PowerShell shows a PSCustomObject as text: <c>@{PageId=...; Name=...}</c>.</summary>
        public override string ToString()
        {
            var text = new StringBuilder("@{");
            for (var i = 0; i < names.Length; i++)
            {
                text.Append(i == 0 ? string.Empty : "; ").Append(names[i]).Append('=').Append(ValueText(values[i]));
            }

            return text.Append('}').ToString();
        }

        /// <summary>
        /// A value as PowerShell writes one inside a PSCustomObject's text: nothing for an object of properties (so a
        /// row holding itself is no endless text), else its own ToString (a date cell's ISO text, a list's type name),
        /// numbers and times in the invariant culture.
        /// </summary>
        private static string ValueText(object? value) => value switch
        {
            null => string.Empty,
            Row _ => string.Empty,
            PSObject wrapped when wrapped.BaseObject is PSCustomObject || wrapped.BaseObject is Row => string.Empty,
            PSObject wrapped when wrapped.Methods["ToString"] is PSCodeMethod => wrapped.ToString(),
            PSObject wrapped => ValueText(wrapped.BaseObject),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
    }
}
