using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>
    /// A page request that cannot work as given, found before anything is written: an -After anchor that is not on
    /// the page, is there more than once, is another page's or cannot be followed, properties for a parent that has no
    /// columns. The message states the facts.
    /// </summary>
    internal sealed class PageInputException : NotionException
    {
        private PageInputException(string errorId, string message)
            : base(errorId, message)
        {
        }

        public static PageInputException AnchorNotFound(string anchor, string pageId, string headings) =>
            new PageInputException(NotionErrorIds.NotionPageAnchorNotFound,
                $"Page {pageId} has no heading \"{anchor}\" at any depth. Its headings: {headings}.");

        public static PageInputException BlockAnchorNotFound(string anchor, string pageId) =>
            new PageInputException(NotionErrorIds.NotionPageAnchorNotFound,
                $"Block {anchor} was not found for page {pageId}: Notion has no block with that ID that this connection can see, or it is in the trash.");

        public static PageInputException AnchorOnOtherPage(string anchor, string pageId, string onWhat) =>
            new PageInputException(NotionErrorIds.NotionPageAnchorOnOtherPage,
                $"Block {anchor} is not on page {pageId}: it is on {onWhat}.");

        public static PageInputException AnchorTakesNoSiblings(string anchor, string pageId, string why) =>
            new PageInputException(NotionErrorIds.NotionPageAnchorTakesNoSiblings,
                $"Nothing can be written right after block {anchor} on page {pageId}: it {why}.");

        public static PageInputException AnchorAmbiguous(string anchor, string pageId, string blockIds) =>
            new PageInputException(NotionErrorIds.NotionPageAnchorAmbiguous,
                $"Page {pageId} has several headings \"{anchor}\" at the same depth, the shallowest that has one (blocks {blockIds}).");

        public static PageInputException PropertiesNeedDatabase(string parentId) =>
            new PageInputException(NotionErrorIds.NotionPagePropertyNeedsDatabase,
                $"{parentId} is a page: a page under a page has a title and no other properties.");
    }
}
