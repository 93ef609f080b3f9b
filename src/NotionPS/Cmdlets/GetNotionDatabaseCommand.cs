using System;
using System.Management.Automation;
using NotionPS.Errors;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Gets a database with its data sources and, for each, its columns (names, types, select options). A data
    /// source the integration cannot reach (the source of a linked database, say) is listed without columns,
    /// and -Verbose says why.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "NotionDatabase", HelpUri = HelpUriBase + "Get-NotionDatabase.md")]
    [OutputType(typeof(NotionDatabase))]
    public sealed class GetNotionDatabaseCommand : NotionConnectedCmdlet
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
                    WriteObject(RunWithLogPump(cancellationToken => new DatabaseReader(Client, Log).ReadWithColumnsAsync(databaseId, cancellationToken)));
                }
                catch (NotionException ex)
                {
                    WriteError(NotionErrorRecords.From(ex, bind.Input, ConnectionFacts()));
                }
            }
        }
    }
}
