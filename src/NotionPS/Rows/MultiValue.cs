using System.Collections.Generic;
using System.Linq;
using NotionPS.Rows;

namespace NotionPS
{
    /// <summary>
    /// The items of a multi-select, relation or files cell: strings, whose text is the items joined by "; ",
    /// escaped as about_NotionPS says (a files cell's URLs are joined as they are).
    /// </summary>
    public sealed class MultiValue : CellList<string>
    {
        private readonly bool urls;

        /// <summary>A files cell's files as read, URL and name: the names Save-NotionFile gives them, which the text leaves out.</summary>
        private readonly IReadOnlyList<(string Url, string? Name)> files = System.Array.Empty<(string, string?)>();

        public MultiValue()
            : this(System.Array.Empty<string>())
        {
        }

        public MultiValue(IEnumerable<string> items)
            : this(items, urls: false)
        {
        }

        private MultiValue(IEnumerable<string> items, bool urls, IReadOnlyList<(string Url, string? Name)>? files = null)
            : base(items)
        {
            this.urls = urls;
            this.files = files ?? this.files;
        }

        /// <summary>A files cell: its items are the files' URLs, and each file's name is kept beside them.</summary>
        internal static MultiValue OfFiles(IReadOnlyList<(string Url, string? Name)> files) =>
            new MultiValue(files.Select(file => file.Url), urls: true, files);

        /// <summary>The cell is a files cell (its items are file URLs).</summary>
        internal bool IsFileUrls => urls;

        /// <summary>
        /// The name in Notion of the file at <paramref name="index"/>, as read; null when the cell was changed there since
        /// (the list is the user's to edit) or Notion gave none.
        /// </summary>
        internal string? FileName(int index, string url) =>
            index < files.Count && files[index].Url == url ? files[index].Name : null;

        public override string ToString() => urls ? CellText.JoinUrls(this) : CellText.Join(this);
    }
}
