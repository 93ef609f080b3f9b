using System.Globalization;
using System.Linq;
using System.Text;

namespace NotionPS.Client
{
    /// <summary>
    /// A value (a vault, registration or secret name, a path, an ID, an address) written into a command a message tells the
    /// user to run, so that the command pastes and PowerShell reads the value back as exactly itself, on 5.1 and 7 alike.
    /// The one place such values are quoted.
    /// </summary>
    internal static class CommandText
    {
        /// <summary>
        /// The value as a PowerShell string, after a parameter name or anywhere a value goes: single-quoted (never bare, so a
        /// sentence's full stop after it is not taken into the value, and 1e3 or 0x10 stay text), with
        /// every character PowerShell ends such a string at (' and ‘ ’ ‚ ‛) doubled. A value holding a character a message
        /// shows escaped (<see cref="ServerText.IsToEscape"/>: a line break, an ESC, a bidi override) is double-quoted instead,
        /// that character written as <c>$([char]0x001B)</c>, so the message stays readable and the command exact; there
        /// ` $ and the double quotes (" “ ” „) are escaped with a backtick.
        /// </summary>
        public static string Literal(string value) =>
            value.Any(ServerText.IsToEscape) ? DoubleQuoted(value) : SingleQuoted(value);

        private static string SingleQuoted(string value)
        {
            var quoted = new StringBuilder(value.Length + 2).Append('\'');
            foreach (var c in value)
            {
                if (IsSingleQuote(c))
                {
                    quoted.Append(c);
                }

                quoted.Append(c);
            }

            return quoted.Append('\'').ToString();
        }

        private static string DoubleQuoted(string value)
        {
            var quoted = new StringBuilder(value.Length + 16).Append('"');
            foreach (var c in value)
            {
                if (ServerText.IsToEscape(c))
                {
                    quoted.Append("$([char]0x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append(')');
                    continue;
                }

                if (c == '`' || c == '$' || IsDoubleQuote(c))
                {
                    quoted.Append('`');
                }

                quoted.Append(c);
            }

            return quoted.Append('"').ToString();
        }

        /// <summary>The characters PowerShell's tokenizer takes as a single quote.</summary>
        private static bool IsSingleQuote(char c) => c == '\'' || (c >= '\u2018' && c <= '\u201B');

        /// <summary>The characters PowerShell's tokenizer takes as a double quote.</summary>
        private static bool IsDoubleQuote(char c) => c == '"' || (c >= '\u201C' && c <= '\u201E');
    }
}
