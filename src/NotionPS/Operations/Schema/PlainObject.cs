using System;
using System.Collections.Generic;
using System.Linq;

namespace NotionPS.Operations.Schema
{
    /// <summary>
    /// An object or hashtable as the schema readers take it, free of PowerShell: its properties in order, found by
    /// name ignoring case. Values are null, strings, other scalars, nested PlainObjects or lists of these.
    /// </summary>
    internal sealed class PlainObject
    {
        public PlainObject(IEnumerable<KeyValuePair<string, object?>> properties)
        {
            Properties = properties.ToList();
        }

        public IReadOnlyList<KeyValuePair<string, object?>> Properties { get; }

        public bool Has(string name) => Properties.Any(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));

        /// <summary>The first of <paramref name="names"/> that is present and not null.</summary>
        public object? Get(params string[] names)
        {
            foreach (var name in names)
            {
                foreach (var property in Properties)
                {
                    if (property.Value != null && string.Equals(property.Key, name, StringComparison.OrdinalIgnoreCase))
                    {
                        return property.Value;
                    }
                }
            }

            return null;
        }

        public string? Text(params string[] names)
        {
            var value = Get(names);
            return value == null ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        public PlainObject? Object(string name) => Get(name) as PlainObject;

        /// <summary>A list; a single value is a list of one.</summary>
        public IReadOnlyList<object?>? List(params string[] names) =>
            Get(names) switch
            {
                null => null,
                IReadOnlyList<object?> list => list,
                var single => new[] { single },
            };
    }
}
