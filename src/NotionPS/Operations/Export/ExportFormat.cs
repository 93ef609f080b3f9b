using System;
using System.IO;
using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>The two file formats of a database export, told apart by the file's extension.</summary>
    internal enum ExportFormat
    {
        /// <summary>A header row of column names, then each row's cells as text, as Export-Csv writes rows.</summary>
        Csv,

        /// <summary>The schema and the rows with their types kept: a backup Import-NotionDatabase restores.</summary>
        Json,
    }

    internal static class ExportFormats
    {
        /// <exception cref="ExportException">The extension is neither .csv nor .json.</exception>
        public static ExportFormat FromPath(string path)
        {
            var extension = Path.GetExtension(path);
            if (string.Equals(extension, ".csv", StringComparison.OrdinalIgnoreCase))
            {
                return ExportFormat.Csv;
            }

            if (string.Equals(extension, ".json", StringComparison.OrdinalIgnoreCase))
            {
                return ExportFormat.Json;
            }

            throw new ExportException(
                NotionErrorIds.NotionExportFormatUnknown,
                $"'{path}' ends in neither .csv nor .json, so its format is unknown. Name the file *.csv (the cells as text, as Export-Csv writes them) or *.json (a backup that keeps the types and the schema).");
        }
    }
}
