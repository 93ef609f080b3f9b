using NotionPS.Client;
using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>Why a page cannot move where it was asked to go.</summary>
    internal enum PageMoveProblem
    {
        /// <summary>No page, database or data source with the ID is visible to the integration.</summary>
        ParentNotFound,

        /// <summary>Into a database or data source while connected with Notion-Version 2022-06-28, which moves only under pages.</summary>
        NeedsDataSourceVersion,

        /// <summary>Into a database with several data sources: one must be named.</summary>
        SeveralDataSources,
    }

    /// <summary>A destination a page cannot be moved to. The message states the facts; the cmdlet says what to do from <see cref="Problem"/>.</summary>
    internal sealed class PageMoveException : NotionException
    {
        private readonly string parentId;

        private PageMoveException(PageMoveProblem problem, string errorId, string parentId, string message, NotionApiException? refusal = null)
            : base(errorId, message, refusal)
        {
            Problem = problem;
            this.parentId = parentId;
        }

        public PageMoveProblem Problem { get; }

        public string ParentId => Shown(parentId);

        public static PageMoveException ParentNotFound(string parentId, NotionApiException notFound) =>
            new PageMoveException(PageMoveProblem.ParentNotFound, NotionErrorIds.NotionMoveParentNotFound, parentId,
                $"No page, database or data source {parentId} is visible to the integration ({notFound.ApiMessage}).", notFound);

        public static PageMoveException NeedsDataSourceVersion(string parentId) =>
            new PageMoveException(PageMoveProblem.NeedsDataSourceVersion, NotionErrorIds.NotionMoveNeedsNewerApiVersion, parentId,
                $"{parentId} is a database. Under Notion-Version {ApiVersion.Legacy} a page moves only under another page; moving it into a database needs {ApiVersion.DataSources} or later.");

        public static PageMoveException SeveralDataSources(DataSourceChoiceException several) =>
            new PageMoveException(PageMoveProblem.SeveralDataSources, NotionErrorIds.NotionDatabaseHasSeveralDataSources, several.Id,
                several.Message + " A page moves into one of them.");
    }
}
