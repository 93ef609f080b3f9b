using System.Collections.Generic;
using System.Linq;
using NotionPS.Client;
using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>Why a database given by its ID names no one data source to work on.</summary>
    internal enum DataSourceChoiceProblem
    {
        /// <summary>The integration reaches none of its data sources (a linked database, say).</summary>
        NoneReachable,

        /// <summary>It has several: one must be named.</summary>
        Several,

        /// <summary>It has several, which Notion-Version 2022-06-28 cannot read at all.</summary>
        SeveralInLegacyVersion,

        /// <summary>A data source ID given under 2022-06-28, which knows only databases.</summary>
        NoDataSourcesInLegacyVersion,
    }

    /// <summary>
    /// A database that has no data source the integration can reach, or several. The message states the facts;
    /// what to do (which names parameters) is the cmdlets' to say, from <see cref="Problem"/>.
    /// </summary>
    internal sealed class DataSourceChoiceException : NotionException
    {
        private readonly string id;
        private readonly IReadOnlyList<DataSourceRef> dataSources;

        private DataSourceChoiceException(DataSourceChoiceProblem problem, string id, IReadOnlyList<DataSourceRef> dataSources, string message, NotionApiException? refusal = null)
            : base(ErrorIdOf(problem), message, refusal)
        {
            Problem = problem;
            this.id = id;
            this.dataSources = dataSources;
        }

        public DataSourceChoiceProblem Problem { get; }

        /// <summary>The database (or, for <see cref="DataSourceChoiceProblem.NoDataSourcesInLegacyVersion"/>, the data source) given.</summary>
        public string Id => Shown(id);

        /// <summary>The data sources found (for the legacy refusal, their IDs only), their names as Notion gave them but for the token.</summary>
        public IReadOnlyList<DataSourceRef> DataSources => dataSources.Select(source => new DataSourceRef(Shown(source.Id), Shown(source.Name))).ToList();

        /// <summary>A database read under a data-source version that has none reachable, or several.</summary>
        public static DataSourceChoiceException ForDatabase(DatabaseInfo database)
        {
            if (database.DataSources.Count == 0)
            {
                return new DataSourceChoiceException(DataSourceChoiceProblem.NoneReachable, database.Id, database.DataSources,
                    $"Database \"{ServerText.Visible(database.Title)}\" ({database.Id}) has no data source this integration can reach.");
            }

            var sources = database.DataSources.Select(source => $"\"{ServerText.Visible(source.Name)}\" ({source.Id})");
            return new DataSourceChoiceException(DataSourceChoiceProblem.Several, database.Id, database.DataSources,
                $"Database \"{ServerText.Visible(database.Title)}\" ({database.Id}) has {database.DataSources.Count} data sources: {string.Join(", ", sources)}.");
        }

        /// <summary>Under Notion-Version 2022-06-28, which refuses a database with several data sources.</summary>
        public static DataSourceChoiceException SeveralInLegacyVersion(string databaseId, NotionApiException refusal)
        {
            var ids = ApiVersion.ChildDataSources(refusal);
            return new DataSourceChoiceException(DataSourceChoiceProblem.SeveralInLegacyVersion, databaseId, ids.Select(id => new DataSourceRef(id, string.Empty)).ToList(),
                $"Database {databaseId} has several data sources ({string.Join(", ", ids)}), which Notion-Version {ApiVersion.Legacy} cannot read ({refusal.ApiMessage}).",
                refusal);
        }

        /// <summary>A data source ID given while connected with 2022-06-28, which knows only databases.</summary>
        public static DataSourceChoiceException NoDataSourcesInLegacyVersion(string dataSourceId, NotionApiException notFound) =>
            new DataSourceChoiceException(DataSourceChoiceProblem.NoDataSourcesInLegacyVersion, dataSourceId, new DataSourceRef[0],
                $"No database {dataSourceId} is visible to the integration ({notFound.ApiMessage}). Under Notion-Version {ApiVersion.Legacy} there are no data sources: "
                    + "a data source is addressed by its database's own ID, so a data source ID from a newer version is never found.",
                notFound);

        private static string ErrorIdOf(DataSourceChoiceProblem problem)
        {
            switch (problem)
            {
                case DataSourceChoiceProblem.NoneReachable: return NotionErrorIds.NotionNoDataSource;
                case DataSourceChoiceProblem.NoDataSourcesInLegacyVersion: return NotionErrorIds.NotionDataSourceNeedsNewerApiVersion;
                default: return NotionErrorIds.NotionDatabaseHasSeveralDataSources;
            }
        }
    }
}
