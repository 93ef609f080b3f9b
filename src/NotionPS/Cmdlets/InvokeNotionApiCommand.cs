using System;
using System.Management.Automation;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotionPS.Client;
using NotionPS.Rows;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Calls any Notion API endpoint with the connection's token, version, retries, rate limit and error mapping.</para>
    /// <para type="description">The escape hatch for endpoints NotionPS does not wrap yet. The response comes back as objects, as Invoke-RestMethod gives them. Only GET requests are repeated after a server error or a dropped connection; any request is repeated after 429.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "NotionApi", SupportsShouldProcess = true, HelpUri = HelpUriBase + "Invoke-NotionApi.md")]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeNotionApiCommand : NotionCmdlet
    {
        /// <summary>The HTTP method.</summary>
        [Parameter]
        [ValidateSet("GET", "POST", "PATCH", "PUT", "DELETE", IgnoreCase = true)]
        public string Method { get; set; } = "GET";

        /// <summary>The path after the API's address, such as v1/users or /v1/blocks/{id}/children.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>The request body: a JSON string, or a hashtable or object that is sent as JSON (at most 64 levels deep, and not containing itself).</summary>
        [Parameter(Position = 1)]
        public object? Body { get; set; }

        protected override void ProcessRecord()
        {
            var path = RelativePath(Path);
            var method = new HttpMethod(Method.ToUpperInvariant());
            JsonNode? body;
            try
            {
                var plainBody = RowObjects.Plain(Body, nameof(Body));
                body = plainBody is string json ? JsonNode.Parse(json) : PlainValues.ToJson(plainBody, nameof(Body));
            }
            catch (JsonException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "NotionInvalidBody", ErrorCategory.InvalidArgument, Body));
                return;
            }
            catch (InputValueException ex)
            {
                WriteError(RowErrors.ForInputValue(ex, Body));
                return;
            }

            if (method != HttpMethod.Get && !ShouldProcess(path, method.Method))
            {
                return;
            }

            try
            {
                using (var response = Await(cancellationToken => Client.SendAsync(method, path, body, method == HttpMethod.Get, Log, cancellationToken)))
                {
                    WriteObject(RowObjects.FromJson(response.RootElement), enumerateCollection: false);
                }
            }
            catch (NotionApiException ex)
            {
                WriteError(ToErrorRecord(ex, path));
            }
        }

        /// <summary>
        /// The path relative to the connection's base URI. A full URL is accepted only for that same
        /// address: the token must never go anywhere else.
        /// </summary>
        private string RelativePath(string path)
        {
            if (Uri.TryCreate(path, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp))
            {
                var baseUri = ActiveConnection.BaseUri;
                if (!string.Equals(absolute.GetLeftPart(UriPartial.Authority), baseUri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new ArgumentException($"'{path}' is not on the connection's API address {baseUri}; the token is sent only there. Give the path alone, such as v1/users."),
                        "NotionForeignUrl", ErrorCategory.InvalidArgument, path));
                }

                return absolute.PathAndQuery.TrimStart('/');
            }

            return path.TrimStart('/');
        }
    }
}
