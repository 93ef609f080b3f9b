using System.Management.Automation;
using System.Text;

namespace NotionPS.Secrets
{
    /// <summary>
    /// Names given to a parameter that takes wildcards, so that they match only themselves. Written here rather than with
    /// WildcardPattern.Escape, which escapes a backtick on PowerShell 7 but not on 5.1, where a name's backtick would then
    /// escape the character after it ('a`b*' would match 'ab*').
    /// </summary>
    internal static class WildcardNames
    {
        /// <summary>The text as a pattern that matches exactly it: each of * ? [ ] and ` after a backtick.</summary>
        public static string Literal(string text)
        {
            var escaped = new StringBuilder(text.Length + 8);
            foreach (var c in text)
            {
                if (c == '*' || c == '?' || c == '[' || c == ']' || c == '`')
                {
                    escaped.Append('`');
                }

                escaped.Append(c);
            }

            return escaped.ToString();
        }

        /// <summary>
        /// A name for a parameter that looks a name without wildcard characters up as it is, and takes one with them as a
        /// pattern (SecretManagement's Test-SecretVault -Name, Get-SecretVault -Name): such a name, escaped, would be looked up
        /// with its backticks. So a name without them goes as it is; in one with them, each of [ * ? becomes a class of that
        /// one character (which keeps it a pattern), a backtick is doubled, and ] stays (outside a class it is itself).
        /// </summary>
        public static string OnlyItself(string name)
        {
            if (!WildcardPattern.ContainsWildcardCharacters(name))
            {
                return name;
            }

            var pattern = new StringBuilder(name.Length + 8);
            foreach (var c in name)
            {
                switch (c)
                {
                    case '[':
                    case '*':
                    case '?':
                        pattern.Append('[').Append(c).Append(']');
                        break;
                    case '`':
                        pattern.Append("``");
                        break;
                    default:
                        pattern.Append(c);
                        break;
                }
            }

            return pattern.ToString();
        }
    }
}
