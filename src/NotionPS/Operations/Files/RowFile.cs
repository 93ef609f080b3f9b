using System;
using System.Linq;

namespace NotionPS.Operations.Files
{
    /// <summary>One file of a row's files column: where it is, and the name it has in Notion.</summary>
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

        public string Column { get; }

        /// <summary>Its place in the column's list, which finds it again in a fresh read of the page.</summary>
        public int Index { get; }

        public string Name { get; }

        public string Url { get; }

        /// <summary>Notion holds the file (type file, at a signed URL), rather than linking it (type external).</summary>
        public bool IsHosted { get; }

        /// <summary>A file named by its URL alone (a row's cell holds only URLs): the last segment of its path.</summary>
        public static RowFile FromUrl(string column, int index, string url)
        {
            var name = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Uri.UnescapeDataString(uri.Segments.LastOrDefault() ?? string.Empty) : string.Empty;
            return new RowFile(column, index, name, url);
        }
    }
}
