using System.Net;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Tests;

/// <summary>
/// Notion-Version 2022-06-28 (the schema on the database, rows queried and created through the database) beside
/// 2025-09-03 and 2026-03-11 (data sources).
/// </summary>
public sealed class VersionTests
{
    private const string Old = "2022-06-28";

    [Fact]
    public async Task Before2025TheDatabaseCarriesTheSchemaAndNoDataSources()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var database = (await emulator.GetAsync($"v1/databases/{Demo.TasksDatabase}", version: Old)).Json;
        Assert.Equal("database", (string?)database["object"]);
        Assert.Null(database["data_sources"]);
        Assert.Equal("status", (string?)database["properties"]!["Status"]!["type"]);
        Assert.Equal("stat", (string?)database["properties"]!["Status"]!["id"]);
        Assert.Equal(17, database["properties"]!.AsObject().Count);
        Assert.Equal("user", (string?)database["created_by"]!["object"]);
        Assert.False((bool)database["archived"]!);
    }

    [Fact]
    public async Task Before2025RowsComeFromTheDatabaseQueryWithTheDatabaseAsParent()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = (await emulator.PostAsync(
            $"v1/databases/{Demo.TasksDatabase}/query",
            JsonNode.Parse("""{"filter": {"property": "Priority", "select": {"equals": "High"}}, "sorts": [{"property": "Estimate", "direction": "descending"}]}"""),
            version: Old)).Json;
        Assert.Equal("page_or_database", (string?)reply["type"]);
        var rows = reply["results"]!.AsArray();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal("database_id", (string?)row!["parent"]!["type"]);
            Assert.Equal(Demo.TasksDatabase, (string?)row["parent"]!["database_id"]);
            Assert.Null(row["parent"]!["data_source_id"]);
        });
        var page = (await emulator.GetAsync($"v1/pages/{Demo.FirstTaskRow}", version: Old)).Json;
        Assert.Equal(Demo.TasksDatabase, (string?)page["parent"]!["database_id"]);
    }

    [Fact]
    public async Task Before2025PagesAreCreatedUnderTheDatabase()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var body = JsonNode.Parse($$"""
            {"parent": {"database_id": "{{Demo.TasksDatabase}}"}, "properties": {"Name": {"title": [{"text": {"content": "Old style"} }]} } }
            """);
        var created = (await emulator.PostAsync("v1/pages", body, version: Old)).Json;
        Assert.Equal(Demo.TasksDatabase, (string?)created["parent"]!["database_id"]);
        var found = (await emulator.PostAsync($"v1/data_sources/{Demo.TasksDataSource}/query", JsonNode.Parse("""
            {"filter": {"property": "Name", "title": {"equals": "Old style"}}}
            """))).Json["results"]!.AsArray();
        Assert.Equal((string?)created["id"], (string?)Assert.Single(found)!["id"]);

        var byDataSource = JsonNode.Parse($$"""
            {"parent": {"data_source_id": "{{Demo.TasksDataSource}}"}, "properties": {"Name": {"title": []} } }
            """);
        var message = (await emulator.PostAsync("v1/pages", byDataSource, version: Old)).AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Contains("body.parent.database_id should be defined", message);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "/query")]
    public async Task Before2025ADatabaseWithSeveralDataSourcesListsThemInAdditionalData(string method, string suffix)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = await emulator.SendAsync(new HttpMethod(method), $"v1/databases/{Demo.ProjectsDatabase}{suffix}", method == "POST" ? new JsonObject() : null, version: Old);
        Assert.Equal("Databases with multiple data sources are not supported in this API version.", reply.AssertError(HttpStatusCode.BadRequest, "validation_error"));
        Assert.Equal(
            [Demo.ActiveDataSource, Demo.ArchiveDataSource],
            reply.Json["additional_data"]!["child_data_source_ids"]!.AsArray().Select(id => (string?)id));
    }

    [Fact]
    public async Task ACreateUnderADatabaseWithSeveralDataSourcesIsRefusedInEveryVersion()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var body = JsonNode.Parse($$"""{"parent": {"database_id": "{{Demo.ProjectsDatabase}}"}, "properties": {} }""");
        var reply = await emulator.PostAsync("v1/pages", body);
        reply.AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Equal(2, reply.Json["additional_data"]!["child_data_source_ids"]!.AsArray().Count);
    }

    [Fact]
    public async Task Before2025SearchFindsDatabasesNotDataSources()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var found = (await emulator.PostAsync("v1/search", JsonNode.Parse("""{"query": "Tasks", "filter": {"property": "object", "value": "database"}}"""), version: Old)).Json;
        Assert.Equal("page_or_database", (string?)found["type"]);
        var database = Assert.Single(found["results"]!.AsArray())!;
        Assert.Equal(Demo.TasksDatabase, (string?)database["id"]);
        Assert.Equal("database", (string?)database["object"]);
        Assert.NotNull(database["properties"]!["Status"]);

        var message = (await emulator.PostAsync("v1/search", JsonNode.Parse("""{"filter": {"property": "object", "value": "data_source"}}"""), version: Old))
            .AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Contains("`\"page\"` or `\"database\"`", message);
    }

    [Theory]
    [InlineData("2025-09-03")]
    [InlineData("2026-03-11")]
    public async Task FromVersion2025TheDatabaseQueryIsGone(string version)
    {
        await using var emulator = await TestEmulator.StartAsync();
        (await emulator.PostAsync($"v1/databases/{Demo.TasksDatabase}/query", new JsonObject(), version: version))
            .AssertError(HttpStatusCode.BadRequest, "invalid_request_url");
    }

    [Theory]
    [InlineData("2022-06-28", true)]
    [InlineData("2025-09-03", true)]
    [InlineData("2026-03-11", false)]
    public async Task QueriesTakeArchivedOnlyBefore2026(string version, bool accepted)
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.PatchAsync($"v1/pages/{Demo.FirstTaskRow}", new JsonObject { ["in_trash"] = true });
        var path = version == Old ? $"v1/databases/{Demo.TasksDatabase}/query" : $"v1/data_sources/{Demo.TasksDataSource}/query";
        var reply = await emulator.PostAsync(path, new JsonObject { ["archived"] = true }, version: version);
        if (accepted)
        {
            Assert.Equal(Demo.FirstTaskRow, (string?)Assert.Single(reply.Json["results"]!.AsArray())!["id"]);
        }
        else
        {
            Assert.Contains("use body.in_trash", reply.AssertError(HttpStatusCode.BadRequest, "validation_error"));
        }
    }
}
