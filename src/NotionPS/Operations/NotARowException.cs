using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>A page given as a database row whose parent is not a database (a page under a page, or the workspace).</summary>
    internal sealed class NotARowException : NotionException
    {
        public NotARowException(string pageId, string? parentType)
            : base(NotionErrorIds.NotionPageNotARow, $"Page {pageId} is not a database row: {Parent(parentType)}.")
        {
        }

        private static string Parent(string? parentType)
        {
            switch (parentType)
            {
                case "page_id": return "its parent is a page, not a database";
                case "block_id": return "its parent is a block, not a database";
                case "workspace": return "it is at the top of the workspace, not in a database";
                default: return "it has no database parent";
            }
        }
    }
}
