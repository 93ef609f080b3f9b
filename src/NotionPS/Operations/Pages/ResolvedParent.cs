using System.Text.Json.Nodes;
using NotionPS.Client;

namespace NotionPS.Operations
{
    /// <summary>A new page's parent, resolved: a page, or a data source with its columns (a row with a body).</summary>
    internal sealed class ResolvedParent
    {
        private ResolvedParent(string id, DataSourceSchema? dataSource)
        {
            Id = id;
            DataSource = dataSource;
        }

        /// <summary>The page's ID, or the data source's (under 2022-06-28, the database's).</summary>
        public string Id { get; }

        /// <summary>The data source whose row the page is; null for a page under a page.</summary>
        public DataSourceSchema? DataSource { get; }

        public static ResolvedParent Page(string pageId) => new ResolvedParent(pageId, null);

        public static ResolvedParent Rows(DataSourceSchema dataSource) => new ResolvedParent(dataSource.Id, dataSource);

        /// <summary>The <c>parent</c> of the create request.</summary>
        public JsonObject ToJson(string apiVersion)
        {
            var kind = DataSource == null ? "page_id" : ApiVersion.ParentKind(apiVersion);
            return new JsonObject { ["type"] = kind, [kind] = Id };
        }
    }
}
