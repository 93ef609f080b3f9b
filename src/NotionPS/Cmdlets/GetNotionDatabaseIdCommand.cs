using System;
using System.Linq;
using System.Management.Automation;
using NotionPS.Client;
using NotionPS.Ids;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Gets the database ID from Notion links or IDs, so a pasted link can be piped to the cmdlets
    /// that take a database. Works offline: it reads the link and does not ask the API, unless
    /// -Resolve asks it to confirm the ID is a database and to add its title and data sources.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "NotionDatabaseId", HelpUri = HelpUriBase + "Get-NotionDatabaseId.md")]
    [OutputType(typeof(NotionDatabaseId))]
    public sealed class GetNotionDatabaseIdCommand : NotionConnectedCmdlet
    {
        /// <summary>
        /// Links or IDs. Null and empty strings are allowed through binding so they get the same
        /// per-item error, with advice, as any other input that holds no ID.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Link", "Href", "Id", "DatabaseId")]
        [AllowNull]
        [AllowEmptyString]
        public string?[]? Url { get; set; }

        /// <summary>Ask the API to confirm each ID is a database the integration can see, and add its title and data sources.</summary>
        [Parameter]
        public SwitchParameter Resolve { get; set; }

        private protected override bool NeedsConnection => Resolve;

        protected override void ProcessRecord()
        {
            foreach (var url in Url ?? new string?[] { null })
            {
                var parsed = ParseIdOrWriteError(url);
                if (parsed == null)
                {
                    continue;
                }

                var databaseId = new NotionDatabaseId(parsed.Id, parsed.ViewId, parsed.PageId, parsed.Input);
                if (!Resolve || TryResolve(databaseId))
                {
                    WriteObject(databaseId);
                }
            }
        }

        private bool TryResolve(NotionDatabaseId databaseId)
        {
            DatabaseLookupResult found;
            try
            {
                found = RunWithLogPump(cancellationToken => new DatabaseLookup(Client, Log).LookUpAsync(databaseId.DatabaseId, cancellationToken));
            }
            catch (NotionApiException ex)
            {
                WriteError(NotionErrorRecords.From(ex, databaseId.Url, ConnectionFacts()));
                return false;
            }

            if (found.Database is DatabaseInfo database)
            {
                databaseId.Title = database.Title;
                databaseId.DataSources = DatabaseReader.DataSourcesOf(database);
                return true;
            }

            WriteError(DescribeFailure(databaseId, found.Outcome, found.Failure!));
            return false;
        }

        private ErrorRecord DescribeFailure(NotionDatabaseId databaseId, DatabaseLookupOutcome outcome, NotionApiException failure)
        {
            switch (outcome)
            {
                case DatabaseLookupOutcome.SeveralDataSourcesInLegacyVersion:
                    return NotionErrorRecords.From(DataSourceChoiceException.SeveralInLegacyVersion(databaseId.DatabaseId, failure), databaseId.Url);
                case DatabaseLookupOutcome.IsAPage:
                    return NotionErrorRecords.From(new NotADatabaseException(databaseId.DatabaseId), databaseId.Url);
                case DatabaseLookupOutcome.NotFound:
                    return NotionErrorRecords.From(failure, databaseId.Url, new RemedyFacts(ActiveConnection.BotName, viewIdHint: true, tokenKind: ActiveConnection.TokenKind));
                case DatabaseLookupOutcome.NoReachableDataSource:
                    return NotionErrorRecords.From(failure, databaseId.Url, new RemedyFacts(linkedDatabase: true));
                default:
                    return NotionErrorRecords.From(failure, databaseId.Url, ConnectionFacts());
            }
        }

        /// <summary>
        /// The ID in a link or ID a person gave, or null after writing a non-terminating InvalidNotionUrl
        /// error that says what was wrong and what to copy instead, so the next input is still processed.
        /// (This cmdlet is the parser itself, so it takes strings, not a pipe bind.)
        /// </summary>
        private ParsedNotionId? ParseIdOrWriteError(string? input)
        {
            switch (NotionIdParser.Parse(input))
            {
                case ParsedNotionId parsed:
                    return parsed;
                case RejectedNotionId rejected:
                    WriteError(this.InvalidIdError(rejected.Message, input));
                    return null;
                default:
                    throw new InvalidOperationException("Unknown parse result.");
            }
        }
    }
}
