using System.Net;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Tests;

/// <summary>A page's content: appending and listing blocks, placed by <c>position</c> or (before 2026-03-11) <c>after</c>.</summary>
public sealed class BlocksTests
{
    private static readonly string Children = $"v1/blocks/{Demo.MeetingNotesPage}/children";

    [Fact]
    public async Task AppendedBlocksAreListedInOrder()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var appended = (await emulator.PatchAsync(Children, Paragraphs("one", "two"))).Json["results"]!.AsArray();
        Assert.Equal(2, appended.Count);
        Assert.Equal("block", (string?)appended[0]!["object"]);
        Assert.Equal(Demo.MeetingNotesPage, (string?)appended[0]!["parent"]!["page_id"]);

        var listed = (await emulator.GetAsync(Children)).Json;
        Assert.Equal("block", (string?)listed["type"]);
        Assert.Equal(["one", "two"], Texts(listed));
    }

    [Theory]
    [InlineData("2025-09-03")]
    [InlineData("2026-03-11")]
    public async Task PositionPlacesBlocksAtTheStartOrAfterABlock(string version)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var first = (string)(await emulator.PatchAsync(Children, Paragraphs("a", "c"), version: version)).Json["results"]![0]!["id"]!;

        var atStart = Paragraphs("start");
        atStart["position"] = new JsonObject { ["type"] = "start" };
        Assert.Equal(HttpStatusCode.OK, (await emulator.PatchAsync(Children, atStart, version: version)).Status);
        var afterFirst = Paragraphs("b");
        afterFirst["position"] = new JsonObject { ["type"] = "after_block", ["after_block"] = new JsonObject { ["id"] = first } };
        Assert.Equal(HttpStatusCode.OK, (await emulator.PatchAsync(Children, afterFirst, version: version)).Status);

        Assert.Equal(["start", "a", "b", "c"], Texts((await emulator.GetAsync(Children, version: version)).Json));
    }

    [Fact]
    public async Task AfterPlacesBlocksIn2025ButIsRefusedFrom2026()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var first = (string)(await emulator.PatchAsync(Children, Paragraphs("a", "c"))).Json["results"]![0]!["id"]!;
        var legacy = Paragraphs("b");
        legacy["after"] = first;

        Assert.Equal(HttpStatusCode.OK, (await emulator.PatchAsync(Children, legacy)).Status);
        Assert.Equal(["a", "b", "c"], Texts((await emulator.GetAsync(Children)).Json));

        var message = (await emulator.PatchAsync(Children, legacy, version: "2026-03-11")).AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Equal("body failed validation: body.after is not supported in Notion-Version 2026-03-11; use body.position.", message);
    }

    /// <summary>A pdf, video or audio block may link its file by URL, as an image may: kept as given, read back as sent.</summary>
    [Theory]
    [InlineData("pdf", "https://files.example/q3.pdf")]
    [InlineData("video", "https://media.example/demo.mp4")]
    [InlineData("audio", "https://media.example/talk.mp3")]
    public async Task MediaBlocksLinkingAnExternalFileAreKeptAsSent(string type, string url)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var media = new JsonObject
        {
            ["type"] = "external",
            ["external"] = new JsonObject { ["url"] = url },
            ["caption"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["content"] = "Q3" } }),
        };
        var body = new JsonObject { ["children"] = new JsonArray(new JsonObject { ["object"] = "block", ["type"] = type, [type] = media }) };

        Assert.Equal(HttpStatusCode.OK, (await emulator.PatchAsync(Children, body)).Status);

        var block = (await emulator.GetAsync(Children)).Json["results"]![0]!;
        Assert.Equal(type, (string?)block["type"]);
        Assert.Equal("external", (string?)block[type]!["type"]);
        Assert.Equal(url, (string?)block[type]!["external"]!["url"]);
        Assert.Equal("Q3", (string?)block[type]!["caption"]![0]!["plain_text"]);
    }

    [Theory]
    [InlineData("2025-09-03", true)]
    [InlineData("2026-03-11", false)]
    public async Task BlocksCarryArchivedOnlyBefore2026(string version, bool hasArchived)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var block = (await emulator.PatchAsync(Children, Paragraphs("x"), version: version)).Json["results"]![0]!;
        Assert.False((bool)block["in_trash"]!);
        Assert.Equal(hasArchived, block.AsObject().ContainsKey("archived"));
    }

    [Theory]
    [InlineData("""{"children": [{"paragraph": {"rich_text": [{"text": {"content": "x"}}]}}], "position": {"type": "after_block", "after_block": {"id": "e1000000-0000-4000-8000-000000000001"}}}""")]
    [InlineData("""{"children": [{"type": "table_of_everything", "table_of_everything": {}}]}""")]
    [InlineData("""{"children": [{"paragraph": "text"}]}""")]
    [InlineData("""{"children": [{"paragraph": {"rich_text": [{"text": {"content": "x"}}]}}], "position": {"type": "middle"}}""")]
    [InlineData("""{"children": "none"}""")]
    [InlineData("""{}""")]
    public async Task BadAppendsAreValidationErrors(string body)
    {
        await using var emulator = await TestEmulator.StartAsync();
        (await emulator.PatchAsync(Children, body)).AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Empty((await emulator.GetAsync(Children)).Json["results"]!.AsArray());
    }

    [Fact]
    public async Task AppendingNeedsTheInsertCapability()
    {
        await using var emulator = await TestEmulator.StartAsync();
        (await emulator.PatchAsync(Children, Paragraphs("x"), token: Demo.ReadOnlyToken)).AssertError(HttpStatusCode.Forbidden, "restricted_resource");
    }

    private static JsonObject Paragraphs(params string[] texts) => new()
    {
        ["children"] = new JsonArray([.. texts.Select(text => (JsonNode)new JsonObject
        {
            ["object"] = "block",
            ["type"] = "paragraph",
            ["paragraph"] = new JsonObject { ["rich_text"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = text } }) },
        })]),
    };

    private static List<string> Texts(JsonNode list) =>
        [.. list["results"]!.AsArray().Select(b => (string)b!["paragraph"]!["rich_text"]![0]!["plain_text"]!)];
}
