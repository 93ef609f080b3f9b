using System;

namespace NotionPS.Ids
{
    /// <summary>
    /// What a row or database cmdlet works on: a database, or one of its data sources given exactly.
    /// Replaces a pair of nullable strings of which exactly one had to be set.
    /// </summary>
    internal sealed class DatabaseTarget
    {
        private DatabaseTarget(string? databaseId, string? dataSourceId)
        {
            DatabaseId = databaseId;
            DataSourceId = dataSourceId;
        }

        /// <summary>The database; null only for a data source given by its ID alone.</summary>
        public string? DatabaseId { get; }

        /// <summary>The data source, when one was named; otherwise the database's only one is meant.</summary>
        public string? DataSourceId { get; }

        public static DatabaseTarget Database(string databaseId) =>
            new DatabaseTarget(Required(databaseId, nameof(databaseId)), null);

        /// <param name="dataSourceId">The data source's ID.</param>
        /// <param name="databaseId">Its database, when known (a row or a NotionDataSource carries it).</param>
        public static DatabaseTarget DataSource(string dataSourceId, string? databaseId = null) =>
            new DatabaseTarget(databaseId, Required(dataSourceId, nameof(dataSourceId)));

        public override string ToString() => DataSourceId ?? DatabaseId!;

        private static string Required(string id, string name) =>
            string.IsNullOrEmpty(id) ? throw new ArgumentException("An ID is required.", name) : id;
    }
}
