using System;
using System.Collections.Generic;
using System.Linq;
using NotionPS.Rows;

namespace NotionPS.Operations
{
    /// <summary>
    /// -EscapeFormula: a text cell that a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
    /// return) is written with a ' before it, which spreadsheets show as text. A cell that starts with ' gets one too, so
    /// reading back takes exactly one ' off every escaped cell and gives the text as it was. Only the text types are
    /// escaped: a number (-1), a date or a checkbox is never touched, so it reads back as that type.
    /// </summary>
    internal static class CsvFormulas
    {
        private const string Marker = "'";

        private static readonly HashSet<string> TextTypes = new HashSet<string>(StringComparer.Ordinal)
        {
            "title", "rich_text", "select", "multi_select", "status", "url", "email", "phone_number",
        };

        public static bool Escapes(string columnType) => TextTypes.Contains(columnType);

        public static string Escape(string cell) =>
            cell.Length > 0 && "=+-@\t\r'".IndexOf(cell[0]) >= 0 ? Marker + cell : cell;

        /// <summary>A CSV row with one ' taken off the start of each cell of a text column (the columns as Import maps them).</summary>
        public static IReadOnlyList<KeyValuePair<string, object?>> Unescape(IReadOnlyList<KeyValuePair<string, object?>> row, IReadOnlyDictionary<string, string> columnTypes)
        {
            var names = row.Select(pair => pair.Key).ToList();
            return row.Select(pair =>
            {
                var requested = ColumnNames.ColumnFor(pair.Key, names, isRow: false, columnTypes.Keys);
                var column = requested == null ? null : RowMapping.FindColumn(columnTypes, requested);
                return column != null && Escapes(columnTypes[column]) && pair.Value is string text && text.StartsWith(Marker, StringComparison.Ordinal)
                    ? new KeyValuePair<string, object?>(pair.Key, text.Substring(Marker.Length))
                    : pair;
            }).ToList();
        }
    }
}
