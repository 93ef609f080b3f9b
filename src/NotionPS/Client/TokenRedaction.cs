using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Text;

namespace NotionPS.Client
{
    /// <summary>
    /// The always-redact rule (<see cref="NotionClient.Redact"/>): every place a text may spell the token becomes ***. A server,
    /// a proxy or an input rarely quotes the token as it was sent: a JSON writer escapes it (<c>\u0073ecret</c>), an address
    /// percent-encodes it, an HTML page uses entities, a message upper-cases it (in any culture: Turkish dotted I, Kelvin sign),
    /// wraps it over lines, or <see cref="ServerText"/> shows a control character inside it as <c>\u000A</c>; and a message cut
    /// to a length may end partway through it. Each of those is caught here, in one pass over the text.
    /// </summary>
    /// <remarks>
    /// A token is visible ASCII (<see cref="NotionToken"/>), so a character of it is matched written as itself (any case),
    /// as a JSON, C, percent or HTML escape of itself, with whitespace, control and format characters (written or escaped)
    /// allowed between two of its characters. A prefix of at least <see cref="CutPrefixLength"/> characters counts when the
    /// text ends, or says it was cut ("...", "…"), right after it. An ordinary text spells none of these by chance: a token
    /// is long and random. A token shorter than <see cref="LooseFrom"/> characters (Notion issues none: theirs are about 50)
    /// is matched only as it was sent, since in another case or spread over spaces a short one is ordinary text ("1a2b" in
    /// an ID, "a b c d").
    /// </remarks>
    internal static class TokenRedaction
    {
        public const string Mask = "***";

        private const string Ellipsis = "...";

        /// <summary>The shortest token whose other spellings are redacted too.</summary>
        internal const int LooseFrom = 16;

        /// <summary>"&amp;#" and ";" around at most 8 digits (<see cref="EntityEnd"/>).</summary>
        private const int LongestEntity = 11;

        /// <summary>
        /// The redaction of <paramref name="token"/> (kept as it is, a SecureString, and unwrapped per text): the client's, and
        /// a connecting cmdlet's before a connection exists to hold it.
        /// </summary>
        public static Func<string, string> For(SecureString token) => text => Redact(text, SecureStrings.Unwrap(token));

        /// <summary><paramref name="text"/> with every spelling of <paramref name="token"/> in it replaced by <see cref="Mask"/>; itself when none.</summary>
        public static string Redact(string text, string token)
        {
            if (token.Length == 0 || text.Length == 0)
            {
                return text;
            }

            if (token.Length < LooseFrom)
            {
                return text.Replace(token, Mask);
            }

            StringBuilder? redacted = null;
            var copied = 0;
            var starts = StartCharacters(token[0]);
            var position = text.IndexOfAny(starts);
            while (position >= 0 && position < text.Length)
            {
                var end = MatchEnd(text, position, token);
                if (end < 0)
                {
                    position = position + 1 < text.Length ? text.IndexOfAny(starts, position + 1) : -1;
                    continue;
                }

                redacted ??= new StringBuilder(text.Length);
                redacted.Append(text, copied, position - copied).Append(Mask);
                copied = position = end;
            }

            return redacted == null ? text : redacted.Append(text, copied, text.Length - copied).ToString();
        }

        /// <summary>The characters a spelling of a token starting with <paramref name="first"/> can start with: it in either case, or an escape's.</summary>
        private static char[] StartCharacters(char first)
        {
            var folded = Folded(first);
            var starts = new List<char> { '\\', '%', '&', first, folded, char.ToLowerInvariant(folded) };
            starts.AddRange(new[] { '\u0130', '\u0131', '\u017F', '\u212A' }.Where(special => Folded(special) == folded));
            return starts.Distinct().ToArray();
        }

        /// <summary>The most characters a token of <paramref name="length"/> takes escaped, breaks between its characters aside (an HTML entity's 11 each).</summary>
        internal static int LongestSpelling(int length) => length * LongestEntity;

        /// <summary>The shortest start of the token that is redacted where a text was cut right after it: half of it, at least 8 characters.</summary>
        internal static int CutPrefixLength(string token) => Math.Min(token.Length, Math.Max(8, token.Length / 2));

        /// <summary>
        /// Where a spelling of the token that starts at <paramref name="start"/> ends, or -1 when none starts there. Each step keeps
        /// every place the text may have reached so far (a "%25" may be the token's "%" written as itself or escaped), so
        /// no reading is missed and the work stays in proportion to the token's length, whatever the text.
        /// </summary>
        private static int MatchEnd(string text, int start, string token)
        {
            if (CharacterEnd(text, start, token[0], escaped: true) < 0 && CharacterEnd(text, start, token[0], escaped: false) < 0)
            {
                return -1; // nearly every position: no allocation
            }

            var reached = new List<int> { start };
            var next = new List<int>();
            for (var index = 0; index < token.Length; index++)
            {
                next.Clear();
                foreach (var position in reached)
                {
                    Advance(text, position, token[index], next);
                    var afterBreaks = index == 0 ? position : BreaksEnd(text, position);
                    if (afterBreaks > position)
                    {
                        // Between two of its characters: a line break, a space, a control or format character, written or escaped.
                        Advance(text, afterBreaks, token[index], next);
                    }
                }

                if (next.Count == 0)
                {
                    return index >= CutPrefixLength(token) ? reached.Where(position => IsCutAt(text, position)).DefaultIfEmpty(-1).Max() : -1;
                }

                (reached, next) = (next, reached);
            }

            return reached.Max();
        }

        /// <summary>Adds to <paramref name="reached"/> where <paramref name="expected"/> written at <paramref name="position"/> ends, escaped and as itself.</summary>
        private static void Advance(string text, int position, char expected, List<int> reached)
        {
            AddIfNew(reached, CharacterEnd(text, position, expected, escaped: true));
            AddIfNew(reached, CharacterEnd(text, position, expected, escaped: false));
        }

        private static void AddIfNew(List<int> reached, int end)
        {
            if (end >= 0 && !reached.Contains(end))
            {
                reached.Add(end);
            }
        }

        private static bool IsCutAt(string text, int position) =>
            position == text.Length || text[position] == '\u2026' || string.CompareOrdinal(text, position, Ellipsis, 0, Ellipsis.Length) == 0;

        /// <summary>The end of <paramref name="expected"/> (any case) written at <paramref name="position"/> as an escape or as itself, or -1.</summary>
        private static int CharacterEnd(string text, int position, char expected, bool escaped)
        {
            if (position >= text.Length)
            {
                return -1;
            }

            if (escaped)
            {
                var escapeEnd = EscapeEnd(text, position, out var decoded);
                return escapeEnd > 0 && SameLetter(decoded, expected) ? escapeEnd : -1;
            }

            return SameLetter(text[position], expected) ? position + 1 : -1;
        }

        /// <summary>The end of the whitespace, control and format characters at <paramref name="position"/>, written or escaped.</summary>
        private static int BreaksEnd(string text, int position)
        {
            while (position < text.Length)
            {
                if (IsBreak(text[position]))
                {
                    position++;
                    continue;
                }

                var escapeEnd = EscapeEnd(text, position, out var decoded);
                if (escapeEnd < 0 || !IsBreak(decoded))
                {
                    break;
                }

                position = escapeEnd;
            }

            return position;
        }

        private static bool IsBreak(char character) =>
            char.IsWhiteSpace(character) || char.IsControl(character) || CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.Format;

        /// <summary>
        /// The end of an escape at <paramref name="position"/> and the character it stands for: <c>\uXXXX</c>, <c>\xXX</c>,
        /// JSON's <c>\n \r \t \b \f \" \\ \/</c>, <c>%XX</c>, and HTML's <c>&amp;#NN; &amp;#xHH;</c> and five named entities; -1 for none.
        /// </summary>
        private static int EscapeEnd(string text, int position, out char decoded)
        {
            decoded = '\0';
            var rest = text.Length - position;
            switch (text[position])
            {
                case '\\' when rest >= 2:
                    var kind = text[position + 1];
                    if (kind == 'u' || kind == 'U')
                    {
                        return Hex(text, position + 2, 4, out decoded) ? position + 6 : -1;
                    }

                    if (kind == 'x' || kind == 'X')
                    {
                        return Hex(text, position + 2, 2, out decoded) ? position + 4 : -1;
                    }

                    decoded = kind switch { 'n' => '\n', 'r' => '\r', 't' => '\t', 'b' => '\b', 'f' => '\f', '"' => '"', '\\' => '\\', '/' => '/', _ => '\0' };
                    return decoded == '\0' ? -1 : position + 2;
                case '%':
                    return Hex(text, position + 1, 2, out decoded) ? position + 3 : -1;
                case '&':
                    return EntityEnd(text, position, out decoded);
                default:
                    return -1;
            }
        }

        private static int EntityEnd(string text, int position, out char decoded)
        {
            decoded = '\0';
            var semicolon = text.IndexOf(';', position + 1, Math.Min(LongestEntity - 1, text.Length - position - 1));
            if (semicolon < 0)
            {
                return -1;
            }

            var name = text.Substring(position + 1, semicolon - position - 1);
            if (name.Length > 1 && name[0] == '#')
            {
                var hex = name[1] == 'x' || name[1] == 'X';
                var digits = name.Substring(hex ? 2 : 1);
                if (!int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code > char.MaxValue)
                {
                    return -1;
                }

                decoded = (char)code;
                return semicolon + 1;
            }

            decoded = name switch { "amp" => '&', "lt" => '<', "gt" => '>', "quot" => '"', "apos" => '\'', _ => '\0' };
            return decoded == '\0' ? -1 : semicolon + 1;
        }

        private static bool Hex(string text, int start, int count, out char decoded)
        {
            decoded = '\0';
            if (start + count > text.Length)
            {
                return false;
            }

            var value = 0;
            for (var index = start; index < start + count; index++)
            {
                var digit = HexValue(text[index]);
                if (digit < 0)
                {
                    return false;
                }

                value = (value * 16) + digit;
            }

            decoded = (char)value;
            return true;
        }

        private static int HexValue(char character) =>
            character >= '0' && character <= '9' ? character - '0'
            : character >= 'a' && character <= 'f' ? character - 'a' + 10
            : character >= 'A' && character <= 'F' ? character - 'A' + 10
            : -1;

        /// <summary>
        /// The same character, any case, as a token's ASCII letter may come back upper- or lower-cased in any culture: the
        /// Turkish dotted and dotless I, the long s and the Kelvin sign are the only other characters whose case maps to ASCII.
        /// </summary>
        private static bool SameLetter(char character, char expected) => Folded(character) == Folded(expected);

        private static char Folded(char character)
        {
            switch (character)
            {
                case '\u0130':
                case '\u0131':
                    return 'I';
                case '\u017F':
                    return 'S';
                case '\u212A':
                    return 'K';
                default:
                    return character >= 'a' && character <= 'z' ? (char)(character - 32) : character;
            }
        }
    }
}
