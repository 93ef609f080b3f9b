using System;
using System.Linq;

namespace NotionPS.Operations.Files
{
    /// <summary>One file of a row's files column, or of a page's file block: where it is, and the name it has in Notion.</summary>
    internal sealed class RowFile
    {
        public RowFile(string column, int index, string name, string url, bool isHosted = false)
        {
            IsHosted = isHosted;
            Column = column;
            Index = index;
            Name = name;
            Url = url;
        }

        /// <summary>The files column, by its own name or, for a row read earlier (<see cref="OfRow"/>), by the name the row gives it; empty for a file block.</summary>
        public string Column { get; }

        /// <summary>
        /// <see cref="Column"/> is the name a row gives the column (<see cref="Rows.ColumnNames.OutputNames"/>: "files (column)" for
        /// the case twin of Files, "Url (column)" for a column named Url), which a page read again names otherwise.
        /// </summary>
        public bool ColumnIsRowName { get; private set; }

        /// <summary>The file block that holds it; null for a files column's file.</summary>
        public string? BlockId { get; private set; }

        /// <summary>Where it is, for messages: its column, or its block.</summary>
        public string Origin => BlockId == null ? $"column '{Column}'" : $"block {BlockId}";

        /// <summary>Its place in the column's list (or among the page's file blocks), which finds it again in a fresh read of the page.</summary>
        public int Index { get; }

        public string Name { get; }

        public string Url { get; }

        /// <summary>Notion holds the file (type file, at a signed URL), rather than linking it (type external).</summary>
        public bool IsHosted { get; }

        /// <summary>The file of a page's image, file, pdf, video or audio block: its name, or else its URL's last segment.</summary>
        public static RowFile FromBlock(string blockId, int index, string? name, string url, bool isHosted) =>
            new RowFile(string.Empty, index, string.IsNullOrEmpty(name) ? FromUrl(string.Empty, index, url).Name : name!, url, isHosted) { BlockId = blockId };

        /// <summary>
        /// A file of a row read earlier, under the name the row gives its column: named as in Notion, else (a URL the user
        /// put in the cell since) by its URL alone (<see cref="FromUrl"/>).
        /// </summary>
        public static RowFile OfRow(string rowColumn, int index, string url, string? name)
        {
            var file = string.IsNullOrEmpty(name) ? FromUrl(rowColumn, index, url) : new RowFile(rowColumn, index, name!, url);
            file.ColumnIsRowName = true;
            return file;
        }

        /// <summary>A file named by its URL alone: the last segment of its path.</summary>
        private static RowFile FromUrl(string column, int index, string url)
        {
            var name = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Uri.UnescapeDataString(uri.Segments.LastOrDefault() ?? string.Empty) : string.Empty;
            return new RowFile(column, index, name, url);
        }
    }
}
