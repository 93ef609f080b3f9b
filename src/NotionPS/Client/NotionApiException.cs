using System;
using System.Text.Json;

namespace NotionPS.Client
{
    /// <summary>
    /// A failed Notion API call: Notion's own error body (status, code, message, request_id) and the
    /// request it answered. Network failures and time-outs carry <see cref="Code"/> values of our own
    /// (<c>connection_failure</c>, <c>timeout</c>, <c>foreign_url</c>) with a status of 0, and a
    /// redirect that was not followed carries <c>redirect</c> with its 3xx status.
    /// </summary>
    public sealed class NotionApiException : Exception
    {
        internal const string ConnectionFailureCode = "connection_failure";
        internal const string TimeoutCode = "timeout";

        /// <summary>The request was refused before sending: its address is not the connection's (status 0).</summary>
        internal const string ForeignUrlCode = "foreign_url";

        /// <summary>The server answered with a 3xx, which is never followed.</summary>
        internal const string RedirectCode = "redirect";

        internal NotionApiException(int status, string code, string apiMessage, string? requestId, string method, string path, Exception? inner = null)
            : base(Describe(status, code, apiMessage, requestId, method, path), inner)
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
