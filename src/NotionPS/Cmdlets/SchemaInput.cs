using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using NotionPS.Operations.Schema;
using NotionPS.Rows;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// A schema or column definitions as PowerShell hands them over (a live object, a hashtable, a PSCustomObject from
    /// ConvertFrom-Json, a deserialized object from Import-Clixml) turned into plain values for the schema readers.
    /// The whole value goes through <see cref="RowObjects.PlainSchema(object?, string)"/> like every other user value, so a
    /// value that contains itself, is nested too deep or is no data is one error naming where.
    /// </summary>
    internal static class SchemaInput
    {
        /// <exception cref="SchemaException">The value is not an object.</exception>
        /// <exception cref="InputValueException">A member contains itself, is nested too deep or is no data.</exception>
        public static PlainObject Object(object? value, string what)
        {
            var unwrapped = value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;
            if (unwrapped == null || unwrapped is string || unwrapped is IConvertible || (unwrapped is IEnumerable && !(unwrapped is IDictionary)))
            {
                throw SchemaException.Invalid($"{what} is '{unwrapped}', not an object. Give the object Get-NotionDatabaseSchema outputs, or a hashtable.");
            }

            // One walk over the whole value, so a cycle through any member (one added with Add-Member included) is found.
            return (PlainObject)Read(RowObjects.PlainSchema(value, what.TrimStart('-')))!;
        }

        /// <summary>A plain value (already checked for cycles, depth and data) as the readers take it.</summary>
        private static object? Read(object? plain)
        {
            switch (plain)
            {
                case IDictionary dictionary:
                    return new PlainObject(dictionary.Cast<DictionaryEntry>().Select(entry => new KeyValuePair<string, object?>(PlainValues.ToInvariantString(entry.Key), Read(entry.Value))));
                case object[] items:
                    return items.Select(Read).ToList();
                default:
                    return plain;
            }
        }
    }
}
