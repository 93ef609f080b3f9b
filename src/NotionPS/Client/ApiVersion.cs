using System;

namespace NotionPS.Client
{
    /// <summary>
    /// Everything that differs between the Notion-Version values NotionPS speaks, in one place.
    /// 2025-09-03 split databases from data sources; 2026-03-11 renamed <c>archived</c> to <c>in_trash</c>.
    /// </summary>
    internal static class ApiVersion
    {
        public const string Latest = "2026-03-11";
        public const string DataSources = "2025-09-03";
        public const string Legacy = "2022-06-28";

        /// <summary>The versions NotionPS speaks, newest first.</summary>
        public static readonly string[] Supported = { Latest, DataSources, Legacy };

        /// <summary>Under 2022-06-28 the database itself has the schema and is queried; later, its data sources are.</summary>
        public static bool HasDataSources(string version) => string.CompareOrdinal(version, DataSources) >= 0;

        /// <summary>The page property that moves a page to the trash.</summary>
        public static string TrashProperty(string version) => string.CompareOrdinal(version, Latest) >= 0 ? "in_trash" : "archived";

        public static string QueryPath(string version, string databaseOrDataSourceId) =>
            HasDataSources(version) ? $"v1/data_sources/{RequestAddress.Segment(databaseOrDataSourceId)}/query" : $"v1/databases/{RequestAddress.Segment(databaseOrDataSourceId)}/query";

        /// <summary>
        /// Notion's answer, under 2022-06-28, for a database with several data sources: a validation_error
        /// whose additional_data lists child_data_source_ids.
        /// </summary>
        public static bool IsSeveralDataSourcesRefusal(NotionApiException exception) =>
            exception.Code == NotionErrorCodes.ValidationError
            && exception.AdditionalData is System.Text.Json.JsonElement data
            && data.ValueKind == System.Text.Json.JsonValueKind.Object
            && data.TryGetProperty("child_data_source_ids", out _);

        /// <summary>
        /// Notion's answer, under 2022-06-28, for a linked database or one none of whose data sources is shared:
        /// a validation_error told apart only by its wording.
        /// </summary>
        public static bool IsNoReachableDataSourceRefusal(NotionApiException exception) =>
            exception.Code == NotionErrorCodes.ValidationError
            && (exception.ApiMessage.IndexOf("is a linked database", StringComparison.OrdinalIgnoreCase) >= 0
                || exception.ApiMessage.IndexOf("does not contain any data sources accessible", StringComparison.OrdinalIgnoreCase) >= 0);

        public static string ParentKind(string version) => HasDataSources(version) ? "data_source_id" : "database_id";

        /// <summary>Where a data source's schema is read (under 2022-06-28, the database's own).</summary>
        public static string SchemaPath(string version, string databaseOrDataSourceId) =>
            HasDataSources(version) ? "v1/data_sources/" + RequestAddress.Segment(databaseOrDataSourceId) : "v1/databases/" + RequestAddress.Segment(databaseOrDataSourceId);

        /// <summary>The search filter value that finds databases: their data sources since 2025-09-03.</summary>
        public static string SearchObject(string version) => HasDataSources(version) ? "data_source" : "database";

        /// <summary>The data source IDs that 2022-06-28's several-data-sources refusal lists; none for another failure.</summary>
        public static string[] ChildDataSources(NotionApiException exception) =>
            exception.AdditionalData is System.Text.Json.JsonElement data && JsonRead.Array(data, "child_data_source_ids") is System.Text.Json.JsonElement ids
                ? System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(ids.EnumerateArray(), id => id.ToString()))
                : new string[0];
    }
}
