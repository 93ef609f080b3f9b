using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// The data source a row cmdlet works on: the one given, or the only one of the database given.
    /// Under Notion-Version 2022-06-28 the database is its own data source.
    /// </summary>
    internal static class DataSourceResolver
    {
        /// <summary>A database's data sources as the output objects show them.</summary>
        public static IReadOnlyList<NotionDataSource> DataSourcesOf(DatabaseInfo database) =>
            database.DataSources.Select(source => new NotionDataSource(source.Id, source.Name, database.Id)).ToList();

        public static async Task<DataSourceSchema> ResolveAsync(NotionClient client, string? databaseId, string? dataSourceId, INotionLog log, CancellationToken cancellationToken)
        {
            if (dataSourceId != null)
            {
                try
                {
                    return await client.GetSchemaAsync(dataSourceId, log, cancellationToken).ConfigureAwait(false);
                }
                catch (NotionApiException ex) when (ex.Code == "object_not_found" && !ApiVersion.HasDataSources(client.Options.ApiVersion))
                {
                    // 2022-06-28 knows only databases (each its own data source): a real data source ID is never found.
                    throw DataSourceChoiceException.NoDataSourcesInLegacyVersion(dataSourceId, ex);
                }
            }

            if (!ApiVersion.HasDataSources(client.Options.ApiVersion))
            {
                try
                {
                    return await client.GetSchemaAsync(databaseId!, log, cancellationToken).ConfigureAwait(false);
                }
                catch (NotionApiException ex) when (ApiVersion.IsSeveralDataSourcesRefusal(ex))
                {
                    // 2022-06-28 cannot read a database that has several data sources at all.
                    throw new DataSourceChoiceException(databaseId!, ex);
                }
            }

            var database = await client.GetDatabaseAsync(databaseId!, log, cancellationToken).ConfigureAwait(false);
            if (database.DataSources.Count != 1)
            {
                throw new DataSourceChoiceException(database);
            }

            return await client.GetSchemaAsync(database.DataSources[0].Id, log, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A database addressed by its ID that has no data source the integration can reach, or several.</summary>
    internal sealed class DataSourceChoiceException : Exception
    {
        private const string ChooseDataSource = "Give -DataSourceId with one of the data sources listed (Get-NotionDatabase lists them).";
        private const string ConnectNewer = "Connect with -ApiVersion " + ApiVersion.DataSources + " or later, then give -DataSourceId with one of them (Get-NotionDatabase lists them).";

        public DataSourceChoiceException(DatabaseInfo database)
            : base(Describe(database))
        {
            var hasNone = database.DataSources.Count == 0;
            ErrorId = hasNone ? "NotionNoDataSource" : "NotionDatabaseHasSeveralDataSources";
            RecommendedAction = hasNone ? Remedies.ShareSourceDatabase : ChooseDataSource;
        }

        /// <summary>Under Notion-Version 2022-06-28, which refuses a database with several data sources.</summary>
        public DataSourceChoiceException(string databaseId, NotionApiException refusal)
            : base($"Database {databaseId} has several data sources ({string.Join(", ", ApiVersion.ChildDataSources(refusal))}), "
                + $"which Notion-Version {ApiVersion.Legacy} cannot read ({refusal.ApiMessage}). " + ConnectNewer, refusal)
        {
            ErrorId = "NotionDatabaseHasSeveralDataSources";
            RecommendedAction = ConnectNewer;
        }

        private DataSourceChoiceException(string message, string errorId, string recommendedAction)
            : base(message)
        {
            ErrorId = errorId;
            RecommendedAction = recommendedAction;
        }

        public string ErrorId { get; }

        public string RecommendedAction { get; }

        /// <summary>A data source ID given while connected with 2022-06-28, which knows only databases.</summary>
        public static DataSourceChoiceException NoDataSourcesInLegacyVersion(string dataSourceId, NotionApiException notFound) =>
            new DataSourceChoiceException(
                $"No database {dataSourceId} is visible to the integration ({notFound.ApiMessage}). Under Notion-Version {ApiVersion.Legacy} there are no data sources: "
                    + "-DataSourceId takes a database's own ID, so a data source ID from a newer version is never found.",
                "NotionDataSourceNeedsNewerApiVersion",
                $"Give the database's ID, or connect with -ApiVersion {ApiVersion.DataSources} or later to address its data sources. "
                    + "If it is a database, share it with the integration (••• > Add connections).");

        private static string Describe(DatabaseInfo database)
        {
            if (database.DataSources.Count == 0)
            {
                return $"Database \"{database.Title}\" ({database.Id}) has no data source this integration can reach. " + Remedies.ShareSourceDatabase;
            }

            IEnumerable<string> sources = database.DataSources.Select(source => $"\"{source.Name}\" ({source.Id})");
            return $"Database \"{database.Title}\" ({database.Id}) has {database.DataSources.Count} data sources: {string.Join(", ", sources)}. "
                + "Say which one with -DataSourceId (Get-NotionDatabase lists them).";
        }
    }
}
