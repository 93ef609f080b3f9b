using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Tests that the connected integration can read (and, with -IncludeWrite, write) a database.</para>
    /// <para type="description">A database the integration cannot reach gives a result whose Status and Message say why and what to click; it is a test, not a failure.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "NotionDatabaseAccess", SupportsShouldProcess = true, HelpUri = HelpUriBase + "Test-NotionDatabaseAccess.md")]
    [OutputType(typeof(NotionDatabaseAccess), typeof(bool))]
    public sealed class TestNotionDatabaseAccessCommand : NotionCmdlet
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
                var result = Await(cancellationToken => TestAsync(databaseId, tryWrite, cancellationToken));
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

        private async Task<NotionDatabaseAccess> TestAsync(string databaseId, bool tryWrite, CancellationToken cancellationToken)
        {
            var result = new NotionDatabaseAccess { DatabaseId = databaseId, Integration = ActiveConnection.BotName };
            try
            {
                await ProbeAsync(result, tryWrite, cancellationToken).ConfigureAwait(false);
            }
            catch (NotionApiException ex)
            {
                result.Status = NotionDatabaseAccessStatus.Error;
                result.Message = ex.Message;
            }

            return result;
        }

        private async Task ProbeAsync(NotionDatabaseAccess result, bool tryWrite, CancellationToken cancellationToken)
        {
            var found = await new DatabaseLookup(Client, Log).LookUpAsync(result.DatabaseId, cancellationToken).ConfigureAwait(false);
            switch (found.Outcome)
            {
                case DatabaseLookupOutcome.SeveralDataSourcesInLegacyVersion:
                    Fail(result, NotionDatabaseAccessStatus.Error, DataSourceChoiceException.SeveralInLegacyVersion(result.DatabaseId, found.Failure!).Message + " " + DatabaseRemedies.ConnectNewer);
                    return;
                case DatabaseLookupOutcome.NoReachableDataSource:
                    Fail(result, NotionDatabaseAccessStatus.NoAccessibleDataSource, Remedies.ShareSourceDatabase + $" (Notion said: {found.Failure!.ApiMessage})");
                    return;
                case DatabaseLookupOutcome.IsAPage:
                    Fail(result, NotionDatabaseAccessStatus.NotADatabase, Remedies.NotADatabase(result.DatabaseId));
                    return;
                case DatabaseLookupOutcome.NotFound:
                    Fail(result, NotionDatabaseAccessStatus.NotShared,
                        $"Database {result.DatabaseId} is not shared with \"{result.Integration}\" (or does not exist). " + Remedies.ShareDatabase(result.Integration)
                        + $" (Notion said: {found.Failure!.ApiMessage})");
                    return;
                case DatabaseLookupOutcome.Unauthorized:
                    Fail(result, NotionDatabaseAccessStatus.Unauthorized, Remedies.NewToken);
                    return;
                case DatabaseLookupOutcome.CannotRead:
                    Fail(result, NotionDatabaseAccessStatus.MissingCapability, Remedies.MissingCapability("Read content"));
                    return;
            }

            var database = found.Database!;
            result.Title = database.Title;
            result.DataSources = DataSourceResolver.DataSourcesOf(database);
            var readable = await FirstReadableSchemaAsync(database, cancellationToken).ConfigureAwait(false);
            if (readable == null)
            {
                Fail(result, NotionDatabaseAccessStatus.NoAccessibleDataSource, Remedies.ShareSourceDatabase);
                return;
            }

            result.CanRead = true;
            using (await Client.QueryAsync(readable.Id, new JsonObject { ["page_size"] = 1 }, Log, cancellationToken).ConfigureAwait(false))
            {
                result.CanQuery = true;
            }

            result.Status = NotionDatabaseAccessStatus.Accessible;
            result.Message = $"\"{result.Integration}\" can read and query \"{database.Title}\".";
            if (tryWrite)
            {
                await ProbeWriteAsync(result, readable, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>The first data source whose schema the integration can read; a linked database has none.</summary>
        private async Task<DataSourceSchema?> FirstReadableSchemaAsync(DatabaseInfo database, CancellationToken cancellationToken)
        {
            foreach (var source in database.DataSources)
            {
                try
                {
                    return await Client.GetSchemaAsync(source.Id, Log, cancellationToken).ConfigureAwait(false);
                }
                catch (NotionApiException ex) when (ex.Code == "object_not_found")
                {
                    Log.Verbose($"Data source {source.Id} of {database.Id} is not reachable: {ex.ApiMessage}");
                }
            }

            return null;
        }

        private async Task ProbeWriteAsync(NotionDatabaseAccess result, DataSourceSchema schema, CancellationToken cancellationToken)
        {
            var title = "NotionPS access test " + DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture);
            var properties = new JsonObject
            {
                [schema.TitlePropertyName ?? "title"] = new JsonObject { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = title } }) },
            };
            string pageId;
            try
            {
                using (var page = await Client.CreatePageAsync(schema.Id, properties, Log, cancellationToken).ConfigureAwait(false))
                {
                    pageId = JsonRead.String(page.RootElement, "id") ?? string.Empty;
                }
            }
            catch (NotionApiException ex) when (ex.Code == "restricted_resource")
            {
                result.CanInsert = false;
                Fail(result, NotionDatabaseAccessStatus.MissingCapability, "It can read but not add rows. " + Remedies.MissingCapability("Insert content"));
                return;
            }

            result.CanInsert = true;
            var leftBehind = $"the test row \"{title}\" ({pageId}) is still in the database: delete it by hand.";
            try
            {
                using (await Client.TrashPageAsync(pageId, Log, cancellationToken).ConfigureAwait(false))
                {
                    result.CanUpdate = true;
                }
            }
            catch (NotionApiException ex) when (ex.Code == "restricted_resource")
            {
                result.CanUpdate = false;
                Fail(result, NotionDatabaseAccessStatus.MissingCapability, "It can add rows but not change them, so " + leftBehind + " " + Remedies.MissingCapability("Update content"));
                return;
            }
            catch (NotionApiException ex)
            {
                Fail(result, NotionDatabaseAccessStatus.Error, $"Moving the test row to the trash failed ({ex.Message}), so " + leftBehind);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await TrashAfterStopAsync(pageId, leftBehind).ConfigureAwait(false);
                throw;
            }

            result.Message = $"\"{result.Integration}\" can read, query, insert and update \"{result.Title}\" (a test row was added and moved to the trash).";
        }

        /// <summary>Ctrl+C came between adding the test row and trashing it: one short try to tidy up, else say what is left.</summary>
        private async Task TrashAfterStopAsync(string pageId, string leftBehind)
        {
            using (var shortWhile = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            {
                try
                {
                    using (await Client.TrashPageAsync(pageId, Log, shortWhile.Token).ConfigureAwait(false))
                    {
                    }
                }
                catch (Exception ex) when (ex is NotionApiException || ex is OperationCanceledException)
                {
                    Log.Verbose("Stopped before tidying up: " + leftBehind);
                }
            }
        }

        private static void Fail(NotionDatabaseAccess result, NotionDatabaseAccessStatus status, string message)
        {
            result.Status = status;
            result.Message = message;
        }
    }
}
