using System.Globalization;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Tests;

/// <summary>
/// Notion's 10,000-row query cap on 25,000 rows seeded in one admin call: the query stops at 10,000 with
/// <c>has_more: false</c> and <c>request_status: {type: "incomplete", incomplete_reason: "query_result_limit_reached"}</c>, and a client that splits the query by
/// created_time windows reads every row.
/// </summary>
public sealed class QueryCapTests
{
    private const int RowCount = 25_000;
    private const int Cap = 10_000;
    private const int RowsPerMinute = 10;
    private static readonly DateTimeOffset FirstCreated = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AQueryPastTenThousandRowsStopsThereAndSaysItIsIncomplete()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (dataSource, _) = await AddRowsAsync(emulator);

        var pages = await ReadAllPagesAsync(emulator, dataSource, filter: null);

        Assert.Equal(Cap / 100, pages.Count);
        var ids = pages.SelectMany(p => p["results"]!.AsArray().Select(r => (string)r!["id"]!)).ToList();
        Assert.Equal(Cap, ids.Distinct().Count());
        var last = pages[^1];
        Assert.False((bool)last["has_more"]!);
        Assert.Null((string?)last["next_cursor"]);
        Assert.Equal("incomplete", (string?)last["request_status"]?["type"]);
        Assert.Equal("query_result_limit_reached", (string?)last["request_status"]?["incomplete_reason"]);
        Assert.All(pages.Take(pages.Count - 1), p => Assert.Null(p["request_status"]));
    }

    [Fact]
    public async Task SplittingByCreatedTimeWindowsReadsEveryRow()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (dataSource, allIds) = await AddRowsAsync(emulator);
        var windowMinutes = Cap / RowsPerMinute;
        var seen = new List<string>();
        for (var start = FirstCreated; start < FirstCreated.AddMinutes(RowCount / RowsPerMinute); start = start.AddMinutes(windowMinutes))
        {
            var filter = JsonNode.Parse($$"""
                {"and": [{"timestamp": "created_time", "created_time": {"on_or_after": "{{Iso(start)}}"} },
                         {"timestamp": "created_time", "created_time": {"before": "{{Iso(start.AddMinutes(windowMinutes))}}"} } ]}
                """)!;
            var pages = await ReadAllPagesAsync(emulator, dataSource, filter);
            Assert.All(pages, p => Assert.Null(p["request_status"]));
            seen.AddRange(pages.SelectMany(p => p["results"]!.AsArray().Select(r => (string)r!["id"]!)));
        }

        Assert.Equal(allIds.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task BulkRowsKeepTheirCreatedTimeToTheMinute()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var database = await emulator.AdminAsync(HttpMethod.Post, "databases", JsonNode.Parse($$"""
            {"title": "Times", "sharedWith": ["{{Demo.FullBotId}}"], "dataSources": [{"properties": {"Name": {"type": "title"}, "Created": {"type": "created_time"} } }]}
            """));
        var dataSource = (string)database!["dataSources"]![0]!;
        await emulator.AdminAsync(HttpMethod.Post, $"data_sources/{dataSource}/rows", JsonNode.Parse("""
            {"rows": [{"createdTime": "2026-02-03T04:05:59.999Z", "properties": {"Name": "late in the minute"}}]}
            """));
        var row = (await emulator.PostAsync($"v1/data_sources/{dataSource}/query", new JsonObject())).Json["results"]![0]!;
        Assert.Equal("2026-02-03T04:05:00.000Z", (string?)row["created_time"]);
        Assert.Equal("2026-02-03T04:05:00.000Z", (string?)row["last_edited_time"]);
        Assert.Equal("2026-02-03T04:05:00.000Z", (string?)row["properties"]!["Created"]!["created_time"]);
    }

    /// <summary>25,000 rows in one admin call, ten created in each minute from <see cref="FirstCreated"/>.</summary>
    private static async Task<(string DataSource, List<string> Ids)> AddRowsAsync(TestEmulator emulator)
    {
        var database = await emulator.AdminAsync(HttpMethod.Post, "databases", JsonNode.Parse($$"""
            {"title": "Big", "sharedWith": ["{{Demo.FullBotId}}"],
             "dataSources": [{"properties": {"Name": {"type": "title"}, "Number": {"type": "number"},
                              "Kind": {"type": "select", "options": [{"name": "odd"}, {"name": "even"}]} } }]}
            """));
        var dataSource = (string)database!["dataSources"]![0]!;
        var rows = new JsonArray([.. Enumerable.Range(0, RowCount).Select(i => (JsonNode)new JsonObject
        {
            ["createdTime"] = Iso(FirstCreated.AddMinutes(i / RowsPerMinute)),
            ["properties"] = new JsonObject { ["Name"] = $"Row {i}", ["Number"] = i, ["Kind"] = i % 2 == 0 ? "even" : "odd" },
        })]);
        var ids = (await emulator.AdminAsync(HttpMethod.Post, $"data_sources/{dataSource}/rows", new JsonObject { ["rows"] = rows }))!["ids"]!
            .AsArray().Select(id => (string)id!).ToList();
        Assert.Equal(RowCount, ids.Count);
        return (dataSource, ids);
    }

    private static async Task<List<JsonNode>> ReadAllPagesAsync(TestEmulator emulator, string dataSource, JsonNode? filter)
    {
        var pages = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var body = new JsonObject { ["page_size"] = 100, ["filter"] = filter?.DeepClone(), ["start_cursor"] = cursor };
            var page = (await emulator.PostAsync($"v1/data_sources/{dataSource}/query", body)).Json;
            pages.Add(page);
            cursor = (string?)page["next_cursor"];
        }
        while (cursor is not null);

        return pages;
    }

    private static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
