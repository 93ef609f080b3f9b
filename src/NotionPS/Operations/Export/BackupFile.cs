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

    /// <summary>A JSON backup Export-NotionDatabase wrote (<see cref="JsonBackupWriter"/>), read back: its columns and rows.</summary>
    internal sealed class BackupFile : IDisposable
    {
        private readonly JsonDocument document;

        private BackupFile(JsonDocument document, string title, IReadOnlyList<BackupColumn> columns, JsonElement rows)
        {
            this.document = document;
            Title = title;
            Columns = columns;
            Rows = rows.EnumerateArray().ToList();
        }

        /// <summary>The title of the data source the backup was made from.</summary>
        public string Title { get; }

        public IReadOnlyList<BackupColumn> Columns { get; }

        /// <summary>Each row: <c>{pageId, createdTime, lastEditedTime, cells: {column: value}}</c>.</summary>
        public IReadOnlyList<JsonElement> Rows { get; }

        /// <summary>
        /// The most a backup may hold: .NET's JSON reader keeps a whole document in one array, which it grows by doubling
        /// while it reads a stream and which cannot pass 2 GB, so past 1 GiB it fails with an overflow of its own.
        /// </summary>
        public const long MaxBytes = 1000L * 1000 * 1000;

        /// <exception cref="ExportException">The file is not a backup this version of NotionPS reads (NotionImportFileInvalid).</exception>
        public static BackupFile Read(Stream stream, string path) => Read(stream, path, MaxBytes);

        /// <param name="maxBytes">The most bytes read before the file is refused as too large (<see cref="MaxBytes"/>; less in tests).</param>
        internal static BackupFile Read(Stream stream, string path, long maxBytes)
        {
            if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
            {
                throw TooLarge(path, maxBytes);
            }

            JsonDocument document;
            try
            {
                // A lone surrogate escape (a backup edited by hand or by another tool) reads as U+FFFD, as in an answer.
                using (var json = new LoneSurrogateEscapes(new BoundedStream(stream, maxBytes, () => TooLarge(path, maxBytes))))
                {
                    document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
                }
            }
            catch (JsonException ex)
            {
                throw Invalid(path, $"it is not valid JSON ({ex.Message}); a backup cut short by a failed copy reads like this.", ex);
            }

            try
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || JsonRead.String(root, "format") != JsonBackupWriter.FormatName)
                {
                    throw Invalid(path, $"it has no \"format\": \"{JsonBackupWriter.FormatName}\", so it was not written by Export-NotionDatabase.");
                }

                if (!root.TryGetProperty("formatVersion", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() > JsonBackupWriter.FormatVersion)
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
                var rows = JsonRead.Array(root, "rows") ?? throw Invalid(path, "it has no \"rows\" array.");
                if (root.TryGetProperty("rowCount", out var count) && count.ValueKind == JsonValueKind.Number && count.GetInt32() != rows.GetArrayLength())
                {
                    throw Invalid(path, $"it says {count.GetInt32()} rows but holds {rows.GetArrayLength()}.");
                }

                return new BackupFile(document, JsonRead.String(root, "title") ?? string.Empty, columns, rows);
            }
            catch
            {
                document.Dispose();
                throw;
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

            using (stream)
            {
                return Read(stream, path);
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

        public void Dispose() => document.Dispose();

        private static ExportException TooLarge(string path, long maxBytes) =>
            Invalid(path, $"it holds more than {maxBytes} bytes, the most NotionPS reads as one backup: .NET's JSON reader keeps a whole document in memory, in one array that cannot pass 2 GB. Export a database that large to .csv, or in parts with -Filter.");

        private static ExportException Invalid(string path, string reason, Exception? inner = null) =>
            new ExportException(NotionErrorIds.NotionImportFileInvalid, $"'{path}' cannot be imported: {reason}", inner);
    }
}
