using NotionPS.Errors;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>What to do about a row that could not be read or written.</summary>
    internal static class RowRemedies
    {
        public const string MayExist = RowErrors.MayExistAction;

        public static string? For(NotionException exception, RemedyFacts facts) => exception switch
        {
            MatchOnException { Problem: MatchOnProblem.ValueMissing } missing => $"Give each input a value for the -MatchOn column '{missing.Column}'.",
            MatchOnException { Problem: MatchOnProblem.Ambiguous } => "Use a -MatchOn column whose values are unique.",
            _ => null,
        };
    }
}
