using System.Linq;
using System.Management.Automation;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations.Schema;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Makes a data source's columns those of a schema: adds columns, renames them (found by ID), changes their type
    /// and their options, and with -RemoveMissing removes columns and options the schema leaves out. Each change is
    /// one ShouldProcess, so -WhatIf lists them one per line and -Confirm asks for each; nothing is sent when there
    /// is no difference.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "NotionDatabaseSchema", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
        DefaultParameterSetName = ToSchemasOwn, HelpUri = HelpUriBase + "Set-NotionDatabaseSchema.md")]
    [OutputType(typeof(NotionDatabaseSchema))]
    public sealed class SetNotionDatabaseSchemaCommand : NotionConnectedCmdlet
    {
        private const string ToSchemasOwn = "ToSchemasOwn";
        private const string ToDatabase = "ToDatabase";
        private const string ToDataSource = "ToDataSource";

        /// <summary>The schema: Get-NotionDatabaseSchema's output, or it read back from JSON or CLIXML, or a hashtable with Columns.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject? InputObject { get; set; }

        /// <summary>The database to apply it to, instead of the one the schema came from.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ToDatabase)]
        [ArgumentCompleter(typeof(DatabaseIdCompleter))]
        [ValidateNotNull]
        public NotionDatabaseBind? DatabaseId { get; set; }

        /// <summary>The data source to apply it to, instead of the one the schema came from.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ToDataSource)]
        [ValidateNotNullOrEmpty]
        public string? DataSourceId { get; set; }

        /// <summary>Remove the columns and the select or multi-select options that the schema leaves out.</summary>
        [Parameter]
        public SwitchParameter RemoveMissing { get; set; }

        /// <summary>Output the schema as it is afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                var schema = SchemaInputReader.ReadSchema(SchemaInput.Object(InputObject, "-InputObject"));
                var bind = ParameterSetName == ToDatabase ? DatabaseId!
                    : ParameterSetName == ToDataSource ? NotionDatabaseBind.ForDataSourceId(DataSourceId)
                    : schema.DataSourceId.Length > 0 ? NotionDatabaseBind.ForDataSourceId(schema.DataSourceId)
                    : schema.DatabaseId.Length > 0 ? new NotionDatabaseBind(schema.DatabaseId)
                    : throw SchemaException.NoTarget();
                if (!this.TryTarget(bind, out var target))
                {
                    return;
                }

                var updater = new SchemaUpdater(Client, Log);
                var plan = RunWithLogPump(cancellationToken => updater.PlanAsync(target, schema.Columns, RemoveMissing, cancellationToken));
                var dataSource = $"data source '{ServerText.Visible(plan.Current.Title)}' ({plan.Current.DataSourceId})";
                if (plan.Changes.Count == 0)
                {
                    WriteVerbose($"The {dataSource} already has this schema: nothing to change.");
                }

                // ShouldProcess only on the pipeline thread: every change is asked about before any is sent.
                var accepted = plan.Changes.Where(change => ShouldProcess(dataSource, change.Description)).ToList();
                var result = accepted.Count == 0 ? plan.Current : RunWithLogPump(cancellationToken => updater.ApplyAsync(plan, accepted, cancellationToken));
                if (PassThru)
                {
                    WriteObject(result);
                }
            }
            catch (NotionException ex)
            {
                WriteError(NotionErrorRecords.From(ex, InputObject));
            }
        }
    }
}
