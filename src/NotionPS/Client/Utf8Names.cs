using System;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace NotionPS.Client
{
    /// <summary>
    /// A fixed list of names with their UTF-8 bytes, so that a JSON string is matched against them, and a field
    /// so named looked up, in place: <see cref="JsonElement.ValueEquals(string)"/> and
    /// <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> transcode their string on every call.
    /// </summary>
    internal sealed class Utf8Names
    {
        private readonly string[] names;
        private readonly byte[][] utf8;

        public Utf8Names(params string[] names)
        {
            this.names = names;
            utf8 = names.Select(Encoding.UTF8.GetBytes).ToArray();
        }

        public string this[int index] => names[index];

        public int Count => names.Length;

        public bool Contains(string name) => IndexOf(name) >= 0;

        public int IndexOf(string name) => Array.IndexOf(names, name);

        public ReadOnlySpan<byte> Utf8(int index) => utf8[index];

        /// <summary>The index of the name a JSON string equals, or -1 (also for anything but a string).</summary>
        /// <param name="likely">An index to try before the others (such as the last answer for the same place), or -1.</param>
        public int IndexOf(JsonElement text, int likely = -1)
        {
            if (text.ValueKind != JsonValueKind.String)
            {
                return -1;
            }

            if (likely >= 0 && likely < utf8.Length && text.ValueEquals(utf8[likely]))
            {
                return likely;
            }

            for (var i = 0; i < utf8.Length; i++)
            {
                if (text.ValueEquals(utf8[i]))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
