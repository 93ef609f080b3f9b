using System;
using System.Management.Automation;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Rows;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Calls any Notion API endpoint with the connection's token, version, retries, rate limit and error mapping.
    /// <para>The escape hatch for endpoints NotionPS does not wrap yet. The response comes back as objects, as Invoke-RestMethod gives them. Only GET requests are repeated after a server error or a dropped connection; any request is repeated after 429.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "NotionApi", SupportsShouldProcess = true, HelpUri = HelpUriBase + "Invoke-NotionApi.md")]
    [OutputType(typeof(PSCustomObject))]
    public sealed class InvokeNotionApiCommand : NotionConnectedCmdlet
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
            // As Invoke-RestMethod takes -Uri: spaces and line breaks around it (a pasted path, a line read from a file) are not part of it.
            var path = Path.Trim();
            var method = new HttpMethod(Method.ToUpperInvariant());
            var uri = CheckedUri(method, path);
            JsonNode? body;
            try
            {
                var plainBody = RowObjects.Plain(Body, nameof(Body));

                // As UTF-8 with any lone surrogate made U+FFFD (as answers are read): System.Text.Json, describing an error in
                // text that is not valid UTF-16, would throw ArgumentException in place of the JsonException.
                body = plainBody is string json ? JsonNode.Parse(LoneSurrogateEscapes.Utf8(json)) : PlainValues.ToJson(plainBody, nameof(Body));
            }
            catch (JsonException ex)
            {
                ThrowInvalidBody($"-Body is a string, which is sent as JSON text, and it is not JSON: {ex.Message}", ex);
                return;
            }
            catch (InputValueException ex) when (ex.ErrorId == NotionErrorIds.NotionValueNotData)
            {
                // Refused whole, before anything is sent: a SecureString's text or a script's is never JSON anyone meant.
                ThrowInvalidBody($"-Body holds a value that is not data: {ex.Message}", ex);
                return;
            }
            catch (InputValueException ex)
            {
                WriteError(NotionErrorRecords.From(ex, Body));
                return;
            }

            if (method != HttpMethod.Get && !ShouldProcess(uri.ToString(), method.Method))
            {
                return;
            }

            try
            {
                using (var response = RunWithLogPump(cancellationToken => Client.SendAsync(method, path, body, method == HttpMethod.Get, Log, cancellationToken)))
                {
                    WriteObject(RowObjects.FromJson(response.RootElement), enumerateCollection: false);
                }
            }
            catch (NotionApiException ex)
            {
                WriteError(NotionErrorRecords.From(ex, path));
            }
        }

        private void ThrowInvalidBody(string problem, Exception inner) =>
            ThrowTerminatingError(NotionErrorRecords.Create(
                new ArgumentException($"{problem} {InvalidBodyAction}", inner), NotionErrorIds.NotionInvalidBody, Body, InvalidBodyAction));

        private const string InvalidBodyAction =
            "Give JSON text, such as '{\"query\": \"Tasks\"}', or a hashtable or object, which is sent as JSON: @{ query = 'Tasks' }.";

        /// <summary>
        /// Where the request would go, checked as the client checks every request (a path or a full URL on the
        /// connection's own address only): refused here, before -WhatIf or any request, with a terminating error.
        /// </summary>
        private Uri CheckedUri(HttpMethod method, string path)
        {
            try
            {
                return Client.RequestUri(method, path);
            }
            catch (NotionApiException ex)
            {
                ThrowTerminatingError(NotionErrorRecords.From(ex, path));
                throw;
            }
        }
    }
}
