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
        public PageWriteException(string pageId, string message, NotionException cause)
            : base(NotionErrorIds.NotionPageContentIncomplete, message, cause)
        {
            PageId = pageId;
            Cause = cause;
        }

        public string PageId { get; }

        public NotionException Cause { get; }

        /// <summary>Lines as short ranges: 1-40, 52, 60-61.</summary>
        public static string Ranges(IEnumerable<int> lines)
        {
            var sorted = lines.Distinct().OrderBy(line => line).ToList();
            var parts = new List<string>();
            for (var i = 0; i < sorted.Count;)
            {
                var end = i;
                while (end + 1 < sorted.Count && sorted[end + 1] == sorted[end] + 1)
                {
                    end++;
                }

                parts.Add(end == i ? sorted[i].ToString(CultureInfo.InvariantCulture) : string.Format(CultureInfo.InvariantCulture, "{0}-{1}", sorted[i], sorted[end]));
                i = end + 1;
            }

            return parts.Count == 0 ? "none" : string.Join(", ", parts);
        }
    }
}
