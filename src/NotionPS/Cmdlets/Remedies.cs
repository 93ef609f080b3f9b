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
            "Share the database with the integration: open the database as a full page in Notion, click ••• in the top right corner, " +
            $"at the bottom of the pop-up click Add connections (Connections), then search for and select \"{integrationName ?? "your integration"}\". " +
            "Sharing the page that contains the database shares the database too.";

        public const string NewToken =
            "The token is invalid or was revoked. Go to " + MyIntegrationsUrl + ", click View integration, click Show next to the secret and copy it, " +
            "then run Connect-NotionIntegration again (or Register-NotionIntegration -Force to update a stored one).";

        public static string MissingCapability(string capability) =>
            $"The integration lacks the \"{capability}\" capability. At {MyIntegrationsUrl}, open the integration, tick {capability} under Capabilities, and save.";

        public const string RateLimited =
            "Notion's rate limit (about 3 requests per second per integration) held after every retry. Wait a moment and run it again, or raise -MaximumRetryCount.";

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
                : ForClientAndRows(exception, facts) ?? DatabaseRemedies.For(exception, facts) ?? RowRemedies.For(exception, facts) ?? FileRemedies.For(exception);

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
                default:
                    return ForNotionCode(exception.NotionCode, facts);
            }
        }

        private static string? ForNotionCode(string? code, RemedyFacts facts)
        {
            switch (code)
            {
                case NotionErrorCodes.ObjectNotFound:
                    return facts.ViewIdHint ? ShareDatabase(facts.IntegrationName) + " " + DatabaseRemedies.ViewIdHint : ShareDatabase(facts.IntegrationName);
                case NotionErrorCodes.Unauthorized: return NewToken;
                case NotionErrorCodes.RestrictedResource: return MissingCapability("the needed content");
                case NotionErrorCodes.RateLimited: return RateLimited;
                default: return null;
            }
        }
    }
}
