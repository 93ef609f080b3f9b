using System;
using System.Net.Http;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Rows;

namespace NotionPS.Cmdlets
{
    /// <summary>What a person should do about each failure, in the words of Notion's own setup guide.</summary>
    internal static class Remedies
    {
        public const string MyIntegrationsUrl = "https://www.notion.so/my-integrations";

        public static string ShareDatabase(string? integrationName) =>
            "Share the database with the integration (Notion now calls integrations connections): open the database as a full page in Notion, click ••• in the top right corner, " +
            $"at the bottom of the pop-up click Add connections (Connections), then search for and select \"{integrationName ?? "your integration"}\". " +
            "Sharing the page that contains the database shares the database too.";

        public const string NewToken =
            "The token is invalid or was revoked. Go to " + MyIntegrationsUrl + " (Notion's developer portal, where integrations are now internal connections), click View integration, click Show next to the secret and copy it, " +
            "then run Connect-NotionIntegration again (or Register-NotionIntegration -Force to update a stored one).";

        public static string MissingCapability(string capability) =>
            $"The integration lacks the \"{capability}\" capability. At {MyIntegrationsUrl}, open the integration, tick {capability} under Capabilities, and save.";

        public const string RateLimited =
            "Notion's rate limit (about 3 requests per second per integration) held after every retry. Wait a moment and run it again, or raise -MaximumRetryCount.";

        public const string WorkspaceRateLimited =
            "The workspace's rate limit (shared by every connection and token of the workspace) held after every retry. " +
            "Run it again later, spread the workspace's automations out over time, or raise -MaximumRetryCount.";

        /// <summary>For a personal access token: Notion answers for its person's permissions, and sharing with connections does not apply.</summary>
        /// <param name="what">What cannot be seen: "database" or "page".</param>
        public static string PersonHasNoAccess(string? person, string what) =>
            $"A personal access token sees exactly what its person{(person == null ? string.Empty : $" ({person})")} can see in Notion. " +
            $"Ask the owner of the {what} (or of the page that contains it) to share it with you (Share, then invite yourself with at least Can view; Can edit to add or change rows), " +
            $"or, for a team automation, use an internal connection instead and share the {what} with it.";

        public static string PersonCannotEdit(string? person) =>
            $"The token's person{(person == null ? string.Empty : $" ({person})")} has view or comment access only. " +
            "Ask the database's owner for Can edit access (Share > your name > Can edit), or, for a team automation, use an internal connection with the Insert and Update content capabilities.";

        public const string NewPersonalAccessToken =
            "The personal access token is invalid, expired or revoked, or its person left the workspace. Create a new one in Notion's developer portal " +
            "(" + DeveloperPortalUrl + ", Personal access tokens), then run Connect-NotionIntegration again (or Register-NotionIntegration -Force to update a stored one).";

        public const string DeveloperPortalUrl = "https://www.notion.so/developers";

        /// <summary>Notion asked for a longer wait than -MaximumRetryWait allows.</summary>
        public static string RetryWaitTooLong(NotionApiException failure)
        {
            var seconds = NotionApiException.Seconds(failure.RetryAfter ?? TimeSpan.Zero);
            var cause = RateLimitReasons.IsWorkspaceLimit(failure)
                ? "The workspace's limit is shared by every connection and token of the workspace: spread its automations out, or give this one a lower -RequestsPerMinute. "
                : string.Empty;
            return $"{cause}Run it again in {seconds} s, or connect with -MaximumRetryWait {seconds} (or more) to have NotionPS wait it out.";
        }

        public const string Timeout = "Raise -TimeoutSec, or check the network.";

        public const string ConnectionFailure = "Check -BaseUri and the network (a proxy or firewall may block it).";

        public static readonly string Redirected =
            $"Check -BaseUri: give the address that answers the API itself (such as {NotionClientOptions.DefaultBaseUri}).";

        public const string ShortFormNeedsFilter = "Write this condition with -Filter in Notion's own shape.";

        public const string UnknownColumn = "Rename the input's properties, or use -IgnoreUnknownProperty to leave them out.";

        /// <summary>What to do about <paramref name="exception"/>, or null when there is nothing more to say.</summary>
        public static string? For(NotionException exception, RemedyFacts facts = default) =>
            facts.LinkedDatabase
                ? DatabaseRemedies.ShareSourceDatabase
                : SchemaRemedies.For(exception) ?? ForClientAndRows(exception, facts) ?? DatabaseRemedies.For(exception, facts) ?? RowRemedies.For(exception, facts)
                    ?? PageRemedies.For(exception, facts) ?? SyncRemedies.For(exception) ?? FileRemedies.For(exception);

        private static string? ForClientAndRows(NotionException exception, RemedyFacts facts)
        {
            switch (exception)
            {
                case NotionApiException { Code: NotionErrorCodes.Timeout }:
                    return Timeout;

                // An address that could not be reached; a connection dropped midway (an IOException) was reached.
                case NotionApiException { Code: NotionErrorCodes.ConnectionFailure, InnerException: HttpRequestException _ }:
                    return ConnectionFailure;
                case NotionApiException { Code: NotionErrorCodes.Redirect }:
                    return Redirected;
                case RowValueException { Problem: RowValueProblem.ShortFormCannotCompare }:
                    return ShortFormNeedsFilter;
                case UnknownColumnException _:
                    return UnknownColumn;
                case NotionApiException { ErrorId: NotionErrorIds.NotionRetryWaitTooLong } tooLong:
                    return RetryWaitTooLong(tooLong);
                case NotionApiException rateLimited when rateLimited.Code == NotionErrorCodes.RateLimited && RateLimitReasons.IsWorkspaceLimit(rateLimited):
                    return WorkspaceRateLimited;
                default:
                    return ForNotionCode(exception.NotionCode, facts);
            }
        }

        private static string? ForNotionCode(string? code, RemedyFacts facts)
        {
            switch (code)
            {
                case NotionErrorCodes.ObjectNotFound when facts.OnPage:
                    return facts.IsPersonalAccessToken ? PersonHasNoAccess(facts.IntegrationName, "page") : PageRemedies.SharePage(facts.IntegrationName);
                case NotionErrorCodes.ObjectNotFound:
                    var share = facts.IsPersonalAccessToken ? PersonHasNoAccess(facts.IntegrationName, "database") : ShareDatabase(facts.IntegrationName);
                    return facts.ViewIdHint ? share + " " + DatabaseRemedies.ViewIdHint : share;
                case NotionErrorCodes.Unauthorized: return facts.IsPersonalAccessToken ? NewPersonalAccessToken : NewToken;
                case NotionErrorCodes.RestrictedResource:
                    return facts.IsPersonalAccessToken ? PersonCannotEdit(facts.IntegrationName) : MissingCapability(facts.Capability ?? "the needed content");
                case NotionErrorCodes.RateLimited: return RateLimited;
                default: return null;
            }
        }
    }
}
