using System;
using System.Management.Automation;
using System.Security;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Session;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// The base of the cmdlets that check a token with Notion (Connect- and Register-NotionIntegration):
    /// the connection settings they share, and the one path that turns a token into a connection.
    /// </summary>
    public abstract class NotionConnectingCmdlet : NotionAsyncCmdlet
    {
        private Func<string, string>? tokenRedaction;

        /// <summary>The checked token's, from <see cref="CheckedToken"/> on: Notion's refusal of it and a vault's failure to store it may quote it.</summary>
        private protected override Func<string, string>? Redaction => tokenRedaction;

        /// <summary>Where the API lives; plain http:// only for this computer (the emulator).</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri BaseUri { get; set; } = NotionClientOptions.DefaultBaseUri;

        [Parameter]
        [ValidateSet(Client.ApiVersion.Latest, Client.ApiVersion.DataSources, Client.ApiVersion.Legacy)]
        public string ApiVersion { get; set; } = NotionClientOptions.DefaultApiVersion;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 60;

        [Parameter]
        [ValidateRange(0, 20)]
        public int MaximumRetryCount { get; set; } = 5;

        /// <summary>Average requests per second for this token, shared by every runspace; 0 turns limiting off, else 1/60 to 1000.</summary>
        [Parameter]
        [ValidateRequestsPerSecond]
        public double RequestsPerSecond { get; set; } = 3;

        /// <summary>How many requests may start back to back before -RequestsPerSecond spaces them out.</summary>
        [Parameter]
        [ValidateRange(1, NotionClientOptions.MaximumRateLimitBurst)]
        public int RateLimitBurst { get; set; } = 1;

        /// <summary>A budget of requests per 60 seconds for this token (Notion's plan-based wording); when given, it replaces -RequestsPerSecond and -RateLimitBurst.</summary>
        [Parameter]
        [ValidateRange(1, NotionClientOptions.MaximumRequestsPerMinute)]
        public int RequestsPerMinute { get; set; }

        /// <summary>
        /// The workspace's budget of requests per 60 seconds, as the user declares it: every connection of the workspace in
        /// the process is paced at it by one shared limiter, besides its own limit. Declared differently, the smaller holds.
        /// </summary>
        [Parameter]
        [ValidateRange(1, NotionClientOptions.MaximumRequestsPerMinute)]
        public int WorkspaceRequestsPerMinute { get; set; }

        /// <summary>The longest Retry-After, in seconds, that is waited out; Notion asking for longer is an error at once.</summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public int MaximumRetryWait { get; set; } = (int)RetryPolicy.DefaultMaximumWait.TotalSeconds;

        /// <summary>
        /// Validates the token with Notion (GET /v1/users/me) and returns the connection without making it
        /// current; a bad setting or Notion's refusal stops the cmdlet with a specific error.
        /// </summary>
        internal NotionConnection OpenConnection(SecureString token)
        {
            token = CheckedToken(token);
            var options = new NotionClientOptions
            {
                BaseUri = BaseUri,
                ApiVersion = ApiVersion,
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                MaximumRetryCount = MaximumRetryCount,
                RequestsPerSecond = RequestsPerSecond,
                RateLimitBurst = RateLimitBurst,
                RequestsPerMinute = RequestsPerMinute,
                WorkspaceRequestsPerMinute = WorkspaceRequestsPerMinute,
                MaximumRetryWait = TimeSpan.FromSeconds(MaximumRetryWait),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                var record = NotionErrorRecords.Create(ex, ex.ParamName == nameof(NotionClientOptions.BaseUri) ? NotionErrorIds.InvalidBaseUri : NotionErrorIds.InvalidConnectionOption, NotionClientOptions.Display(options.BaseUri));
                if (StoredSettingRemedy(ex.ParamName) is { } remedy)
                {
                    record.ErrorDetails = new ErrorDetails(NotionErrorRecords.WithRemedy(ex.Message, remedy)) { RecommendedAction = remedy };
                }

                ThrowTerminatingError(record);
            }

            try
            {
                return RunWithLogPump(cancellationToken => NotionConnector.ConnectAsync(token, options, Log, cancellationToken));
            }
            catch (NotionApiException ex)
            {
                ThrowTerminatingError(NotionErrorRecords.From(ex, options.BaseUri));
                throw;
            }
            catch (WorkspaceUnknownException ex)
            {
                ThrowTerminatingError(NotionErrorRecords.Create(
                    new ArgumentException(ex.ExplainedAs($"-{nameof(WorkspaceRequestsPerMinute)} {ex.RequestsPerMinute}"), ex),
                    ex.ErrorId,
                    ex.UserName,
                    $"Connect without -{nameof(WorkspaceRequestsPerMinute)}. If this token is the only one of its workspace in this session, give it -{nameof(RequestsPerMinute)} at or below the workspace's budget instead."));
                throw;
            }
        }

        /// <summary>What to do when <paramref name="setting"/> was not given but read from a stored registration; null when it was given.</summary>
        private protected virtual string? StoredSettingRemedy(string? setting) => null;

        /// <summary>
        /// The token as it will be sent (see <see cref="NotionToken"/>): trimmed, or a terminating error that
        /// says what is wrong with it without showing it.
        /// </summary>
        internal SecureString CheckedToken(SecureString token)
        {
            var (normalized, problem) = NotionToken.Normalize(token);
            if (normalized == null)
            {
                ThrowTerminatingError(NotionErrorRecords.Create(
                    new ArgumentException(NotionToken.Describe(problem)),
                    problem == NotionTokenProblem.Empty ? NotionErrorIds.EmptyNotionToken : NotionErrorIds.InvalidNotionToken,
                    null));
            }

            tokenRedaction = TokenRedaction.For(normalized!);
            return normalized!;
        }
    }
}
