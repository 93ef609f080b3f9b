using System;
using System.Management.Automation;
using NotionPS.Ids;
using NotionPS.Model;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Gets the database ID from Notion links or IDs, so a pasted link can be piped to the cmdlets
    /// that take a database. Works offline: it reads the link and does not ask the API.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "NotionDatabaseId")]
    [OutputType(typeof(NotionDatabaseId))]
    public sealed class GetNotionDatabaseIdCommand : PSCmdlet
    {
        internal const string InvalidUrlErrorId = "InvalidNotionUrl";

        /// <summary>
        /// Links or IDs. Null and empty strings are allowed through binding so they get the same
        /// per-item error, with advice, as any other input that holds no ID.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Link", "Href", "Id", "DatabaseId")]
        [AllowNull]
        [AllowEmptyString]
        public string?[]? Url { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var url in Url ?? new string?[] { null })
            {
                switch (NotionIdParser.Parse(url))
                {
                    case ParsedNotionId parsed:
                        WriteObject(new NotionDatabaseId(parsed.Id, parsed.ViewId, parsed.PageId, parsed.Input));
                        break;
                    case RejectedNotionId rejected:
                        WriteError(new ErrorRecord(
                            new ArgumentException(rejected.Message),
                            InvalidUrlErrorId,
                            ErrorCategory.InvalidArgument,
                            url));
                        break;
                }
            }
        }
    }
}
