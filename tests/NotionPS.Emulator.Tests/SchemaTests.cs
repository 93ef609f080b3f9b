using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace NotionPS.Emulator.Tests;

/// <summary>The schema endpoints: create and update databases and data sources, per Notion-Version, and what happens to row values.</summary>
public sealed class SchemaTests(ITestOutputHelper output)
{
    private const string Legacy = "2022-06-28";

    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    private static JsonObject NewDatabase(string properties) => Json($$$$$"""
        {"parent": {"type": "page_id", "page_id": "{{{{{Demo.TeamHomePage}}}}}"}, "title": [{"text": {"content": "Inventory"}}],
         "initial_data_source": {"properties": {{{{{properties}}}}} } }
        """);

    private static async Task<(string Database, string DataSource)> CreateAsync(TestEmulator emulator, string properties)
    {
        var database = (await emulator.PostAsync("v1/databases", NewDatabase(properties))).Json;
        return ((string)database["id"]!, (string)database["data_sources"]![0]!["id"]!);
    }

    private static async Task<JsonObject> SchemaAsync(TestEmulator emulator, string dataSource) =>
        (await emulator.GetAsync($"v1/data_sources/{dataSource}")).Json["properties"]!.AsObject();

    private static async Task<string> AddRowAsync(TestEmulator emulator, string dataSource, string properties) =>
        (string)(await emulator.PostAsync("v1/pages", Json($$$$$"""{"parent": {"data_source_id": "{{{{{dataSource}}}}}"}, "properties": {{{{{properties}}}}} }""")))
            .Json["id"]!;

    private static async Task<JsonNode> CellAsync(TestEmulator emulator, string page, string property) =>
        (await emulator.GetAsync($"v1/pages/{page}")).Json["properties"]![property]!;

    [Theory]
    [InlineData("2025-09-03")]
    [InlineData("2026-03-11")]
    public async Task CreateDatabaseMakesItsFirstDataSourceWithTheGivenColumns(string version)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = await emulator.PostAsync("v1/databases", NewDatabase("""
            {"Item": {"title": {}}, "Count": {"number": {"format": "dollar"}}, "Kind": {"select": {"options": [{"name": "Tool", "color": "red"}]}},
             "Stage": {"status": {}}, "Owner": {"type": "people"}}
            """), version: version);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var database = reply.Json;
        Assert.Equal("database", (string?)database["object"]);
        Assert.Equal("Inventory", (string?)database["title"]![0]!["plain_text"]);
        Assert.Equal(Demo.TeamHomePage, (string?)database["parent"]!["page_id"]);
        Assert.Null(database["properties"]);
        var dataSource = (string)database["data_sources"]![0]!["id"]!;
        var schema = await SchemaAsync(emulator, dataSource);
        Assert.Equal(["Item", "Count", "Kind", "Stage", "Owner"], schema.Select(p => p.Key));
        Assert.Equal("title", (string?)schema["Item"]!["id"]);
        Assert.Equal("dollar", (string?)schema["Count"]!["number"]!["format"]);
        Assert.Equal("red", (string?)schema["Kind"]!["select"]!["options"]![0]!["color"]);
        Assert.Equal(["Not started", "In progress", "Done"], schema["Stage"]!["status"]!["options"]!.AsArray().Select(o => (string?)o!["name"]));
        Assert.Equal("people", (string?)schema["Owner"]!["type"]);
        var block = (await emulator.GetAsync($"v1/blocks/{database["id"]}")).Json;
        Assert.Equal("child_database", (string?)block["type"]);
    }

    [Fact]
    public async Task CreateDatabaseWithoutColumnsGetsATitleColumnNamedName()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var body = Json($$$$$"""{"parent": {"page_id": "{{{{{Demo.TeamHomePage}}}}}"}}""");
        var database = (await emulator.PostAsync("v1/databases", body)).Json;
        var schema = await SchemaAsync(emulator, (string)database["data_sources"]![0]!["id"]!);
        Assert.Equal("title", (string?)schema["Name"]!["type"]);
    }

    [Fact]
    public async Task LegacyVersionCreatesAndUpdatesTheSchemaOnTheDatabase()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var body = Json($$$$$"""{"parent": {"page_id": "{{{{{Demo.TeamHomePage}}}}}"}, "title": [{"text": {"content": "Old"}}], "properties": {"Name": {"title": {}}, "Note": {"rich_text": {}}}}""");
        var created = (await emulator.PostAsync("v1/databases", body, version: Legacy)).Json;
        Assert.Equal("rich_text", (string?)created["properties"]!["Note"]!["type"]);
        Assert.Null(created["data_sources"]);

        var updated = (await emulator.PatchAsync($"v1/databases/{created["id"]}", Json("""{"title": [{"text": {"content": "New"}}], "properties": {"Note": {"name": "Remark"}}}"""), version: Legacy)).Json;
        Assert.Equal("New", (string?)updated["title"]![0]!["plain_text"]);
        Assert.Equal("rich_text", (string?)updated["properties"]!["Remark"]!["type"]);
        Assert.Null(updated["properties"]!["Note"]);
    }

    [Theory]
    [InlineData(Legacy, "{\"initial_data_source\": {}}", "body.initial_data_source is not supported in Notion-Version 2022-06-28; use body.properties.")]
    [InlineData("2025-09-03", "{\"properties\": {}}", "body.properties is not supported in Notion-Version 2025-09-03; use body.initial_data_source.properties.")]
    public async Task EachVersionTakesTheSchemaInItsOwnPlace(string version, string extra, string message)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var body = Json(extra);
        body["parent"] = new JsonObject { ["page_id"] = Demo.TeamHomePage };
        if (version == Legacy)
        {
            body["properties"] = Json("""{"Name": {"title": {}}}""");
        }

        var reply = await emulator.PostAsync("v1/databases", body, version: version);
        Assert.Equal(message, reply.AssertError(HttpStatusCode.BadRequest, "validation_error"));
    }

    [Fact]
    public async Task UpdateDatabaseRefusesPropertiesOnceDatabasesHoldDataSources()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = await emulator.PatchAsync($"v1/databases/{Demo.TasksDatabase}", Json("""{"properties": {"Notes": null}}"""));
        Assert.StartsWith("body.properties is not supported in Notion-Version 2025-09-03", reply.AssertError(HttpStatusCode.BadRequest, "validation_error"));
        Assert.NotNull((await SchemaAsync(emulator, Demo.TasksDataSource))["Notes"]);
    }

    [Fact]
    public async Task UpdateDatabaseRenamesAndTrashes()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var database = (await emulator.PatchAsync($"v1/databases/{Demo.TasksDatabase}", Json("""{"title": [{"text": {"content": "Work"}}], "in_trash": true, "is_inline": true}"""), version: "2026-03-11")).Json;
        Assert.Equal("Work", (string?)database["title"]![0]!["plain_text"]);
        Assert.True((bool?)database["in_trash"]);
        Assert.True((bool?)database["is_inline"]);
    }

    [Fact]
    public async Task CreateDataSourceAddsASecondTableToADatabase()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var body = Json($$$$$"""{"parent": {"type": "database_id", "database_id": "{{{{{Demo.TasksDatabase}}}}}"}, "title": [{"text": {"content": "Backlog"}}], "properties": {"Task": {"title": {}}, "Size": {"number": {}}}}""");
        var dataSource = (await emulator.PostAsync("v1/data_sources", body)).Json;
        Assert.Equal("data_source", (string?)dataSource["object"]);
        Assert.Equal("Backlog", (string?)dataSource["title"]![0]!["plain_text"]);
        Assert.Equal(Demo.TasksDatabase, (string?)dataSource["parent"]!["database_id"]);
        Assert.Equal("number", (string?)dataSource["properties"]!["Size"]!["number"]!["format"]);
        var database = (await emulator.GetAsync($"v1/databases/{Demo.TasksDatabase}")).Json;
        Assert.Equal([Demo.TasksDataSource, (string)dataSource["id"]!], database["data_sources"]!.AsArray().Select(d => (string?)d!["id"]));
    }

    [Fact]
    public async Task UpdateAddsRenamesByIdAndRemovesColumnsAndTheirValues()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = await emulator.PatchAsync($"v1/data_sources/{Demo.TasksDataSource}", Json("""
            {"title": [{"text": {"content": "Work items"}}],
             "properties": {"note": {"name": "Remarks", "description": "free text"}, "Link": null, "Budget": {"number": {"format": "euro"}}}}
            """));
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var schema = reply.Json["properties"]!.AsObject();
        Assert.Equal("Work items", (string?)reply.Json["title"]![0]!["plain_text"]);
        Assert.Equal("note", (string?)schema["Remarks"]!["id"]);
        Assert.Equal("free text", (string?)schema["Remarks"]!["description"]);
        Assert.Null(schema["Notes"]);
        Assert.Null(schema["Link"]);
        Assert.Equal("euro", (string?)schema["Budget"]!["number"]!["format"]);
        var row = (await emulator.GetAsync($"v1/pages/{Demo.FirstTaskRow}")).Json["properties"]!.AsObject();
        Assert.Null(row["Link"]);
        Assert.True(row.ContainsKey("Remarks"));
        Assert.Null((double?)row["Budget"]!["number"]);
    }

    [Theory]
    [InlineData("{\"Nope\": {\"name\": \"X\"}}", "Could not find property with name or id: Nope")]
    [InlineData("{\"Nope\": null}", "Could not find property with name or id: Nope")]
    [InlineData("{\"Name\": null}", "Cannot delete the title property \"Name\": a data source needs exactly one title.")]
    [InlineData("{\"Second\": {\"title\": {}}}", "body.properties must leave the data source exactly one property of type title; it would have 2.")]
    [InlineData("{\"Name\": {\"rich_text\": {}}}", "Cannot change the type of Name to rich_text: the title property keeps its type, and a data source has one title.")]
    [InlineData("{\"Notes\": {\"name\": \"Tags\"}}", "body.properties: two properties would be named \"Tags\"; property names must be unique.")]
    [InlineData("{\"Priority\": {\"select\": {\"options\": [{\"name\": \"a,b\"}]}}}", "body failed validation: body.properties.Priority.select.options[0].name should be a non-empty string without commas, instead was `\"a,b\"`.")]
    [InlineData("{\"Notes\": {\"rich_text\": {}, \"number\": {}}}", "body.properties.Notes has more than one type key (rich_text, number); give exactly one.")]
    public async Task BadSchemaChangesAreRefusedAndChangeNothing(string properties, string message)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var before = (await SchemaAsync(emulator, Demo.TasksDataSource)).ToJsonString();
        var body = Json($$$$$"""{"properties": {{{{{properties}}}}} }""");
        body["properties"]!["Done"] = new JsonObject { ["name"] = "Finished" };
        var reply = await emulator.PatchAsync($"v1/data_sources/{Demo.TasksDataSource}", body);
        Assert.Equal(message, reply.AssertError(HttpStatusCode.BadRequest, "validation_error"));
        Assert.Equal(before, (await SchemaAsync(emulator, Demo.TasksDataSource)).ToJsonString());
    }

    [Fact]
    public async Task RemovingASelectOptionClearsItFromRowsAndRenamingOneRenamesTheirValues()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (_, dataSource) = await CreateAsync(emulator, """
            {"Name": {"title": {}}, "Kind": {"select": {"options": [{"name": "Tool"}, {"name": "Part"}]}}, "Tags": {"multi_select": {"options": [{"name": "a"}, {"name": "b"}]}}}
            """);
        var row = await AddRowAsync(emulator, dataSource, """{"Kind": {"select": {"name": "Part"}}, "Tags": {"multi_select": [{"name": "a"}, {"name": "b"}]}}""");
        var tool = await AddRowAsync(emulator, dataSource, """{"Kind": {"select": {"name": "Tool"}}}""");
        var schema = await SchemaAsync(emulator, dataSource);
        var toolId = (string)schema["Kind"]!["select"]!["options"]![0]!["id"]!;
        var bId = (string)schema["Tags"]!["multi_select"]!["options"]![1]!["id"]!;

        var reply = await emulator.PatchAsync($"v1/data_sources/{dataSource}", Json($$$$$"""
            {"properties": {"Kind": {"select": {"options": [{"id": "{{{{{toolId}}}}}", "name": "Hand tool", "color": "blue"}]}},
                            "Tags": {"multi_select": {"options": [{"id": "{{{{{bId}}}}}"}, {"name": "c"}]}}}}
            """));
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(["Hand tool"], reply.Json["properties"]!["Kind"]!["select"]!["options"]!.AsArray().Select(o => (string?)o!["name"]));
        Assert.Equal(["b", "c"], reply.Json["properties"]!["Tags"]!["multi_select"]!["options"]!.AsArray().Select(o => (string?)o!["name"]));
        Assert.Null((await CellAsync(emulator, row, "Kind"))["select"]);
        Assert.Equal(["b"], (await CellAsync(emulator, row, "Tags"))["multi_select"]!.AsArray().Select(o => (string?)o!["name"]));
        var renamed = (await CellAsync(emulator, tool, "Kind"))["select"]!;
        Assert.Equal(("Hand tool", "blue", toolId), ((string?)renamed["name"], (string?)renamed["color"], (string?)renamed["id"]));
    }

    [Fact]
    public async Task StatusOptionsCanBeAddedAndRenamedButAreNeverRemoved()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = await emulator.PatchAsync($"v1/data_sources/{Demo.TasksDataSource}", Json("""
            {"properties": {"Status": {"status": {"options": [{"id": "stat-done", "name": "Finished"}, {"name": "Blocked", "color": "red"}]}}}}
            """));
        var status = reply.Json["properties"]!["Status"]!["status"]!;
        Assert.Equal(["Finished", "Blocked", "Not started", "In progress"], status["options"]!.AsArray().Select(o => (string?)o!["name"]));
        var toDo = status["groups"]!.AsArray().First(g => (string?)g!["name"] == "To-do")!;
        Assert.Contains((string?)status["options"]![1]!["id"], toDo["option_ids"]!.AsArray().Select(id => (string?)id));
    }

    [Theory]
    [InlineData("rich_text", "{\"rich_text\": {}}", "Estimate", "3")]
    [InlineData("select", "{\"select\": {}}", "Estimate", "3")]
    [InlineData("multi_select", "{\"multi_select\": {}}", "Priority", "High")]
    [InlineData("rich_text", "{\"rich_text\": {}}", "Tags", "docs")]
    [InlineData("number", "{\"number\": {}}", "Notes", null)]
    [InlineData("rich_text", "{\"rich_text\": {}}", "Priority", "High")]
    [InlineData("rich_text", "{\"rich_text\": {}}", "Done", "false")]
    [InlineData("date", "{\"date\": {}}", "Notes", null)]
    public async Task ChangingAColumnsTypeConvertsItsValuesThroughTheirText(string type, string configuration, string column, string? expectedText)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var before = await CellAsync(emulator, Demo.FirstTaskRow, column);
        output.WriteLine($"before: {before.ToJsonString()}");
        var reply = await emulator.PatchAsync($"v1/data_sources/{Demo.TasksDataSource}", Json($$$$$"""{"properties": {"{{{{{column}}}}}": {{{{{configuration}}}}} }}"""));
        Assert.Equal(type, (string?)reply.Json["properties"]![column]!["type"]);
        var cell = await CellAsync(emulator, Demo.FirstTaskRow, column);
        var text = type switch
        {
            "rich_text" => (string?)cell["rich_text"]!.AsArray().FirstOrDefault()?["plain_text"],
            "select" => (string?)cell["select"]?["name"],
            "multi_select" => string.Join(", ", cell["multi_select"]!.AsArray().Select(o => (string?)o!["name"])),
            "number" => cell["number"]?.ToJsonString(),
            _ => cell[type]?.ToJsonString(),
        };
        Assert.Equal(expectedText, text);
    }

    [Fact]
    public async Task ARelationToAnotherDataSourceCanBeDualAndAddsTheSyncedColumn()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = await emulator.PatchAsync($"v1/data_sources/{Demo.TasksDataSource}", Json($$$$$"""
            {"properties": {"Project": {"relation": {"data_source_id": "{{{{{Demo.ActiveDataSource}}}}}", "type": "dual_property", "dual_property": {} } } } }
            """));
        var relation = reply.Json["properties"]!["Project"]!["relation"]!;
        Assert.Equal(Demo.ProjectsDatabase, (string?)relation["database_id"]);
        Assert.Equal("dual_property", (string?)relation["type"]);
        var projects = await SchemaAsync(emulator, Demo.ActiveDataSource);
        var synced = projects[(string)relation["dual_property"]!["synced_property_name"]!]!;
        Assert.Equal("Related to Tasks (Project)", (string?)synced["name"]);
        Assert.Equal((string?)reply.Json["properties"]!["Project"]!["id"], (string?)synced["relation"]!["dual_property"]!["synced_property_id"]);

        var single = await emulator.PatchAsync($"v1/data_sources/{Demo.TasksDataSource}", Json($$$$$"""
            {"properties": {"Archive": {"relation": {"data_source_id": "{{{{{Demo.ArchiveDataSource}}}}}", "single_property": {} } } } }
            """));
        Assert.Equal("single_property", (string?)single.Json["properties"]!["Archive"]!["relation"]!["type"]);
        Assert.Equal(2, (await SchemaAsync(emulator, Demo.ArchiveDataSource)).Count);
    }

    [Fact]
    public async Task SchemaWritesNeedTheirCapabilities()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = await emulator.PatchAsync($"v1/data_sources/{Demo.TasksDataSource}", Json("""{"properties": {"Notes": null}}"""), token: Demo.ReadOnlyToken);
        reply.AssertError(HttpStatusCode.Forbidden, "restricted_resource");
        var create = await emulator.PostAsync("v1/databases", NewDatabase("{}"), token: Demo.ReadOnlyToken);
        create.AssertError(HttpStatusCode.Forbidden, "restricted_resource");
    }

    /// <summary>
    /// The Must-show's scale: 12,000 rows seeded through the admin API, then found by a timestamp filter with Notion's
    /// minute precision: a row edited inside the boundary minute is stamped at the minute's start, so a checkpoint cut
    /// to the minute finds it. The seeding time goes to the test output, never asserted.
    /// </summary>
    [Fact]
    public async Task TwelveThousandRowsSeedAndATimestampFilterFindsTheBoundaryMinute()
    {
        const int rowCount = 12_000;
        await using var emulator = await TestEmulator.StartAsync();
        var (_, dataSource) = await CreateAsync(emulator, """{"Name": {"title": {}}, "Size": {"number": {}}, "Kind": {"select": {"options": [{"name": "A"}]}}}""");
        var rows = new JsonArray();
        for (var i = 0; i < rowCount; i++)
        {
            var edited = i < 30 ? "2026-04-01T10:00:40Z" : "2026-04-01T09:00:00Z";
            rows.Add(new JsonObject
            {
                ["createdTime"] = "2026-04-01T08:00:00Z",
                ["lastEditedTime"] = edited,
                ["properties"] = new JsonObject { ["Name"] = $"row {i}", ["Size"] = i, ["Kind"] = "A" },
            });
        }

        var clock = Stopwatch.StartNew();
        var ids = (await emulator.AdminAsync(HttpMethod.Post, $"data_sources/{dataSource}/rows", new JsonObject { ["rows"] = rows }))!["ids"]!.AsArray();
        output.WriteLine($"{rowCount} rows seeded in {clock.ElapsedMilliseconds} ms");
        Assert.Equal(rowCount, ids.Count);

        async Task<int> CountAsync(string onOrAfter)
        {
            var filter = Json($$$$$"""{"filter": {"timestamp": "last_edited_time", "last_edited_time": {"on_or_after": "{{{{{onOrAfter}}}}}"}}}""");
            var count = 0;
            string? cursor = null;
            do
            {
                if (cursor is not null)
                {
                    filter["start_cursor"] = cursor;
                }

                var page = (await emulator.PostAsync($"v1/data_sources/{dataSource}/query", filter)).Json;
                count += page["results"]!.AsArray().Count;
                cursor = (string?)page["next_cursor"];
            }
            while (cursor is not null);
            return count;
        }

        Assert.Equal(30, await CountAsync("2026-04-01T10:00:00Z"));
        Assert.Equal(0, await CountAsync("2026-04-01T10:00:40Z"));
    }
}
