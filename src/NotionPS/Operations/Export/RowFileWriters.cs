using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NotionPS.Client;
using NotionPS.Rows;

namespace NotionPS.Operations
{
    /// <summary>Writes an export's rows to its file as they come, a page at a time, so memory stays flat.</summary>
    internal interface IRowFileWriter : IDisposable
    {
        /// <param name="row">The row, every value complete.</param>
        /// <param name="page">The page object it was read from.</param>
        /// <param name="savedFiles">Where its files were saved (-IncludeFiles).</param>
        void Write(PageRow row, JsonElement page, SavedFilePaths savedFiles);

        /// <summary>Hands what was written so far to the file.</summary>
        void Flush();

        /// <summary>Ends the file after the last row.</summary>
        void Finish(int rowCount);
    }

    /// <summary>
    /// The CSV file: a header of column names (as the rows name them, the title first and the others in the schema's
    /// order, as Get-NotionDatabaseRow's rows and Notion's own CSV export put them), then each row's cells as text
    /// (<see cref="CsvCells"/>). A files cell keeps its URLs even when the files were saved: the CSV stays the row
    /// export format.
    /// </summary>
    internal sealed class CsvRowFileWriter : IRowFileWriter
    {
        private readonly StreamWriter writer;
        private readonly IReadOnlyList<string> columns;

        /// <summary>Whether each column's cells are escaped (<see cref="CsvFormulas"/>), in the order of <see cref="columns"/>.</summary>
        private readonly IReadOnlyList<bool> escaped;

        /// <param name="escapeFormula">Escape text cells a spreadsheet would run as formulas (-EscapeFormula).</param>
        public CsvRowFileWriter(Stream stream, Encoding encoding, DataSourceSchema schema, bool escapeFormula)
        {
            writer = new StreamWriter(stream, encoding, 64 * 1024, leaveOpen: true);
            var titleFirst = schema.Properties.OrderBy(column => column.Type == "title" ? 0 : 1).ToList();
            columns = ColumnNames.OutputNames(titleFirst.Select(column => column.Name).ToList());
            escaped = titleFirst.Select(column => escapeFormula && CsvFormulas.Escapes(column.Type)).ToList();
            CsvFile.WriteRecord(writer, columns);
        }

        public void Write(PageRow row, JsonElement page, SavedFilePaths savedFiles)
        {
            var cells = new Dictionary<string, object?>(row.Columns.Count, StringComparer.Ordinal);
            foreach (var cell in row.Columns)
            {
                cells[cell.Key] = cell.Value;
            }

            CsvFile.WriteRecord(writer, columns.Select((column, i) =>
            {
                var text = cells.TryGetValue(column, out var value) ? CsvCells.Text(value) : string.Empty;
                return escaped[i] ? CsvFormulas.Escape(text) : text;
            }));
        }

        public void Flush() => writer.Flush();

        public void Finish(int rowCount) => writer.Flush();

        public void Dispose() => writer.Dispose();
    }

    /// <summary>
    /// The JSON backup: what was exported, the schema (each column's name, id, type and definition as Notion gives
    /// it), the rows with their types kept (<see cref="BackupCells"/>) and, last, how many rows there are.
    /// </summary>
    internal sealed class JsonBackupWriter : IRowFileWriter
    {
        public const string FormatName = "NotionPS.DatabaseExport";
        public const int FormatVersion = 1;

        private readonly Utf8JsonWriter writer;

        /// <param name="dataSource">The data source (under 2022-06-28, the database) as Notion answered it.</param>
        public JsonBackupWriter(Stream stream, JsonElement dataSource, DataSourceSchema schema, string apiVersion, DateTime exportedTime)
        {
            writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            writer.WriteStartObject();
            writer.WriteString("format", FormatName);
            writer.WriteNumber("formatVersion", FormatVersion);
            writer.WriteString("apiVersion", apiVersion);
            writer.WriteString("exportedTime", PlainValues.FormatDate(exportedTime));
            writer.WriteString("databaseId", schema.DatabaseId);
            writer.WriteString("dataSourceId", schema.Id);
            writer.WriteString("title", schema.Name);
            writer.WriteStartArray("columns");
            if (JsonRead.Object(dataSource, "properties") is JsonElement properties)
            {
                foreach (var column in properties.EnumerateObject())
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", column.Name);
                    writer.WriteString("id", JsonRead.String(column.Value, "id"));
                    writer.WriteString("type", JsonRead.String(column.Value, "type"));
                    writer.WritePropertyName("definition");
                    column.Value.WriteTo(writer);
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
            writer.WriteStartArray("rows");
        }

        public void Write(PageRow row, JsonElement page, SavedFilePaths savedFiles)
        {
            writer.WriteStartObject();
            writer.WriteString("pageId", row.PageId);
            WriteTime("createdTime", row.CreatedTime);
            WriteTime("lastEditedTime", row.LastEditedTime);
            writer.WriteStartObject("cells");
            if (JsonRead.Object(page, "properties") is JsonElement properties)
            {
                // The row's columns are the page's properties, in the same order.
                var index = 0;
                foreach (var property in properties.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    BackupCells.Write(writer, JsonRead.String(property.Value, "type") ?? string.Empty, row.Columns[index++].Value, property, savedFiles);
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        public void Flush() => writer.Flush();

        public void Finish(int rowCount)
        {
            writer.WriteEndArray();
            writer.WriteNumber("rowCount", rowCount);
            writer.WriteEndObject();
            writer.Flush();
        }

        public void Dispose() => writer.Dispose();

        private void WriteTime(string name, DateTime? time)
        {
            if (time == null)
            {
                writer.WriteNull(name);
            }
            else
            {
                writer.WriteString(name, PlainValues.FormatDate(time.Value));
            }
        }
    }
}
