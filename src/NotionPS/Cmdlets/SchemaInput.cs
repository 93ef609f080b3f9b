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
    /// Each member goes through <see cref="RowObjects.Plain(object?, string)"/> like every other user value, so a
    /// value that contains itself or is nested too deep is one error naming where.
    /// </summary>
    internal static class SchemaInput
    {
        /// <exception cref="SchemaException">The value is not an object.</exception>
        /// <exception cref="InputValueException">A member contains itself or is nested too deep.</exception>
        public static PlainObject Object(object? value, string what)
        {
            var unwrapped = value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;
            if (unwrapped == null || unwrapped is string || unwrapped is IConvertible || (unwrapped is IEnumerable && !(unwrapped is IDictionary)))
            {
                throw SchemaException.Invalid($"{what} is '{unwrapped}', not an object. Give the object Get-NotionDatabaseSchema outputs, or a hashtable.");
            }

            return new PlainObject(Members(unwrapped).Select(member => new KeyValuePair<string, object?>(member.Key, Read(RowObjects.Plain(member.Value, member.Key)))));
        }

        private static IEnumerable<KeyValuePair<string, object?>> Members(object value) =>
            value is IDictionary dictionary
                ? dictionary.Cast<DictionaryEntry>().Select(entry => new KeyValuePair<string, object?>(PlainValues.ToInvariantString(entry.Key), entry.Value))
                : PSObject.AsPSObject(value).Properties.Where(property => property.IsGettable).Select(property => new KeyValuePair<string, object?>(property.Name, property.Value));

        /// <summary>
        /// A plain value (already checked for cycles and depth) as the readers take it. The module's own schema types,
        /// which hold no cycles, are read by their properties; any other object stays a value, read as its text.
        /// </summary>
        private static object? Read(object? plain)
        {
            switch (plain)
            {
                case IDictionary dictionary:
                    return new PlainObject(dictionary.Cast<DictionaryEntry>().Select(entry => new KeyValuePair<string, object?>(PlainValues.ToInvariantString(entry.Key), Read(entry.Value))));
                case object[] items:
                    return items.Select(Read).ToList();
                case NotionDatabaseSchema _:
                case NotionSchemaColumn _:
                case NotionSchemaOption _:
                    return Object(plain, plain.GetType().Name);
                default:
                    return plain;
            }
        }
    }
}
