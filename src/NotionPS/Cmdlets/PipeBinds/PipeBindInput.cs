using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using NotionPS.Ids;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// What the pipe binds read from whatever PowerShell hands them: the object behind a wrapper, a
    /// value as text, and the first of several properties that holds something. Never throws.
    /// </summary>
    internal static class PipeBindInput
    {
        /// <summary>The object as the user gave it: a wrapped string or ID unwrapped, a PSCustomObject or a row kept whole.</summary>
        public static object? Given(object? value) =>
            value is PSObject wrapper && !(wrapper.BaseObject is PSCustomObject || wrapper.BaseObject is Row) ? wrapper.BaseObject : value;

        /// <summary>The ID in a link or ID, or null with the parser's message saying what to pass instead (a database when no subject is given).</summary>
        public static ParsedNotionId? Parse(string? text, out string? rejection, NotionIdSubject? subject = null)
        {
            var result = NotionIdParser.Parse(text, subject);
            rejection = (result as RejectedNotionId)?.Message;
            return result as ParsedNotionId;
        }

        /// <summary>
        /// A value that is its own text: a string, a Uri, or a value type such as a Guid. Anything else is read
        /// by its properties.
        /// </summary>
        public static bool IsText(object? value, out string? text)
        {
            text = value switch
            {
                string s => s,
                Uri uri => uri.OriginalString,
                ValueType scalar => Convert.ToString(scalar, CultureInfo.InvariantCulture),
                _ => null,
            };
            return text != null;
        }

        /// <summary>
        /// The text of the first of <paramref name="names"/> that <paramref name="value"/> holds, not null or
        /// empty: a dictionary's key (in any case) or an object's property.
        /// </summary>
        public static string? FirstProperty(object value, params string[] names)
        {
            foreach (var name in names)
            {
                var text = Text(Property(value, name));
                if (!string.IsNullOrEmpty(text))
                {
                    return text;
                }
            }

            return null;
        }

        /// <summary>A rejected input as text, for ToString.</summary>
        public static string Describe(object? input) =>
            IsText(input, out var text) ? text! : input?.ToString() ?? string.Empty;

        /// <summary>The type a "has no such property" message names: a row's NotionPS.Row#... rather than PSCustomObject.</summary>
        public static string TypeName(object value) => PSObject.AsPSObject(value).TypeNames[0];

        private static object? Property(object value, string name)
        {
            if (Given(value) is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (string.Equals(Text(entry.Key), name, StringComparison.OrdinalIgnoreCase))
                    {
                        return entry.Value;
                    }
                }

                return null;
            }

            try
            {
                return PSObject.AsPSObject(value).Properties[name]?.Value;
            }
            catch (GetValueException)
            {
                // A property whose getter fails holds nothing usable.
                return null;
            }
        }

        private static string? Text(object? value) => IsText(Given(value), out var text) ? text : null;
    }
}
