using System.Collections.Generic;
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

        public MultiValue()
            : this(System.Array.Empty<string>())
        {
        }

        public MultiValue(IEnumerable<string> items)
            : this(items, urls: false)
        {
        }

        private MultiValue(IEnumerable<string> items, bool urls)
            : base(items)
        {
            this.urls = urls;
        }

        /// <summary>A files cell's URLs.</summary>
        internal static MultiValue OfUrls(IEnumerable<string> urls) => new MultiValue(urls, urls: true);

        /// <summary>The cell is a files cell (its items are file URLs).</summary>
        internal bool IsFileUrls => urls;

        public override string ToString() => urls ? CellText.JoinUrls(this) : CellText.Join(this);
    }
}
