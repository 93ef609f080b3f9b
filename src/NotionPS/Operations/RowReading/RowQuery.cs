using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotionPS.Client;
using NotionPS.Rows;

namespace NotionPS.Operations
{
    /// <summary>
    /// Where the next page of a data source query starts, and how a read gets past Notion's cap of
    /// 10,000 rows per query. Without a custom sort the query runs in created order; when Notion stops
    /// at the cap (has_more false, request_status incomplete) it goes on with a filter for rows created
    /// at or after the newest created time seen, and drops the rows of that minute it already returned
    /// (created_time has minute precision), so each row comes back exactly once. With a custom sort no
    /// such window exists, so the read stops with <see cref="Stop"/> set.
    /// A query may also cover one slice of created time (<see cref="RowReader"/> reads slices side by side):
    /// rows created from a minute on and before another, the end of a slice already being read taken in
    /// with <see cref="EndBefore"/>.
    /// </summary>
    internal sealed class RowQuery
    {
        private readonly JsonNode? userFilter;
        private readonly bool customSort;
        private DateTime? windowStart;
        private DateTime? end;
        private HashSet<string> newestIds = new HashSet<string>(StringComparer.Ordinal);
        private HashSet<string> alreadyReturned = new HashSet<string>(StringComparer.Ordinal);

        /// <param name="filter">The caller's filter in Notion's shape, or null.</param>
        /// <param name="sorts">The caller's sorts in Notion's shape; null or empty for created order.</param>
        /// <param name="createdFrom">For a slice: the first minute of created time it covers.</param>
        /// <param name="createdBefore">For a slice: the minute its rows were created before.</param>
        public RowQuery(JsonNode? filter, JsonArray? sorts, DateTime? createdFrom = null, DateTime? createdBefore = null)
        {
            userFilter = filter;
            customSort = sorts != null && sorts.Count > 0;
            Sorts = customSort ? sorts! : CreatedOrder("ascending");
            windowStart = createdFrom;
            end = createdBefore;
            Filter = ChainFilter();
        }

        public JsonArray Sorts { get; }

        /// <summary>Whether rows come in created order (no -Sort), so that the read can be cut by created time.</summary>
        public bool InCreatedOrder => !customSort;

        /// <summary>
        /// The filter for the next page: the caller's, AND-ed with the created-time bounds of the window or
        /// slice. It is fixed for a chain of cursors (Notion's cursor belongs to the query it came from).
        /// </summary>
        public JsonNode? Filter { get; private set; }

        public string? Cursor { get; private set; }

        public bool Done { get; private set; }

        /// <summary>Why the read stopped short of the end, or null.</summary>
        public QueryStop? Stop { get; private set; }

        /// <summary>How many windows past the cap the read has opened.</summary>
        public int Windows { get; private set; }

        /// <summary>How many rows this query has returned.</summary>
        public int Returned { get; private set; }

        /// <summary>The created time of the first row returned, or null.</summary>
        public DateTime? OldestCreated { get; private set; }

        /// <summary>The created time (to the minute) of the newest row returned, or null.</summary>
        public DateTime? NewestCreated { get; private set; }

        /// <summary>
        /// Ends this query's rows before <paramref name="createdBefore"/>, after it began without an end: rows
        /// at or after it still come on the pages in flight and are dropped (a later slice returns them).
        /// </summary>
        public void EndBefore(DateTime createdBefore)
        {
            end = createdBefore;
            if (Cursor == null)
            {
                Filter = ChainFilter();
            }
        }

        /// <summary>Takes the page just read and returns its rows not returned before; moves on to the next page or window.</summary>
        public IReadOnlyList<JsonElement> Accept(ListPage page)
        {
            var fresh = new List<JsonElement>(page.Results.Count);
            foreach (var row in page.Results)
            {
                var id = JsonRead.String(row, "id"u8) ?? string.Empty;
                if (alreadyReturned.Count > 0 && alreadyReturned.Contains(id))
                {
                    continue;
                }

                var createdAt = PropertyReader.Timestamp(row, "created_time"u8);
                if (createdAt >= end)
                {
                    // Rows come in created order: this one and all after it belong to the next slice.
                    Done = true;
                    return Returning(fresh);
                }

                if (createdAt != null && createdAt != NewestCreated)
                {
                    NewestCreated = createdAt;
                    newestIds = new HashSet<string>(StringComparer.Ordinal);
                }

                OldestCreated ??= createdAt;
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
                StopAtCap(QueryStopReason.CustomSortAtCap);
            }
            else if (NewestCreated == null || NewestCreated == windowStart)
            {
                StopAtCap(QueryStopReason.SameMinuteAtCap);
            }
            else
            {
                windowStart = NewestCreated;
                alreadyReturned = newestIds;
                newestIds = new HashSet<string>(alreadyReturned, StringComparer.Ordinal);
                Cursor = null;
                Filter = ChainFilter();
                Windows++;
            }

            return Returning(fresh);
        }

        /// <summary>Rows in created order, "ascending" or "descending", as a query's sorts.</summary>
        public static JsonArray CreatedOrder(string direction) =>
            new JsonArray(new JsonObject { ["timestamp"] = "created_time", ["direction"] = direction });

        /// <summary>
        /// Rows whose created_time or last_edited_time (<paramref name="timestamp"/>) is at or after
        /// <paramref name="since"/>. Notion keeps those times rounded down to the minute, so the condition starts at
        /// the start of <paramref name="since"/>'s minute: a row changed later in that minute is stored with the
        /// minute's start and would be missed by the instant itself. A row changed earlier in the minute comes too.
        /// </summary>
        /// <param name="since">A time without a zone (DateTimeKind.Unspecified) is this machine's local time, as in PowerShell.</param>
        public static JsonObject Since(string timestamp, DateTime since)
        {
            var utc = since.ToUniversalTime();
            var minute = new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
            return new JsonObject { ["timestamp"] = timestamp, [timestamp] = new JsonObject { ["on_or_after"] = Timestamp(minute) } };
        }

        /// <summary>A time as Notion writes it in a filter.</summary>
        public static string Timestamp(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        private static JsonObject CreatedTime(string condition, string time) =>
            new JsonObject { ["timestamp"] = "created_time", ["created_time"] = new JsonObject { [condition] = time } };

        private JsonNode? ChainFilter()
        {
            var bounds = new List<JsonNode>();
            if (windowStart != null)
            {
                bounds.Add(CreatedTime("on_or_after", Timestamp(windowStart.Value)));
            }

            if (end != null)
            {
                bounds.Add(CreatedTime("before", Timestamp(end.Value)));
            }

            return bounds.Count == 0 ? userFilter : Bounded(userFilter, bounds);
        }

        /// <summary>
        /// The caller's filter AND the bounds, nested no deeper than the caller's own (Notion allows compounds two
        /// levels deep): the bounds join a top-level "and"; under a top-level "or" they join each branch, as
        /// (a or (b and c)) and B = (a and B) or (b and c and B), a nested "or" lifted into the top one.
        /// </summary>
        private static JsonNode Bounded(JsonNode? filter, IReadOnlyList<JsonNode> bounds)
        {
            if (Compound(filter, "or") is JsonArray branches)
            {
                var flat = branches.SelectMany(branch => Compound(branch, "or") ?? new JsonArray(branch!.DeepClone()));
                return new JsonObject { ["or"] = new JsonArray(flat.Select(branch => Bounded(branch, bounds)).ToArray()) };
            }

            var conditions = Compound(filter, "and") ?? (filter == null ? new JsonArray() : new JsonArray(filter.DeepClone()));
            var all = conditions.Select(condition => condition!.DeepClone()).Concat(bounds.Select(bound => bound.DeepClone())).ToArray();
            return all.Length == 1 ? all[0] : new JsonObject { ["and"] = new JsonArray(all) };
        }

        /// <summary>The conditions of a compound filter of that kind ("and", "or"), or null.</summary>
        private static JsonArray? Compound(JsonNode? filter, string kind) =>
            filter is JsonObject { Count: 1 } single && single[kind] is JsonArray conditions ? conditions : null;

        private IReadOnlyList<JsonElement> Returning(List<JsonElement> fresh)
        {
            Returned += fresh.Count;
            return fresh;
        }

        private void StopAtCap(QueryStopReason reason)
        {
            Done = true;
            Stop = new QueryStop(reason, windowStart == null ? null : Timestamp(windowStart.Value));
        }
    }

    /// <summary>Why a read stopped at Notion's 10,000-row cap of one query.</summary>
    internal enum QueryStopReason
    {
        /// <summary>The rows come in a custom sort order, so no created-time window can go on where the cap stopped.</summary>
        CustomSortAtCap,

        /// <summary>The last window's rows were all created in one minute, so the next window would start where it did.</summary>
        SameMinuteAtCap,
    }

    /// <summary>A read that stopped short of the end: the facts; the cmdlet says what to do about them.</summary>
    internal sealed class QueryStop
    {
        public QueryStop(QueryStopReason reason, string? windowStart)
        {
            Reason = reason;
            WindowStart = windowStart;
        }

        public QueryStopReason Reason { get; }

        /// <summary>The first created minute of the window the read stopped in; null for the first window.</summary>
        public string? WindowStart { get; }

        public string Message => "Notion stops a query at 10,000 rows. " + (Reason == QueryStopReason.CustomSortAtCap
            ? "With a custom sort order, NotionPS cannot read on without returning rows twice or missing some."
            : $"All the rows of the last window were created in the same minute ({WindowStart}), so a created-time window cannot get past it.");
    }
}
