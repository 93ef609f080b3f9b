using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations.Files;

namespace NotionPS.Operations
{
    /// <summary>
    /// Writes every row of a data source (past Notion's 10,000-row cap, by created time) to a CSV or JSON file,
    /// a page of rows at a time: memory stays flat however many rows there are. The file is written under a
    /// temporary name and replaces the destination only when complete (<see cref="AtomicFile"/>). The caller
    /// drives it: <see cref="WriteNextPageAsync"/> until it returns false, then <see cref="Commit"/>.
    /// </summary>
    internal sealed class DatabaseExport : IDisposable
    {
        private readonly AtomicFile file;
        private readonly IRowFileWriter writer;
        private readonly RowReader reader;
        private readonly RowFetcher fetcher;
        private readonly ExportFileDownloads? downloads;
        private bool writerClosed;

        private DatabaseExport(NotionClient client, INotionLog log, DataSourceSchema schema, AtomicFile file, IRowFileWriter writer, RowReader reader, ExportFileDownloads? downloads)
        {
            Schema = schema;
            this.downloads = downloads;
            this.file = file;
            this.writer = writer;
            this.reader = reader;
            fetcher = new RowFetcher(client, log);
        }

        public DataSourceSchema Schema { get; }

        /// <summary>How many rows are written so far.</summary>
        public int Written { get; private set; }

        /// <summary>
        /// Opens the temporary file with its header (the CSV's column names, or the JSON's schema, from the data
        /// source's definition as read when it was chosen) and asks for the first page of rows.
        /// </summary>
        /// <param name="filter">The rows to export, in Notion's shape; null for all.</param>
        /// <param name="encoding">The CSV file's text encoding (a JSON file is always UTF-8).</param>
        /// <param name="readCancellation">Cancels the reads ahead (the cmdlet's Ctrl+C).</param>
        /// <param name="downloads">Saves each row's files as it is written (-IncludeFiles); null to write their URLs only.</param>
        /// <param name="escapeFormula">In a CSV file, escape text cells a spreadsheet would run as formulas (-EscapeFormula).</param>
        /// <exception cref="ExportException">The file cannot be written.</exception>
        public static DatabaseExport Open(
            NotionClient client, INotionLog log, DataSourceDefinition definition, JsonNode? filter, string path, ExportFormat format, Encoding encoding, bool noClobber, bool force, ExportFileDownloads? downloads, bool escapeFormula, CancellationToken readCancellation)
        {
            var schema = definition.Schema;
            var file = new AtomicFile(path, noClobber, force);
            try
            {
                IRowFileWriter writer = format == ExportFormat.Csv
                    ? new CsvRowFileWriter(file.Stream, encoding, schema, escapeFormula)
                    : new JsonBackupWriter(file.Stream, definition.Json, schema, client.Options.ApiVersion, DateTime.UtcNow);
                var reader = new RowReader(client, schema.Id, filter, null, RowReader.AllRows, log, readCancellation);
                return new DatabaseExport(client, log, schema, file, writer, reader, downloads);
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }

        /// <summary>The files of the rows written so far that could not be saved (-IncludeFiles), since the last call.</summary>
        public IReadOnlyList<SavedFile> TakeFileFailures() => downloads?.TakeFailures() ?? Array.Empty<SavedFile>();

        /// <summary>Writes the next page's rows (and with -IncludeFiles saves their files first); false when every row is written.</summary>
        /// <exception cref="ExportException">Notion's cap stopped the read short (NotionQueryCapReached), or the file cannot be written.</exception>
        public async Task<bool> WriteNextPageAsync(CancellationToken cancellationToken)
        {
            using (var batch = await reader.NextAsync(cancellationToken).ConfigureAwait(false))
            {
                if (batch == null)
                {
                    if (reader.Stop != null)
                    {
                        throw new ExportException(NotionErrorIds.NotionQueryCapReached, $"The export of \"{Schema.Name}\" stopped after {Written} rows, so no file is written. {reader.Stop.Message} Export the rows in parts, each with a filter that holds fewer than 10,000 rows created in the same minute.");
                    }

                    return false;
                }

                var rows = await fetcher.FullRowsAsync(batch.Rows, cancellationToken).ConfigureAwait(false);
                var saved = new SavedFilePaths[rows.Count];
                for (var i = 0; i < rows.Count; i++)
                {
                    saved[i] = downloads == null ? SavedFilePaths.None : await downloads.SaveAsync(rows[i].PageId, batch.Rows[i], cancellationToken).ConfigureAwait(false);
                }

                Guarded(() =>
                {
                    for (var i = 0; i < rows.Count; i++)
                    {
                        writer.Write(rows[i], batch.Rows[i], saved[i]);
                    }

                    writer.Flush();
                });
                Written += rows.Count;
                return true;
            }
        }

        /// <summary>Ends the file and moves it over the destination.</summary>
        /// <exception cref="ExportException">The file cannot be written or moved; the destination is as it was.</exception>
        public void Commit()
        {
            Guarded(() => writer.Finish(Written));
            CloseWriter();
            file.Commit();
        }

        /// <summary>Stops the reads still running; without a commit, deletes the temporary file.</summary>
        public void Dispose()
        {
            reader.Dispose();
            CloseWriter();
            file.Dispose();
        }

        /// <summary>Once only: a writer flushes as it closes, and after the commit its stream is closed.</summary>
        private void CloseWriter()
        {
            if (!writerClosed)
            {
                writerClosed = true;
                writer.Dispose();
            }
        }

        private static void Guarded(Action write)
        {
            try
            {
                write();
            }
            catch (System.IO.IOException ex)
            {
                throw new ExportException(NotionErrorIds.NotionExportFileFailed, "Cannot write the export file: " + ex.Message, ex);
            }
        }
    }
}
