using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using NotionPS.Errors;

namespace NotionPS.Client
{
    /// <summary>
    /// A failed Notion API call: Notion's own error body (status, code, message, request_id) and the
    /// request it answered. Network failures and time-outs carry <see cref="Code"/> values of our own
    /// (<see cref="NotionErrorCodes"/>: connection_failure, timeout, foreign_url) with a status of 0, and a
    /// redirect that was not followed carries redirect with its 3xx status.
    /// </summary>
    public sealed class NotionApiException : NotionException
    {
        private readonly string code;

        private readonly string apiMessage;

        private readonly string? requestId;

        private readonly string method;

        private readonly string path;

        /// <remarks>
        /// <paramref name="code"/>, <paramref name="apiMessage"/> and <paramref name="requestId"/> are kept as <see cref="ServerText.Visible"/>
        /// shows them, since every message that quotes them (this one and those of the operations) is read at a terminal.
        /// </remarks>
        internal NotionApiException(int status, string code, string apiMessage, string? requestId, string method, string path, Exception? inner = null, JsonElement? additionalData = null)
            : base(NotionErrorCodes.ErrorIdFor(code, status),
                Describe(status, ServerText.Visible(code), ServerText.Visible(apiMessage), ServerText.VisibleOrNull(requestId), method, ServerText.Visible(path), ReasonIn(additionalData)),
                inner)
        {
            Status = status;
            this.code = ServerText.Visible(code);
            this.apiMessage = ServerText.Visible(apiMessage);
            this.requestId = ServerText.VisibleOrNull(requestId);
            this.method = method;
            this.path = path;
            AdditionalData = additionalData;
        }

        /// <summary>Notion's answer again, under an id, message and inner exception of its own.</summary>
        private NotionApiException(string errorId, string message, NotionApiException answer, Exception? inner)
            : base(errorId, message, inner)
        {
            Status = answer.Status;
            code = answer.code;
            apiMessage = answer.apiMessage;
            requestId = answer.requestId;
            method = answer.method;
            path = answer.path;
            AdditionalData = answer.AdditionalData;
            RetryAfter = answer.RetryAfter;
        }

        /// <summary>
        /// A 429 or 529 whose Retry-After is longer than the connection waits: not retried, and said so, with the
        /// limit that was hit and the wait Notion asked for.
        /// </summary>
        internal static NotionApiException RetryWaitTooLong(NotionApiException answer, TimeSpan wait, TimeSpan longestWait) =>
            new NotionApiException(
                NotionErrorIds.NotionRetryWaitTooLong,
                $"{answer.Message} Notion asked to wait {Seconds(wait)} s before the next request ({RateLimitReasons.Describe(answer)}), " +
                $"longer than the {Seconds(longestWait)} s this connection waits at most, so the request was not repeated.",
                answer,
                answer.InnerException)
            {
                RetryAfter = wait,
            };

        /// <summary>A public type a script catches by name: re-created as itself when its inner exception is redacted.</summary>
        private protected override NotionException WithInner(Exception inner) => new NotionApiException(ErrorId, Message, this, inner);

        /// <summary>Notion's <c>additional_data.rate_limit_reason</c> of a 429: which limit was hit; null when it gave none.</summary>
        public string? RateLimitReason => ReasonIn(AdditionalData);

        /// <summary>For <see cref="NotionErrorIds.NotionRetryWaitTooLong"/>: the wait Notion asked for.</summary>
        public TimeSpan? RetryAfter { get; private set; }

        /// <summary>The HTTP status, or 0 when no response came back.</summary>
        public int Status { get; }

        /// <summary>Notion's error code, such as <c>object_not_found</c>.</summary>
        public string Code => Shown(code);

        public override string? NotionCode => Code;

        /// <summary>
        /// Notion answered with this error itself: its message is Notion's to keep. A failure with no answer (status 0)
        /// or a redirect (a wrong address answered, not Notion) is described by NotionPS.
        /// </summary>
        internal bool IsNotionsAnswer => Status > 0 && Code != NotionErrorCodes.Redirect;

        /// <summary>
        /// The answer says the request was not carried out: a 4xx refuses it (a 429 asks for it again later), and a 529 is
        /// Notion too busy to take it. No answer, a 5xx or a redirect (which may follow the work done) says nothing of the sort.
        /// </summary>
        internal bool ShowsNothingWasDone => (Status >= 400 && Status < 500) || Status == 529;

        /// <summary>Notion's message, unchanged but for the token (see <see cref="Redact"/>) and its control characters (see <see cref="ServerText"/>).</summary>
        public string ApiMessage => Shown(apiMessage);

        /// <summary>Notion's request_id: quote it when asking Notion's support about a failure.</summary>
        public string? RequestId => ShownIfAny(requestId);

        public string Method => Shown(method);

        /// <summary>The path as the request gave it (Invoke-NotionApi's as typed).</summary>
        public string Path => Shown(path);

        /// <summary>Notion's <c>additional_data</c>, when it sent one (for example <c>child_data_source_ids</c>).</summary>
        public JsonElement? AdditionalData { get; private set; }

        /// <summary>
        /// Also <c>additional_data</c>, which is JSON rather than a text: the client redacts Notion's answer as it reads it,
        /// but a string of it can spell the token with JSON escapes the redaction of the raw answer does not see. (Notion's
        /// texts and the path, which is the caller's, are read redacted like every text of a NotionException.)
        /// </summary>
        internal override void Redact(Func<string, string> redact)
        {
            base.Redact(redact);
            if (AdditionalData is JsonElement data)
            {
                AdditionalData = Redacted(data, redact);
            }
        }

        /// <summary><paramref name="data"/> with every string and property name redacted; itself when none changed.</summary>
        private static JsonElement Redacted(JsonElement data, Func<string, string> redact)
        {
            var changed = false;
            string Redact(string text)
            {
                var redacted = redact(text);
                changed |= redacted != text;
                return redacted;
            }

            using (var buffer = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    WriteRedacted(data, writer, Redact);
                }

                if (!changed)
                {
                    return data;
                }

                using (var redacted = JsonDocument.Parse(buffer.ToArray()))
                {
                    return redacted.RootElement.Clone();
                }
            }
        }

        private static void WriteRedacted(JsonElement element, Utf8JsonWriter writer, Func<string, string> redact)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    writer.WriteStartObject();
                    foreach (var property in element.EnumerateObject())
                    {
                        writer.WritePropertyName(redact(property.Name));
                        WriteRedacted(property.Value, writer, redact);
                    }

                    writer.WriteEndObject();
                    break;
                case JsonValueKind.Array:
                    writer.WriteStartArray();
                    foreach (var item in element.EnumerateArray())
                    {
                        WriteRedacted(item, writer, redact);
                    }

                    writer.WriteEndArray();
                    break;
                case JsonValueKind.String:
                    writer.WriteStringValue(redact(element.GetString()!));
                    break;
                default:
                    element.WriteTo(writer);
                    break;
            }
        }

        internal static string Seconds(TimeSpan wait) => wait.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);

        private static string? ReasonIn(JsonElement? additionalData) =>
            additionalData is JsonElement data ? ServerText.VisibleOrNull(JsonRead.String(data, "rate_limit_reason")) : null;

        private static string Describe(int status, string code, string apiMessage, string? requestId, string method, string path, string? rateLimitReason)
        {
            var head = status == 0 ? $"{method} {path} failed ({code})" : $"{method} {path} returned {status} {code}";
            var reason = rateLimitReason == null ? string.Empty : $" (rate_limit_reason {rateLimitReason})";
            var id = string.IsNullOrEmpty(requestId) ? string.Empty : $" (request_id {requestId})";
            return $"{head}: {apiMessage}{reason}{id}";
        }
    }
}
