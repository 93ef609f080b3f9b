using NotionPS.Errors;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>What to do about a row that could not be read or written.</summary>
    internal static class RowRemedies
    {
        public const string MayExist = RowErrors.MayExistAction;

        /// <summary>What to do about a read that stopped at Notion's cap: which parameters get past it.</summary>
        public static string For(QueryStop stop) => stop.Reason == QueryStopReason.CustomSortAtCap
            ? "Leave out -Sort (rows then come in created order and NotionPS reads past the limit), or narrow the query with -Filter or -Where."
            : "Narrow the query with -Filter or -Where.";

        public static string? For(NotionException exception, RemedyFacts facts) => exception switch
        {
            MatchOnException { Problem: MatchOnProblem.ValueMissing } missing => $"Give each input a value for the -MatchOn column '{missing.Column}'.",
            MatchOnException { Problem: MatchOnProblem.Ambiguous } => "Use a -MatchOn column whose values are unique.",
            _ => null,
        };
    }
}
