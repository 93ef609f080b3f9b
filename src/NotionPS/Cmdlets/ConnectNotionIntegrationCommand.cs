using System;
using System.Management.Automation;
using System.Security;
using NotionPS.Client;
using NotionPS.Session;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Connects to Notion as an integration and makes it the session's current connection.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "NotionIntegration", DefaultParameterSetName = EnvironmentSet, HelpUri = HelpUriBase + "Connect-NotionIntegration.md")]
    [OutputType(typeof(NotionConnection))]
    public sealed class ConnectNotionIntegrationCommand : NotionCmdletBase
    {
        internal const string TokenVariable = "NOTION_TOKEN";
        private const string EnvironmentSet = "Environment";
        private const string TokenSet = "Token";
        private const string CredentialSet = "Credential";

        /// <summary>The integration's secret, as a SecureString (for example from Read-Host -AsSecureString).</summary>
        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        [ValidateNotNull]
        public SecureString? Token { get; set; }

        /// <summary>A credential whose password is the token; the user name is not used.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Uri BaseUri { get; set; } = NotionClientOptions.DefaultBaseUri;

        [Parameter]
        [ValidateSet("2026-03-11", "2025-09-03", "2022-06-28")]
        public string ApiVersion { get; set; } = NotionClientOptions.DefaultApiVersion;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 60;

        [Parameter]
        [ValidateRange(0, 20)]
        public int MaximumRetryCount { get; set; } = 5;

        /// <summary>Average requests per second for this token, shared by every runspace; 0 turns limiting off.</summary>
        [Parameter]
        [ValidateRange(0.0, 1000.0)]
        public double RequestsPerSecond { get; set; } = 3;

        protected override void EndProcessing()
        {
            var token = ReadToken();
            var options = new NotionClientOptions
            {
                BaseUri = BaseUri,
                ApiVersion = ApiVersion,
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                MaximumRetryCount = MaximumRetryCount,
                RequestsPerSecond = RequestsPerSecond,
            };
            ConnectWith(token, options);
        }

        /// <summary>Validates the token with Notion, then outputs the connection and makes it current.</summary>
        internal void ConnectWith(SecureString token, NotionClientOptions options)
        {
            try
            {
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ex.ParamName == nameof(NotionClientOptions.BaseUri) ? "InvalidBaseUri" : "InvalidConnectionOption", ErrorCategory.InvalidArgument, BaseUri));
            }

            NotionConnection connection;
            try
            {
                connection = Await(cancellationToken => NotionConnector.ConnectAsync(token, options, Log, cancellationToken));
            }
            catch (NotionApiException ex)
            {
                ThrowTerminatingError(ToErrorRecord(ex, BaseUri));
                return;
            }

            NotionSession.Current = connection;
            WriteVerbose($"Connected to workspace '{connection.WorkspaceName}' as integration '{connection.BotName}' ({connection.ApiVersion}).");
            WriteObject(connection);
        }

        private SecureString ReadToken()
        {
            switch (ParameterSetName)
            {
                case TokenSet:
                    return RequireNonEmpty(Token!);
                case CredentialSet:
                    return RequireNonEmpty(Credential!.Password);
                default:
                    return FromEnvironment();
            }
        }

        private SecureString RequireNonEmpty(SecureString? token)
        {
            if (token == null || token.Length == 0)
            {
                var exception = new ArgumentException("The token is empty. " + WaysToConnect);
                ThrowTerminatingError(new ErrorRecord(exception, "EmptyNotionToken", ErrorCategory.InvalidArgument, null));
            }

            return token!;
        }

        private SecureString FromEnvironment()
        {
            var value = Environment.GetEnvironmentVariable(TokenVariable);
            if (string.IsNullOrEmpty(value))
            {
                var exception = new PSArgumentException($"No token was given and the {TokenVariable} environment variable is not set. " + WaysToConnect);
                ThrowTerminatingError(new ErrorRecord(exception, "NotionTokenNotFound", ErrorCategory.AuthenticationError, null)
                {
                    ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = WaysToConnect },
                });
            }

            var token = new SecureString();
            foreach (var character in value!)
            {
                token.AppendChar(character);
            }

            token.MakeReadOnly();
            return token;
        }

        private const string WaysToConnect =
            "Connect in one of these ways: -Name <registration> (a token stored with Register-NotionIntegration); " +
            "-Vault <vault> -SecretName <secret> (a token kept in a SecretManagement vault); " +
            "-Token (Read-Host -AsSecureString 'Notion token'); -Credential (Get-Credential); " +
            "or set the " + TokenVariable + " environment variable (for runbooks). " +
            "The token is the integration's secret at " + Remedies.MyIntegrationsUrl + " (View integration > Show).";
    }
}
