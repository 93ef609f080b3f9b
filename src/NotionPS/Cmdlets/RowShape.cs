using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Management.Automation;
using NotionPS.Rows;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// What all the rows of one data source share as PowerShell objects, worked out once for all of them: their
    /// type, their column names, and the display set a row carries where the session holds none. A row is an
    /// instance of a type made for the shape (<see cref="RowTypes"/>, a <see cref="Row"/>), whose properties are
    /// the type's and so cost a row nothing but its values; where no such type can be had it is a PSCustomObject
    /// whose properties are added without PowerShell's checks (a reserved name; a member of that name in the type
    /// data, looked up under a lock): no column has a reserved name or one that differs from another's only in
    /// case (<see cref="ColumnNames.OutputNames"/> renames it).
    /// </summary>
    internal sealed class RowShape
    {
        /// <summary>What a row without columns shows.</summary>
        private static readonly string[] NoColumns = { "PageId" };

        /// <summary>
        /// <c>new PSObject(instanceMemberCapacity)</c> where the engine has it (PowerShell 7.1 on; this module builds
        /// against 5.1's API): the row's members are then held in one table of the right size rather than one
        /// regrown four times, which saves about 1.3 KB a row. Else <c>new PSObject()</c>.
        /// </summary>
        private static readonly Func<int, PSObject> NewObject = SizedConstructor() ?? (_ => new PSObject());

        /// <summary>The display set a row carries (copied into each row by PowerShell), or null when the session holds it.</summary>
        private readonly PSMemberSet? displaySet;

        /// <summary>The rows' property names: the page's own (<see cref="ColumnNames.RowProperties"/>), then the columns in <see cref="Columns"/>' order.</summary>
        private readonly string[] names;

        /// <summary>The index of the title among the columns in the page object's order, or -1.</summary>
        private readonly int titleColumn;

        /// <summary>Makes a row of the shape's type from its values, or null when rows are PSCustomObjects.</summary>
        private readonly Func<object?[], Row>? newRow;

        /// <summary>The rows' column names in the page object's order, for <see cref="Fits"/>.</summary>
        private readonly string[] pageOrder;

        /// <summary>Where each shown column is in the page object's order (the title's first, then the others as they come).</summary>
        private readonly int[] shownOrder;

        /// <param name="row">A row of the shape: its column names, in order (see <see cref="PageRow.Columns"/>), and which is the title.</param>
        /// <param name="carriesDisplaySet">Each row carries its display set (the session does not hold the type's).</param>
        /// <param name="rowTypes">Where the rows' type comes from (<see cref="RowTypes.Shared"/> but in tests).</param>
        public RowShape(string typeName, PageRow row, bool carriesDisplaySet, RowTypes? rowTypes = null)
        {
            TypeName = typeName;
            pageOrder = row.Columns.Select(column => column.Key).ToArray();
            titleColumn = row.TitleColumn;
            shownOrder = TitleFirst(pageOrder.Length, titleColumn);
            var shown = shownOrder.Select(index => pageOrder[index]).ToArray();
            Columns = shown.Length > 0 ? shown : NoColumns;
            names = ColumnNames.RowProperties.Concat(shown).ToArray();
            newRow = (rowTypes ?? RowTypes.Shared).For(typeName, names);
            if (carriesDisplaySet)
            {
                displaySet = new PSMemberSet("PSStandardMembers", new PSMemberInfo[] { new PSPropertySet("DefaultDisplayPropertySet", Columns) });
            }
        }

        public string TypeName { get; }

        /// <summary>
        /// The columns the rows show, and their order on a row: the title first, as Notion shows a table (a page object
        /// lists its title anywhere, often last, where a list or table at the prompt would push it out of sight); the page
        /// ID for rows without any.
        /// </summary>
        public IReadOnlyList<string> Columns { get; }

        /// <summary>Whether a row has these columns, in this order (compared in place: this is asked of every row).</summary>
        public bool Fits(PageRow row)
        {
            if (row.Columns.Count != pageOrder.Length || row.TitleColumn != titleColumn)
            {
                return false;
            }

            for (var i = 0; i < pageOrder.Length; i++)
            {
                if (!string.Equals(row.Columns[i].Key, pageOrder[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The indexes 0 to <paramref name="count"/> - 1 with <paramref name="title"/> (if any) moved first.</summary>
        private static int[] TitleFirst(int count, int title)
        {
            var order = Enumerable.Range(0, count).ToArray();
            if (title > 0)
            {
                Array.Copy(order, 0, order, 1, title);
                order[0] = title;
            }

            return order;
        }

        /// <summary>
        /// A row (that <see cref="Fits"/>) as an output object of type <see cref="TypeName"/>, then NotionPS.Row: the
        /// page's own properties, then one property per column. A PSObject only where it must carry its display set
        /// or no row type could be made.
        /// </summary>
        public object ToOutput(PageRow row)
        {
            var values = Values(row);
            if (newRow != null && displaySet == null)
            {
                return NewRow(values);
            }

            var output = newRow != null ? PSObject.AsPSObject(NewRow(values)) : ToPSCustomObject(values);
            if (displaySet != null)
            {
                output.Members.Add(displaySet, true);
            }

            return output;
        }

        /// <summary>A row of the shape's type, which knows where its title is (what -WhatIf names it by, with its ID).</summary>
        private Row NewRow(object?[] values)
        {
            var made = newRow!(values);
            made.TitleIndex = titleColumn < 0 ? -1 : ColumnNames.RowProperties.Count;
            return made;
        }

        /// <summary>A row's values by the index of <see cref="names"/>: the page's own, then its cells.</summary>
        private object?[] Values(PageRow row)
        {
            var own = ColumnNames.RowProperties.Count;
            var values = new object?[own + row.Columns.Count];
            values[0] = row.PageId;
            values[1] = row.DatabaseId;
            values[2] = row.DataSourceId;
            values[3] = row.Url;
            values[4] = row.CreatedTime;
            values[5] = row.LastEditedTime;
            for (var i = 0; i < shownOrder.Length; i++)
            {
                values[own + i] = RowObjects.Cell(row.Columns[shownOrder[i]].Value);
            }

            return values;
        }

        private PSObject ToPSCustomObject(object?[] values)
        {
            var output = NewObject(values.Length + (displaySet == null ? 0 : 1));
            output.TypeNames.Insert(0, RowObjects.RowTypeName);
            output.TypeNames.Insert(0, TypeName);
            for (var i = 0; i < values.Length; i++)
            {
                Add(output, names[i], values[i]);
            }

            return output;
        }

        private static Func<int, PSObject>? SizedConstructor()
        {
            var constructor = typeof(PSObject).GetConstructor(new[] { typeof(int) });
            if (constructor == null)
            {
                return null;
            }

            var capacity = Expression.Parameter(typeof(int), "capacity");
            return Expression.Lambda<Func<int, PSObject>>(Expression.New(constructor, capacity), capacity).Compile();
        }

        /// <summary>
        /// Adds a property without PowerShell's checks. None is needed: a column named like a row's own property or like
        /// a member PowerShell reserves, or like another column but for case, is renamed (<see cref="ColumnNames.OutputNames"/>).
        /// </summary>
        private static void Add(PSObject output, string name, object? value) =>
            output.Properties.Add(new PSNoteProperty(name, value), true);
    }
}
