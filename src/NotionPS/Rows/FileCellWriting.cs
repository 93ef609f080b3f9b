using System;
using System.Collections.Generic;

namespace NotionPS.Rows
{
    /// <summary>What writing a row's files cells needs: local paths resolved, and a list for the items to finish.</summary>
    internal sealed class FileCellWriting
    {
        /// <param name="resolvePath">A path as the user typed it to a full path (the cmdlet knows the current location).</param>
        /// <param name="fromRow">The values are cells of a row NotionPS read: their URLs may be Notion-hosted.</param>
        public FileCellWriting(Func<string, string> resolvePath, bool fromRow)
        {
            ResolvePath = resolvePath;
            FromRow = fromRow;
        }

        public Func<string, string> ResolvePath { get; }

        public bool FromRow { get; }

        public List<PendingFile> Pending { get; } = new List<PendingFile>();
    }
}
