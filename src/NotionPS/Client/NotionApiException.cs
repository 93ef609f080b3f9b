using System;
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
        internal NotionApiException(int status, string code, string apiMessage, string? requestId, string method, string path, Exception? inner = null)
            : base(NotionErrorCodes.ErrorIdFor(code, status), Describe(status, code, apiMessage, requestId, method, path), inner)
        {
            Status = status;
            Code = code;
            ApiMessage = apiMessage;
            RequestId = requestId;
            Method = method;
            Path = path;
        }

        /// <summary>The HTTP status, or 0 when no response came back.</summary>
        public int Status { get; }

        /// <summary>Notion's error code, such as <c>object_not_found</c>.</summary>
        public string Code { get; }

        public override string? NotionCode => Code;

        /// <summary>
        /// Notion answered with this error itself: its message is Notion's to keep. A failure with no answer (status 0)
        /// or a redirect (a wrong address answered, not Notion) is described by NotionPS.
        /// </summary>
        internal bool IsNotionsAnswer => Status > 0 && Code != NotionErrorCodes.Redirect;

        /// <summary>Notion's message, unchanged.</summary>
        public string ApiMessage { get; }

        /// <summary>Notion's request_id: quote it when asking Notion's support about a failure.</summary>
        public string? RequestId { get; }

        public string Method { get; }

        public string Path { get; }

        /// <summary>Notion's <c>additional_data</c>, when it sent one (for example <c>child_data_source_ids</c>).</summary>
        public JsonElement? AdditionalData { get; internal set; }

        private static string Describe(int status, string code, string apiMessage, string? requestId, string method, string path)
        {
            var head = status == 0 ? $"{method} {path} failed ({code})" : $"{method} {path} returned {status} {code}";
            var id = string.IsNullOrEmpty(requestId) ? string.Empty : $" (request_id {requestId})";
            return $"{head}: {apiMessage}{id}";
        }
    }
}
