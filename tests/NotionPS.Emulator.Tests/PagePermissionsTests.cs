using System.Net;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Tests;

/// <summary>
/// A personal access token sees what its person may see (no sharing step) and writes where they may edit. In the demo:
/// Ada has full access to Team Home, Grace read access to it and full access to Private Notes (shared with no connection).
/// </summary>
public sealed class PagePermissionsTests
{
    private const string Ada = TokenKindsTests.AdaPatToken;
    private const string Grace = TokenKindsTests.GracePatToken;

    [Fact]
    public async Task APersonalAccessTokenSeesWhatItsPersonMayReadWithoutAnySharing()
    {
        await using var emulator = await TestEmulator.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync($"v1/databases/{Demo.PrivateNotesDatabase}", Grace)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await emulator.GetAsync($"v1/databases/{Demo.PrivateNotesDatabase}")).Status);
        (await emulator.GetAsync($"v1/databases/{Demo.PrivateNotesDatabase}", Ada)).AssertError(HttpStatusCode.NotFound, "object_not_found");
        Assert.Equal(HttpStatusCode.NotFound, (await emulator.GetAsync($"v1/databases/{Demo.ProjectsDatabase}", Ada)).Status);
    }

    [Fact]
    public async Task ALevelSetOnAPageHoldsForEverythingBelowIt()
    {
        await using var emulator = await TestEmulator.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync($"v1/pages/{Demo.MeetingNotesPage}", Grace)).Status);
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync($"v1/pages/{Demo.FirstTaskRow}", Grace)).Status);
        var rows = await emulator.PostAsync($"v1/data_sources/{Demo.TasksDataSource}/query", new JsonObject(), Grace);
        Assert.Equal(Demo.TaskRowCount, rows.Json["results"]!.AsArray().Count);
    }

    [Fact]
    public async Task SearchListsWhatThePersonMayRead()
    {
        await using var emulator = await TestEmulator.StartAsync();
        async Task<List<string?>> DataSourcesFor(string token) =>
            [.. (await emulator.PostAsync("v1/search", new JsonObject { ["filter"] = new JsonObject { ["property"] = "object", ["value"] = "data_source" } }, token))
                .Json["results"]!.AsArray().Select(r => (string?)r!["id"])];

        Assert.Contains(Demo.PrivateNotesDataSource, await DataSourcesFor(Grace));
        Assert.DoesNotContain(Demo.PrivateNotesDataSource, await DataSourcesFor(Ada));
        Assert.Contains(Demo.TasksDataSource, await DataSourcesFor(Ada));
    }

    [Fact]
    public async Task ReadAccessReadsButEveryWriteIsRefused()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var create = await emulator.PostAsync("v1/pages", NewTask("From Grace"), Grace);
        Assert.Contains("Grace Hopper has read access", create.AssertError(HttpStatusCode.Forbidden, "restricted_resource"));
        (await emulator.PatchAsync($"v1/pages/{Demo.FirstTaskRow}", new JsonObject { ["properties"] = new JsonObject() }, Grace))
            .AssertError(HttpStatusCode.Forbidden, "restricted_resource");
        (await emulator.PatchAsync($"v1/blocks/{Demo.MeetingNotesPage}/children", Paragraph(), Grace))
            .AssertError(HttpStatusCode.Forbidden, "restricted_resource");

        var stats = await emulator.AdminAsync(HttpMethod.Get, "stats");
        Assert.Equal(0, (int?)stats!["integrations"]!["7a700000-0000-4000-8000-000000000002"]!["pagesCreated"]);
    }

    [Fact]
    public async Task FullAccessWrites()
    {
        await using var emulator = await TestEmulator.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await emulator.PostAsync("v1/pages", NewTask("From Ada"), Ada)).Status);
        Assert.Equal(HttpStatusCode.OK, (await emulator.PatchAsync($"v1/pages/{Demo.FirstTaskRow}", new JsonObject { ["properties"] = new JsonObject() }, Ada)).Status);
        Assert.Equal(HttpStatusCode.OK, (await emulator.PatchAsync($"v1/blocks/{Demo.MeetingNotesPage}/children", Paragraph(), Ada)).Status);
    }

    [Theory]
    [InlineData("comment", HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData("edit", HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData("none", HttpStatusCode.NotFound, HttpStatusCode.NotFound)]
    public async Task EachLevelSetAtRunTimeDecidesReadAndWrite(string level, HttpStatusCode read, HttpStatusCode write)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var set = await emulator.AdminAsync(HttpMethod.Put, $"permissions/{Demo.TeamHomePage}/Grace Hopper", new JsonObject { ["level"] = level });
        Assert.Equal(level, (string?)set!["level"]);

        Assert.Equal(read, (await emulator.GetAsync($"v1/pages/{Demo.FirstTaskRow}", Grace)).Status);
        Assert.Equal(write, (await emulator.PostAsync("v1/pages", NewTask("From Grace"), Grace)).Status);
    }

    [Fact]
    public async Task RemovingAPersonFromAPageTakesTheTokensAccessAtOnceAndClearingItGivesTheInheritedLevelBack()
    {
        await using var emulator = await TestEmulator.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync($"v1/pages/{Demo.MeetingNotesPage}", Ada)).Status);

        await emulator.AdminAsync(HttpMethod.Put, $"permissions/{Demo.MeetingNotesPage}/{Demo.Ada}", new JsonObject { ["level"] = "none" });
        (await emulator.GetAsync($"v1/pages/{Demo.MeetingNotesPage}", Ada)).AssertError(HttpStatusCode.NotFound, "object_not_found");
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync($"v1/pages/{Demo.TeamHomePage}", Ada)).Status);

        await emulator.AdminAsync(HttpMethod.Delete, $"permissions/{Demo.MeetingNotesPage}/{Demo.Ada}");
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync($"v1/pages/{Demo.MeetingNotesPage}", Ada)).Status);
    }

    [Fact]
    public async Task ConnectionsStillGoBySharingNotByPermissions()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.AdminAsync(HttpMethod.Put, $"permissions/{Demo.TeamHomePage}/Ada Lovelace", new JsonObject { ["level"] = "none" });
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync($"v1/pages/{Demo.TeamHomePage}")).Status);
    }

    [Theory]
    [InlineData("permissions/" + Demo.TeamHomePage + "/Grace Hopper", "{\"level\":\"owner\"}", "the level must be one of full, edit, comment, read, none, not \"owner\"")]
    [InlineData("permissions/" + Demo.TeamHomePage + "/Nobody", "{\"level\":\"read\"}", "No person Nobody")]
    [InlineData("permissions/00000000-0000-4000-8000-000000000000/Grace Hopper", "{\"level\":\"read\"}", "No page, database or data source")]
    [InlineData("pages", "{\"title\":\"P\",\"permissions\":{\"Nobody\":\"read\"}}", "permissions name an unknown person \"Nobody\"")]
    [InlineData("pages", "{\"title\":\"P\",\"permissions\":{\"Ada Lovelace\":\"write\"}}", "the level must be one of full, edit, comment, read, none, not \"write\"")]
    [InlineData("pages", "{\"title\":\"P\",\"permissions\":[\"Ada Lovelace\"]}", "permissions must be an object keyed by person ID or name")]
    public async Task ABadPermissionIsRefusedWithTheReason(string path, string body, string expected)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var method = path.StartsWith("permissions", StringComparison.Ordinal) ? HttpMethod.Put : HttpMethod.Post;
        var reply = await emulator.SendAsync(method, "__emulator/" + path, body, token: null, version: null);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains(expected, (string?)reply.Json["message"]);
    }

    private static JsonObject NewTask(string name) => new()
    {
        ["parent"] = new JsonObject { ["data_source_id"] = Demo.TasksDataSource },
        ["properties"] = new JsonObject { ["Name"] = new JsonObject { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = name } }) } },
    };

    private static JsonObject Paragraph() => new()
    {
        ["children"] = new JsonArray(new JsonObject
        {
            ["paragraph"] = new JsonObject { ["rich_text"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = "Note" } }) },
        }),
    };
}
