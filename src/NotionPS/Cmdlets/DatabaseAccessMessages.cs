using NotionPS.Client;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>What Test-NotionDatabaseAccess says about each finding and, when access is missing, exactly what to do.</summary>
    internal static class DatabaseAccessMessages
    {
        /// <param name="integration">The integration's name, as Notion's Connections menu shows it; for a personal access token, its person's.</param>
        /// <param name="tokenKind">A personal access token is refused for its person's permissions: the remedies say so, never "Add connections".</param>
        public static string For(DatabaseProbeResult result, string integration, NotionTokenKind tokenKind = NotionTokenKind.InternalConnection) =>
            tokenKind == NotionTokenKind.PersonalAccessToken ? ForPerson(result, ServerText.Visible(integration)) : ForConnection(result, ServerText.Visible(integration), tokenKind);

        private static string ForPerson(DatabaseProbeResult result, string person)
        {
            switch (result.Finding)
            {
                case ProbeFinding.NotShared:
                    return $"Database {result.DatabaseId} is not one {person} can see in Notion (or does not exist). " + Remedies.PersonHasNoAccess(person, "database") + NotionSaid(result);
                case ProbeFinding.Unauthorized:
                    return Remedies.NewPersonalAccessToken;
                case ProbeFinding.CannotInsert:
                    return $"{person} can read \"{Title(result)}\" but not add rows to it. " + Remedies.PersonCannotEdit(person) + NotionSaid(result);
                case ProbeFinding.CannotUpdate:
                    return $"{person} can add rows but not change them, so " + LeftBehind(result) + " " + Remedies.PersonCannotEdit(person) + NotionSaid(result);
                case ProbeFinding.NoReachableDataSource:
                    return $"This is a linked database (a view of a database kept elsewhere) and {person} cannot see its source database. " +
                        Remedies.PersonHasNoAccess(person, "database") + NotionSaid(result);
                default:
                    return ForConnection(result, person, NotionTokenKind.PersonalAccessToken);
            }
        }

        private static string ForConnection(DatabaseProbeResult result, string integration, NotionTokenKind tokenKind)
        {
            switch (result.Finding)
            {
                case ProbeFinding.Readable:
                    return $"\"{integration}\" can read and query \"{Title(result)}\".";
                case ProbeFinding.Writable:
                    return $"\"{integration}\" can read, query, insert and update \"{Title(result)}\" (a test row was added and moved to the trash).";
                case ProbeFinding.NotShared:
                    return $"Database {result.DatabaseId} is not shared with \"{integration}\" (or does not exist). " + Remedies.ShareDatabase(integration)
                        + NotionSaid(result);
                case ProbeFinding.Unauthorized:
                    return Remedies.NewToken;
                case ProbeFinding.CannotRead:
                    return Remedies.MissingCapability("Read content");
                case ProbeFinding.NoReachableDataSource:
                    // Under 2022-06-28 Notion said so itself; later versions list data sources none of which can be read.
                    return DatabaseRemedies.ShareSourceDatabase + NotionSaid(result);
                case ProbeFinding.CannotInsert:
                    return "It can read but not add rows. " + Remedies.MissingCapability("Insert content");
                case ProbeFinding.CannotUpdate:
                    return "It can add rows but not change them, so " + LeftBehind(result) + " " + Remedies.MissingCapability("Update content");
                case ProbeFinding.TrashFailed:
                    return $"Moving the test row to the trash failed ({result.Failure!.Message}), so " + LeftBehind(result);
                default:
                    // A page, several data sources, a time-out, an unreachable address...: the facts, then what to do,
                    // as the error record of the same failure reads.
                    return result.Failure == null
                        ? result.Finding.ToString()
                        : NotionErrorRecords.WithRemedy(result.Failure.Message, Remedies.For(result.Failure, new RemedyFacts(integration, tokenKind: tokenKind)));
            }
        }

        /// <summary>The database's title as Notion gave it, shown safely at a terminal.</summary>
        private static string? Title(DatabaseProbeResult result) => ServerText.VisibleOrNull(result.Title);

        private static string NotionSaid(DatabaseProbeResult result) =>
            result.Failure is NotionApiException answer ? $" (Notion said: {answer.ApiMessage})" : string.Empty;

        private static string LeftBehind(DatabaseProbeResult result) =>
            DatabaseProbe.LeftBehind(result.LeftBehind!.Value.Title, result.LeftBehind.Value.PageId);
    }
}
