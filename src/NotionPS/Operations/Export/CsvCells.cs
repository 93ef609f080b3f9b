using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using NotionPS.Rows;

namespace NotionPS.Operations
{
    /// <summary>
    /// A row's cell as CSV text: what Get-NotionDatabaseRow | Export-Csv writes (the cells' own ToString: lists
    /// joined by "; " and escaped, people by e-mail, dates in ISO 8601), except that it never depends on the
    /// culture, so Import-Csv | Add-NotionDatabaseRow reads it back on any machine.
    /// </summary>
    internal static class CsvCells
    {
        public static string Text(object? value)
        {
            switch (value)
            {
                case null:
                    return string.Empty;
                case string text:
                    return text;
                case bool flag:
                    return flag ? "True" : "False";
                case double number:
                    return Number(number);
                case DateTime date:
                    return PlainValues.FormatDate(date);
                case IDictionary dictionary:
                    // A column type NotionPS does not know: its value in Notion's own shape.
                    return JsonSerializer.Serialize(PlainValues.ToJson(dictionary, "cell"));
                case object[] items:
                    // A rollup's items.
                    return CellText.Join(items.Select(Text));
                case IFormattable formattable:
                    return formattable.ToString(null, CultureInfo.InvariantCulture);
                default:
                    return value.ToString() ?? string.Empty;
            }
        }

        /// <summary>
        /// The shortest text that is the number again. Three decimals after one to three digits (1.234) read as a
        /// thousands separator in some cultures, so such text is refused on the way back in: a 0 is added (1.2340).
        /// </summary>
        private static string Number(double number)
        {
            var text = number.ToString("R", CultureInfo.InvariantCulture);
            var point = text.IndexOf('.');
            if (point < 0 || text.IndexOf('E') >= 0)
            {
                return text;
            }

            var whole = text.Substring(0, point).TrimStart('-', '+');
            return text.Length - point - 1 == 3 && whole.Length <= 3 && whole.TrimStart('0').Length > 0 ? text + "0" : text;
        }
    }
}
