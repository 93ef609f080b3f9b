using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>What to do about a database that cannot be used as given (data-source choice, a page, a view's ID).</summary>
    internal static class DatabaseRemedies
    {
        public const string ChooseDataSource = "Say which one with -DataSourceId (Get-NotionDatabase lists them).";

        public const string ConnectNewer =
            "Connect with -ApiVersion " + ApiVersion.DataSources + " or later, then give -DataSourceId with one of them (Get-NotionDatabase lists them).";

        public const string NeedsNewer =
            "Give the database's ID, or connect with -ApiVersion " + ApiVersion.DataSources + " or later to address its data sources. "
            + "If it is a database, share it with the integration (••• > Add connections).";

        public const string ShareSourceDatabase =
            "This is a linked database (a view of a database kept elsewhere). The API reads only the source database: " +
            "open the source database as a full page and share it with the integration (••• > Add connections).";

        public const string OpenTheDatabase =
            "Open the database itself as a full page and copy its link (Share > Copy link); for an inline database, open it as a full page first.";

        /// <summary>For a database not found by an ID that may have been copied from a view's link.</summary>
        public const string ViewIdHint = "If you copied only the part after ?v=, that is the view ID: copy the 32 characters before the '?' instead.";

        public static string? For(NotionException exception, RemedyFacts facts)
        {
            if (exception is NotADatabaseException)
            {
                return OpenTheDatabase;
            }

            if (exception is DataSourceChoiceException choice)
            {
                switch (choice.Problem)
                {
                    case DataSourceChoiceProblem.NoneReachable: return ShareSourceDatabase;
                    case DataSourceChoiceProblem.Several: return ChooseDataSource;
                    case DataSourceChoiceProblem.SeveralInLegacyVersion: return ConnectNewer;
                    case DataSourceChoiceProblem.NoDataSourcesInLegacyVersion: return NeedsNewer;
                }
            }

            return null;
        }
    }
}
