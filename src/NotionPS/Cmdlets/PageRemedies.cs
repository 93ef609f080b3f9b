using System.Management.Automation;
using NotionPS.Client;
using NotionPS.Content;
using NotionPS.Errors;
using NotionPS.Operations;
using NotionPS.Rows;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// What to do about a failure of the page and comment cmdlets where it differs from the row and database cmdlets'
    /// advice (a page to share, a capability to turn on, a parent to pick, an anchor to name): the one place these texts live.
    /// </summary>
    internal static class PageRemedies
    {
        /// <summary>Notion's names for the capabilities, as its integration settings show them under Capabilities.</summary>
        public const string ReadComments = "Read comments";
        public const string InsertComments = "Insert comments";
        public const string InsertContent = "Insert content";
        public const string UpdateContent = "Update content";
        public const string UpdateAndInsertContent = "Update content and Insert content";

        public static string SharePage(string? integrationName) =>
            "Share the page with the integration: open the page in Notion, click ••• in the top right corner, "
            + $"at the bottom of the pop-up click Add connections (Connections), then search for and select \"{integrationName ?? "your integration"}\". "
            + "Sharing a page shares the pages under it too.";

        public static string? For(NotionException exception, RemedyFacts facts)
        {
            switch (exception)
            {
                case PageMoveException { Problem: PageMoveProblem.ParentNotFound }:
                    return "Check -ParentId, and share the page or database to move to with the integration (••• > Add connections > "
                        + $"\"{facts.IntegrationName ?? "your integration"}\").";
                case PageMoveException { Problem: PageMoveProblem.NeedsDataSourceVersion }:
                    return "Connect with -ApiVersion " + Client.ApiVersion.DataSources + " or later to move pages into a database.";
                case PageMoveException { Problem: PageMoveProblem.SeveralDataSources }:
                    return "Give one of its data sources as -ParentId (Get-NotionDatabase lists them).";
                case CommentTextException _ when exception.ErrorId == NotionErrorIds.NotionCommentEmpty:
                    return "Give -Text some text.";
                case CommentTextException _:
                    return "Shorten the text or its links, or add it as several comments.";
                case Operations.Files.NotionFileException { MarkdownLine: not null } file when file.ErrorId == NotionErrorIds.NotionFileNotFound:
                    return "Check the path (Test-Path tells whether it exists); a relative path in Markdown is taken from -LocalFileRoot.";
                case NotAPageException database:
                    return $"Read its rows with Get-NotionDatabaseRow -DatabaseId {CommandText.Literal(database.Id)}; for the content of one row, give that row's ID (Get-NotionDatabaseRow lists them as PageId).";
                case PageContentTooDeepException deep:
                    return $"Read the blocks below it on their own, with Get-NotionPageContent -PageId {CommandText.Literal(deep.BlockId)}, or move them up some levels in Notion.";
                default:
                    return null;
            }
        }

        public const string PickDataSource =
            "Give one of its data sources as -ParentId: its ID, or pipe it in, as in (Get-NotionDatabase <database>).DataSources[0] | New-NotionPage -Title <title>.";

        public const string PickDataSourceInNewerVersion =
            "Connect with -ApiVersion " + ApiVersion.DataSources + " or later, then give one of its data sources as -ParentId (Get-NotionDatabase lists them).";

        public const string UseColumnNames = "Give -Property the database's column names (Get-NotionDatabase lists them).";

        public const string PropertiesNeedDatabase = "Leave out -Property, or give a database or data source as -ParentId.";

        public const string AnchorNotFound = "Give -After a heading's text as the page shows it, or the ID of one of the page's blocks (Get-NotionPageContent -AsBlocks lists them).";

        public const string AnchorOnOtherPage = "Give -After the ID of a block of this page (Get-NotionPageContent -AsBlocks lists them), or give -PageId the page the block is on.";

        public const string AnchorTakesNoSiblings =
            "Give -After the table or column list that holds the block, or a block inside a column (Get-NotionPageContent -AsBlocks lists them); to add at the end of the page, leave out -After.";

        public const string AnchorAmbiguous = "Give -After the ID of the block meant (Get-NotionPageContent -AsBlocks lists them).";

        public const string Incomplete =
            "Get-NotionPageContent shows the page as it is now; once the cause is fixed, Set-NotionPageContent -Replace writes the whole content again.";

        /// <summary>The record of a page cmdlet's failure: the usual one, with the page cmdlets' own advice where it differs.</summary>
        public static ErrorRecord Record(NotionException exception, object? target, RemedyFacts facts)
        {
            var record = NotionErrorRecords.From(exception, target, facts);
            var remedy = OverridingRemedy(exception, facts);
            if (remedy != null)
            {
                var message = exception is NotionApiException { IsNotionsAnswer: true } ? exception.Message : NotionErrorRecords.WithRemedy(exception.Message, remedy);
                record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = remedy };
            }

            return record;
        }

        /// <summary>Markdown NotionPS cannot write: the id MarkdownToBlocks gave, the line in the message.</summary>
        public static ErrorRecord Record(MarkdownContentException exception, object? target) =>
            NotionErrorRecords.Create(exception, exception.ErrorId, target);

        /// <summary>The page cmdlets' advice where it replaces the row and database cmdlets' (a parent, not a database, to give).</summary>
        private static string? OverridingRemedy(NotionException exception, RemedyFacts facts)
        {
            switch (exception)
            {
                case DataSourceChoiceException { Problem: DataSourceChoiceProblem.Several }:
                    return PickDataSource;
                case DataSourceChoiceException { Problem: DataSourceChoiceProblem.SeveralInLegacyVersion }:
                    return PickDataSourceInNewerVersion;
                case UnknownColumnException _:
                    return UseColumnNames;
                case PageInputException input when input.ErrorId == NotionErrorIds.NotionPagePropertyNeedsDatabase:
                    return PropertiesNeedDatabase;
                case PageInputException input when input.ErrorId == NotionErrorIds.NotionPageAnchorNotFound:
                    return AnchorNotFound;
                case PageInputException input when input.ErrorId == NotionErrorIds.NotionPageAnchorOnOtherPage:
                    return AnchorOnOtherPage;
                case PageInputException input when input.ErrorId == NotionErrorIds.NotionPageAnchorTakesNoSiblings:
                    return AnchorTakesNoSiblings;
                case PageInputException _:
                    return AnchorAmbiguous;
                case PageWriteException written:
                    return NotionErrorRecords.WithRemedy(Incomplete, OverridingRemedy(written.Cause, facts) ?? Remedies.For(written.Cause));
                case NotionApiException { Code: NotionErrorCodes.ObjectNotFound }:
                    return facts.IsPersonalAccessToken ? Remedies.PersonHasNoAccess(facts.IntegrationName, "page") : SharePage(facts.IntegrationName);
                default:
                    return null;
            }
        }
    }
}
