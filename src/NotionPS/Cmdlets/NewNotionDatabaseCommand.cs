using System.Collections;
using System.Linq;
using System.Management.Automation;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations;
using NotionPS.Operations.Schema;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Creates a database under a page, with its first data source and the columns given: column = type name or
    /// definition, the columns of a schema from Get-NotionDatabaseSchema, or those of a JSON backup Export-NotionDatabase
    /// wrote (the empty copy Import-NotionDatabase restores the backup into).
    /// </summary>
    [Cmdlet(VerbsCommon.New, "NotionDatabase", SupportsShouldProcess = true, DefaultParameterSetName = ByProperty, HelpUri = HelpUriBase + "New-NotionDatabase.md")]
    [OutputType(typeof(NotionDatabase))]
    public sealed class NewNotionDatabaseCommand : NotionConnectedCmdlet
    {
        private const string ByProperty = "ByProperty";
        private const string FromSchema = "FromSchema";
        private const string FromBackup = "FromBackup";

        /// <summary>The page to create the database in: its ID or URL, or an object with a PageId, Id or Url.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public NotionPageBind? ParentId { get; set; }

        /// <summary>The database's title; with -InputObject, by default the schema's.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByProperty)]
        [Parameter(Position = 1, ParameterSetName = FromSchema)]
        [Parameter(Position = 1, ParameterSetName = FromBackup)]
        [ValidateNotNull]
        public string? Title { get; set; }

        /// <summary>The columns in order: column name = type name ('number'), or a definition (a hashtable, or Notion's JSON shape).</summary>
        [Parameter(Position = 2, ParameterSetName = ByProperty)]
        [ValidateNotNull]
        public IDictionary? Property { get; set; }

        /// <summary>A schema from Get-NotionDatabaseSchema (or it read back from JSON or CLIXML) whose columns to create.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FromSchema, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject? InputObject { get; set; }

        /// <summary>A JSON backup from Export-NotionDatabase whose columns to create.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FromBackup)]
        [ValidateNotNullOrEmpty]
        public string? BackupPath { get; set; }

        protected override void ProcessRecord()
        {
            if (!this.TryPageId(ParentId!, out var pageId))
            {
                return;
            }

            var target = (object?)InputObject ?? (object?)BackupPath ?? Property;
            try
            {
                string title;
                NotionSchemaColumn[] columns;
                if (ParameterSetName == FromSchema)
                {
                    var schema = SchemaInputReader.ReadSchema(SchemaInput.Object(InputObject, "-InputObject"));
                    (title, columns) = (Title ?? schema.Title, schema.Columns);
                }
                else if (ParameterSetName == FromBackup)
                {
                    using (var backup = BackupFile.Open(LocalPaths.FileSystemPath(this, BackupPath!)))
                    {
                        (title, columns) = (Title ?? backup.Title, backup.Columns.Select(column => SchemaJson.ReadColumn(column.Name, column.Definition)).ToArray());
                    }
                }
                else
                {
                    (title, columns) = (Title!, Property == null ? new NotionSchemaColumn[0] : SchemaInputReader.ReadProperties(SchemaInput.Object(Property, "-Property")).ToArray());
                }

                var described = string.Join(", ", DatabaseCreator.WithTitle(columns).Select(column => $"{ServerText.VisibleShort(column.Name)} ({column.Type})"));
                if (ShouldProcess($"page {pageId}", $"Create database '{ServerText.VisibleShort(title)}' with the columns {described}"))
                {
                    WriteObject(RunWithLogPump(cancellationToken => new DatabaseCreator(Client, Log).CreateAsync(pageId, title, columns, cancellationToken)));
                }
            }
            catch (NotionException ex)
            {
                WriteError(NotionErrorRecords.From(ex, target ?? ParentId!.Input, ConnectionFacts(onPage: true)));
            }
        }
    }
}
