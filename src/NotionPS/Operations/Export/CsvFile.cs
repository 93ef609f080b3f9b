using System.Collections.Generic;
using System.IO;
using System.Text;

namespace NotionPS.Operations
{
    /// <summary>
    /// CSV as Export-Csv writes it and Import-Csv reads it: every field in double quotes (a quote inside doubled),
    /// fields separated by commas, records by a line break, which a quoted field may also hold.
    /// </summary>
    internal static class CsvFile
    {
        public static void WriteRecord(TextWriter writer, IEnumerable<string> fields)
        {
            var first = true;
            foreach (var field in fields)
            {
                if (!first)
                {
                    writer.Write(',');
                }

                first = false;
                writer.Write('"');
                writer.Write(field.Replace("\"", "\"\""));
                writer.Write('"');
            }

            writer.Write(writer.NewLine);
        }

        /// <summary>
        /// The next record's fields, or null at the end. Fields may be quoted or not, as Import-Csv reads them; a
        /// line break inside quotes belongs to the field.
        /// </summary>
        /// <exception cref="InvalidDataException">A quoted field is not closed before the end of the file.</exception>
        public static List<string>? ReadRecord(TextReader reader)
        {
            if (reader.Peek() < 0)
            {
                return null;
            }

            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            while (true)
            {
                var next = reader.Read();
                if (quoted)
                {
                    if (next < 0)
                    {
                        throw new InvalidDataException("a quoted field is not closed before the end of the file.");
                    }

                    if (next == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            field.Append('"');
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        field.Append((char)next);
                    }

                    continue;
                }

                switch (next)
                {
                    case '"':
                        quoted = true;
                        break;
                    case ',':
                        fields.Add(field.ToString());
                        field.Clear();
                        break;
                    case '\r':
                        if (reader.Peek() == '\n')
                        {
                            reader.Read();
                        }

                        goto case -1;
                    case '\n':
                    case -1:
                        fields.Add(field.ToString());
                        return fields;
                    default:
                        field.Append((char)next);
                        break;
                }
            }
        }
    }
}
