using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace NotionPS.Client
{
    /// <summary>
    /// One page of a paginated Notion list (search, query, property items): its results and where to go on.
    /// A page made by <see cref="From"/> holds copies detached from the response; a page made by
    /// <see cref="Owning"/> reads the response in place and returns its pooled buffers when disposed.
    /// </summary>
    internal sealed class ListPage : IDisposable
    {
        private readonly JsonDocument? owned;

        private ListPage(IReadOnlyList<JsonElement> results, string? nextCursor, bool hasMore, bool incomplete, JsonDocument? owned, TimeSpan roundTrip)
        {
            this.owned = owned;
            RoundTrip = roundTrip;
            Results = results;
            NextCursor = nextCursor;
            HasMore = hasMore;
            Incomplete = incomplete;
        }

        public IReadOnlyList<JsonElement> Results { get; }

        public string? NextCursor { get; }

        public bool HasMore { get; }

        /// <summary>
        /// Notion stopped the list early: a query at its 10,000-row cap answers <c>has_more: false</c>
        /// with <c>request_status.type: "incomplete"</c>.
        /// </summary>
        public bool Incomplete { get; }

        /// <summary>A page whose results are copies, usable after the response is disposed.</summary>
        /// <param name="method">The request's method and <paramref name="path"/> its path, to name it when the answer is no list.</param>
        /// <exception cref="NotionApiException">The answer has no results list (invalid_response).</exception>
        public static ListPage From(JsonElement list, string method, string path) => Read(list, item => item.Clone(), null, TimeSpan.Zero, method, path);

        /// <summary>
        /// A page that takes over <paramref name="response"/> and reads its results in place: no copy of
        /// each row (a page of rows is ~175 KB). The results are valid until the page is disposed.
        /// </summary>
        /// <exception cref="NotionApiException">The answer has no results list (invalid_response); the response is disposed.</exception>
        public static ListPage Owning(JsonDocument response, TimeSpan roundTrip, string method, string path)
        {
            try
            {
                return Read(response.RootElement, item => item, response, roundTrip, method, path);
            }
            catch (NotionApiException)
            {
                response.Dispose();
                throw;
            }
        }

        /// <summary>For a page read by <see cref="Owning"/>, how long its request took (rate-limit wait left out).</summary>
        public TimeSpan RoundTrip { get; }

        public void Dispose() => owned?.Dispose();

        private static ListPage Read(JsonElement list, Func<JsonElement, JsonElement> keep, JsonDocument? owned, TimeSpan roundTrip, string method, string path)
        {
            // A 200 of {} or nothing (a gateway, a proxy) is no list: read as an empty one, a sync would add every row again.
            var results = JsonRead.Array(list, "results")?.EnumerateArray().Select(keep).ToList()
                ?? throw new NotionApiException(200, NotionErrorCodes.InvalidResponse, "The response has no results list, so it is not Notion's answer to a list request.", null, method, path);
            var status = JsonRead.Object(list, "request_status");
            return new ListPage(
                results,
                JsonRead.String(list, "next_cursor"),
                JsonRead.Bool(list, "has_more") == true,
                status != null && JsonRead.String(status.Value, "type") == "incomplete",
                owned,
                roundTrip);
        }
    }
}
