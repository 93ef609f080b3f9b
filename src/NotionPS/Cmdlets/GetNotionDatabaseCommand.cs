using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Operations;

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
        /// <summary>The database: its ID or URL as copied from Notion, or an object that names it (see NotionDatabaseBind).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ArgumentCompleter(typeof(DatabaseIdCompleter))]
        [ValidateNotNull]
        public NotionDatabaseBind[] DatabaseId { get; set; } = Array.Empty<NotionDatabaseBind>();

        protected override void ProcessRecord()
        {
            foreach (var bind in DatabaseId)
            {
                if (!this.TryDatabaseId(bind, out var databaseId))
                {
                    continue;
                }

                try
                {
                    WriteObject(Await(cancellationToken => ReadAsync(databaseId, cancellationToken)));
                }
                catch (NotionApiException ex) when (ApiVersion.IsSeveralDataSourcesRefusal(ex))
                {
                    WriteError(RowErrors.ForChoice(DataSourceChoiceException.SeveralInLegacyVersion(databaseId, ex), bind.Input));
                }
                catch (NotionApiException ex)
                {
                    WriteError(ToErrorRecord(ex, bind.Input));
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
                    var schema = database.OwnSchema ?? await Client.GetSchemaAsync(source.Id, Log, cancellationToken).ConfigureAwait(false);
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
