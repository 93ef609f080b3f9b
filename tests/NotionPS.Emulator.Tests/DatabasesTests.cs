using System.Net;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Tests;

public sealed class DatabasesTests
{
    [Fact]
    public async Task DatabaseSharedThroughItsParentPageListsItsDataSourceButNoSchema()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var database = (await emulator.GetAsync($"v1/databases/{Demo.TasksDatabase}")).Json;
        Assert.Equal("database", (string?)database["object"]);
        Assert.Equal("Tasks", (string?)database["title"]![0]!["plain_text"]);
        Assert.Equal(Demo.TeamHomePage, (string?)database["parent"]!["page_id"]);
        var dataSource = Assert.Single(database["data_sources"]!.AsArray());
        Assert.Equal(Demo.TasksDataSource, (string?)dataSource!["id"]);
        Assert.Equal("Tasks", (string?)dataSource["name"]);
        Assert.Null(database["properties"]);
    }

    [Fact]
    public async Task DatabaseWithTwoDataSources()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var database = (await emulator.GetAsync($"v1/databases/{Demo.ProjectsDatabase}", token: Demo.ReadOnlyToken)).Json;
        Assert.Equal([Demo.ActiveDataSource, Demo.ArchiveDataSource], database["data_sources"]!.AsArray().Select(d => (string?)d!["id"]));
        Assert.Equal("workspace", (string?)database["parent"]!["type"]);
    }

    [Fact]
    public async Task UnsharedDatabaseIsNotFoundNamingTheIntegration()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var message = (await emulator.GetAsync($"v1/databases/{Demo.PrivateNotesDatabase}")).AssertError(HttpStatusCode.NotFound, "object_not_found");
        Assert.Equal(
            $"Could not find database with ID: {Demo.PrivateNotesDatabase}. Make sure the relevant pages and databases are shared with your integration \"NotionPS Demo\".",
            message);
    }

    [Fact]
    public async Task DataSourceIdIsNotADatabaseId()
    {
        await using var emulator = await TestEmulator.StartAsync();
        (await emulator.GetAsync($"v1/databases/{Demo.TasksDataSource}")).AssertError(HttpStatusCode.NotFound, "object_not_found");
        (await emulator.GetAsync($"v1/data_sources/{Demo.TasksDatabase}")).AssertError(HttpStatusCode.NotFound, "object_not_found");
    }

    [Fact]
    public async Task LinkedDatabaseIsRetrievableButHasNoReachableDataSource()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var linked = (await emulator.GetAsync($"v1/databases/{Demo.LinkedNotesDatabase}")).Json;
        Assert.Equal("Notes (linked view)", (string?)linked["title"]![0]!["plain_text"]);
        Assert.Empty(linked["data_sources"]!.AsArray());
        (await emulator.GetAsync($"v1/data_sources/{Demo.PrivateNotesDataSource}")).AssertError(HttpStatusCode.NotFound, "object_not_found");
    }

    [Fact]
    public async Task LinkedDatabaseWithoutReachableSourceRefusesRowsNamingIt()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var body = JsonNode.Parse($$"""{"parent": {"database_id": "{{Demo.LinkedNotesDatabase}}"}, "properties": {} }""");
        var message = (await emulator.PostAsync("v1/pages", body)).AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Equal($"Database with ID {Demo.LinkedNotesDatabase} does not contain any data sources accessible by this API bot.", message);
    }

    [Fact]
    public async Task LinkedDatabaseShowsItsSourceOnceTheSourceIsShared()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.AdminAsync(HttpMethod.Put, $"shares/{Demo.PrivateNotesDatabase}/{Demo.FullIntegrationName}");
        var linked = (await emulator.GetAsync($"v1/databases/{Demo.LinkedNotesDatabase}")).Json;
        Assert.Equal(Demo.PrivateNotesDataSource, (string?)Assert.Single(linked["data_sources"]!.AsArray())!["id"]);
        var body = JsonNode.Parse($$"""{"parent": {"database_id": "{{Demo.LinkedNotesDatabase}}"}, "properties": {"Title": {"title": []} } }""");
        var created = (await emulator.PostAsync("v1/pages", body)).Json;
        Assert.Equal(Demo.PrivateNotesDataSource, (string?)created["parent"]!["data_source_id"]);
        Assert.Equal(Demo.PrivateNotesDatabase, (string?)created["parent"]!["database_id"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("share the source first")]
    public async Task Before2025ALinkedDatabaseCannotBeRetrievedOrQueried(string shareSource)
    {
        await using var emulator = await TestEmulator.StartAsync();
        if (shareSource.Length > 0)
        {
            await emulator.AdminAsync(HttpMethod.Put, $"shares/{Demo.PrivateNotesDatabase}/{Demo.FullIntegrationName}");
        }

        var expected = $"Database with ID {Demo.LinkedNotesDatabase} is a linked database. Database retrievals do not support linked databases.";
        Assert.Equal(expected, (await emulator.GetAsync($"v1/databases/{Demo.LinkedNotesDatabase}", version: "2022-06-28"))
            .AssertError(HttpStatusCode.BadRequest, "validation_error"));
        Assert.Equal(expected, (await emulator.PostAsync($"v1/databases/{Demo.LinkedNotesDatabase}/query", new JsonObject(), version: "2022-06-28"))
            .AssertError(HttpStatusCode.BadRequest, "validation_error"));
    }

    [Theory]
    [InlineData("2025-09-03", true)]
    [InlineData("2026-03-11", false)]
    public async Task ArchivedFlagExistsOnlyBefore2026(string version, bool hasArchived)
    {
        await using var emulator = await TestEmulator.StartAsync();
        foreach (var path in new[] { $"v1/databases/{Demo.TasksDatabase}", $"v1/data_sources/{Demo.TasksDataSource}", $"v1/pages/{Demo.FirstTaskRow}" })
        {
            var body = (await emulator.GetAsync(path, version: version)).Json;
            Assert.False((bool)body["in_trash"]!);
            Assert.Equal(hasArchived, body.AsObject().ContainsKey("archived"));
        }
    }

    [Fact]
    public async Task ReadCapabilityIsNeeded()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.AdminAsync(HttpMethod.Post, "integrations", new JsonObject
        {
            ["name"] = "Writer Only", ["token"] = "test-token-insert-only", ["capabilities"] = new JsonArray("insert"),
            ["id"] = "b0b0b0b0-0000-4000-8000-0000000000aa",
        });
        await emulator.AdminAsync(HttpMethod.Put, $"shares/{Demo.TeamHomePage}/Writer Only");
        (await emulator.GetAsync($"v1/databases/{Demo.TasksDatabase}", token: "test-token-insert-only")).AssertError(HttpStatusCode.Forbidden, "restricted_resource");
    }
}
