using System.Net;

namespace NotionPS.Emulator.Tests;

/// <summary><c>GET /v1/custom_emojis</c>: the workspace's custom emojis, paged and filtered by exact name.</summary>
public sealed class CustomEmojisTests
{
    [Fact]
    public async Task ListsTheWorkspacesCustomEmojisWithIdNameAndUrl()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var list = (await emulator.GetAsync("v1/custom_emojis")).Json;

        Assert.Equal("list", (string?)list["object"]);
        Assert.Equal("custom_emoji", (string?)list["type"]);
        Assert.False((bool?)list["has_more"]);
        Assert.Null(list["next_cursor"]);
        Assert.Equal(["acme-rocket", "acme-party", "shipped"], list["results"]!.AsArray().Select(e => (string?)e!["name"]));
        Assert.Equal($$$"""{"id":"{{{Demo.CustomEmoji}}}","name":"acme-rocket","url":"https://acme.example/emoji/acme-rocket.png"}""", list["results"]![0]!.ToJsonString());
    }

    [Fact]
    public async Task PagesByStartCursorAndPageSize()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var first = (await emulator.GetAsync("v1/custom_emojis?page_size=2")).Json;
        var second = (await emulator.GetAsync($"v1/custom_emojis?page_size=2&start_cursor={first["next_cursor"]}")).Json;

        Assert.Equal(["acme-rocket", "acme-party"], first["results"]!.AsArray().Select(e => (string?)e!["name"]));
        Assert.True((bool?)first["has_more"]);
        Assert.Equal(["shipped"], second["results"]!.AsArray().Select(e => (string?)e!["name"]));
        Assert.False((bool?)second["has_more"]);
        Assert.Null(second["next_cursor"]);
    }

    [Theory]
    [InlineData("acme-party", new[] { "acme-party" })]
    [InlineData("ACME-PARTY", new string[0])]
    [InlineData("acme", new string[0])]
    public async Task NameFiltersByExactMatch(string name, string[] expected)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var list = (await emulator.GetAsync($"v1/custom_emojis?name={Uri.EscapeDataString(name)}")).Json;

        Assert.Equal(expected, list["results"]!.AsArray().Select(e => (string?)e!["name"]));
        Assert.False((bool?)list["has_more"]);
    }

    [Theory]
    [InlineData("page_size=0", "query.page_size should be a number between 1 and 100, instead was `\"0\"`")]
    [InlineData("page_size=101", "query.page_size should be a number between 1 and 100")]
    [InlineData("page_size=ten", "query.page_size should be a number between 1 and 100")]
    [InlineData("start_cursor=ce0e0000-0000-4000-8000-0000000000ff", "start_cursor provided is invalid")]
    public async Task ABadPageSizeOrCursorIsAValidationError(string query, string expected)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.GetAsync($"v1/custom_emojis?{query}");

        Assert.Contains(expected, reply.AssertError(HttpStatusCode.BadRequest, "validation_error"));
    }

    /// <summary>A custom emoji is the workspace's, not a page's: an integration with nothing shared and only the read capability sees them all.</summary>
    [Fact]
    public async Task EveryTokenOfTheWorkspaceSeesThemAllAndNoTokenNone()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var readOnly = (await emulator.GetAsync("v1/custom_emojis", token: Demo.ReadOnlyToken)).Json;
        var anonymous = await emulator.GetAsync("v1/custom_emojis", token: null);

        Assert.Equal(3, readOnly["results"]!.AsArray().Count);
        anonymous.AssertError(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
