using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>An ID given as a database's that is a page's (pages and databases share one ID space).</summary>
    internal sealed class NotADatabaseException : NotionException
    {
        private readonly string id;

        public NotADatabaseException(string id)
            : base(NotionErrorIds.NotionIdIsAPage, $"{id} is a page, not a database.")
        {
            this.id = id;
        }

        public string Id => Shown(id);
    }
}
