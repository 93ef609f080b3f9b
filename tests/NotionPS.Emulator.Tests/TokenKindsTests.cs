using System.Net;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Tests;

/// <summary>Internal connections, public (OAuth) connections and personal access tokens, as users/me and the users list tell them apart.</summary>
public sealed class TokenKindsTests
{
    internal const string AdaPatToken = "demo-token-pat-ada";
    internal const string GracePatToken = "demo-token-pat-grace";
    internal const string AdaPatId = "7a700000-0000-4000-8000-000000000001";

    [Fact]
    public async Task UsersMeForAPersonalAccessTokenIsThePersonWhoCreatedIt()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var me = (await emulator.GetAsync("v1/users/me", AdaPatToken)).Json;

        Assert.Equal(Demo.Ada, (string?)me["id"]);
        Assert.Equal("person", (string?)me["type"]);
        Assert.Equal("Ada Lovelace", (string?)me["name"]);
        Assert.Equal("ada@acme.example", (string?)me["person"]!["email"]);
        Assert.Null(me["bot"]);
    }

    [Fact]
    public async Task UsersMeForAPublicConnectionIsABotOwnedByTheUserWhoInstalledIt()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var added = await emulator.AdminAsync(HttpMethod.Post, "integrations", new JsonObject
        {
            ["name"] = "Acme OAuth App", ["token"] = "oauth-token", ["kind"] = "public_connection", ["owner"] = "Grace Hopper",
        });

        var me = (await emulator.GetAsync("v1/users/me", "oauth-token")).Json;
        Assert.Equal((string?)added!["id"], (string?)me["id"]);
        Assert.Equal("bot", (string?)me["type"]);
        Assert.Equal("user", (string?)me["bot"]!["owner"]!["type"]);
        Assert.Equal(Demo.Grace, (string?)me["bot"]!["owner"]!["user"]!["id"]);
        Assert.Equal("person", (string?)me["bot"]!["owner"]!["user"]!["type"]);
        Assert.Equal(Demo.WorkspaceId, (string?)me["bot"]!["workspace_id"]);
    }

    [Fact]
    public async Task UsersMeForAnInternalConnectionStaysOwnedByTheWorkspace()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var owner = (await emulator.GetAsync("v1/users/me")).Json["bot"]!["owner"]!;
        Assert.Equal("workspace", (string?)owner["type"]);
        Assert.True((bool?)owner["workspace"]);
    }

    [Fact]
    public async Task APersonalAccessTokenCannotListUsersButCanRetrieveItsOwn()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var message = (await emulator.GetAsync("v1/users", AdaPatToken)).AssertError(HttpStatusCode.Forbidden, "restricted_resource");
        Assert.Contains("Personal access tokens cannot list workspace users", message);

        var ada = await emulator.GetAsync($"v1/users/{Demo.Ada}", AdaPatToken);
        Assert.Equal(HttpStatusCode.OK, ada.Status);
        Assert.Equal("Ada Lovelace", (string?)ada.Json["name"]);
    }

    [Fact]
    public async Task TheUsersListShowsPublicConnectionBotsButNoPersonalAccessTokens()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.AdminAsync(HttpMethod.Post, "integrations", new JsonObject
        {
            ["name"] = "Acme OAuth App", ["token"] = "oauth-token", ["kind"] = "public_connection", ["owner"] = Demo.Ada,
        });

        var ids = (await emulator.GetAsync("v1/users")).Json["results"]!.AsArray().Select(u => (string?)u!["id"]).ToList();
        Assert.Equal(6, ids.Count);
        Assert.DoesNotContain(AdaPatId, ids);
        Assert.Equal(HttpStatusCode.NotFound, (await emulator.GetAsync($"v1/users/{AdaPatId}")).Status);
    }

    [Fact]
    public async Task APageAPersonalAccessTokenCreatesIsCreatedByItsPersonAndMeMeansThatPerson()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var created = await emulator.PostAsync("v1/pages", new JsonObject
        {
            ["parent"] = new JsonObject { ["data_source_id"] = Demo.TasksDataSource },
            ["properties"] = new JsonObject { ["Name"] = new JsonObject { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = "By Ada's PAT" } }) } },
        }, AdaPatToken);
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(Demo.Ada, (string?)created.Json["created_by"]!["id"]);

        var mine = await RowIdsAsync(emulator, "me", AdaPatToken);
        Assert.NotEmpty(mine);
        Assert.Equal(await RowIdsAsync(emulator, Demo.Ada, Demo.FullToken), mine);
    }

    private static async Task<List<string?>> RowIdsAsync(TestEmulator emulator, string owner, string token)
    {
        var reply = await emulator.PostAsync($"v1/data_sources/{Demo.TasksDataSource}/query", new JsonObject
        {
            ["filter"] = new JsonObject { ["property"] = "Owner", ["people"] = new JsonObject { ["contains"] = owner } },
        }, token);
        return [.. reply.Json["results"]!.AsArray().Select(r => (string?)r!["id"])];
    }

    [Fact]
    public async Task ARevokedTokenAnswers401AndCountsAsUnauthenticated()
    {
        await using var emulator = await TestEmulator.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync("v1/users/me", AdaPatToken)).Status);

        await emulator.AdminAsync(HttpMethod.Delete, "integrations/Ada's scripts");
        (await emulator.GetAsync("v1/users/me", AdaPatToken)).AssertError(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(HttpStatusCode.OK, (await emulator.GetAsync("v1/users/me", GracePatToken)).Status);

        var stats = await emulator.AdminAsync(HttpMethod.Get, "stats");
        Assert.Equal(1, (int?)stats!["unauthenticatedRequests"]);
        Assert.Equal(1, (int?)stats["integrations"]![AdaPatId]!["requests"]);
        Assert.Equal("personal_access_token", (string?)stats["integrations"]![AdaPatId]!["kind"]);
    }

    [Theory]
    [InlineData("{\"name\":\"X\",\"token\":\"t\",\"kind\":\"bot\"}", "kind must be internal_connection, public_connection, personal_access_token, not \"bot\"")]
    [InlineData("{\"name\":\"X\",\"token\":\"t\",\"kind\":\"personal_access_token\"}", "a personal_access_token needs \"owner\"")]
    [InlineData("{\"name\":\"X\",\"token\":\"t\",\"kind\":\"public_connection\",\"owner\":\"Nobody\"}", "owner \"Nobody\" is not a person of the workspace")]
    [InlineData("{\"name\":\"X\",\"token\":\"t\",\"owner\":\"Ada Lovelace\"}", "an internal connection belongs to the workspace and has no owner")]
    public async Task ABadTokenKindOrOwnerIsRefusedWithTheReason(string body, string expected)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = await emulator.SendAsync(HttpMethod.Post, "__emulator/integrations", body, token: null, version: null);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains(expected, (string?)reply.Json["message"]);
    }

    [Fact]
    public async Task RevokingAnUnknownTokenIsRefused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = await emulator.SendAsync(HttpMethod.Delete, "__emulator/integrations/Nobody", null, token: null, version: null);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("No integration or token Nobody", (string?)reply.Json["message"]);
    }
}
