using NotionPS.Errors;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>What to do about a page that cannot be commented on, moved or trashed: the one place these texts live.</summary>
    internal static class PageRemedies
    {
        /// <summary>Notion's names for the capabilities, as its integration settings show them under Capabilities.</summary>
        public const string ReadComments = "Read comments";
        public const string InsertComments = "Insert comments";
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
                default:
                    return null;
            }
        }
    }
}
