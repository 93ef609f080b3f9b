using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Security;
using System.Text.Json;
using NotionPS.Rows;

namespace NotionPS.Cmdlets
{
    /// <summary>Rows between plain values and PowerShell objects, both ways.</summary>
    internal static class RowObjects
    {
        public const string RowTypeName = "NotionPS.Row";

        /// <summary>
        /// A row as an output object of type <paramref name="typeName"/> (then NotionPS.Row): the page's own
        /// properties, then one property per column, carrying its own default display set when
        /// <paramref name="carriesDisplaySet"/>. A read makes its rows through one <see cref="RowShape"/> per data source instead.
        /// </summary>
        public static object ToOutput(PageRow row, string typeName, bool carriesDisplaySet) =>
            new RowShape(typeName, row, carriesDisplaySet).ToOutput(row);

        /// <summary>A value as a row's cell holds it: a date as its ISO-text wrapper (<see cref="IsoDate"/>), anything else as it is.</summary>
        public static object? Cell(object? value) => value is DateTime date ? IsoDate(date) : value;

        /// <summary>
        /// A date cell: the DateTime itself to PowerShell (-is [datetime], its methods, ConvertTo-Json), but
        /// written as text (Export-Csv, the table at the prompt) in ISO 8601 as Notion gives it, so a date
        /// without a time stays one and a UTC time keeps its Z, whatever the culture.
        /// </summary>
        internal static PSObject IsoDate(DateTime date)
        {
            var cell = new PSObject(date);

            // The one method, copied into each cell by PowerShell; "ToString" needs none of its checks.
            cell.Members.Add(IsoDateToStringMethod, true);
            return cell;
        }

        /// <summary>
        /// The ToString of <see cref="IsoDate"/>: a code method takes the PSObject it is called on. Without arguments
        /// it is the ISO text; with them (<c>$row.Due.ToString('yyyy-MM-dd')</c>, a format and a culture) it is
        /// DateTime's own ToString, since a code method hides every overload of the name it takes.
        /// </summary>
        public static string IsoDateToString(PSObject instance, params object?[] formatArguments)
        {
            var date = (DateTime)instance.BaseObject;

            // PowerShell passes ToString($null) as a null params array, not as one null argument.
            formatArguments ??= new object?[] { null };
            return formatArguments.Length switch
            {
                0 => PlainValues.FormatDate(date),
                1 when formatArguments[0] is IFormatProvider provider => date.ToString(provider),
                1 => date.ToString(formatArguments[0]?.ToString()),
                2 => date.ToString(formatArguments[0]?.ToString(), formatArguments[1] as IFormatProvider),
                _ => throw new ArgumentException("DateTime.ToString takes a format, a culture, or a format and a culture.", nameof(formatArguments)),
            };
        }

        private static readonly MethodInfo IsoDateText = typeof(RowObjects).GetMethod(nameof(IsoDateToString))!;

        private static readonly PSCodeMethod IsoDateToStringMethod = new PSCodeMethod("ToString", IsoDateText);

        /// <summary>Whether an input is a row NotionPS read (its plain PageId, Url... are its own, never columns).</summary>
        public static bool IsRow(PSObject input) => input.TypeNames.Contains(RowTypeName);

        /// <summary>Where a piped input's values came from: a row NotionPS read is Notion's own data; anything else the user gave.</summary>
        public static RowSource SourceOf(PSObject input) => IsRow(input) ? RowSource.NotionRow : RowSource.Given;

        /// <summary>
        /// The rows an -InputObject holds: each element of a collection given as an argument, as if it had been piped
        /// (so <c>-InputObject $rows</c> is <c>$rows | ...</c>), else the input itself. A hashtable, a string or an object
        /// is one input, as PowerShell's pipeline takes them. A $null element stays, for <see cref="Members"/> to refuse.
        /// </summary>
        public static IEnumerable<PSObject?> Each(PSObject input) =>
            LanguagePrimitives.GetEnumerable(input.BaseObject) is IEnumerable items
                ? items.Cast<object?>().Select(item => item == null ? null : PSObject.AsPSObject(item))
                : new[] { input };

        /// <summary>
        /// An input's property names and plain values: a hashtable's entries, or an object's properties
        /// (Import-Csv rows, PSCustomObjects, rows read by NotionPS). Read on the pipeline thread.
        /// </summary>
        /// <exception cref="InputValueException">A value contains itself or is nested too deep (see <see cref="Plain"/>).</exception>
        /// <exception cref="NothingToWriteException">The input is $null (an element of a collection given to -InputObject).</exception>
        public static IReadOnlyList<KeyValuePair<string, object?>> Members(PSObject? input) => Members(input, (name, names) => true);

        /// <summary>
        /// <see cref="Members(PSObject?)"/>, reading only the values whose names <paramref name="include"/> takes (given
        /// every name): a bad value elsewhere in the input cannot fail them.
        /// </summary>
        public static IReadOnlyList<KeyValuePair<string, object?>> Members(PSObject? input, Func<string, IReadOnlyCollection<string>, bool> include)
        {
            if (input == null)
            {
                throw new NothingToWriteException("The input is $null, so it names no column. Leave it out of the rows given to -InputObject.");
            }

            var entries = input.BaseObject is IDictionary dictionary
                ? dictionary.Cast<DictionaryEntry>().Select(entry => (Name: PlainValues.ToInvariantString(Plain(entry.Key, "key")), Value: (Func<object?>)(() => entry.Value))).ToList()
                : input.Properties.Where(property => property.IsGettable).Select(property => (Name: property.Name, Value: (Func<object?>)(() => property.Value))).ToList();
            var names = entries.Select(entry => entry.Name).ToList();
            return entries
                .Where(entry => include(entry.Name, names))
                .Select(entry => new KeyValuePair<string, object?>(entry.Name, Walk(entry.Value(), entry.Name, Use.Cells)))
                .ToList();
        }

        /// <summary>
        /// A value without PowerShell's wrappers: PSObjects unwrapped, PSCustomObjects (a person, a date
        /// range) as ordered dictionaries, arrays element by element. Every user value on its way to JSON
        /// comes through here: the result has no cycles, at most <see cref="ValuePath.MaxNesting"/>
        /// levels, so nothing after it can exhaust the stack, and nothing that is no data (<see cref="NotData"/>).
        /// <paramref name="root"/> names the value in errors.
        /// </summary>
        /// <exception cref="InputValueException">The value contains itself (by reference, whatever wraps it), is nested too deep, or holds no data.</exception>
        public static object? Plain(object? value, string root) => Walk(value, root, Use.Send);

        /// <summary>
        /// <see cref="Plain(object?, string)"/> for a schema: the module's own schema objects (a schema, its columns, their
        /// options) are read by their properties in the same walk, so one that refers back to itself is NotionValueCyclic.
        /// </summary>
        public static object? PlainSchema(object? value, string root) => Walk(value, root, Use.Schema);

        /// <summary>
        /// <see cref="Plain(object?, string)"/> for reading a value, not sending it: a value that is no data is kept as it is
        /// (an error's target is read for the token this way, and may well hold the script block that was refused).
        /// </summary>
        public static object? PlainToRead(object? value, string root) => Walk(value, root, Use.Read);

        /// <summary>What a walk is for, which decides the values it takes as they are and the ones it refuses.</summary>
        private enum Use
        {
            /// <summary>Sent as JSON as written (-Body, -Filter, -Sort): only data.</summary>
            Send,

            /// <summary>A row's cells, converted by their column: data, and files (Get-Item) for a files column.</summary>
            Cells,

            /// <summary>A schema: data, and the module's schema objects read by their properties.</summary>
            Schema,

            /// <summary>Read, never sent: anything.</summary>
            Read,
        }

        private static object? Walk(object? value, string root, Use use) => Plain(value, new ValuePath(root), new List<object>(), use);

        /// <param name="containers">The dictionaries, objects and arrays from the root down to here.</param>
        private static object? Plain(object? value, ValuePath path, List<object> containers, Use use)
        {
            path.CountValue();
            if (value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject))
            {
                value = wrapped.BaseObject;
            }

            var isSchemaObject = use == Use.Schema && (value is NotionDatabaseSchema || value is NotionSchemaColumn || value is NotionSchemaOption);
            if (value == null || value is string || !(value is PSObject || value is Row || value is IEnumerable || isSchemaObject))
            {
                return use != Use.Read && NotData(value, use) is { } kind ? throw InputValueException.NotData(path.ToString(), kind) : value;
            }

            var seenAt = containers.FindIndex(container => ReferenceEquals(container, value));
            if (seenAt >= 0)
            {
                throw InputValueException.Cyclic(path.ToString(), path.Prefix(seenAt));
            }

            path.EnterContainer();
            containers.Add(value);
            try
            {
                switch (value)
                {
                    case PSObject custom:
                        return Dictionary(Properties(custom), path, containers, use);
                    case IDictionary dictionary:
                        return Dictionary(dictionary.Cast<DictionaryEntry>().Select(entry => new KeyValuePair<object, object?>(entry.Key, entry.Value)), path, containers, use);
                    case IEnumerable sequence:
                        var items = new List<object?>();
                        foreach (var item in sequence)
                        {
                            path.PushIndex(items.Count);
                            items.Add(Plain(item, path, containers, use));
                            path.Pop();
                        }

                        return items.ToArray();
                    default:
                        // A row read by NotionPS or a schema object, taken by its properties (with any a user added) as the
                        // PSCustomObject it stands for would be.
                        return Dictionary(Properties(PSObject.AsPSObject(value)), path, containers, use);
                }
            }
            finally
            {
                containers.RemoveAt(containers.Count - 1);
            }
        }

        /// <summary>
        /// What a value that is no JSON data is, as "a SecureString", or null for data: code, secrets, types and streams
        /// would be sent as their text or properties, and any other live .NET object (a process, a folder) as its
        /// ToString. Data is text, numbers, dates and other values with a text form of their own (IConvertible,
        /// IFormattable, a Uri), the module's own values (a person, a date range), and for cells a file to upload.
        /// Named by type only: a secret's text is never read.
        /// </summary>
        private static string? NotData(object? value, Use use)
        {
            switch (value)
            {
                case ScriptBlock _:
                case SecureString _:
                case PSCredential _:
                case Delegate _:
                    return "a " + value.GetType().Name;
                case Type _:
                    return "a Type";
                case Stream _:
                    return "a Stream, " + value.GetType().Name;
                case null:
                case IConvertible _:
                case IFormattable _:
                case Uri _:
                case JsonElement _:
                case System.Text.Json.Nodes.JsonValue _:
                case FileSystemInfo _ when use == Use.Cells:
                    return null;
                default:
                    return value.GetType().Assembly == typeof(RowObjects).Assembly ? null : "a live " + value.GetType().FullName + " object";
            }
        }

        private static IEnumerable<KeyValuePair<object, object?>> Properties(PSObject value) =>
            value.Properties.Where(p => p.IsGettable).Select(p => new KeyValuePair<object, object?>(p.Name, p.Value));

        private static OrderedDictionary Dictionary(IEnumerable<KeyValuePair<object, object?>> entries, ValuePath path, List<object> containers, Use use)
        {
            var plain = new OrderedDictionary(System.StringComparer.OrdinalIgnoreCase);
            foreach (var entry in entries)
            {
                var key = PlainValues.ToInvariantString(Plain(entry.Key, path, containers, use));
                if (plain.Contains(key))
                {
                    plain = CaseSensitive(plain);
                }

                path.PushKey(key);
                plain[key] = Plain(entry.Value, path, containers, use);
                path.Pop();
            }

            return plain;
        }

        /// <summary>
        /// The entries so far, keyed case-sensitively from now on: the source holds keys that differ only in case (a
        /// dictionary from Invoke-NotionApi or ConvertFrom-Json -AsHashtable), and JSON keeps them apart, so must this.
        /// </summary>
        private static OrderedDictionary CaseSensitive(OrderedDictionary entries)
        {
            var copy = new OrderedDictionary();
            foreach (DictionaryEntry entry in entries)
            {
                copy.Add(entry.Key, entry.Value);
            }

            return copy;
        }

        /// <summary>
        /// JSON as PowerShell objects, as Invoke-RestMethod gives it: objects as PSCustomObjects, arrays as object[].
        /// An object no PSCustomObject can hold whole (a key PowerShell reserves, such as "psobject", or two keys that
        /// differ only in case) is an ordered dictionary instead, keyed case-sensitively, as ConvertFrom-Json -AsHashtable
        /// gives it: every key and value is kept, and ConvertTo-Json writes it back as it came.
        /// </summary>
        public static object? FromJson(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    return (object?)CustomObject(element) ?? DictionaryFromJson(element);
                case JsonValueKind.Array:
                    var items = new object?[element.GetArrayLength()];
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        items[index++] = FromJson(item);
                    }

                    return items;
                case JsonValueKind.Number:
                    return element.TryGetInt64(out var whole) ? (object)whole : element.GetDouble();
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.True:
                    return BoxedTrue;
                case JsonValueKind.False:
                    return BoxedFalse;
                default:
                    return null;
            }
        }

        private static readonly object BoxedTrue = true;

        private static readonly object BoxedFalse = false;

        /// <summary>A JSON object as a PSCustomObject, or null when one of its keys is reserved or differs from another only in case.</summary>
        private static PSObject? CustomObject(JsonElement element)
        {
            var output = new PSObject();
            var properties = output.Properties;

            // Keys in any case, once one holds a capital or a non-ASCII letter (Notion's own keys never do).
            HashSet<string>? seen = null;
            var index = 0;
            foreach (var property in element.EnumerateObject())
            {
                var name = property.Name;
                if (ReservedMemberNames.Contains(name))
                {
                    return null;
                }

                if (seen == null && !IsFoldedAscii(name))
                {
                    seen = new HashSet<string>(element.EnumerateObject().Take(index).Select(earlier => earlier.Name), StringComparer.OrdinalIgnoreCase);
                }

                if (seen != null && !seen.Add(name))
                {
                    return null;
                }

                // Checked above as PowerShell would, so PowerShell's own (costly) checks are skipped.
                properties.Add(new PSNoteProperty(name, FromJson(property.Value)), preValidated: true);
                index++;
            }

            return output;
        }

        /// <summary>A JSON object as an ordered dictionary whose keys are compared case-sensitively, as in JSON.</summary>
        private static OrderedDictionary DictionaryFromJson(JsonElement element)
        {
            var output = new OrderedDictionary();
            foreach (var property in element.EnumerateObject())
            {
                // A repeated key (not valid JSON, yet parsed) keeps its last value, as with a PSCustomObject.
                output[property.Name] = FromJson(property.Value);
            }

            return output;
        }

        /// <summary>
        /// Whether a name is ASCII without capitals, so no other name of that kind equals it ignoring case (two non-ASCII
        /// lower-case letters, such as "ı" and "i", may).
        /// </summary>
        private static bool IsFoldedAscii(string name)
        {
            foreach (var c in name)
            {
                if (c > 0x7F || (c >= 'A' && c <= 'Z'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
