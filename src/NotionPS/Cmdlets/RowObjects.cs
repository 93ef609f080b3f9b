using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.Json;
using NotionPS.Rows;

namespace NotionPS.Cmdlets
{
    /// <summary>Rows between plain values and PowerShell objects, both ways.</summary>
    internal static class RowObjects
    {
        public const string RowTypeName = "NotionPS.Row";

        /// <summary>
        /// A row as a PSCustomObject of type <paramref name="typeName"/> (then NotionPS.Row): the page's own
        /// properties, then one property per column. With <paramref name="displayedColumns"/> it carries its
        /// own default display set (see <see cref="RowDisplay"/>, which otherwise registers it once per type).
        /// </summary>
        public static PSObject ToPSObject(PageRow row, string typeName, IReadOnlyList<string>? displayedColumns)
        {
            var output = new PSObject();
            output.TypeNames.Insert(0, RowTypeName);
            output.TypeNames.Insert(0, typeName);
            output.Properties.Add(new PSNoteProperty("PageId", row.PageId));
            output.Properties.Add(new PSNoteProperty("DatabaseId", row.DatabaseId));
            output.Properties.Add(new PSNoteProperty("DataSourceId", row.DataSourceId));
            output.Properties.Add(new PSNoteProperty("Url", row.Url));
            output.Properties.Add(new PSNoteProperty("CreatedTime", row.CreatedTime));
            output.Properties.Add(new PSNoteProperty("LastEditedTime", row.LastEditedTime));
            foreach (var column in row.Columns)
            {
                output.Properties.Add(new PSNoteProperty(column.Key, column.Value is DateTime date ? IsoDate(date) : column.Value));
            }

            if (displayedColumns != null)
            {
                output.Members.Add(new PSMemberSet("PSStandardMembers", new PSMemberInfo[] { new PSPropertySet("DefaultDisplayPropertySet", displayedColumns) }));
            }

            return output;
        }

        /// <summary>
        /// A date cell: the DateTime itself to PowerShell (-is [datetime], its methods, ConvertTo-Json), but
        /// written as text (Export-Csv, the table at the prompt) in ISO 8601 as Notion gives it, so a date
        /// without a time stays one and a UTC time keeps its Z, whatever the culture.
        /// </summary>
        internal static PSObject IsoDate(DateTime date)
        {
            var cell = new PSObject(date);
            cell.Members.Add(new PSCodeMethod("ToString", IsoDateText));
            return cell;
        }

        /// <summary>The ToString of <see cref="IsoDate"/>: a code method takes the PSObject it is called on.</summary>
        public static string IsoDateToString(PSObject instance) => PlainValues.FormatDate((DateTime)instance.BaseObject);

        private static readonly MethodInfo IsoDateText = typeof(RowObjects).GetMethod(nameof(IsoDateToString))!;

        /// <summary>Whether an input is a row NotionPS read (its plain PageId, Url... are its own, never columns).</summary>
        public static bool IsRow(PSObject input) => input.TypeNames.Contains(RowTypeName);

        /// <summary>
        /// An input's property names and plain values: a hashtable's entries, or an object's properties
        /// (Import-Csv rows, PSCustomObjects, rows read by NotionPS). Read on the pipeline thread.
        /// </summary>
        public static IReadOnlyList<KeyValuePair<string, object?>> Members(PSObject input)
        {
            if (input.BaseObject is IDictionary dictionary)
            {
                return dictionary.Cast<DictionaryEntry>()
                    .Select(entry => new KeyValuePair<string, object?>(PlainValues.ToInvariantString(Plain(entry.Key)), Plain(entry.Value)))
                    .ToList();
            }

            return input.Properties
                .Where(property => property.IsGettable)
                .Select(property => new KeyValuePair<string, object?>(property.Name, Plain(property.Value)))
                .ToList();
        }

        /// <summary>
        /// A value without PowerShell's wrappers: PSObjects unwrapped, PSCustomObjects (a person, a
        /// date range) as ordered dictionaries, arrays element by element.
        /// </summary>
        public static object? Plain(object? value)
        {
            if (value is PSObject wrapped)
            {
                if (wrapped.BaseObject is PSCustomObject)
                {
                    var members = new OrderedDictionary(System.StringComparer.OrdinalIgnoreCase);
                    foreach (var property in wrapped.Properties.Where(p => p.IsGettable))
                    {
                        members[property.Name] = Plain(property.Value);
                    }

                    return members;
                }

                value = wrapped.BaseObject;
            }

            switch (value)
            {
                case string _:
                    return value;
                case IDictionary dictionary:
                    return PlainDictionary(dictionary);
                case IEnumerable sequence:
                    return sequence.Cast<object?>().Select(Plain).ToArray();
                default:
                    return value;
            }
        }

        private static OrderedDictionary PlainDictionary(IDictionary dictionary)
        {
            var plain = new OrderedDictionary(System.StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in dictionary)
            {
                plain[PlainValues.ToInvariantString(Plain(entry.Key))] = Plain(entry.Value);
            }

            return plain;
        }

        /// <summary>JSON as PowerShell objects, as Invoke-RestMethod gives it: objects as PSCustomObjects, arrays as object[].</summary>
        public static object? FromJson(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var output = new PSObject();
                    foreach (var property in element.EnumerateObject())
                    {
                        output.Properties.Add(new PSNoteProperty(property.Name, FromJson(property.Value)));
                    }

                    return output;
                case JsonValueKind.Array:
                    return element.EnumerateArray().Select(FromJson).ToArray();
                case JsonValueKind.Number:
                    return element.TryGetInt64(out var whole) ? (object)whole : element.GetDouble();
                default:
                    return PlainValues.FromJson(element);
            }
        }
    }
}
