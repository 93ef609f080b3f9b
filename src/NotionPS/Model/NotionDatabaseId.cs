using System.Collections.Generic;

namespace NotionPS
{
    /// <summary>
    /// A database ID found in a Notion link or ID, as Get-NotionDatabaseId outputs it. Its
    /// DatabaseId property binds by name to the cmdlets that take a database.
    /// </summary>
    public sealed class NotionDatabaseId
    {
        internal NotionDatabaseId(string databaseId, string? viewId, string? pageId, string url)
        {
            DatabaseId = databaseId;
            ViewId = viewId;
            PageId = pageId;
            Url = url;
        }

        /// <summary>The database ID as the API writes it: dashed, lowercase.</summary>
        public string DatabaseId { get; }

        /// <summary>The view from the link's <c>?v=</c>, dashed and lowercase; null when the link has none.</summary>
        public string? ViewId { get; }

        /// <summary>The row that was open in a side peek (the link's <c>p=</c>); null when the link has none.</summary>
        public string? PageId { get; }

        /// <summary>The link or ID as it was given.</summary>
        public string Url { get; }

        /// <summary>The database's title; null unless the ID was resolved against the API (-Resolve).</summary>
        public string? Title { get; internal set; }

        /// <summary>The database's data sources; null unless the ID was resolved against the API (-Resolve).</summary>
        public IReadOnlyList<NotionDataSource>? DataSources { get; internal set; }

        public override string ToString() => DatabaseId;
    }
}
