using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotionPS.Client
{
    /// <summary>
    /// Where the next page of a data source query starts, and how a read gets past Notion's cap of
    /// 10,000 rows per query. Without a custom sort the query runs in created order; when Notion stops
    /// at the cap (has_more false, request_status incomplete) it goes on with a filter for rows created
    /// at or after the newest created time seen, and drops the rows of that minute it already returned
    /// (created_time has minute precision), so each row comes back exactly once. With a custom sort no
    /// such window exists, so the read stops with <see cref="Failure"/> set.
    /// </summary>
    internal sealed class RowQuery
    {
        private readonly JsonNode? userFilter;
        private readonly bool customSort;
        private string? windowStart;
        private string? newestCreated;
        private HashSet<string> newestIds = new HashSet<string>(StringComparer.Ordinal);
        private HashSet<string> alreadyReturned = new HashSet<string>(StringComparer.Ordinal);

        /// <param name="filter">The caller's filter in Notion's shape, or null.</param>
        /// <param name="sorts">The caller's sorts in Notion's shape; null or empty for created order.</param>
        public RowQuery(JsonNode? filter, JsonArray? sorts)
        {
            userFilter = filter;
            customSort = sorts != null && sorts.Count > 0;
            Sorts = customSort ? sorts! : new JsonArray(new JsonObject { ["timestamp"] = "created_time", ["direction"] = "ascending" });
        }

        public JsonArray Sorts { get; }

        /// <summary>The filter for the next page: the caller's, AND-ed with the created-time window once past the cap.</summary>
        public JsonNode? Filter
        {
            get
            {
                if (windowStart == null)
                {
                    return userFilter;
                }

                var window = new JsonObject { ["timestamp"] = "created_time", ["created_time"] = new JsonObject { ["on_or_after"] = windowStart } };
                return userFilter == null ? window : new JsonObject { ["and"] = new JsonArray(userFilter.DeepClone(), window) };
            }
        }

        public string? Cursor { get; private set; }

        public bool Done { get; private set; }

        /// <summary>Why the read stopped short of the end, or null.</summary>
        public string? Failure { get; private set; }

        /// <summary>How many windows past the cap the read has opened.</summary>
        public int Windows { get; private set; }

        /// <summary>Takes the page just read and returns its rows not returned before; moves on to the next page or window.</summary>
        public IReadOnlyList<JsonElement> Accept(ListPage page)
        {
            var fresh = new List<JsonElement>(page.Results.Count);
            foreach (var row in page.Results)
            {
                var id = JsonRead.String(row, "id") ?? string.Empty;
                if (alreadyReturned.Contains(id))
                {
                    continue;
                }

                var created = JsonRead.String(row, "created_time");
                if (created != newestCreated)
                {
                    newestCreated = created;
                    newestIds = new HashSet<string>(StringComparer.Ordinal);
                }

                newestIds.Add(id);
                fresh.Add(row);
            }

            if (page.HasMore && page.NextCursor != null)
            {
                Cursor = page.NextCursor;
            }
            else if (!page.Incomplete)
            {
                Done = true;
            }
            else if (customSort)
            {
                Stop("With -Sort, NotionPS cannot read on without returning rows twice or missing some. Leave out -Sort (rows then come in created order and NotionPS reads past the limit), or narrow the query with -Filter or -Where.");
            }
            else if (newestCreated == null || newestCreated == windowStart)
            {
                Stop($"All the rows of the last window were created in the same minute ({windowStart}), so a created-time window cannot get past it. Narrow the query with -Filter or -Where.");
            }
            else
            {
                windowStart = newestCreated;
                alreadyReturned = newestIds;
                newestIds = new HashSet<string>(alreadyReturned, StringComparer.Ordinal);
                Cursor = null;
                Windows++;
            }

            return fresh;
        }

        private void Stop(string why)
        {
            Done = true;
            Failure = "Notion stops a query at 10,000 rows. " + why;
        }
    }
}
