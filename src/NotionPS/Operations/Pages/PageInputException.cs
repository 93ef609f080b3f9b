using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>
    /// A page request that cannot work as given, found before anything is written: an -After anchor that is not on
    /// the page or is there more than once, properties for a parent that has no columns. The message states the facts.
    /// </summary>
    internal sealed class PageInputException : NotionException
    {
        private PageInputException(string errorId, string message)
            : base(errorId, message)
        {
        }

        public static PageInputException AnchorNotFound(string anchor, string pageId, string headings) =>
            new PageInputException(NotionErrorIds.NotionPageAnchorNotFound,
                $"Page {pageId} has no heading \"{anchor}\" and no block with that ID among its top-level blocks. Its headings: {headings}.");

        public static PageInputException AnchorAmbiguous(string anchor, string pageId, string blockIds) =>
            new PageInputException(NotionErrorIds.NotionPageAnchorAmbiguous,
                $"Page {pageId} has several headings \"{anchor}\" (blocks {blockIds}).");

        public static PageInputException PropertiesNeedDatabase(string parentId) =>
            new PageInputException(NotionErrorIds.NotionPagePropertyNeedsDatabase,
                $"{parentId} is a page: a page under a page has a title and no other properties.");
    }
}
