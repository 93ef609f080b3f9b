using System.Net;

namespace NotionPS.Emulator.Tests;

public sealed class UsersTests
{
    [Fact]
    public async Task MeIsTheIntegrationsBotWithItsWorkspace()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var me = (await emulator.GetAsync("v1/users/me")).Json;
        Assert.Equal("user", (string?)me["object"]);
        Assert.Equal(Demo.FullBotId, (string?)me["id"]);
        Assert.Equal("bot", (string?)me["type"]);
        Assert.Equal(Demo.FullIntegrationName, (string?)me["name"]);
        Assert.Equal("workspace", (string?)me["bot"]!["owner"]!["type"]);
        Assert.True((bool?)me["bot"]!["owner"]!["workspace"]);
        Assert.Equal("Acme Demo", (string?)me["bot"]!["workspace_name"]);
        Assert.Equal(Demo.WorkspaceId, (string?)me["bot"]!["workspace_id"]);
        Assert.NotNull(me["bot"]!["workspace_limits"]!["max_file_upload_size_in_bytes"]);
    }

    [Fact]
    public async Task ListShowsPeopleAndBotsAndPages()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var all = (await emulator.GetAsync("v1/users")).Json;
        Assert.Equal("list", (string?)all["object"]);
        Assert.Equal("user", (string?)all["type"]);
        var users = all["results"]!.AsArray();
        Assert.Equal(5, users.Count);
        Assert.Equal(3, users.Count(u => (string?)u!["type"] == "person"));
        Assert.Equal(2, users.Count(u => (string?)u!["type"] == "bot"));
        Assert.Equal("ada@acme.example", (string?)users[0]!["person"]!["email"]);

        var first = (await emulator.GetAsync("v1/users?page_size=2")).Json;
        Assert.Equal(2, first["results"]!.AsArray().Count);
        Assert.True((bool?)first["has_more"]);
        var second = (await emulator.GetAsync($"v1/users?page_size=2&start_cursor={first["next_cursor"]}")).Json;
        Assert.Equal((string?)users[2]!["id"], (string?)second["results"]![0]!["id"]);
    }

    [Fact]
    public async Task EmailIsHiddenFromAnIntegrationWithoutEmailCapability()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var ada = (await emulator.GetAsync($"v1/users/{Demo.Ada}", token: Demo.ReadOnlyToken)).Json;
        Assert.Equal("Ada Lovelace", (string?)ada["name"]);
        Assert.Null(ada["person"]!["email"]);
    }

    [Fact]
    public async Task UserById()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var grace = (await emulator.GetAsync($"v1/users/{Demo.Grace}")).Json;
        Assert.Equal("Grace Hopper", (string?)grace["name"]);
        Assert.Equal("grace@acme.example", (string?)grace["person"]!["email"]);
        var bot = (await emulator.GetAsync($"v1/users/{Demo.ReadOnlyBotId}")).Json;
        Assert.Equal("bot", (string?)bot["type"]);
    }

    [Fact]
    public async Task UnknownUserIsObjectNotFound()
    {
        await using var emulator = await TestEmulator.StartAsync();
        (await emulator.GetAsync("v1/users/c1a55e00-0000-4000-8000-000000000099")).AssertError(HttpStatusCode.NotFound, "object_not_found");
    }

    [Fact]
    public async Task WithoutUserInformationCapabilityUsersAreRestricted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.AdminAsync(HttpMethod.Post, "integrations", new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = "No Users", ["token"] = "test-token-no-users", ["capabilities"] = new System.Text.Json.Nodes.JsonArray("read"), ["userInfo"] = "none",
        });
        (await emulator.GetAsync("v1/users", token: "test-token-no-users")).AssertError(HttpStatusCode.Forbidden, "restricted_resource");
        (await emulator.GetAsync($"v1/users/{Demo.Ada}", token: "test-token-no-users")).AssertError(HttpStatusCode.Forbidden, "restricted_resource");
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync("v1/users/me", token: "test-token-no-users")).Status);
    }
}
