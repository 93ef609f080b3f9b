using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations.Files;

namespace NotionPS.Operations
{
    /// <summary>One column of a JSON backup: its name, id, type and definition as Notion gave them.</summary>
    internal sealed class BackupColumn
    {
        public BackupColumn(string name, string id, string type, JsonElement definition)
        {
            Name = name;
            Id = id;
            Type = type;
            Definition = definition;
        }

        public string Name { get; }

        public string Id { get; }

        public string Type { get; }

        public JsonElement Definition { get; }
    }

    /// <summary>
    /// A JSON backup Export-NotionDatabase wrote (<see cref="JsonBackupWriter"/>), read back: its columns, then its rows
    /// one at a time. The file is read forward twice, in the same small memory whatever its size: first whole, to check
    /// it is JSON and a backup (a backup cut short or changed by hand is refused before any row is written, as when it
    /// was read at once), then for the rows (<see cref="ReadRows"/>).
    /// </summary>
    internal sealed class BackupFile : IDisposable
    {
        /// <summary>Nesting deeper than this is refused as not JSON (a backup nests 8 levels at most).</summary>
        private const int MaxDepth = 256;

        /// <summary>
        /// The most bytes one value may hold (a row, or a property but "rows"), the size the whole file was bound to when
        /// it was read at once: each is kept whole in memory, in arrays that cannot pass 2 GB.
        /// </summary>
        private const int MaxValueBytes = 1000 * 1000 * 1000;

        private readonly Stream stream;
        private readonly long origin;
        private readonly bool ownsStream;
        private readonly string path;
        private readonly int maxValueBytes;
        private readonly JsonDocument header;
        private readonly int rowsProperty;

        private BackupFile(Stream stream, long origin, bool ownsStream, string path, int maxValueBytes, JsonDocument header, string title, IReadOnlyList<BackupColumn> columns, int rowsProperty, int rowCount)
        {
            this.stream = stream;
            this.origin = origin;
            this.ownsStream = ownsStream;
            this.path = path;
            this.maxValueBytes = maxValueBytes;
            this.header = header;
            this.rowsProperty = rowsProperty;
            Title = title;
            Columns = columns;
            RowCount = rowCount;
        }

        /// <summary>The title of the data source the backup was made from.</summary>
        public string Title { get; }

        public IReadOnlyList<BackupColumn> Columns { get; }

        /// <summary>How many rows <see cref="ReadRows"/> gives.</summary>
        public int RowCount { get; }

        /// <summary>Reads and checks the backup in <paramref name="stream"/> (seekable, from its position), which stays the caller's.</summary>
        /// <exception cref="ExportException">The file is not a backup this version of NotionPS reads (NotionImportFileInvalid).</exception>
        public static BackupFile Read(Stream stream, string path) => Read(stream, path, MaxValueBytes);

        /// <param name="maxValueBytes">The most bytes one value may hold (<see cref="MaxValueBytes"/>; less in tests).</param>
        internal static BackupFile Read(Stream stream, string path, int maxValueBytes) => Read(stream, path, ownsStream: false, maxValueBytes);

        /// <summary>
        /// Each row, <c>{pageId, createdTime, lastEditedTime, cells: {column: value}}</c>, read from the file as it is
        /// asked for: a row is valid until the next is read.
        /// </summary>
        /// <exception cref="ExportException">The file changed since it was checked (NotionImportFileInvalid).</exception>
        public IEnumerable<JsonElement> ReadRows()
        {
            var json = OpenRows();
            var count = 0;
            for (var row = NextRow(json); row != null; row = NextRow(json))
            {
                using (row)
                {
                    count++;
                    yield return row.RootElement;
                }
            }

            if (count != RowCount)
            {
                throw Changed(null);
            }
        }

        public void Dispose()
        {
            header.Dispose();
            if (ownsStream)
            {
                stream.Dispose();
            }
        }

        private static BackupFile Read(Stream stream, string path, bool ownsStream, int maxValueBytes)
        {
            if (!stream.CanSeek)
            {
                throw new ArgumentException("A backup is read twice: give a stream that can seek, such as a file's.", nameof(stream));
            }

            var origin = stream.Position;
            Scan scan;
            try
            {
                scan = Scan.Of(Reader(stream, path, maxValueBytes));
            }
            catch (JsonException ex)
            {
                throw Invalid(path, $"it is not valid JSON ({ex.Message}); a backup cut short by a failed copy reads like this.", ex);
            }

            try
            {
                var root = scan.Header.RootElement;
                if ((scan.RowsProperties > 1 ? "rows" : JsonRead.RepeatedKey(root)) is string repeated)
                {
                    throw Invalid(path, Repeated("it", repeated));
                }

                if (!scan.IsObject || JsonRead.String(root, "format") != JsonBackupWriter.FormatName)
                {
                    throw Invalid(path, $"it has no \"format\": \"{JsonBackupWriter.FormatName}\", so it was not written by Export-NotionDatabase.");
                }

                if (!root.TryGetProperty("formatVersion", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number > JsonBackupWriter.FormatVersion)
                {
                    throw Invalid(path, $"its formatVersion is not one this NotionPS reads (up to {JsonBackupWriter.FormatVersion}); update NotionPS.");
                }

                var columns = (JsonRead.Array(root, "columns") ?? throw Invalid(path, "it has no \"columns\" array.")).EnumerateArray()
                    .Select(column => new BackupColumn(
                        JsonRead.String(column, "name") ?? throw Invalid(path, "a column has no name."),
                        JsonRead.String(column, "id") ?? string.Empty,
                        JsonRead.String(column, "type") ?? throw Invalid(path, "a column has no type."),
                        JsonRead.Object(column, "definition") ?? default))
                    .ToList();
                var rowCount = scan.RowCount ?? throw Invalid(path, "it has no \"rows\" array.");
                if (root.TryGetProperty("rowCount", out var count) && count.ValueKind == JsonValueKind.Number && !(count.TryGetInt32(out var said) && said == rowCount))
                {
                    throw Invalid(path, $"it says {count.GetRawText()} rows but holds {rowCount}.");
                }

                return new BackupFile(stream, origin, ownsStream, path, maxValueBytes, scan.Header, JsonRead.String(root, "title") ?? string.Empty, columns, scan.RowsProperties, rowCount);
            }
            catch
            {
                scan.Header.Dispose();
                throw;
            }
        }

        /// <summary>
        /// The file's JSON from its start. A lone surrogate escape (a backup edited by hand or by another tool) reads as
        /// U+FFFD, as in an answer. The wrapper is not disposed: that would close the file, and it holds nothing else.
        /// </summary>
        private StreamedJson Reader() => Reader(stream, path, maxValueBytes);

        private static StreamedJson Reader(Stream stream, string path, int maxValueBytes) =>
            new StreamedJson(new LoneSurrogateEscapes(stream), MaxDepth, maxValueBytes, () => Invalid(
                path,
                $"it holds a value (a row, or a property of the file) of more than {maxValueBytes} bytes, the most NotionPS keeps in memory as one value. " +
                "Export-NotionDatabase writes no row that large: give a backup it wrote, or export the database again."));

        /// <summary>What a backup edited by hand says when it gives a key twice: JSON readers keep one value, silently.</summary>
        internal static string Repeated(string what, string key) =>
            $"{what} gives \"{ServerText.Visible(key)}\" twice, so which of its two values was meant is unknown (a JSON reader would silently keep the last). Remove one of them.";

        /// <summary>The file read again from its start, up to the first row of the "rows" array the check took.</summary>
        private StreamedJson OpenRows()
        {
            try
            {
                stream.Position = origin;
                var json = Reader();
                json.Read();
                var seen = 0;
                while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
                {
                    if (json.PropertyName == "rows" && ++seen == rowsProperty)
                    {
                        json.Read();
                        if (json.TokenType == JsonTokenType.StartArray)
                        {
                            return json;
                        }

                        break;
                    }

                    json.SkipValue();
                }
            }
            catch (JsonException ex)
            {
                throw Changed(ex);
            }

            throw Changed(null);
        }

        private JsonDocument? NextRow(StreamedJson json)
        {
            try
            {
                return json.ReadItem();
            }
            catch (JsonException ex)
            {
                throw Changed(ex);
            }
        }

        private ExportException Changed(JsonException? inner) =>
            Invalid(path, "it changed while it was imported" + (inner == null ? "." : $" and is no longer valid JSON ({inner.Message}).") + " The rows before this one are written; import a backup nothing else writes to.", inner);

        /// <summary>
        /// The whole file read once: whether its value is an object, its top-level properties but "rows" (all a backup
        /// has but its rows, small) as a document of their own, and of its "rows" properties (more than one is refused, as
        /// any key given twice) how many there are and how many rows the last holds when it is an array.
        /// </summary>
        private sealed class Scan
        {
            private Scan(bool isObject, JsonDocument header, int rowsProperties, int? rowCount)
            {
                IsObject = isObject;
                Header = header;
                RowsProperties = rowsProperties;
                RowCount = rowCount;
            }

            public bool IsObject { get; }

            public JsonDocument Header { get; }

            public int RowsProperties { get; }

            public int? RowCount { get; }

            /// <exception cref="JsonException">The file is not JSON, or nests deeper than <see cref="MaxDepth"/>.</exception>
            public static Scan Of(StreamedJson json)
            {
                var header = new MemoryStream();
                var rowsProperties = 0;
                int? rowCount = null;
                json.Read();
                var isObject = json.TokenType == JsonTokenType.StartObject;
                using (var writer = new Utf8JsonWriter(header))
                {
                    writer.WriteStartObject();
                    if (!isObject)
                    {
                        json.SkipRest();
                    }
                    else
                    {
                        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
                        {
                            var name = json.PropertyName!;
                            if (name == "rows")
                            {
                                rowsProperties++;
                                rowCount = CountItems(json);
                            }
                            else
                            {
                                using (var value = json.ReadItem()!)
                                {
                                    writer.WritePropertyName(name);
                                    value.RootElement.WriteTo(writer);
                                }
                            }
                        }
                    }

                    writer.WriteEndObject();
                }

                // Nothing may follow the value (the reader throws if anything does).
                json.Read();
                return new Scan(isObject, JsonDocument.Parse(header.ToArray()), rowsProperties, rowCount);
            }

            /// <summary>How many items the array that follows holds (each skipped); null when the value is no array.</summary>
            private static int? CountItems(StreamedJson json)
            {
                json.Read();
                if (json.TokenType != JsonTokenType.StartArray)
                {
                    json.SkipRest();
                    return null;
                }

                var count = 0;
                while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                {
                    count++;
                    json.SkipRest();
                }

                return count;
            }
        }

        /// <summary>Reads the backup at <paramref name="path"/> (a full path).</summary>
        /// <exception cref="ExportException">The file cannot be read (NotionImportFileNotFound) or is not a backup (NotionImportFileInvalid).</exception>
        public static BackupFile Open(string path)
        {
            RefuseNotAFile(path);
            FileStream stream;
            try
            {
                stream = File.OpenRead(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ExportException(NotionErrorIds.NotionImportFileNotFound, $"Cannot read '{path}': {ex.Message} Give the path of a JSON backup Export-NotionDatabase wrote.", ex);
            }

            try
            {
                return Read(stream, path, ownsStream: true, MaxValueBytes);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Refuses, before it is opened, a path to import from (a backup or a CSV file) that is a folder, a device or a
        /// pipe: a pipe would wait for a writer, and /dev/zero never ends.
        /// </summary>
        /// <exception cref="ExportException">NotionImportFileNotFound for a folder; NotionImportFileInvalid for a device or a pipe.</exception>
        public static void RefuseNotAFile(string path)
        {
            if (Directory.Exists(path))
            {
                throw new ExportException(NotionErrorIds.NotionImportFileNotFound, $"'{path}' is a folder; give a file path: the path of a file Export-NotionDatabase wrote.");
            }

            if (LocalEntry.NotAFile(path) is string what)
            {
                throw Invalid(path, $"it is {what}, not a file. Give the path of a file Export-NotionDatabase wrote.");
            }
        }

        private static ExportException Invalid(string path, string reason, Exception? inner = null) =>
            new ExportException(NotionErrorIds.NotionImportFileInvalid, $"'{path}' cannot be imported: {reason}", inner);
    }
}
