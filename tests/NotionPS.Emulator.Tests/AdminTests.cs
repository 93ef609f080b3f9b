using System.Net;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Tests;

public sealed class AdminTests
{
    [Fact]
    public async Task AddedIntegrationSeesOnlyWhatIsSharedWithIt()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var added = await emulator.AdminAsync(HttpMethod.Post, "integrations", JsonNode.Parse("""
            {"name": "Late Joiner", "token": "test-token-late-joiner", "capabilities": ["read"]}
            """));
        var botId = (string)added!["id"]!;
        Assert.Equal(botId, (string?)(await emulator.GetAsync("v1/users/me", token: "test-token-late-joiner")).Json["id"]);

        var message = (await emulator.GetAsync($"v1/databases/{Demo.TasksDatabase}", token: "test-token-late-joiner"))
            .AssertError(HttpStatusCode.NotFound, "object_not_found");
        Assert.Contains("\"Late Joiner\"", message);

        await emulator.AdminAsync(HttpMethod.Put, $"shares/{Demo.TeamHomePage}/{botId}");
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync($"v1/databases/{Demo.TasksDatabase}", token: "test-token-late-joiner")).Status);
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync($"v1/pages/{Demo.FirstTaskRow}", token: "test-token-late-joiner")).Status);

        await emulator.AdminAsync(HttpMethod.Delete, $"shares/{Demo.TeamHomePage}/Late Joiner");
        (await emulator.GetAsync($"v1/pages/{Demo.FirstTaskRow}", token: "test-token-late-joiner")).AssertError(HttpStatusCode.NotFound, "object_not_found");
    }

    [Fact]
    public async Task SharingAPrivateDatabaseMakesItReachable()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.AdminAsync(HttpMethod.Put, $"shares/{Demo.PrivateNotesDatabase}/{Demo.FullBotId}");
        var rows = (await emulator.PostAsync($"v1/data_sources/{Demo.PrivateNotesDataSource}/query", new JsonObject())).Json["results"]!.AsArray();
        Assert.Equal(2, rows.Count);
        var linked = (await emulator.GetAsync($"v1/databases/{Demo.LinkedNotesDatabase}")).Json;
        Assert.Equal(Demo.PrivateNotesDataSource, (string?)Assert.Single(linked["data_sources"]!.AsArray())!["id"]);
    }

    [Fact]
    public async Task AddsPagesDatabasesAndDataSources()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var page = await emulator.AdminAsync(HttpMethod.Post, "pages", JsonNode.Parse($$"""
            {"title": "Runbooks", "sharedWith": ["NotionPS Demo"]}
            """));
        var database = await emulator.AdminAsync(HttpMethod.Post, "databases", JsonNode.Parse($$"""
            {"title": "Incidents", "parent": "{{page!["id"]}}",
             "dataSources": [{"name": "Open", "properties": {"Title": {"type": "title"}, "Sev": {"type": "select", "options": [{"name": "S1", "color": "red"}]} },
                              "rows": [{"properties": {"Title": "Disk full", "Sev": "S1"} }]}]}
            """));
        var databaseId = (string)database!["id"]!;
        var second = await emulator.AdminAsync(HttpMethod.Post, $"databases/{databaseId}/data_sources", JsonNode.Parse("""
            {"name": "Closed", "properties": {"Title": {"type": "title"}}}
            """));

        var fetched = (await emulator.GetAsync($"v1/databases/{databaseId}")).Json;
        Assert.Equal(["Open", "Closed"], fetched["data_sources"]!.AsArray().Select(d => (string?)d!["name"]));
        var rows = (await emulator.PostAsync($"v1/data_sources/{database["dataSources"]![0]}/query", new JsonObject())).Json["results"]!.AsArray();
        Assert.Equal("S1", (string?)rows.Single()!["properties"]!["Sev"]!["select"]!["name"]);
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync($"v1/data_sources/{second!["id"]}")).Status);
    }

    [Theory]
    [InlineData("databases", "{\"title\": \"No sources\"}")]
    [InlineData("databases", "{\"title\": \"Two titles\", \"dataSources\": [{\"properties\": {\"A\": {\"type\": \"title\"}, \"B\": {\"type\": \"title\"}}}]}")]
    [InlineData("integrations", "{\"name\": \"Twin\", \"token\": \"demo-token-full-access\"}")]
    [InlineData("integrations", "{\"name\": \"No token\"}")]
    [InlineData("pages", "{\"title\": \"Orphan\", \"parent\": \"00000000-0000-4000-8000-000000000000\"}")]
    [InlineData("pages", "{\"title\": \"Bad share\", \"sharedWith\": [\"Nobody\"]}")]
    [InlineData("data_sources/2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d/rows", "{\"rows\": [{\"properties\": {\"Status\": \"Invented\"}}]}")]
    [InlineData("data_sources/2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d/rows", "{\"rows\": [{\"properties\": {\"Nope\": 1}}]}")]
    [InlineData("data_sources/2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d/rows", "{\"rows\": [{\"properties\": {\"Status\": 5}}]}")]
    [InlineData("data_sources/2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d/rows", "{\"rows\": [{\"properties\": {\"Owner\": \"Ada\"}}]}")]
    [InlineData("data_sources/not-an-id/rows", "{\"rows\": []}")]
    [InlineData("pages", "{\"title\": ")]
    public async Task BadAdminBodiesAreRefusedWithAReason(string path, string body)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = await emulator.SendAsync(HttpMethod.Post, $"__emulator/{path}", body, token: null, version: null);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.False(string.IsNullOrWhiteSpace((string?)reply.Json["message"]));
    }

    [Fact]
    public async Task ResetRestoresTheSeedAndClearsCountersAndFaults()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var body = JsonNode.Parse($$"""{"parent": {"data_source_id": "{{Demo.TasksDataSource}}"}, "properties": {} }""");
        await emulator.PostAsync("v1/pages", body);
        await emulator.AdminAsync(HttpMethod.Post, "faults", new JsonObject { ["kind"] = "500", ["count"] = 5 });

        await emulator.AdminAsync(HttpMethod.Post, "reset");

        var counters = (await emulator.AdminAsync(HttpMethod.Get, "stats"))!["integrations"]![Demo.FullBotId]!;
        Assert.Equal(0, (int?)counters["requests"]);
        Assert.Equal(0, (int?)counters["pagesCreated"]);
        Assert.Empty((await emulator.AdminAsync(HttpMethod.Get, "faults"))!.AsArray());
        var rows = (await emulator.PostAsync($"v1/data_sources/{Demo.TasksDataSource}/query", new JsonObject())).Json["results"]!.AsArray();
        Assert.Equal(Demo.TaskRowCount, rows.Count);
    }

    [Fact]
    public async Task UnknownAdminRouteIsInvalidRequestUrl()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = await emulator.SendAsync(HttpMethod.Get, "__emulator/nothing-here", null, token: null, version: null);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("invalid_request_url", (string?)reply.Json["code"]);
    }
}
