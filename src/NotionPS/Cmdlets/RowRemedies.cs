using NotionPS.Errors;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>What to do about a row that could not be read or written.</summary>
    internal static class RowRemedies
    {
        /// <summary>For a create that failed without a clear answer (no answer, or a 5xx).</summary>
        public const string MayExist =
            "The request may have reached Notion, so the row may exist although this failed. It was not repeated, to avoid a duplicate. "
            + "Run the same command again with -MatchOn <a column that identifies rows> to add only the rows that are missing.";

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
