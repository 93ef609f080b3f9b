namespace NotionPS.Client
{
    /// <summary>
    /// Everything that differs between the Notion-Version values NotionPS speaks, in one place.
    /// 2025-09-03 split databases from data sources; 2026-03-11 renamed <c>archived</c> to <c>in_trash</c>.
    /// </summary>
    internal static class ApiVersion
    {
        public const string Legacy = "2022-06-28";

        /// <summary>Under 2022-06-28 the database itself has the schema and is queried; later, its data sources are.</summary>
        public static bool HasDataSources(string version) => string.CompareOrdinal(version, "2025-09-03") >= 0;

        /// <summary>The page property that moves a page to the trash.</summary>
        public static string TrashProperty(string version) => string.CompareOrdinal(version, "2026-03-11") >= 0 ? "in_trash" : "archived";

        public static string QueryPath(string version, string databaseOrDataSourceId) =>
            HasDataSources(version) ? $"v1/data_sources/{databaseOrDataSourceId}/query" : $"v1/databases/{databaseOrDataSourceId}/query";

        public static string ParentKind(string version) => HasDataSources(version) ? "data_source_id" : "database_id";

        /// <summary>Where a data source's schema is read (under 2022-06-28, the database's own).</summary>
        public static string SchemaPath(string version, string databaseOrDataSourceId) =>
            HasDataSources(version) ? "v1/data_sources/" + databaseOrDataSourceId : "v1/databases/" + databaseOrDataSourceId;

        /// <summary>The search filter value that finds databases: their data sources since 2025-09-03.</summary>
        public static string SearchObject(string version) => HasDataSources(version) ? "data_source" : "database";
    }
}
