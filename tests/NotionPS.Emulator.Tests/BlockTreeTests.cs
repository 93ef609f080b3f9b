using System.Net;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Tests;

/// <summary>Blocks as Notion has them: every modelled type, nested children, one block read, changed and trashed.</summary>
public sealed class BlockTreeTests
{
    private static readonly string PageChildren = $"v1/blocks/{Demo.MeetingNotesPage}/children";

    [Fact]
    public async Task EveryModelledTypeIsStoredWithNotionsDefaults()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var body = Children(
            Text("paragraph", "p"), Text("heading_1", "h1"), Text("heading_2", "h2"), Text("heading_3", "h3"),
            Text("bulleted_list_item", "b"), Text("numbered_list_item", "n"), Text("to_do", "t"), Text("toggle", "tg"),
            Text("quote", "q"), Text("callout", "c"),
            Block("code", new JsonObject { ["rich_text"] = RichText("Get-Date"), ["language"] = "powershell" }),
            Block("divider", []),
            Table(2, true, ["a", "b"], ["1", "2"]),
            Block("image", new JsonObject { ["type"] = "external", ["external"] = new JsonObject { ["url"] = "https://example.com/i.png" } }),
            Block("file", new JsonObject { ["type"] = "external", ["external"] = new JsonObject { ["url"] = "https://example.com/f.pdf" } }),
            Block("bookmark", new JsonObject { ["url"] = "https://example.com" }),
            Block("embed", new JsonObject { ["url"] = "https://example.com/e" }));
        var results = (await emulator.PatchAsync(PageChildren, body)).Json["results"]!.AsArray();

        Assert.Equal(17, results.Count);
        Assert.Equal("default", (string?)results[0]!["paragraph"]!["color"]);
        Assert.False((bool)results[1]!["heading_1"]!["is_toggleable"]!);
        Assert.False((bool)results[6]!["to_do"]!["checked"]!);
        Assert.Equal("💡", (string?)results[9]!["callout"]!["icon"]!["emoji"]);
        Assert.Equal("powershell", (string?)results[10]!["code"]!["language"]);
        Assert.Empty(results[10]!["code"]!["caption"]!.AsArray());
        Assert.True((bool)results[12]!["has_children"]!);
        Assert.True((bool)results[12]!["table"]!["has_column_header"]!);
        Assert.Equal("https://example.com/i.png", (string?)results[13]!["image"]!["external"]!["url"]);

        var rows = (await emulator.GetAsync($"v1/blocks/{results[12]!["id"]}/children")).Json["results"]!.AsArray();
        Assert.Equal("table_row", (string?)rows[0]!["type"]);
        Assert.Equal("b", (string?)rows[0]!["table_row"]!["cells"]![1]![0]!["plain_text"]);
        Assert.Equal((string?)results[12]!["id"], (string?)rows[0]!["parent"]!["block_id"]);
    }

    [Fact]
    public async Task ChildrenNestTwoLevelsPerRequestAndDeeperByAppendingToABlock()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var twoLevels = Children(Nest(Text("toggle", "1"), Nest(Text("toggle", "2"), Text("paragraph", "3"))));
        var top = (await emulator.PatchAsync(PageChildren, twoLevels)).Json["results"]![0]!;
        Assert.True((bool)top["has_children"]!);

        var level2 = (await emulator.GetAsync($"v1/blocks/{top["id"]}/children")).Json["results"]![0]!;
        Assert.Equal("2", (string?)level2["toggle"]!["rich_text"]![0]!["plain_text"]);
        var level3 = (await emulator.GetAsync($"v1/blocks/{level2["id"]}/children")).Json["results"]![0]!;
        Assert.Equal("3", (string?)level3["paragraph"]!["rich_text"]![0]!["plain_text"]);
        Assert.False((bool)level3["has_children"]!);

        Assert.Equal(HttpStatusCode.OK, (await emulator.PatchAsync($"v1/blocks/{level3["id"]}/children", Children(Text("paragraph", "4")))).Status);
        Assert.True((bool)(await emulator.GetAsync($"v1/blocks/{level3["id"]}")).Json["has_children"]!);
    }

    [Fact]
    public async Task ThreeLevelsInOneRequestAreRefusedAndNothingIsStored()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var threeLevels = Children(Nest(Text("toggle", "1"), Nest(Text("toggle", "2"), Nest(Text("toggle", "3"), Text("paragraph", "4")))));
        var message = (await emulator.PatchAsync(PageChildren, threeLevels)).AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Contains("body.children[0].toggle.children[0].toggle.children[0].toggle.children", message);
        Assert.Empty((await emulator.GetAsync(PageChildren)).Json["results"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"children": [{"code": {"rich_text": [], "language": "klingon"}}]}""", "language")]
    [InlineData("""{"children": [{"code": {"rich_text": []}}]}""", "body.children[0].code.language should be defined")]
    [InlineData("""{"children": [{"table": {"table_width": 2, "children": [{"table_row": {"cells": [[]]}}]}}]}""", "Number of cells in table row must match")]
    [InlineData("""{"children": [{"table": {"table_width": 2}}]}""", "table.children")]
    [InlineData("""{"children": [{"table_row": {"cells": [[]]}}]}""", "table rows can only be children of a table")]
    [InlineData("""{"children": [{"divider": {"children": [{"paragraph": {"rich_text": []}}]}}]}""", "a divider block has no children")]
    [InlineData("""{"children": [{"heading_1": {"rich_text": [], "children": [{"paragraph": {"rich_text": []}}]}}]}""", "not toggleable")]
    [InlineData("""{"children": [{"type": "child_page", "child_page": {"title": "x"}}]}""", "POST /v1/pages")]
    [InlineData("""{"children": [{"type": "unsupported", "unsupported": {}}]}""", "body.children[0].type")]
    [InlineData("""{"children": [{"paragraph": {"rich_text": "text"}}]}""", "body.children[0].paragraph.rich_text should be an array")]
    [InlineData("""{"children": [{"to_do": {"rich_text": [], "checked": "yes"}}]}""", "checked should be a boolean")]
    public async Task BadBlocksAreValidationErrorsNamingThePlace(string body, string expected)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var message = (await emulator.PatchAsync(PageChildren, body)).AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Contains(expected, message);
    }

    [Fact]
    public async Task MoreThanAThousandBlockElementsInOneRequestAreRefused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var toggles = Enumerable.Range(0, 100).Select(i => Nest(Text("toggle", $"{i}"), [.. Enumerable.Range(0, 10).Select(j => Text("paragraph", $"{i}.{j}"))])).ToArray();
        var message = (await emulator.PatchAsync(PageChildren, Children(toggles))).AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Contains("1100", message);
    }

    [Fact]
    public async Task ABlockIsReadUpdatedTrashedAndRestored()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = (string)(await emulator.PatchAsync(PageChildren, Children(Text("to_do", "ship"), Text("paragraph", "next")))).Json["results"]![0]!["id"]!;

        var read = (await emulator.GetAsync($"v1/blocks/{id}")).Json;
        Assert.Equal("to_do", (string?)read["type"]);
        Assert.Equal(Demo.MeetingNotesPage, (string?)read["parent"]!["page_id"]);

        var update = new JsonObject { ["to_do"] = new JsonObject { ["checked"] = true } };
        var updated = (await emulator.PatchAsync($"v1/blocks/{id}", update)).Json;
        Assert.True((bool)updated["to_do"]!["checked"]!);
        Assert.Equal("ship", (string?)updated["to_do"]!["rich_text"]![0]!["plain_text"]);

        var deleted = (await emulator.SendAsync(HttpMethod.Delete, $"v1/blocks/{id}", null)).Json;
        Assert.True((bool)deleted["in_trash"]!);
        Assert.Single((await emulator.GetAsync(PageChildren)).Json["results"]!.AsArray());
        (await emulator.PatchAsync($"v1/blocks/{id}", update)).AssertError(HttpStatusCode.BadRequest, "validation_error");

        Assert.False((bool)(await emulator.PatchAsync($"v1/blocks/{id}", new JsonObject { ["in_trash"] = false })).Json["in_trash"]!);
        Assert.Equal(2, (await emulator.GetAsync(PageChildren)).Json["results"]!.AsArray().Count);
    }

    [Fact]
    public async Task AnUpdateCannotChangeTheType()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = (string)(await emulator.PatchAsync(PageChildren, Children(Text("paragraph", "x")))).Json["results"]![0]!["id"]!;
        var message = (await emulator.PatchAsync($"v1/blocks/{id}", new JsonObject { ["quote"] = new JsonObject { ["rich_text"] = RichText("y") } }))
            .AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Contains("cannot change", message);
    }

    [Fact]
    public async Task ChangingOrDeletingNeedsUpdateAndReadingNeedsAVisibleBlock()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = (string)(await emulator.PatchAsync(PageChildren, Children(Text("paragraph", "x")))).Json["results"]![0]!["id"]!;
        (await emulator.SendAsync(HttpMethod.Delete, $"v1/blocks/{id}", null, token: Demo.ReadOnlyToken)).AssertError(HttpStatusCode.Forbidden, "restricted_resource");
        (await emulator.PatchAsync($"v1/blocks/{id}", new JsonObject { ["in_trash"] = true }, token: Demo.ReadOnlyToken)).AssertError(HttpStatusCode.Forbidden, "restricted_resource");
        (await emulator.GetAsync($"v1/blocks/{Guid.NewGuid()}")).AssertError(HttpStatusCode.NotFound, "object_not_found");
    }

    [Fact]
    public async Task ChildrenArePagedWithCursors()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.PatchAsync(PageChildren, Children([.. Enumerable.Range(0, 5).Select(i => Text("paragraph", $"{i}"))]));
        var first = (await emulator.GetAsync($"{PageChildren}?page_size=2")).Json;
        Assert.True((bool)first["has_more"]!);
        var second = (await emulator.GetAsync($"{PageChildren}?page_size=2&start_cursor={first["next_cursor"]}")).Json;
        Assert.Equal("2", (string?)second["results"]![0]!["paragraph"]!["rich_text"]![0]!["plain_text"]);
    }

    [Fact]
    public async Task SubpagesAndDatabasesAreChildPageAndChildDatabaseBlocks()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var children = (await emulator.GetAsync($"v1/blocks/{Demo.TeamHomePage}/children")).Json["results"]!.AsArray();
        var meetingNotes = children.Single(b => (string?)b!["id"] == Demo.MeetingNotesPage)!;
        Assert.Equal("child_page", (string?)meetingNotes["type"]);
        Assert.Equal("Meeting Notes", (string?)meetingNotes["child_page"]!["title"]);
        Assert.Equal("child_database", (string?)children.Single(b => (string?)b!["id"] == Demo.TasksDatabase)!["type"]);

        Assert.Equal("child_page", (string?)(await emulator.GetAsync($"v1/blocks/{Demo.MeetingNotesPage}")).Json["type"]);
    }

    [Fact]
    public async Task AnnotationsAndLinksAreKept()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var item = new JsonObject
        {
            ["text"] = new JsonObject { ["content"] = "docs", ["link"] = new JsonObject { ["url"] = "https://example.com" } },
            ["annotations"] = new JsonObject { ["bold"] = true, ["color"] = "red" },
        };
        var block = (await emulator.PatchAsync(PageChildren, Children(Block("paragraph", new JsonObject { ["rich_text"] = new JsonArray(item) })))).Json["results"]![0]!;
        var stored = block["paragraph"]!["rich_text"]![0]!;
        Assert.True((bool)stored["annotations"]!["bold"]!);
        Assert.False((bool)stored["annotations"]!["italic"]!);
        Assert.Equal("red", (string?)stored["annotations"]!["color"]);
        Assert.Equal("https://example.com", (string?)stored["href"]);
    }

    [Fact]
    public async Task CreatingAPageStoresItsChildren()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var body = new JsonObject
        {
            ["parent"] = new JsonObject { ["page_id"] = Demo.TeamHomePage },
            ["properties"] = new JsonObject { ["title"] = new JsonObject { ["title"] = RichText("Report") } },
            ["children"] = new JsonArray(Nest(Text("toggle", "details"), Text("paragraph", "inside")), Text("paragraph", "after")),
        };
        var page = (await emulator.PostAsync("v1/pages", body)).Json;
        var children = (await emulator.GetAsync($"v1/blocks/{page["id"]}/children")).Json["results"]!.AsArray();
        Assert.Equal(["toggle", "paragraph"], children.Select(b => (string)b!["type"]!));
        Assert.True((bool)children[0]!["has_children"]!);

        var listed = (await emulator.GetAsync($"v1/blocks/{Demo.TeamHomePage}/children")).Json["results"]!.AsArray();
        Assert.Contains(listed, b => (string?)b!["id"] == (string?)page["id"]);
    }

    [Fact]
    public async Task ChildrenAndMarkdownTogetherAreRefused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var body = new JsonObject
        {
            ["parent"] = new JsonObject { ["page_id"] = Demo.TeamHomePage },
            ["properties"] = new JsonObject(),
            ["children"] = new JsonArray(Text("paragraph", "x")),
            ["markdown"] = "x",
        };
        (await emulator.PostAsync("v1/pages", body)).AssertError(HttpStatusCode.BadRequest, "validation_error");
    }

    [Fact]
    public async Task SeededBlocksNestAnyDepthAndKeepUnsupported()
    {
        var seed = """
        {
          "integrations": [{"name": "Seeded", "token": "t"}],
          "pages": [{"id": "11111111-1111-4111-8111-111111111111", "title": "Doc", "sharedWith": ["Seeded"], "blocks": [
            {"id": "22222222-2222-4222-8222-222222222222", "toggle": {"rich_text": [{"text": {"content": "1"}}], "children": [
              {"toggle": {"rich_text": [{"text": {"content": "2"}}], "children": [
                {"toggle": {"rich_text": [{"text": {"content": "3"}}], "children": [{"paragraph": {"rich_text": [{"text": {"content": "4"}}]}}]}}]}}]}},
            {"type": "unsupported", "unsupported": {}}
          ]}]
        }
        """;
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, seed);
        await using var emulator = await TestEmulator.StartAsync(o => o.SeedPath = path);
        var top = (await emulator.GetAsync("v1/blocks/11111111-1111-4111-8111-111111111111/children", token: "t")).Json["results"]!.AsArray();
        Assert.Equal("22222222-2222-4222-8222-222222222222", (string?)top[0]!["id"]);
        Assert.Equal("unsupported", (string?)top[1]!["type"]);
        File.Delete(path);
    }

    private static JsonObject Children(params JsonObject[] blocks) => new() { ["children"] = new JsonArray([.. blocks]) };

    private static JsonObject Block(string type, JsonObject content) => new() { ["type"] = type, [type] = content };

    private static JsonObject Text(string type, string text) => Block(type, new JsonObject { ["rich_text"] = RichText(text) });

    private static JsonArray RichText(string text) => [new JsonObject { ["text"] = new JsonObject { ["content"] = text } }];

    private static JsonObject Nest(JsonObject block, params JsonObject[] children)
    {
        block[(string)block["type"]!]!["children"] = new JsonArray([.. children]);
        return block;
    }

    private static JsonObject Table(int width, bool header, params string[][] rows) => Block("table", new JsonObject
    {
        ["table_width"] = width,
        ["has_column_header"] = header,
        ["children"] = new JsonArray([.. rows.Select(cells => (JsonNode)Block("table_row", new JsonObject
        {
            ["cells"] = new JsonArray([.. cells.Select(c => (JsonNode)RichText(c))]),
        }))]),
    });
}
