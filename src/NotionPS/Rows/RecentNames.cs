using System;
using System.Text;
using System.Text.Json;

namespace NotionPS.Rows
{
    /// <summary>
    /// The strings the previous page object of this thread had at each place: its column names (with their
    /// names on a row) and its parent's IDs. The rows of one data source repeat them in the same order, so a
    /// row's are compared in place with the last row's and shared, rather than read into new strings for each row.
    /// Also each column's value type, which the next row's value at that column most likely has too.
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

        [ThreadStatic]
        private static int[]? valueTypes;

        /// <summary>A column name was read that differs from the last page object's at its place.</summary>
        [ThreadStatic]
        private static bool columnsChanged;

        /// <summary>How many columns the last page object whose columns were all read had.</summary>
        [ThreadStatic]
        private static int lastColumnCount;

        /// <summary>How many columns the last page object whose columns were all read had.</summary>
        public static int LastColumnCount => lastColumnCount;

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
            columnsChanged = true;
            return (name, outputNames![place] = ColumnNames.OutputName(name));
        }

        /// <summary>
        /// Called once a page object's <paramref name="count"/> columns are read. Where they are not the last ones
        /// (a name differs, or how many), their names on a row are worked out again for them all
        /// (<see cref="ColumnNames.OutputNames"/>: of two names that differ only in case, one is renamed), and the
        /// answer is true: the names <see cref="Column"/> gave may have changed, so read them with <see cref="OutputNameAt"/>.
        /// </summary>
        public static bool EndColumns(int count)
        {
            if (!columnsChanged && count == lastColumnCount)
            {
                return false;
            }

            columnsChanged = false;
            lastColumnCount = count;
            if (count == 0)
            {
                return false;
            }

            var names = new string[count];
            Array.Copy(recent!, FirstColumn, names, 0, count);
            Array.Copy(ColumnNames.OutputNames(names), 0, outputNames!, FirstColumn, count);
            return true;
        }

        /// <summary>
        /// The type (as <see cref="PropertyReader.ToPlain(System.Text.Json.JsonElement, ref int, out bool)"/> numbers it) of
        /// the value last read at the <paramref name="index"/>th column, for the next row's value there to be matched against
        /// first; 0, the first type it tries anyway, until a value is read there.
        /// </summary>
        public static ref int TypeAt(int index)
        {
            var place = FirstColumn + index;
            Grow(place);
            return ref valueTypes![place];
        }

        /// <summary>The name on a row of the <paramref name="index"/>th column of the page object last read (see <see cref="EndColumns"/>).</summary>
        public static string OutputNameAt(int index) => outputNames![FirstColumn + index]!;

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
                Array.Resize(ref valueTypes, size);
            }
        }
    }
}
