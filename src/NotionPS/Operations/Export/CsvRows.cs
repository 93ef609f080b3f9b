using System;
using System.Collections.Generic;
using System.IO;
using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>
    /// The rows of a CSV file as Import-Csv gives them: the first record names the properties (a #TYPE line before
    /// it is skipped), each later record is one row whose values are all text; a record shorter than the header
    /// leaves the rest null. Read one record at a time.
    /// </summary>
    internal sealed class CsvRows : IDisposable
    {
        private readonly TextReader reader;
        private readonly string path;
        private readonly IReadOnlyList<string> header;

        /// <exception cref="ExportException">The file has no header, or two columns of the same name (NotionImportFileInvalid).</exception>
        public CsvRows(Stream stream, string path)
        {
            reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            this.path = path;
            var first = Next();
            if (first != null && first.Count > 0 && first[0].StartsWith("#TYPE", StringComparison.OrdinalIgnoreCase))
            {
                first = Next();
            }

            if (first == null || (first.Count == 1 && first[0].Length == 0))
            {
                reader.Dispose();
                throw Invalid("it has no header row of column names.");
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in first)
            {
                if (!seen.Add(name))
                {
                    reader.Dispose();
                    throw Invalid($"the header names the column '{name}' twice.");
                }
            }

            header = first;
        }

        /// <summary>The next row's properties (header name and text), or null at the end; blank lines are skipped.</summary>
        /// <exception cref="ExportException">A quoted field is never closed.</exception>
        public IReadOnlyList<KeyValuePair<string, object?>>? ReadRow()
        {
            List<string>? record;
            do
            {
                record = Next();
            }
            while (record != null && record.Count == 1 && record[0].Length == 0);

            if (record == null)
            {
                return null;
            }

            var row = new List<KeyValuePair<string, object?>>(header.Count);
            for (var i = 0; i < header.Count; i++)
            {
                row.Add(new KeyValuePair<string, object?>(header[i], i < record.Count ? record[i] : null));
            }

            return row;
        }

        public void Dispose() => reader.Dispose();

        private List<string>? Next()
        {
            try
            {
                return CsvFile.ReadRecord(reader);
            }
            catch (InvalidDataException ex)
            {
                throw Invalid(ex.Message, ex);
            }
        }

        private ExportException Invalid(string reason, Exception? inner = null) =>
            new ExportException(NotionErrorIds.NotionImportFileInvalid, $"'{path}' cannot be imported: {reason}", inner);
    }
}
