using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using NotionPS.Errors;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// An error's target as it may be kept in the record: a script reads it whole (<c>$Error[0].TargetObject.x</c>), not
    /// only as the string form the error view shows, so every text inside it is looked at.
    /// </summary>
    internal static class ErrorTargets
    {
        /// <summary>
        /// <paramref name="target"/> itself when neither its string form nor any text inside it (a string, key or value
        /// anywhere in its dictionaries, objects and lists) carries the token; else its string form, redacted.
        /// </summary>
        public static object? Redacted(object? target, Func<string, string> redact)
        {
            if (target == null)
            {
                return null;
            }

            var text = StringForm(target);
            if (!Changes(text, redact) && !CarriesInside(target, redact))
            {
                return target;
            }

            return redact(text ?? target.GetType().FullName);
        }

        /// <summary>
        /// Whether a text inside <paramref name="target"/> carries the token, read through <see cref="RowObjects.PlainToRead"/>,
        /// whose walk has a bounded depth and count and refuses a value that contains itself: a target it cannot read
        /// through is taken as carrying it, since what lies past the point it stopped is unknown.
        /// </summary>
        private static bool CarriesInside(object target, Func<string, string> redact)
        {
            object? plain;
            try
            {
                plain = RowObjects.PlainToRead(target, nameof(ErrorRecord.TargetObject));
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                return true; // self-containing, too deep or too large (InputValueException), or a property that throws when read
            }

            return Carries(plain, redact);
        }

        /// <summary>Over what <see cref="RowObjects.PlainToRead"/> gives: dictionaries, arrays and the values in them, at most <see cref="Rows.ValuePath.MaxNesting"/> deep.</summary>
        private static bool Carries(object? plain, Func<string, string> redact)
        {
            switch (plain)
            {
                case null:
                    return false;
                case IDictionary dictionary:
                    return dictionary.Cast<DictionaryEntry>().Any(entry => Carries(entry.Key, redact) || Carries(entry.Value, redact));
                case object?[] items:
                    return items.Any(item => Carries(item, redact));
                default:
                    // A string, a number, or an object Plain keeps as it is (a file's info, say); one whose ToString throws shows nothing.
                    return Changes(ExceptionRedaction.TextOf(plain.ToString), redact);
            }
        }

        private static bool Changes(string? text, Func<string, string> redact) => text != null && redact(text) != text;

        /// <summary>The target as PowerShell shows it (a custom object's @{...}, a list's items); null for one whose ToString fails.</summary>
        private static string? StringForm(object target) => ExceptionRedaction.TextOf(PSObject.AsPSObject(target).ToString);
    }
}
