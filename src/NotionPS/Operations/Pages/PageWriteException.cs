using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>
    /// Content written in several requests that stopped midway: says exactly which blocks (by their Markdown lines)
    /// are on the page and which are not. <see cref="Cause"/> is Notion's refusal, for its own remedy.
    /// </summary>
    internal sealed class PageWriteException : NotionException
    {
        private readonly string pageId;

        private readonly NotionException cause;

        public PageWriteException(string pageId, string message, NotionException cause)
            : base(NotionErrorIds.NotionPageContentIncomplete, message, cause)
        {
            this.pageId = pageId;
            this.cause = cause;
        }

        public string PageId => Shown(pageId);

        public NotionException Cause => Shown(cause);

        /// <summary>
        /// Block start lines as short ranges (1-199, 240, 300-310): a range runs over the blocks of
        /// <paramref name="all"/> that are all among <paramref name="lines"/>, the blank lines between them included.
        /// </summary>
        public static string Ranges(IEnumerable<int> lines, IEnumerable<int> all)
        {
            var wanted = new HashSet<int>(lines);
            var parts = new List<string>();
            int? first = null, last = null;
            foreach (var line in all.Distinct().OrderBy(line => line))
            {
                if (wanted.Contains(line))
                {
                    first ??= line;
                    last = line;
                    continue;
                }

                Close();
            }

            Close();
            return string.Join(", ", parts);

            void Close()
            {
                if (first != null)
                {
                    parts.Add(first == last ? first.Value.ToString(CultureInfo.InvariantCulture) : string.Format(CultureInfo.InvariantCulture, "{0}-{1}", first, last));
                }

                first = last = null;
            }
        }
    }
}
