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

        public static string? For(NotionException exception, RemedyFacts facts)
        {
            if (exception is DataSourceChoiceException choice)
            {
                switch (choice.Problem)
                {
                    case DataSourceChoiceProblem.NoneReachable: return Remedies.ShareSourceDatabase;
                    case DataSourceChoiceProblem.Several: return ChooseDataSource;
                    case DataSourceChoiceProblem.SeveralInLegacyVersion: return ConnectNewer;
                    case DataSourceChoiceProblem.NoDataSourcesInLegacyVersion: return NeedsNewer;
                }
            }

            return null;
        }
    }
}
