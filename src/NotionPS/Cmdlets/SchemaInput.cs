using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using NotionPS.Operations.Schema;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// A schema or column definition as PowerShell hands it over (a live object, a hashtable, a PSCustomObject from
    /// ConvertFrom-Json, a deserialized object from Import-Clixml) turned into plain values for the schema readers.
    /// </summary>
    internal static class SchemaInput
    {
        /// <summary>Deeper than any schema goes: a cycle, or not a schema.</summary>
        private const int MaximumDepth = 12;

        /// <exception cref="SchemaException">The value is not an object, or is nested too deep.</exception>
        public static PlainObject Object(object? value, string what) =>
            Plain(value, 0) as PlainObject
                ?? throw SchemaException.Invalid($"{what} is '{value}', not an object. Give the object Get-NotionDatabaseSchema outputs, or a hashtable.");

        private static object? Plain(object? value, int depth)
        {
            if (depth > MaximumDepth)
            {
                throw SchemaException.Invalid($"The schema is nested more than {MaximumDepth} levels deep; a schema is an object with Columns, each with Options.");
            }

            var wrapper = value as PSObject;
            switch (wrapper?.BaseObject ?? value)
            {
                case null:
                    return null;
                case string text:
                    return text;
                case Enum enumValue:
                    return enumValue.ToString();
                case IConvertible scalar:
                    return scalar;
                case IDictionary dictionary:
                    return new PlainObject(dictionary.Keys.Cast<object>().Select(key =>
                        new KeyValuePair<string, object?>(Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, Plain(dictionary[key], depth + 1))));
                case IEnumerable list:
                    return list.Cast<object?>().Select(item => Plain(item, depth + 1)).ToList();
                default:
                    return new PlainObject((wrapper ?? PSObject.AsPSObject(value)).Properties
                        .Where(property => property.IsGettable && (property.MemberType & (PSMemberTypes.Property | PSMemberTypes.NoteProperty)) != 0)
                        .Select(property => new KeyValuePair<string, object?>(property.Name, Plain(property.Value, depth + 1))));
            }
        }
    }
}
