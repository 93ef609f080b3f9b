using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>
    /// The rows of a CSV file as Import-Csv gives them: the first record names the properties (a #TYPE line before
    /// it is skipped), each later record is one row whose values are all text; a record shorter than the header
    /// leaves the rest null. Read one record at a time.
    /// <para>
    /// Unlike Import-Csv, bytes the encoding cannot decode refuse the file (before any row is read) rather than becoming
    /// U+FFFD, and a header column with no name (empty or blank: Notion has no such column) is left out rather than named H1.
    /// </para>
    /// </summary>
    internal sealed class CsvRows : IDisposable
    {
        private readonly TextReader reader;
        private readonly string path;
        /// <summary>The header's column names; null for a column without one (see <see cref="UnnamedColumns"/>).</summary>
        private readonly IReadOnlyList<string?> header;
        private int rowNumber;

        /// <param name="stream">A seekable stream at the start of the file.</param>
        /// <param name="encoding">The file's encoding, throwing on bytes it cannot decode (a byte order mark still wins).</param>
        /// <param name="encodingName">The encoding as the user knows it, for the error.</param>
        /// <exception cref="ExportException">
        /// The file is not text in the encoding, has no header, or has two columns of the same name (NotionImportFileInvalid).
        /// </exception>
        public CsvRows(Stream stream, string path, Encoding encoding, string encodingName)
        {
            this.path = path;
            RefuseUndecodable(stream, encoding, encodingName);
            reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true);
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
            var unnamed = new List<int>();
            for (var i = 0; i < first.Count; i++)
            {
                var name = first[i];
                if (string.IsNullOrWhiteSpace(name))
                {
                    unnamed.Add(i + 1);
                }
                else if (!seen.Add(name))
                {
                    reader.Dispose();
                    throw Invalid($"the header names the column '{name}' twice.");
                }
            }

            header = first.Select(name => string.IsNullOrWhiteSpace(name) ? null : name).ToList();
            UnnamedColumns = unnamed;
        }

        /// <summary>The positions (from 1) of the header's columns without a name, which rows are read without.</summary>
        public IReadOnlyList<int> UnnamedColumns { get; }

        /// <summary>
        /// The next row's properties (header name and text), or null at the end; blank lines are skipped.
        /// <paramref name="refused"/> is set for a row with text in a column without a name: it is not to be written.
        /// </summary>
        /// <exception cref="ExportException">A quoted field is never closed.</exception>
        public IReadOnlyList<KeyValuePair<string, object?>>? ReadRow(out ExportException? refused)
        {
            refused = null;
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

            rowNumber++;
            var row = new List<KeyValuePair<string, object?>>(header.Count);
            for (var i = 0; i < header.Count; i++)
            {
                var text = i < record.Count ? record[i] : null;
                if (header[i] is string name)
                {
                    row.Add(new KeyValuePair<string, object?>(name, text));
                }
                else if (refused == null && !string.IsNullOrWhiteSpace(text))
                {
                    refused = new ExportException(
                        NotionErrorIds.NotionImportFileInvalid,
                        $"'{path}', row {rowNumber}: column {i + 1} holds '{text}' but has no name in the header, so the row is not written. Name the column in the header (as a column of the database), or empty the cell.");
                }
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

        /// <summary>Reads the whole file once, so a file the encoding cannot decode is refused before any row is written.</summary>
        private void RefuseUndecodable(Stream stream, Encoding encoding, string encodingName)
        {
            using (var check = new StreamReader(stream, encoding, true, 1 << 16, leaveOpen: true))
            {
                var buffer = new char[1 << 16];
                try
                {
                    while (check.Read(buffer, 0, buffer.Length) > 0)
                    {
                    }
                }
                catch (DecoderFallbackException)
                {
                    throw Invalid(
                        $"line {LineOfUndecodable(stream, encoding)} is not {encodingName} text, and its characters would reach Notion as U+FFFD (the replacement character). "
                        + "If the file was written in another encoding (as Export-NotionDatabase -Encoding latin1 and many spreadsheet programs write), name it with -Encoding, such as -Encoding latin1.");
                }
            }

            stream.Position = 0;
        }

        /// <summary>The line (from 1) of the first bytes the encoding cannot decode: decoded one byte at a time, as a reader's buffer hides where.</summary>
        private static int LineOfUndecodable(Stream stream, Encoding encoding)
        {
            var preamble = encoding.GetPreamble();
            stream.Position = 0;
            var start = new byte[preamble.Length];
            if (stream.Read(start, 0, start.Length) != preamble.Length || !start.SequenceEqual(preamble))
            {
                stream.Position = 0;
            }

            var decoder = encoding.GetDecoder();
            var one = new byte[1];
            var chars = new char[encoding.GetMaxCharCount(4)];
            var line = 1;
            try
            {
                for (var next = stream.ReadByte(); next >= 0; next = stream.ReadByte())
                {
                    one[0] = (byte)next;
                    var count = decoder.GetChars(one, 0, 1, chars, 0, flush: false);
                    line += chars.Take(count).Count(c => c == '\n');
                }

                decoder.GetChars(one, 0, 0, chars, 0, flush: true);
            }
            catch (DecoderFallbackException)
            {
            }

            return line;
        }

        private ExportException Invalid(string reason, Exception? inner = null) =>
            new ExportException(NotionErrorIds.NotionImportFileInvalid, $"'{path}' cannot be imported: {reason}", inner);
    }
}
