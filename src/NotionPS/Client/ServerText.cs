using System.Globalization;
using System.Text;

namespace NotionPS.Client
{
    /// <summary>
    /// Text a server sent (Notion's error code, message and request_id, a redirect's address, a reason phrase) as it may be
    /// shown at a terminal: a control character (C0, DEL, C1) or a bidi control becomes a visible \uXXXX escape, so a broken
    /// or hostile server cannot recolour, overwrite, hide or reverse what the user reads (ESC sequences, CR, NUL, U+202E).
    /// Every other character, of any script or an emoji, is kept.
    /// </summary>
    internal static class ServerText
    {
        public static string Visible(string text)
        {
            var firstToEscape = 0;
            while (firstToEscape < text.Length && !IsToEscape(text[firstToEscape]))
            {
                firstToEscape++;
            }

            if (firstToEscape == text.Length)
            {
                return text;
            }

            var shown = new StringBuilder(text.Length + 16).Append(text, 0, firstToEscape);
            for (var i = firstToEscape; i < text.Length; i++)
            {
                var character = text[i];
                if (IsToEscape(character))
                {
                    shown.Append("\\u").Append(((int)character).ToString("X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    shown.Append(character);
                }
            }

            return shown.ToString();
        }

        public static string? VisibleOrNull(string? text) => text == null ? null : Visible(text);

        private const int ShortLength = 80;

        /// <summary>
        /// Input quoted in a message (a row's title, a cell's value), which may come from anyone and be any length: made visible
        /// as <see cref="Visible"/> makes it, and cut to its first characters and "..." past <paramref name="length"/> (never
        /// between a surrogate pair).
        /// </summary>
        public static string VisibleShort(string text, int length = ShortLength)
        {
            if (text.Length > length)
            {
                var kept = length - 3;
                text = text.Substring(0, char.IsHighSurrogate(text[kept - 1]) ? kept - 1 : kept) + "...";
            }

            return Visible(text);
        }

        /// <summary>
        /// C0, DEL and C1 controls; the bidi marks, embeddings, overrides and isolates; the line and paragraph separators:
        /// the characters that change how the text around them reads (shown escaped here, replaced in a file's name).
        /// </summary>
        public static bool IsToEscape(char character) =>
            character < '\u0020'
            || (character >= '\u007F' && character <= '\u009F')
            || character == '\u061C'
            || character == '\u200E' || character == '\u200F'
            || (character >= '\u2028' && character <= '\u202E')
            || (character >= '\u2066' && character <= '\u2069');
    }
}
