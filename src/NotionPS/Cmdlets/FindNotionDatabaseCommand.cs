using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using NotionPS.Client;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Finds the databases shared with the integration, by title. Searches Notion (all pages of results) and
    /// outputs each database once, with its data sources. The output pipes into the row cmdlets by its DatabaseId.
    /// </summary>
    [Cmdlet(VerbsCommon.Find, "NotionDatabase", HelpUri = HelpUriBase + "Find-NotionDatabase.md")]
    [OutputType(typeof(NotionDatabase))]
    public sealed class FindNotionDatabaseCommand : NotionConnectedCmdlet
    {
        /// <summary>Text the title contains; all databases when left out.</summary>
        [Parameter(Position = 0)]
        public string? Title { get; set; }

        protected override void EndProcessing()
        {
            var search = new DatabaseSearch(Client, Log);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            string? cursor = null;
            try
            {
                do
                {
                    var page = RunWithLogPump(cancellationToken => search.SearchAsync(Title, cursor, cancellationToken));
                    foreach (var (databaseId, _) in page.Hits.Where(found => seen.Add(found.DatabaseId)))
                    {
                        WriteDatabase(databaseId, page);
                    }

                    cursor = page.NextCursor;
                }
                while (cursor != null);
            }
            catch (NotionApiException ex)
            {
                ThrowTerminatingError(NotionErrorRecords.From(ex, Title));
            }
        }

        /// <summary>Since 2025-09-03 search finds data sources: the database is read for its own title, URL and data sources.</summary>
        private void WriteDatabase(string databaseId, DatabaseSearchPage found)
        {
            try
            {
                WriteObject(RunWithLogPump(cancellationToken => new DatabaseReader(Client, Log).ReadFoundAsync(databaseId, found, cancellationToken)));
            }
            catch (NotionApiException ex)
            {
                WriteError(NotionErrorRecords.From(ex, databaseId, ConnectionFacts()));
            }
        }
    }
}
