using System.Net;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Tests;

/// <summary>Mistakes in a seed are errors that name them, never a quietly different workspace.</summary>
public sealed class SeedFileTests
{
    private const string Minimal = """
        {"integrations": [{"name": "Seeded", "token": "seeded-token"}],
         "pages": [{"id": "f0000000-0000-4000-8000-000000000001", "title": "Home", "sharedWith": ["Seeded"]}],
         "databases": [{"title": "Links", "parent": "f0000000-0000-4000-8000-000000000001", "dataSources": [{
             "properties": {"Name": {"type": "title"}, "Next": {"type": "relation"}},
             "rows": [{"id": "f1000000-0000-4000-8000-000000000001", "properties": {"Name": "First", "Next": ["f1000000-0000-4000-8000-000000000002"]}},
                      {"id": "f1000000-0000-4000-8000-000000000002", "properties": {"Name": "Second", "Next": [RELATED]}}]}]}]}
        """;

    /// <summary>Changed with custom emojis: the keys listed now include customEmojis.</summary>
    [Theory]
    [InlineData("databse")]
    [InlineData("Pages")]
    public async Task AnUnknownTopLevelKeyIsAnErrorNamingIt(string key)
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => StartAsync($$"""{"workspace": {"name": "W"}, "{{key}}": []}"""));
        Assert.Equal($"The seed file has an unknown top-level key \"{key}\"; it takes workspace, people, customEmojis, integrations, pages, databases, rateLimits.", error.Message);
    }

    [Fact]
    public async Task ARelationToAPageThatDoesNotExistIsAnError()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => StartAsync(Minimal.Replace("RELATED", "\"f9999999-0000-4000-8000-000000000009\"")));
        Assert.Equal(
            "Row f1000000-0000-4000-8000-000000000002, property \"Next\": relation names page f9999999-0000-4000-8000-000000000009, which does not exist.",
            error.Message);
    }

    [Fact]
    public async Task ARelationMayNameARowSeededAfterIt()
    {
        await using var server = await StartAsync(Minimal.Replace("RELATED", "\"f0000000-0000-4000-8000-000000000001\""));
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/pages/f1000000-0000-4000-8000-000000000001");
        request.Headers.Add("Authorization", "Bearer seeded-token");
        request.Headers.Add("Notion-Version", TestEmulator.DefaultVersion);
        using var response = await http.SendAsync(request);
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("f1000000-0000-4000-8000-000000000002", (string?)page["properties"]!["Next"]!["relation"]![0]!["id"]);
    }

    [Fact]
    public async Task AdminRowsRelatingToAMissingPageAreRefused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = await emulator.SendAsync(HttpMethod.Post, $"__emulator/data_sources/{Demo.TasksDataSource}/rows", JsonNode.Parse("""
            {"rows": [{"id": "f2000000-0000-4000-8000-000000000001", "properties": {"Name": "Dangling", "Related": ["f9999999-0000-4000-8000-000000000009"]}}]}
            """), token: null, version: null);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("relation names page f9999999-0000-4000-8000-000000000009, which does not exist", (string?)reply.Json["message"]);
    }

    private static async Task<EmulatorServer> StartAsync(string seed)
    {
        var path = Path.Combine(Path.GetTempPath(), $"notionps-seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, seed);
        try
        {
            return await EmulatorServer.StartAsync(new EmulatorOptions { Urls = "http://127.0.0.1:0", RateLimit = 0, SeedPath = path });
        }
        finally
        {
            File.Delete(path);
        }
    }
}
