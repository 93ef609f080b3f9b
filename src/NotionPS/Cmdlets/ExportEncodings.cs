using System;
using System.Collections.Generic;
using System.Text;

namespace NotionPS.Cmdlets
{
    /// <summary>The text encodings Export-NotionDatabase and Import-NotionDatabase -Encoding take, by the names Export-Csv uses for them.</summary>
    internal static class ExportEncodings
    {
        public const string Utf8 = "utf8";
        public const string Utf8Bom = "utf8BOM";
        public const string Utf8NoBom = "utf8NoBOM";
        public const string Unicode = "unicode";
        public const string BigEndianUnicode = "bigendianunicode";
        public const string Utf32 = "utf32";
        public const string BigEndianUtf32 = "bigendianutf32";
        public const string Ascii = "ascii";
        public const string Latin1 = "latin1";

        private static readonly Dictionary<string, Func<Encoding>> ByName = new Dictionary<string, Func<Encoding>>(StringComparer.OrdinalIgnoreCase)
        {
            [Utf8] = () => new UTF8Encoding(false),
            [Utf8NoBom] = () => new UTF8Encoding(false),
            [Utf8Bom] = () => new UTF8Encoding(true),
            [Unicode] = () => new UnicodeEncoding(false, true),
            [BigEndianUnicode] = () => new UnicodeEncoding(true, true),
            [Utf32] = () => new UTF32Encoding(false, true),
            [BigEndianUtf32] = () => new UTF32Encoding(true, true),
            [Ascii] = () => new ASCIIEncoding(),
            [Latin1] = () => Encoding.GetEncoding(28591),
        };

        /// <summary>The encoding of a name ValidateSet has let through.</summary>
        public static Encoding Get(string name) => ByName[name]();

        /// <summary>
        /// The encoding of a name for reading: bytes it cannot decode throw rather than become U+FFFD, and a UTF-8 byte
        /// order mark is skipped whichever UTF-8 name is given (a reader that detected it would decode leniently).
        /// </summary>
        public static Encoding ForReading(string name)
        {
            var named = Get(name);
            var encoding = (Encoding)(named is UTF8Encoding ? new UTF8Encoding(true) : named).Clone();
            encoding.DecoderFallback = DecoderFallback.ExceptionFallback;
            return encoding;
        }

        /// <summary>Whether the name is one of the UTF-8 encodings, the only ones a JSON file is written in.</summary>
        public static bool IsUtf8(string name) =>
            string.Equals(name, Utf8, StringComparison.OrdinalIgnoreCase) || string.Equals(name, Utf8NoBom, StringComparison.OrdinalIgnoreCase);
    }
}
