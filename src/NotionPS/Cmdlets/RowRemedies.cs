using NotionPS.Errors;

namespace NotionPS.Cmdlets
{
    /// <summary>What to do about a row that could not be read or written.</summary>
    internal static class RowRemedies
    {
        public const string MayExist = RowErrors.MayExistAction;

        // The row failures join the family in round 2 of issue 14; until then none has a remedy here.
        public static string? For(NotionException exception, RemedyFacts facts) => null;
    }
}
