using NotionPS.Errors;

namespace NotionPS.Client
{
    /// <summary>
    /// The error codes of Notion's error bodies (see Notion's status-code reference), and the codes NotionPS
    /// gives failures that got no Notion answer. The only place they are spelled.
    /// </summary>
    internal static class NotionErrorCodes
    {
        // 400
        public const string InvalidJson = "invalid_json";
        public const string InvalidRequestUrl = "invalid_request_url";
        public const string InvalidRequest = "invalid_request";
        public const string InvalidGrant = "invalid_grant";
        public const string ValidationError = "validation_error";
        public const string MissingVersion = "missing_version";

        public const string Unauthorized = "unauthorized";                 // 401
        public const string RestrictedResource = "restricted_resource";    // 403
        public const string ObjectNotFound = "object_not_found";           // 404
        public const string ConflictError = "conflict_error";              // 409
        public const string RateLimited = "rate_limited";                  // 429
        public const string InternalServerError = "internal_server_error"; // 500
        public const string BadGateway = "bad_gateway";                    // 502
        public const string ServiceUnavailable = "service_unavailable";    // 503
        public const string DatabaseConnectionUnavailable = "database_connection_unavailable"; // 503
        public const string GatewayTimeout = "gateway_timeout";            // 504
        public const string ServiceOverload = "service_overload";          // 529

        // NotionPS's own, status 0: no answer came back, or the request was refused before sending.
        public const string ConnectionFailure = "connection_failure";
        public const string Timeout = "timeout";

        /// <summary>The request's address is not the connection's (status 0).</summary>
        public const string ForeignUrl = "foreign_url";

        /// <summary>The request's path is empty or holds a control character (status 0).</summary>
        public const string InvalidPath = "invalid_path";

        // NotionPS's own, for an answer that is not a Notion error body.
        /// <summary>A 3xx, which is never followed.</summary>
        public const string Redirect = "redirect";

        /// <summary>A 2xx whose body is not JSON.</summary>
        public const string InvalidResponse = "invalid_response";

        /// <summary>An answer longer than the client reads (NotionClientOptions.MaximumAnswerBytes).</summary>
        public const string ResponseTooLarge = "response_too_large";

        /// <summary>An error status without a Notion body: this prefix plus the status, such as http_502.</summary>
        public const string HttpStatusPrefix = "http_";

        /// <summary>The ErrorId of a failed call with <paramref name="code"/> and <paramref name="status"/>.</summary>
        public static string ErrorIdFor(string code, int status)
        {
            switch (code)
            {
                case ObjectNotFound: return NotionErrorIds.NotionObjectNotFound;
                case Unauthorized: return NotionErrorIds.NotionUnauthorized;
                case RestrictedResource: return NotionErrorIds.NotionRestrictedResource;
                case RateLimited: return NotionErrorIds.NotionRateLimited;
                case ValidationError:
                case InvalidJson:
                case InvalidRequest:
                case InvalidRequestUrl:
                case MissingVersion:
                    return NotionErrorIds.NotionValidationError;
                case ConflictError: return NotionErrorIds.NotionConflict;
                case ConnectionFailure: return NotionErrorIds.NotionConnectionFailure;
                case Timeout: return NotionErrorIds.NotionTimeout;
                case ForeignUrl: return NotionErrorIds.NotionForeignUrl;
                case InvalidPath: return NotionErrorIds.NotionInvalidPath;
                case Redirect: return NotionErrorIds.NotionRedirected;
                case ResponseTooLarge: return NotionErrorIds.NotionResponseTooLarge;
                default: return status >= 500 ? NotionErrorIds.NotionServerError : NotionErrorIds.NotionApiError;
            }
        }
    }
}
