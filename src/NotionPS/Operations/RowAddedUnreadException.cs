using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>
    /// A row Notion added (its create answered with the new page) whose reading back failed, such as the property-item
    /// read of a column with more than 25 people or relations: the row exists, so adding it again would make a duplicate.
    /// Its id and message are the read's failure's.
    /// </summary>
    internal sealed class RowAddedUnreadException : NotionException
    {
        private readonly string pageId;

        public RowAddedUnreadException(string pageId, NotionException cause)
            : base(cause.ErrorId, cause.Message, cause)
        {
            this.pageId = pageId;
        }

        /// <summary>The page Notion created for the row.</summary>
        public string PageId => Shown(pageId);

        /// <summary>The failure of reading the row back.</summary>
        public NotionException Cause => (NotionException)InnerException!;
    }
}
