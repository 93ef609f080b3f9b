using NotionPS.Errors;
using NotionPS.Operations;
using NotionPS.Rows;

namespace NotionPS.Cmdlets
{
    /// <summary>What to do about a row that could not be read or written.</summary>
    internal static class RowRemedies
    {
        /// <summary>For a create that failed without a clear answer (no answer, or a 5xx).</summary>
        public const string MayExist =
            "The request may have reached Notion, so the row may exist although this failed. It was not repeated, to avoid a duplicate. " + AddMissing;

        /// <summary>How to add again rows that may exist, without duplicates.</summary>
        public const string AddMissing = "Run the same command again with -MatchOn <a column that identifies rows> to add only the rows that are missing.";

        /// <summary>For a change that may have been made: sending it again is safe.</summary>
        public const string ChangeAgain = "Running the same change again is safe: it leaves the same values.";

        /// <summary>For a row that may have been moved to the trash: trashing it again is safe, and Restore-NotionPage takes it back.</summary>
        public const string TrashAgain =
            "Running the same command again is safe: a row already in the trash stays there. To keep a row that was moved there, take it back with Restore-NotionPage -PageId <its ID>.";

        /// <summary>What to do about a row whose request of that kind may have been done.</summary>
        public static string MayBeDone(RowRequestKind kind) => kind switch
        {
            RowRequestKind.Create => AddMissing,
            RowRequestKind.Change => ChangeAgain,
            _ => TrashAgain,
        };

        /// <summary>For a row that was added but could not be read back: it exists, so it must not be added again.</summary>
        public const string AddedUnread =
            "The row exists in Notion, so do not add it again as it is: read it with Get-NotionDatabaseRow. To run the whole input again, "
            + "give -MatchOn <a column that identifies rows> (Sync-NotionDatabaseRow finds it by its -Key), which updates the rows already added instead of adding them twice.";

        /// <summary>
        /// For a row whose files failed before its request was sent: what to do about the file (<paramref name="fileRemedy"/>,
        /// when there is something), then that the row can be sent again, which is safe since nothing of it was written.
        /// </summary>
        /// <param name="wasCreate">The row was to be added (or, with -MatchOn, added or updated), not only changed.</param>
        public static string NotSent(string? fileRemedy, bool wasCreate)
        {
            var again = wasCreate
                ? "Nothing of this row was written, so adding it again cannot make a duplicate: run the command again for this row once its file can be sent "
                    + "(or the whole input with -MatchOn <a column that identifies rows>, which updates the rows already added instead of adding them twice)."
                : "Nothing of this row was changed: run the command again for it once its file can be sent.";
            return fileRemedy == null ? again : fileRemedy + " " + again;
        }

        /// <summary>What to do about a read that stopped at Notion's cap: which parameters get past it.</summary>
        public static string For(QueryStop stop) => stop.Reason == QueryStopReason.CustomSortAtCap
            ? "Leave out -Sort (rows then come in created order and NotionPS reads past the limit), or narrow the query with -Filter or -Where."
            : "Narrow the query with -Filter or -Where.";

        public static string? For(NotionException exception, RemedyFacts facts) => exception switch
        {
            MatchOnException { Problem: MatchOnProblem.ValueMissing } missing => $"Give each input a value for the -MatchOn column '{missing.Column}'.",
            MatchOnException { Problem: MatchOnProblem.Ambiguous } => "Use a -MatchOn column whose values are unique.",
            MatchOnException { Problem: MatchOnProblem.ColumnUnsupported } => "Give -MatchOn a column that identifies rows by a value Notion can filter on, such as the title or an ID column (text, number, select, date, URL, e-mail).",
            NotARowException _ => "Give the ID or link of a row of a database (Get-NotionDatabaseRow lists them); to change a page that is not in a database, use Set-NotionPage.",
            RowRequestStoppedException stopped => MayBeDone(stopped.Kind),
            NothingToChangeException _ => "Give the new values with -Property @{ <column> = <value> }, or pipe objects whose properties are named like the columns to change (rows of Get-NotionDatabaseRow, Import-Csv rows).",
            _ => null,
        };
    }
}
