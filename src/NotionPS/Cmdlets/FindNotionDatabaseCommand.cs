using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using NotionPS.Client;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Finds the databases shared with the integration, by title.</para>
    /// <para type="description">Searches Notion (all pages of results) and outputs each database once, with its data sources. The output pipes into the row cmdlets by its DatabaseId.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Find, "NotionDatabase", HelpUri = HelpUriBase + "Find-NotionDatabase.md")]
    [OutputType(typeof(NotionDatabase))]
    public sealed class FindNotionDatabaseCommand : NotionCmdlet
    {
        /// <summary>Text the title contains; all databases when left out.</summary>
        [Parameter(Position = 0)]
        public string? Title { get; set; }

        protected override void EndProcessing()
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            string? cursor = null;
            try
            {
                do
                {
                    var page = Await(cancellationToken => Client.SearchDatabasesAsync(Title, cursor, Log, cancellationToken));
                    foreach (var (databaseId, _) in DatabaseSearch.Databases(page, ActiveConnection.ApiVersion).Where(found => seen.Add(found.DatabaseId)))
                    {
                        WriteDatabase(databaseId);
                    }

                    cursor = page.HasMore ? page.NextCursor : null;
                }
                while (cursor != null);
            }
            catch (NotionApiException ex)
            {
                ThrowTerminatingError(ToErrorRecord(ex, Title));
            }
        }

        /// <summary>Since 2025-09-03 search finds data sources: the database is read for its own title, URL and data sources.</summary>
        private void WriteDatabase(string databaseId)
        {
            try
            {
                var database = Await(cancellationToken => Client.GetDatabaseAsync(databaseId, Log, cancellationToken));
                WriteObject(NotionDatabases.From(database));
            }
            catch (NotionApiException ex)
            {
                WriteError(ToErrorRecord(ex, databaseId));
            }
        }
    }

    internal static class NotionDatabases
    {
        public static NotionDatabase From(DatabaseInfo database, IReadOnlyList<NotionDataSource>? dataSources = null) =>
            new NotionDatabase(
                database.Id,
                database.Title,
                database.Url,
                database.CreatedTime,
                database.LastEditedTime,
                dataSources ?? DataSourceResolver.DataSourcesOf(database));
    }
}
