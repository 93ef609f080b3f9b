using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Gets a database with its data sources and, for each, its columns (names, types, select options).</para>
    /// <para type="description">A data source the integration cannot reach (the source of a linked database, say) is listed without columns, and -Verbose says why.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "NotionDatabase", HelpUri = HelpUriBase + "Get-NotionDatabase.md")]
    [OutputType(typeof(NotionDatabase))]
    public sealed class GetNotionDatabaseCommand : NotionCmdlet
    {
        /// <summary>The database's ID, or its URL as copied from Notion.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DatabaseIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] DatabaseId { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            foreach (var input in DatabaseId)
            {
                var parsed = ParseIdOrWriteError(input);
                if (parsed == null)
                {
                    continue;
                }

                try
                {
                    WriteObject(Await(cancellationToken => ReadAsync(parsed.Id, cancellationToken)));
                }
                catch (NotionApiException ex)
                {
                    WriteError(ToErrorRecord(ex, input));
                }
            }
        }

        private async Task<NotionDatabase> ReadAsync(string databaseId, CancellationToken cancellationToken)
        {
            var database = await Client.GetDatabaseAsync(databaseId, Log, cancellationToken).ConfigureAwait(false);
            var dataSources = new List<NotionDataSource>();
            foreach (var source in database.DataSources)
            {
                var dataSource = new NotionDataSource(source.Id, source.Name, database.Id);
                try
                {
                    var schema = await Client.GetSchemaAsync(source.Id, Log, cancellationToken).ConfigureAwait(false);
                    dataSource.Properties = schema.Properties;
                }
                catch (NotionApiException ex) when (ex.Code == "object_not_found")
                {
                    Log.Verbose($"Data source \"{source.Name}\" ({source.Id}) is not reachable: {ex.ApiMessage}");
                }

                dataSources.Add(dataSource);
            }

            return NotionDatabases.From(database, dataSources);
        }
    }
}
