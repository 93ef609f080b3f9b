using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace NotionPS.Client
{
    /// <summary>
    /// One page of a paginated Notion list (search, query, property items): its results, detached from
    /// the response so the response can be let go, and where to go on.
    /// </summary>
    internal sealed class ListPage
    {
        private ListPage(IReadOnlyList<JsonElement> results, string? nextCursor, bool hasMore, bool incomplete)
        {
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

        public static ListPage From(JsonElement list)
        {
            var results = JsonRead.Array(list, "results")?.EnumerateArray().Select(item => item.Clone()).ToList() ?? new List<JsonElement>();
            var status = JsonRead.Object(list, "request_status");
            return new ListPage(
                results,
                JsonRead.String(list, "next_cursor"),
                JsonRead.Bool(list, "has_more") == true,
                status != null && JsonRead.String(status.Value, "type") == "incomplete");
        }
    }
}
