using System;
using System.Text;
using System.Text.Json;

namespace NotionPS.Rows
{
    /// <summary>
    /// The strings the previous page object of this thread had at each place: its column names (with their
    /// names on a row) and its parent's IDs. The rows of one data source repeat them in the same order, so a
    /// row's are compared in place with the last row's and shared, rather than read into new strings for each row.
    /// </summary>
    internal static class RecentNames
    {
        /// <summary>The places that are not columns.</summary>
        public const int DatabaseId = 0, DataSourceId = 1;

        private const int FirstColumn = 2;

        [ThreadStatic]
        private static string?[]? recent;

        /// <summary>The UTF-8 bytes of <see cref="recent"/>'s strings: comparing a string with JSON text transcodes it on every call.</summary>
        [ThreadStatic]
        private static byte[]?[]? recentUtf8;

        [ThreadStatic]
        private static string?[]? outputNames;

        /// <summary>A string value, shared with the last one read at <paramref name="place"/> when they are equal.</summary>
        public static string Value(JsonElement value, int place)
        {
            Grow(place);
            var last = recentUtf8![place];
            if (last != null && value.ValueEquals(last))
            {
                return recent![place]!;
            }

            var text = value.GetString()!;
            Remember(place, text);
            return text;
        }

        /// <summary>The name of the page object's <paramref name="index"/>th property, and its name on a row (<see cref="ColumnNames.OutputName"/>).</summary>
        public static (string Name, string OutputName) Column(JsonProperty property, int index)
        {
            var place = FirstColumn + index;
            Grow(place);
            var last = recentUtf8![place];
            if (last != null && property.NameEquals(last))
            {
                return (recent![place]!, outputNames![place]!);
            }

            var name = property.Name;
            Remember(place, name);
            return (name, outputNames![place] = ColumnNames.OutputName(name));
        }

        private static void Remember(int place, string text)
        {
            recent![place] = text;
            recentUtf8![place] = Encoding.UTF8.GetBytes(text);
        }

        private static void Grow(int place)
        {
            if (recent == null || place >= recent.Length)
            {
                var size = Math.Max(place + 1, 2 * (recent?.Length ?? 16));
                Array.Resize(ref recent, size);
                Array.Resize(ref recentUtf8, size);
                Array.Resize(ref outputNames, size);
            }
        }
    }
}
