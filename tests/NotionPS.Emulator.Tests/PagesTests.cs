using System.Net;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Tests;

public sealed class PagesTests
{
    private static JsonObject NewTask(string name, JsonObject? more = null)
    {
        var properties = new JsonObject { ["Name"] = new JsonObject { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = name } }) } };
        foreach (var (key, value) in more ?? [])
        {
            properties[key] = value?.DeepClone();
        }

        return new JsonObject { ["parent"] = new JsonObject { ["type"] = "data_source_id", ["data_source_id"] = Demo.TasksDataSource }, ["properties"] = properties };
    }

    [Fact]
    public async Task CreatesARowWithEveryWritableType()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var more = JsonNode.Parse($$"""
            {
              "Status": {"status": {"name": "In progress"} },
              "Priority": {"select": {"name": "Urgent"} },
              "Tags": {"multi_select": [{"name": "docs"}, {"id": "tag-ops"}]},
              "Due": {"date": {"start": "2026-05-01", "end": "2026-05-03"} },
              "Done": {"checkbox": true},
              "Estimate": {"number": 4.5},
              "Notes": {"rich_text": [{"type": "text", "text": {"content": "bold", "link": {"url": "https://example.com"} }, "annotations": {"bold": true} }]},
              "Link": {"url": "https://example.com/x"},
              "Email": {"email": "x@acme.example"},
              "Phone": {"phone_number": "+44 20 7946 0000"},
              "Owner": {"people": [{"object": "user", "id": "{{Demo.Ada}}"}]},
              "Related": {"relation": [{"id": "{{Demo.FirstTaskRow}}"}]}
            }
            """)!.AsObject();
        var reply = await emulator.PostAsync("v1/pages", NewTask("New task", more));
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var page = reply.Json;
        var properties = page["properties"]!;
        Assert.Equal("page", (string?)page["object"]);
        Assert.Equal(Demo.FullBotId, (string?)page["created_by"]!["id"]);
        Assert.Equal("New task", (string?)properties["Name"]!["title"]![0]!["plain_text"]);
        Assert.Equal("In progress", (string?)properties["Status"]!["status"]!["name"]);
        Assert.Equal("Urgent", (string?)properties["Priority"]!["select"]!["name"]);
        Assert.Equal(["docs", "ops"], properties["Tags"]!["multi_select"]!.AsArray().Select(t => (string?)t!["name"]));
        Assert.Equal("2026-05-03", (string?)properties["Due"]!["date"]!["end"]);
        Assert.True((bool?)properties["Done"]!["checkbox"]);
        Assert.Equal(4.5, (double?)properties["Estimate"]!["number"]);
        Assert.True((bool?)properties["Notes"]!["rich_text"]![0]!["annotations"]!["bold"]);
        Assert.Equal("https://example.com", (string?)properties["Notes"]!["rich_text"]![0]!["href"]);
        Assert.Equal("Ada Lovelace", (string?)properties["Owner"]!["people"]![0]!["name"]);
        Assert.Equal(Demo.FirstTaskRow, (string?)properties["Related"]!["relation"]![0]!["id"]);

        var id = (string)page["id"]!;
        var fetched = (await emulator.GetAsync($"v1/pages/{id}")).Json;
        Assert.Equal(page.ToJsonString(), fetched.ToJsonString());
        var rows = (await emulator.PostAsync($"v1/data_sources/{Demo.TasksDataSource}/query", new JsonObject())).Json["results"]!.AsArray();
        Assert.Equal(Demo.TaskRowCount + 1, rows.Count);
        var stats = await emulator.AdminAsync(HttpMethod.Get, "stats");
        Assert.Equal(1, (int?)stats!["integrations"]![Demo.FullBotId]!["pagesCreated"]);
    }

    [Fact]
    public async Task CreatesUnderADatabaseWithOneDataSourceAndUnderAPage()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var viaDatabase = NewTask("Via database");
        viaDatabase["parent"] = new JsonObject { ["database_id"] = Demo.TasksDatabase };
        var row = (await emulator.PostAsync("v1/pages", viaDatabase)).Json;
        Assert.Equal(Demo.TasksDataSource, (string?)row["parent"]!["data_source_id"]);

        var child = (await emulator.PostAsync("v1/pages", JsonNode.Parse($$"""
            {"parent": {"page_id": "{{Demo.TeamHomePage}}"}, "properties": {"title": {"title": [{"text": {"content": "Child"} }]} } }
            """))).Json;
        Assert.Equal(Demo.TeamHomePage, (string?)child["parent"]!["page_id"]);
        Assert.Equal("Child", (string?)child["properties"]!["title"]!["title"]![0]!["plain_text"]);
    }

    [Fact]
    public async Task CreatingWithoutInsertCapabilityIsRestricted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var message = (await emulator.PostAsync("v1/pages", NewTask("Nope"), token: Demo.ReadOnlyToken)).AssertError(HttpStatusCode.Forbidden, "restricted_resource");
        Assert.Contains("insert", message);
        var stats = await emulator.AdminAsync(HttpMethod.Get, "stats");
        Assert.Equal(0, (int?)stats!["integrations"]![Demo.ReadOnlyBotId]!["pagesCreated"]);
    }

    [Fact]
    public async Task CreatingInAnUnsharedDataSourceIsNotFound()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var body = JsonNode.Parse($$"""{"parent": {"data_source_id": "{{Demo.PrivateNotesDataSource}}"}, "properties": {} }""");
        var message = (await emulator.PostAsync("v1/pages", body)).AssertError(HttpStatusCode.NotFound, "object_not_found");
        Assert.Contains(Demo.PrivateNotesDataSource, message);
    }

    /// <summary>A select or multi-select value that would add an option with a comma in its name is refused, as Notion refuses it; nothing is written.</summary>
    [Theory]
    [InlineData("""{"Priority": {"select": {"name": "Nut, bolt"}}}""")]
    [InlineData("""{"Tags": {"multi_select": [{"name": "docs"}, {"name": "Nut, bolt"}]}}""")]
    public async Task ANewOptionWithACommaIsRefused(string properties)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var created = await emulator.PostAsync("v1/pages", NewTask("Comma", JsonNode.Parse(properties)!.AsObject()));
        var updated = await emulator.PatchAsync($"v1/pages/{Demo.FirstTaskRow}", new JsonObject { ["properties"] = JsonNode.Parse(properties) });

        foreach (var reply in new[] { created, updated })
        {
            Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
            Assert.Equal("validation_error", (string?)reply.Json["code"]);
            Assert.Equal("Invalid select option, commas not allowed: Nut, bolt", (string?)reply.Json["message"]);
        }

        var schema = (await emulator.GetAsync($"v1/data_sources/{Demo.TasksDataSource}")).Json;
        Assert.DoesNotContain(schema["properties"]!.AsObject().SelectMany(p => p.Value![(string)p.Value["type"]!]?["options"]?.AsArray() ?? []), option => ((string?)option!["name"])!.Contains(','));
        var rows = (await emulator.PostAsync($"v1/data_sources/{Demo.TasksDataSource}/query", new JsonObject())).Json["results"]!.AsArray();
        Assert.Equal(Demo.TaskRowCount, rows.Count);
    }

    [Fact]
    public async Task UpdatesPropertiesAndKeepsTheRest()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var body = JsonNode.Parse("""{"properties": {"Estimate": {"number": 21}, "stat": {"status": {"name": "Done"}}, "Due": {"date": null}}}""");
        var page = (await emulator.PatchAsync($"v1/pages/{Demo.FirstTaskRow}", body)).Json;
        Assert.Equal(21, (double?)page["properties"]!["Estimate"]!["number"]);
        Assert.Equal("Done", (string?)page["properties"]!["Status"]!["status"]!["name"]);
        Assert.Null(page["properties"]!["Due"]!["date"]);
        Assert.Equal("Write the quick-start guide", (string?)page["properties"]!["Name"]!["title"]![0]!["plain_text"]);
        Assert.Equal(Demo.FullBotId, (string?)page["last_edited_by"]!["id"]);
        var stats = await emulator.AdminAsync(HttpMethod.Get, "stats");
        Assert.Equal(1, (int?)stats!["integrations"]![Demo.FullBotId]!["pagesUpdated"]);
    }

    [Fact]
    public async Task UpdatingWithoutUpdateCapabilityIsRestricted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var body = JsonNode.Parse("""{"properties": {"Estimate": {"number": 21}}}""");
        (await emulator.PatchAsync($"v1/pages/{Demo.FirstTaskRow}", body, token: Demo.ReadOnlyToken)).AssertError(HttpStatusCode.Forbidden, "restricted_resource");
        var page = (await emulator.GetAsync($"v1/pages/{Demo.FirstTaskRow}", token: Demo.ReadOnlyToken)).Json;
        Assert.Equal(3, (double?)page["properties"]!["Estimate"]!["number"]);
    }

    [Theory]
    [InlineData("2025-09-03", "in_trash")]
    [InlineData("2025-09-03", "archived")]
    [InlineData("2026-03-11", "in_trash")]
    public async Task TrashingHidesARowFromQueriesAndRestoringBringsItBack(string version, string flag)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var trashed = (await emulator.PatchAsync($"v1/pages/{Demo.FirstTaskRow}", new JsonObject { [flag] = true }, version: version)).Json;
        Assert.True((bool?)trashed["in_trash"]);
        var query = $"v1/data_sources/{Demo.TasksDataSource}/query";
        Assert.Equal(Demo.TaskRowCount - 1, (await emulator.PostAsync(query, new JsonObject(), version: version)).Json["results"]!.AsArray().Count);
        var inTrash = (await emulator.PostAsync(query, new JsonObject { ["in_trash"] = true }, version: version)).Json["results"]!.AsArray();
        Assert.Equal(Demo.FirstTaskRow, (string?)Assert.Single(inTrash)!["id"]);

        (await emulator.PatchAsync($"v1/pages/{Demo.FirstTaskRow}", JsonNode.Parse("""{"properties": {"Estimate": {"number": 1}}}"""), version: version))
            .AssertError(HttpStatusCode.BadRequest, "validation_error");
        await emulator.PatchAsync($"v1/pages/{Demo.FirstTaskRow}", new JsonObject { [flag] = false }, version: version);
        Assert.Equal(Demo.TaskRowCount, (await emulator.PostAsync(query, new JsonObject(), version: version)).Json["results"]!.AsArray().Count);
    }

    [Fact]
    public async Task ArchivedIsRejectedFrom2026()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var message = (await emulator.PatchAsync($"v1/pages/{Demo.FirstTaskRow}", new JsonObject { ["archived"] = true }, version: "2026-03-11"))
            .AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Contains("in_trash", message);
    }

    [Fact]
    public async Task PageSharedThroughItsParentIsVisibleAndUnsharedRowsAreNot()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var meeting = (await emulator.GetAsync($"v1/pages/{Demo.MeetingNotesPage}")).Json;
        Assert.Equal("Meeting Notes", (string?)meeting["properties"]!["title"]!["title"]![0]!["plain_text"]);
        Assert.Equal(Demo.TeamHomePage, (string?)meeting["parent"]!["page_id"]);
        var message = (await emulator.GetAsync("v1/pages/e3000000-0000-4000-8000-000000000001")).AssertError(HttpStatusCode.NotFound, "object_not_found");
        Assert.StartsWith("Could not find page with ID: e3000000-0000-4000-8000-000000000001.", message);
    }

    [Fact]
    public async Task MoreThan25RelationsComeFromThePropertyEndpoint()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var targets = Enumerable.Range(0, 60).Select(i => $"e9000000-0000-4000-8000-{i:D12}").ToList();
        // Relation values must name pages that exist: the targets are seeded in the same call.
        var rows = new JsonArray([.. targets.Select(t => (JsonNode)new JsonObject { ["id"] = t, ["properties"] = new JsonObject { ["Name"] = "Target" } })]);
        rows.Add(new JsonObject
        {
            ["properties"] = new JsonObject { ["Name"] = "Many links", ["Related"] = new JsonArray([.. targets.Select(t => (JsonNode)t)]) },
        });
        var row = await emulator.AdminAsync(HttpMethod.Post, $"data_sources/{Demo.TasksDataSource}/rows", new JsonObject { ["rows"] = rows });
        var id = (string)row!["ids"]![targets.Count]!;

        var page = (await emulator.GetAsync($"v1/pages/{id}")).Json;
        Assert.Equal(25, page["properties"]!["Related"]!["relation"]!.AsArray().Count);
        Assert.True((bool?)page["properties"]!["Related"]!["has_more"]);

        var collected = new List<string>();
        string? cursor = null;
        do
        {
            var path = $"v1/pages/{id}/properties/rel?page_size=25" + (cursor is null ? "" : $"&start_cursor={cursor}");
            var list = (await emulator.GetAsync(path)).Json;
            Assert.Equal("property_item", (string?)list["type"]);
            Assert.Equal("relation", (string?)list["property_item"]!["type"]);
            collected.AddRange(list["results"]!.AsArray().Select(r =>
            {
                Assert.Equal("property_item", (string?)r!["object"]);
                return (string)r["relation"]!["id"]!;
            }));
            cursor = (string?)list["next_cursor"];
            Assert.Equal(cursor is null, list["property_item"]!["next_url"] is null);
        }
        while (cursor is not null);

        Assert.Equal(targets, collected);
    }

    [Fact]
    public async Task PropertyEndpointPagesPeopleAndAnswersSimpleValuesWhole()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var people = (await emulator.GetAsync($"v1/pages/{Demo.FirstTaskRow}/properties/ownr")).Json;
        Assert.Equal("list", (string?)people["object"]);
        Assert.Equal("Ada Lovelace", (string?)people["results"]![0]!["people"]!["name"]);

        var number = (await emulator.GetAsync($"v1/pages/{Demo.FirstTaskRow}/properties/est")).Json;
        Assert.Equal("property_item", (string?)number["object"]);
        Assert.Equal(3, (double?)number["number"]);

        (await emulator.GetAsync($"v1/pages/{Demo.FirstTaskRow}/properties/nope")).AssertError(HttpStatusCode.BadRequest, "validation_error");
        (await emulator.GetAsync($"v1/pages/{Demo.FirstTaskRow}/properties/ownr?page_size=500")).AssertError(HttpStatusCode.BadRequest, "validation_error");
    }

    [Fact]
    public async Task PageObjectCutsPeopleAt25()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var seed = new JsonObject
        {
            ["rows"] = new JsonArray(new JsonObject
            {
                ["properties"] = new JsonObject { ["Name"] = "Crowd", ["Owner"] = new JsonArray([.. Enumerable.Repeat<JsonNode>(Demo.Ada, 30).Select(n => n.DeepClone())]) },
            }),
        };
        var id = (string)(await emulator.AdminAsync(HttpMethod.Post, $"data_sources/{Demo.TasksDataSource}/rows", seed))!["ids"]![0]!;
        Assert.Equal(25, (await emulator.GetAsync($"v1/pages/{id}")).Json["properties"]!["Owner"]!["people"]!.AsArray().Count);
        Assert.Equal(30, (await emulator.GetAsync($"v1/pages/{id}/properties/ownr")).Json["results"]!.AsArray().Count);
    }
}
