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
        public static async Task<DataSourceSchema> ResolveAsync(NotionClient client, string? databaseId, string? dataSourceId, INotionLog log, CancellationToken cancellationToken)
        {
            if (dataSourceId != null)
            {
                return await client.GetSchemaAsync(dataSourceId, log, cancellationToken).ConfigureAwait(false);
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
        public DataSourceChoiceException(DatabaseInfo database)
            : base(Describe(database))
        {
            HasNone = database.DataSources.Count == 0;
        }

        /// <summary>Under Notion-Version 2022-06-28, which refuses a database with several data sources.</summary>
        public DataSourceChoiceException(string databaseId, NotionApiException refusal)
            : base($"Database {databaseId} has several data sources, which Notion-Version {ApiVersion.Legacy} cannot read ({refusal.ApiMessage}). "
                + "Connect with -ApiVersion 2025-09-03 or later, then give -DataSourceId (Get-NotionDatabase lists them).", refusal)
        {
        }

        public bool HasNone { get; }

        public string ErrorId => HasNone ? "NotionNoDataSource" : "NotionDatabaseHasSeveralDataSources";

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
