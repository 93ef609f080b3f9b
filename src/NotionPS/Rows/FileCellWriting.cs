using System;
using System.Collections.Generic;

namespace NotionPS.Rows
{
    /// <summary>What writing a row's files cells needs: local paths resolved, and a list for the items to finish.</summary>
    internal sealed class FileCellWriting
    {
        /// <param name="resolvePath">
        /// The full path of the local file a text names (under -LocalFileRoot, checked there); it throws a NotionFileException
        /// where text may not name one (no -LocalFileRoot given, or a path outside it). Called only for values a user gave
        /// (<see cref="RowSource.Given"/>).
        /// </param>
        public FileCellWriting(Func<string, string> resolvePath)
        {
            ResolvePath = resolvePath;
        }

        public Func<string, string> ResolvePath { get; }

        public List<PendingFile> Pending { get; } = new List<PendingFile>();
    }
}
