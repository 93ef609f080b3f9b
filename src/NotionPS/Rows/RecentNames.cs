using System;
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

        [ThreadStatic]
        private static string?[]? outputNames;

        /// <summary>A string value, shared with the last one read at <paramref name="place"/> when they are equal.</summary>
        public static string Value(JsonElement value, int place)
        {
            var strings = Recent(place);
            var last = strings[place];
            if (last != null && value.ValueEquals(last))
            {
                return last;
            }

            return strings[place] = value.GetString()!;
        }

        /// <summary>The name of the page object's <paramref name="index"/>th property, and its name on a row (<see cref="ColumnNames.OutputName"/>).</summary>
        public static (string Name, string OutputName) Column(JsonProperty property, int index)
        {
            var place = FirstColumn + index;
            var strings = Recent(place);
            var last = strings[place];
            if (last != null && property.NameEquals(last))
            {
                return (last, outputNames![place]!);
            }

            var name = property.Name;
            strings[place] = name;
            return (name, outputNames![place] = ColumnNames.OutputName(name));
        }

        private static string?[] Recent(int place)
        {
            if (recent == null || place >= recent.Length)
            {
                var size = Math.Max(place + 1, 2 * (recent?.Length ?? 16));
                Array.Resize(ref recent, size);
                Array.Resize(ref outputNames, size);
            }

            return recent!;
        }
    }
}
