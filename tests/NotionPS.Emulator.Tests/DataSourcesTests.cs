using System.Net;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Tests;

public sealed class DataSourcesTests
{
    private static readonly string Query = $"v1/data_sources/{Demo.TasksDataSource}/query";

    [Fact]
    public async Task SchemaCarriesEveryCommonPropertyType()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var dataSource = (await emulator.GetAsync($"v1/data_sources/{Demo.TasksDataSource}")).Json;
        Assert.Equal("data_source", (string?)dataSource["object"]);
        Assert.Equal(Demo.TasksDatabase, (string?)dataSource["parent"]!["database_id"]);
        Assert.Equal(Demo.TeamHomePage, (string?)dataSource["database_parent"]!["page_id"]);
        var types = dataSource["properties"]!.AsObject().ToDictionary(p => p.Key, p => (string?)p.Value!["type"]);
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["Name"] = "title", ["Status"] = "status", ["Priority"] = "select", ["Tags"] = "multi_select", ["Due"] = "date",
                ["Done"] = "checkbox", ["Estimate"] = "number", ["Notes"] = "rich_text", ["Link"] = "url", ["Email"] = "email",
                ["Phone"] = "phone_number", ["Owner"] = "people", ["Related"] = "relation", ["Score"] = "formula", ["Total"] = "rollup",
                ["Created"] = "created_time", ["Edited"] = "last_edited_time",
            },
            types);
        var status = dataSource["properties"]!["Status"]!;
        Assert.Equal("stat", (string?)status["id"]);
        Assert.Equal(["Not started", "In progress", "Done"], status["status"]!["options"]!.AsArray().Select(o => (string?)o!["name"]));
        Assert.Equal(3, status["status"]!["groups"]!.AsArray().Count);
        Assert.Equal(Demo.TasksDataSource, (string?)dataSource["properties"]!["Related"]!["relation"]!["data_source_id"]);
    }

    [Fact]
    public async Task QueryReturnsRowsAsPagesUnderTheDataSource()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = (await emulator.PostAsync(Query, new JsonObject())).Json;
        Assert.Equal("list", (string?)reply["object"]);
        Assert.Equal("page_or_data_source", (string?)reply["type"]);
        Assert.False((bool?)reply["has_more"]);
        var rows = reply["results"]!.AsArray();
        Assert.Equal(Demo.TaskRowCount, rows.Count);
        var first = rows[0]!;
        Assert.Equal(Demo.FirstTaskRow, (string?)first["id"]);
        Assert.Equal("data_source_id", (string?)first["parent"]!["type"]);
        Assert.Equal(Demo.TasksDataSource, (string?)first["parent"]!["data_source_id"]);
        Assert.Equal(Demo.TasksDatabase, (string?)first["parent"]!["database_id"]);
        Assert.Equal("Write the quick-start guide", (string?)first["properties"]!["Name"]!["title"]![0]!["plain_text"]);
        Assert.Equal(30, (double?)first["properties"]!["Score"]!["formula"]!["number"]);
        Assert.Equal(14, (double?)first["properties"]!["Total"]!["rollup"]!["number"]);
        Assert.Equal("2026-01-05T09:00:00.000Z", (string?)first["properties"]!["Created"]!["created_time"]);
        Assert.StartsWith("https://www.notion.so/Write-the-quick-start-guide-e1000000", (string?)first["url"]);
    }

    [Theory]
    [InlineData("{\"property\": \"Name\", \"title\": {\"contains\": \"FIX\"}}", 1)]
    [InlineData("{\"property\": \"Name\", \"rich_text\": {\"starts_with\": \"Close\"}}", 1)]
    [InlineData("{\"property\": \"Notes\", \"rich_text\": {\"is_not_empty\": true}}", 3)]
    [InlineData("{\"property\": \"Notes\", \"rich_text\": {\"equals\": \"Confidential.\"}}", 0)]
    [InlineData("{\"property\": \"Estimate\", \"number\": {\"greater_than\": 2}}", 5)]
    [InlineData("{\"property\": \"Estimate\", \"number\": {\"less_than_or_equal_to\": 1}}", 4)]
    [InlineData("{\"property\": \"Estimate\", \"number\": {\"is_empty\": true}}", 1)]
    [InlineData("{\"property\": \"Done\", \"checkbox\": {\"equals\": true}}", 4)]
    [InlineData("{\"property\": \"Done\", \"checkbox\": {\"does_not_equal\": true}}", 8)]
    [InlineData("{\"property\": \"Priority\", \"select\": {\"equals\": \"High\"}}", 4)]
    [InlineData("{\"property\": \"prio\", \"select\": {\"does_not_equal\": \"High\"}}", 8)]
    [InlineData("{\"property\": \"Status\", \"status\": {\"equals\": \"In progress\"}}", 4)]
    [InlineData("{\"property\": \"Tags\", \"multi_select\": {\"contains\": \"ops\"}}", 4)]
    [InlineData("{\"property\": \"Tags\", \"multi_select\": {\"is_empty\": true}}", 2)]
    [InlineData("{\"property\": \"Due\", \"date\": {\"before\": \"2026-02-01\"}}", 3)]
    [InlineData("{\"property\": \"Due\", \"date\": {\"on_or_before\": \"2026-02-01\"}}", 4)]
    [InlineData("{\"property\": \"Due\", \"date\": {\"equals\": \"2026-02-01\"}}", 1)]
    [InlineData("{\"property\": \"Due\", \"date\": {\"is_empty\": true}}", 2)]
    [InlineData("{\"property\": \"Owner\", \"people\": {\"contains\": \"c1a55e00-0000-4000-8000-000000000001\"}}", 4)]
    [InlineData("{\"property\": \"Related\", \"relation\": {\"is_not_empty\": true}}", 2)]
    [InlineData("{\"timestamp\": \"created_time\", \"created_time\": {\"on_or_after\": \"2026-01-14\"}}", 3)]
    [InlineData("{\"and\": [{\"property\": \"Done\", \"checkbox\": {\"equals\": false}}, {\"property\": \"Priority\", \"select\": {\"equals\": \"High\"}}]}", 2)]
    [InlineData("{\"or\": [{\"property\": \"Tags\", \"multi_select\": {\"contains\": \"finance\"}}, {\"property\": \"Status\", \"status\": {\"equals\": \"Done\"}}]}", 5)]
    [InlineData("{\"or\": [{\"and\": [{\"property\": \"Done\", \"checkbox\": {\"equals\": true}}, {\"property\": \"Estimate\", \"number\": {\"greater_than\": 2}}]}, {\"property\": \"Name\", \"title\": {\"ends_with\": \"site\"}}]}", 2)]
    public async Task FiltersSelectRows(string filter, int expected)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = await emulator.PostAsync(Query, $"{{\"filter\": {filter}}}");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(expected, reply.Json["results"]!.AsArray().Count);
    }

    [Fact]
    public async Task SortsByPropertyThenTimestamp()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var body = JsonNode.Parse("""
            {"sorts": [{"property": "Priority", "direction": "ascending"}, {"timestamp": "created_time", "direction": "descending"}]}
            """)!;
        var rows = (await emulator.PostAsync(Query, body)).Json["results"]!.AsArray();
        var priorities = rows.Select(r => (string?)r!["properties"]!["Priority"]!["select"]!["name"]).ToList();
        Assert.Equal([.. Enumerable.Repeat("High", 4), .. Enumerable.Repeat("Medium", 4), .. Enumerable.Repeat("Low", 4)], priorities);
        var highCreated = rows.Take(4).Select(r => (string)r!["created_time"]!).ToList();
        Assert.Equal(highCreated.OrderDescending(StringComparer.Ordinal), highCreated);
    }

    [Fact]
    public async Task SortsEmptyValuesLast()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var rows = (await emulator.PostAsync(Query, JsonNode.Parse("""{"sorts": [{"property": "Estimate", "direction": "descending"}]}"""))).Json["results"]!.AsArray();
        var estimates = rows.Select(r => (double?)r!["properties"]!["Estimate"]!["number"]).ToList();
        Assert.Equal(13, estimates[0]);
        Assert.Null(estimates[^1]);
        Assert.Equal(estimates.Take(11).OrderDescending(), estimates.Take(11));
    }

    [Fact]
    public async Task PagesThroughMoreThan250Rows()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var created = await AddNumberedRowsAsync(emulator, 300);
        var seen = new List<string>();
        string? cursor = null;
        var requests = 0;
        do
        {
            var body = new JsonObject { ["page_size"] = 100, ["sorts"] = JsonNode.Parse("""[{"property": "Estimate", "direction": "ascending"}]""") };
            if (cursor is not null)
            {
                body["start_cursor"] = cursor;
            }

            var reply = (await emulator.PostAsync($"v1/data_sources/{created.DataSource}/query", body)).Json;
            var results = reply["results"]!.AsArray();
            Assert.True(results.Count <= 100);
            seen.AddRange(results.Select(r => (string)r!["id"]!));
            cursor = (string?)reply["next_cursor"];
            requests++;
        }
        while (cursor is not null);

        Assert.Equal(3, requests);
        Assert.Equal(created.RowIds, seen);
    }

    [Fact]
    public async Task FilterPropertiesLimitsTheProperties()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var rows = (await emulator.PostAsync($"{Query}?filter_properties=title&filter_properties=stat", new JsonObject())).Json["results"]!.AsArray();
        Assert.Equal(["Name", "Status"], rows[0]!["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task QueryOfAnUnsharedDataSourceIsNotFound()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var message = (await emulator.PostAsync($"v1/data_sources/{Demo.PrivateNotesDataSource}/query", new JsonObject()))
            .AssertError(HttpStatusCode.NotFound, "object_not_found");
        Assert.Contains("NotionPS Demo", message);
    }

    /// <summary>Adds a database with one data source holding <paramref name="count"/> rows (Estimate = 1..count), shared with the demo integration.</summary>
    internal static async Task<(string DataSource, List<string> RowIds)> AddNumberedRowsAsync(TestEmulator emulator, int count)
    {
        var database = await emulator.AdminAsync(HttpMethod.Post, "databases", JsonNode.Parse($$"""
            {"title": "Big", "sharedWith": ["{{Demo.FullBotId}}"],
             "dataSources": [{"name": "Big", "properties": {"Name": {"type": "title"}, "Estimate": {"type": "number", "id": "est"} } }]}
            """));
        var dataSource = (string)database!["dataSources"]![0]!;
        var rows = new JsonArray([.. Enumerable.Range(1, count).Reverse().Select(i => (JsonNode)new JsonObject
        {
            ["properties"] = new JsonObject { ["Name"] = $"Row {i}", ["Estimate"] = i },
        })]);
        var ids = (await emulator.AdminAsync(HttpMethod.Post, $"data_sources/{dataSource}/rows", new JsonObject { ["rows"] = rows }))!["ids"]!.AsArray()
            .Select(id => (string)id!).Reverse().ToList();
        return (dataSource, ids);
    }
}
