using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotionPS.Client;
using NotionPS.Cmdlets;
using NotionPS.Operations;
using Xunit;

namespace NotionPS.Tests.Operations;

/// <summary>
/// Reading past Notion's per-query cap, against a small model of a data source query: rows in created
/// order with minute precision, a created_time on_or_after filter, cursors, and a cap that answers
/// has_more false with request_status incomplete.
/// </summary>
public class RowQueryTests
{
    private sealed record Row(string Id, DateTime Created);

    private sealed class CappedSource(IReadOnlyList<Row> rows, int cap, int pageSize)
    {
        public int Queries { get; private set; }

        public ListPage Query(JsonNode? filter, string? cursor)
        {
            Queries++;
            var since = Bound(filter, "on_or_after");
            var before = Bound(filter, "before");
            var matching = rows
                .Where(row => since == null || row.Created >= since)
                .Where(row => before == null || row.Created < before)
                .OrderBy(row => row.Created).ThenBy(row => row.Id, StringComparer.Ordinal)
                .Take(cap)
                .ToList();
            var start = cursor == null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
            var slice = matching.Skip(start).Take(pageSize).ToList();
            var hasMore = start + pageSize < matching.Count;
            var incomplete = !hasMore && matching.Count == cap;
            var json = new JsonObject
            {
                ["object"] = "list",
                ["results"] = new JsonArray(slice.Select(row => (JsonNode)new JsonObject { ["id"] = row.Id, ["created_time"] = row.Created.ToString("yyyy-MM-ddTHH:mm:00.000Z", CultureInfo.InvariantCulture) }).ToArray()),
                ["has_more"] = hasMore,
                ["next_cursor"] = hasMore ? (start + pageSize).ToString(CultureInfo.InvariantCulture) : null,
            };
            if (incomplete)
            {
                json["request_status"] = new JsonObject { ["type"] = "incomplete" };
            }

            using var document = JsonDocument.Parse(json.ToJsonString());
            return ListPage.From(document.RootElement, "POST", "v1/data_sources/ds1/query");
        }

        /// <summary>A created_time bound of the filter, alone or in its "and".</summary>
        private static DateTime? Bound(JsonNode? filter, string condition)
        {
            var conditions = filter?["and"] is JsonArray all ? all.ToList() : new List<JsonNode?> { filter };
            var text = conditions.Select(node => node?["created_time"]?[condition]?.GetValue<string>()).FirstOrDefault(value => value != null);
            return text == null ? null : DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        }
    }

    private static List<Row> Rows(int count, int perMinute) =>
        Enumerable.Range(0, count).Select(i => new Row($"row-{i:00000}", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i / perMinute))).ToList();

    private static (List<string> Ids, RowQuery Query) ReadAll(CappedSource source, JsonArray? sorts = null) => ReadAll(source, new RowQuery(null, sorts));

    private static (List<string> Ids, RowQuery Query) ReadAll(CappedSource source, RowQuery query)
    {
        var ids = new List<string>();
        while (!query.Done)
        {
            Assert.True(source.Queries < 10_000, "the read does not end");
            ids.AddRange(query.Accept(source.Query(query.Filter, query.Cursor)).Select(row => row.GetProperty("id").GetString()!));
        }

        return (ids, query);
    }

    [Theory]
    [InlineData(250, 7, 100, 10)]
    [InlineData(250, 1, 100, 10)]
    [InlineData(1000, 30, 100, 25)]
    [InlineData(100, 3, 100, 10)]
    public void ReadsEveryRowExactlyOncePastTheCap(int count, int perMinute, int cap, int pageSize)
    {
        var rows = Rows(count, perMinute);

        var (ids, query) = ReadAll(new CappedSource(rows, cap, pageSize));

        Assert.Null(query.Stop);
        Assert.Equal(rows.Select(row => row.Id), ids);
        Assert.Equal(count >= cap, query.Windows > 0);
    }

    [Fact]
    public void UnderTheCapIsOneQueryInCreatedOrder()
    {
        var source = new CappedSource(Rows(30, 2), cap: 100, pageSize: 10);

        var (ids, query) = ReadAll(source);

        Assert.Equal(30, ids.Count);
        Assert.Equal(0, query.Windows);
        Assert.Equal(3, source.Queries);
        Assert.Equal("""[{"timestamp":"created_time","direction":"ascending"}]""", query.Sorts.ToJsonString());
    }

    [Fact]
    public void ACustomSortStopsAtTheCapAndSaysWhy()
    {
        var sorts = new JsonArray(new JsonObject { ["property"] = "Name", ["direction"] = "ascending" });

        var (ids, query) = ReadAll(new CappedSource(Rows(250, 5), cap: 100, pageSize: 50), sorts);

        Assert.Equal(100, ids.Count);
        Assert.Contains("10,000", query.Stop!.Message);
        Assert.Contains("Leave out -Sort", RowRemedies.For(query.Stop!));
    }

    [Fact]
    public void ACapFullOfOneMinuteCannotBePassedAndSaysSo()
    {
        var (ids, query) = ReadAll(new CappedSource(Rows(250, 250), cap: 100, pageSize: 50));

        Assert.Equal(100, ids.Count);
        Assert.Contains("same minute", query.Stop!.Message);
    }

    [Fact]
    public void TheWindowIsAndedWithTheCallersFilter()
    {
        var userFilter = new JsonObject { ["property"] = "Done", ["checkbox"] = new JsonObject { ["equals"] = true } };
        var query = new RowQuery(userFilter, null);
        using var document = JsonDocument.Parse("""{"object":"list","results":[{"id":"a","created_time":"2026-01-01T00:05:00.000Z"}],"has_more":false,"next_cursor":null,"request_status":{"type":"incomplete"}}""");

        query.Accept(ListPage.From(document.RootElement, "POST", "v1/data_sources/ds1/query"));

        Assert.Equal(
            """{"and":[{"property":"Done","checkbox":{"equals":true}},{"timestamp":"created_time","created_time":{"on_or_after":"2026-01-01T00:05:00.000Z"}}]}""",
            query.Filter!.ToJsonString());
        Assert.Null(query.Cursor);
        Assert.False(query.Done);
    }

    [Fact]
    public void SlicesOfCreatedTimeTogetherReadEveryRowOnceInOrderEvenPastTheCap()
    {
        var rows = Rows(1000, 7);
        var source = new CappedSource(rows, cap: 100, pageSize: 30);
        var cuts = new[] { 20, 60, 61 }.Select(minute => rows[0].Created.AddMinutes(minute)).ToList();
        var bounds = new DateTime?[] { null }.Concat(cuts.Select(cut => (DateTime?)cut)).Concat(new DateTime?[] { null }).ToList();

        var ids = new List<string>();
        for (var i = 0; i + 1 < bounds.Count; i++)
        {
            var (slice, query) = ReadAll(source, new RowQuery(null, null, bounds[i], bounds[i + 1]));
            Assert.Null(query.Stop);
            ids.AddRange(slice);
        }

        Assert.Equal(rows.Select(row => row.Id), ids);
    }

    [Fact]
    public void ASliceEndedWhileReadingDropsTheRowsOfTheNextAndStops()
    {
        var rows = Rows(100, 10);
        var source = new CappedSource(rows, cap: 1000, pageSize: 25);
        var query = new RowQuery(null, null);
        var first = query.Accept(source.Query(query.Filter, query.Cursor));
        var filterBefore = query.Filter?.ToJsonString();

        query.EndBefore(rows[0].Created.AddMinutes(4));
        var (rest, _) = ReadAll(source, query);

        // The chain keeps the filter its cursor came from; the rows of minute 4 on are left to the next slice.
        Assert.Equal(filterBefore, query.Filter?.ToJsonString());
        Assert.Equal(rows.Take(40).Select(row => row.Id), first.Select(row => row.GetProperty("id").GetString()).Concat(rest));
        Assert.True(query.Done);
        Assert.Equal(40, query.Returned);
        Assert.Equal(rows[0].Created, query.OldestCreated);
        Assert.Equal(rows[39].Created, query.NewestCreated);
    }

    [Fact]
    public void ASlicesBoundsJoinTheCallersOwnAnd()
    {
        var userFilter = JsonNode.Parse("""{"and":[{"property":"Done","checkbox":{"equals":true}},{"or":[{"property":"A","checkbox":{"equals":true}},{"property":"B","checkbox":{"equals":true}}]}]}""");
        var query = new RowQuery(userFilter, null, new DateTime(2026, 1, 1, 0, 5, 0, DateTimeKind.Utc), new DateTime(2026, 1, 1, 0, 9, 0, DateTimeKind.Utc));

        Assert.Equal(
            """{"and":[{"property":"Done","checkbox":{"equals":true}},{"or":[{"property":"A","checkbox":{"equals":true}},{"property":"B","checkbox":{"equals":true}}]},{"timestamp":"created_time","created_time":{"on_or_after":"2026-01-01T00:05:00.000Z"}},{"timestamp":"created_time","created_time":{"before":"2026-01-01T00:09:00.000Z"}}]}""",
            query.Filter!.ToJsonString());
    }

    [Fact]
    public void UnderACallersOrTheBoundsJoinEachBranchSoTheFilterGetsNoDeeper()
    {
        const string a = """{"property":"A","checkbox":{"equals":true}}""";
        const string b = """{"property":"B","checkbox":{"equals":true}}""";
        const string c = """{"property":"C","checkbox":{"equals":true}}""";
        const string d = """{"property":"D","checkbox":{"equals":true}}""";
        const string e = """{"property":"E","checkbox":{"equals":true}}""";
        var userFilter = JsonNode.Parse($$"""{"or":[{{a}},{"and":[{{b}},{{c}}]},{"or":[{{d}},{{e}}]}]}""");
        var query = new RowQuery(userFilter, null, new DateTime(2026, 1, 1, 0, 5, 0, DateTimeKind.Utc), new DateTime(2026, 1, 1, 0, 9, 0, DateTimeKind.Utc));
        const string bounds = """{"timestamp":"created_time","created_time":{"on_or_after":"2026-01-01T00:05:00.000Z"}},{"timestamp":"created_time","created_time":{"before":"2026-01-01T00:09:00.000Z"}}""";

        Assert.Equal(
            $$"""{"or":[{"and":[{{a}},{{bounds}}]},{"and":[{{b}},{{c}},{{bounds}}]},{"and":[{{d}},{{bounds}}]},{"and":[{{e}},{{bounds}}]}]}""",
            query.Filter!.ToJsonString());
    }
}
