using System;
using System.Collections.Generic;

namespace NotionPS.Rows
{
    /// <summary>What writing a row's files cells needs: local paths resolved, and a list for the items to finish.</summary>
    internal sealed class FileCellWriting
    {
        /// <param name="resolvePath">
        /// The full path of the local file a text names (under -LocalFileRoot, checked there); it throws a NotionFileException
        /// where text may not name one (no -LocalFileRoot given, or a path outside it).
        /// </param>
        /// <param name="fromRow">
        /// The values are cells of a row NotionPS read: their URLs may be Notion-hosted, and text that is no http(s) URL is
        /// kept as an external URL as given, never read as a local path (another user may have written it).
        /// </param>
        /// <param name="fromBackup">
        /// The values come from a JSON backup of rows (Export-NotionDatabase): Notion's own data, so a URL holding a user name
        /// or password that Notion held is kept, as in a row read from Notion; text that is no URL is still a saved file's path.
        /// </param>
        public FileCellWriting(Func<string, string> resolvePath, bool fromRow, bool fromBackup = false)
        {
            ResolvePath = resolvePath;
            FromRow = fromRow;
            KeepsCredentials = fromRow || fromBackup;
        }

        public Func<string, string> ResolvePath { get; }

        public bool FromRow { get; }

        /// <summary>Whether a URL with credentials is kept as Notion held it (a row read from Notion, a JSON backup), not refused as a user's.</summary>
        public bool KeepsCredentials { get; }

        public List<PendingFile> Pending { get; } = new List<PendingFile>();
    }
}
