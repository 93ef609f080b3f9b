using System;
using System.Management.Automation;
using NotionPS.Client;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Tests that the connected integration can read (and, with -IncludeWrite, write) a database. A database
    /// the integration cannot reach gives a result whose Status and Message say why and what to click; it is
    /// a test, not a failure.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "NotionDatabaseAccess", SupportsShouldProcess = true, HelpUri = HelpUriBase + "Test-NotionDatabaseAccess.md")]
    [OutputType(typeof(NotionDatabaseAccess), typeof(bool))]
    public sealed class TestNotionDatabaseAccessCommand : NotionConnectedCmdlet
    {
        /// <summary>The database: its ID or URL as copied from Notion, or an object that names it (see NotionDatabaseBind).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("Link", "Href")]
        [ValidateNotNull]
        public NotionDatabaseBind[] DatabaseId { get; set; } = Array.Empty<NotionDatabaseBind>();

        /// <summary>Also create a row and move it to the trash, to prove the insert and update capabilities.</summary>
        [Parameter]
        public SwitchParameter IncludeWrite { get; set; }

        /// <summary>Output only $true (accessible, and writable when -IncludeWrite) or $false.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var bind in DatabaseId)
            {
                if (!this.TryDatabaseId(bind, out var databaseId))
                {
                    continue;
                }

                // ShouldProcess may only be asked on the pipeline thread, so before the async work starts.
                var tryWrite = IncludeWrite && ShouldProcess(databaseId, "Add a test row to the database and move it to the trash");
                var result = ToOutput(RunWithLogPump(cancellationToken => new DatabaseProbe(Client, Log).ProbeAsync(databaseId, tryWrite, cancellationToken)));
                if (Quiet)
                {
                    WriteObject(result.Status == NotionDatabaseAccessStatus.Accessible && result.CanInsert != false && result.CanUpdate != false);
                }
                else
                {
                    WriteObject(result);
                }
            }
        }

        private NotionDatabaseAccess ToOutput(DatabaseProbeResult probe) =>
            new NotionDatabaseAccess
            {
                DatabaseId = probe.DatabaseId,
                Integration = ActiveConnection.BotName,
                Title = probe.Title,
                Status = ActiveConnection.TokenKind == NotionTokenKind.PersonalAccessToken && probe.Status == NotionDatabaseAccessStatus.MissingCapability
                    ? NotionDatabaseAccessStatus.MissingPermission
                    : probe.Status,
                CanRead = probe.CanRead,
                CanQuery = probe.CanQuery,
                CanInsert = probe.CanInsert,
                CanUpdate = probe.CanUpdate,
                DataSources = probe.DataSources,
                TokenKind = ActiveConnection.TokenKind,
                Message = DatabaseAccessMessages.For(probe, ActiveConnection.BotName, ActiveConnection.TokenKind),
            };
    }
}
