using System;
using System.Management.Automation;
using NotionPS.Errors;
using NotionPS.Operations.Schema;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Gets a data source's columns as plain objects (NotionPS.NotionDatabaseSchema): a schema file to keep, change and
    /// give to Set-NotionDatabaseSchema or New-NotionDatabase.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "NotionDatabaseSchema", DefaultParameterSetName = ByDatabase, HelpUri = HelpUriBase + "Get-NotionDatabaseSchema.md")]
    [OutputType(typeof(NotionDatabaseSchema))]
    public sealed class GetNotionDatabaseSchemaCommand : NotionConnectedCmdlet
    {
        private const string ByDatabase = "ByDatabase";
        private const string ByDataSource = "ByDataSource";

        /// <summary>The database (its ID or URL, or an object naming it or one of its data sources).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByDatabase, ValueFromPipeline = true)]
        [ArgumentCompleter(typeof(DatabaseIdCompleter))]
        [ValidateNotNull]
        public NotionDatabaseBind[] DatabaseId { get; set; } = Array.Empty<NotionDatabaseBind>();

        /// <summary>The data source, for a database with several.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByDataSource)]
        [ValidateNotNullOrEmpty]
        public string DataSourceId { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            var binds = ParameterSetName == ByDataSource ? new[] { NotionDatabaseBind.ForDataSourceId(DataSourceId) } : DatabaseId;
            foreach (var bind in binds)
            {
                if (!this.TryTarget(bind, out var target))
                {
                    continue;
                }

                try
                {
                    WriteObject(RunWithLogPump(cancellationToken => new SchemaReader(Client, Log).ReadAsync(target, cancellationToken)));
                }
                catch (NotionException ex)
                {
                    WriteError(NotionErrorRecords.From(ex, bind.Input, ConnectionFacts()));
                }
            }
        }
    }
}
