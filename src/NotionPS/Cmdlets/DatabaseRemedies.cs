using NotionPS.Errors;

namespace NotionPS.Cmdlets
{
    /// <summary>What to do about a database that cannot be used as given (data-source choice, a page, a view's ID).</summary>
    internal static class DatabaseRemedies
    {
        // The data-source and page-or-database failures join the family in round 2 of issue 14; until then none has a remedy here.
        public static string? For(NotionException exception, RemedyFacts facts) => null;
    }
}
