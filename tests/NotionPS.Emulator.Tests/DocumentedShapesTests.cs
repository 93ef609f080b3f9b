using System.Net;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Tests;

/// <summary>
/// Where the emulator once differed from Notion's API reference: link URLs over 2,000 characters, text cut at 25
/// items, the rollup property item (the 10,000-row cap's <c>incomplete_reason</c> is in <see cref="QueryCapTests"/>).
/// </summary>
public sealed class DocumentedShapesTests
{
    [Theory]
    [InlineData("title")]
    [InlineData("rich_text")]
    public async Task ALinkUrlOver2000CharactersIsAValidationError(string type)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var property = type == "title" ? "Name" : "Notes";

        var atLimit = await emulator.PostAsync("v1/pages", NewTask(property, type, LinkedText(2000)));
        Assert.Equal(HttpStatusCode.OK, atLimit.Status);
        Assert.Equal(2000, ((string?)atLimit.Json["properties"]![property]![type]![0]!["href"])!.Length);

        var message = (await emulator.PostAsync("v1/pages", NewTask(property, type, LinkedText(2001)))).AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Equal($"body failed validation: body.properties.{property}.{type}[0].text.link.url.length should be ≤ `2000`, instead was `2001`.", message);
    }

    [Fact]
    public async Task ALinkUrlOver2000CharactersInABlockIsAValidationErrorToo()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var body = new JsonObject
        {
            ["children"] = new JsonArray(new JsonObject { ["type"] = "paragraph", ["paragraph"] = new JsonObject { ["rich_text"] = new JsonArray(LinkedText(2001)) } }),
        };
        var message = (await emulator.PatchAsync($"v1/blocks/{Demo.MeetingNotesPage}/children", body)).AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Contains("text.link.url.length should be ≤ `2000`, instead was `2001`.", message);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("rich_text")]
    public async Task APageObjectKeepsEveryPlainTextItem(string type)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var property = type == "title" ? "Name" : "Notes";
        var items = new JsonArray([.. Enumerable.Range(0, 40).Select(i => (JsonNode)new JsonObject { ["text"] = new JsonObject { ["content"] = $"part {i} " } })]);

        var created = (await emulator.PostAsync("v1/pages", NewTask(property, type, [.. items.Select(i => i!.DeepClone())]))).Json;
        var read = (await emulator.GetAsync($"v1/pages/{created["id"]}")).Json;

        Assert.Equal(40, created["properties"]![property]![type]!.AsArray().Count);
        Assert.Equal(40, read["properties"]![property]![type]!.AsArray().Count);
        Assert.Equal("part 39 ", (string?)read["properties"]![property]![type]![39]!["plain_text"]);
    }

    [Fact]
    public async Task APageObjectCutsOnlyPageAndPersonMentionsAt25()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var notes = new JsonArray();
        for (var i = 0; i < 30; i++)
        {
            notes.Add(JsonNode.Parse($$$"""{"type": "mention", "mention": {"type": "user", "user": {"object": "user", "id": "{{{Demo.Ada}}}"}}, "plain_text": "@Ada", "href": null}"""));
            notes.Add(JsonNode.Parse($$"""{"type": "text", "text": {"content": " and {{i}} "}, "plain_text": " and {{i}} ", "href": null}"""));
        }

        notes.Add(JsonNode.Parse("""{"type": "mention", "mention": {"type": "date", "date": {"start": "2026-01-01"}}, "plain_text": "2026-01-01", "href": null}"""));
        var ids = await emulator.AdminAsync(HttpMethod.Post, $"data_sources/{Demo.TasksDataSource}/rows", new JsonObject
        {
            ["rows"] = new JsonArray(new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Mentions", ["Notes"] = notes } }),
        });

        var text = (await emulator.GetAsync($"v1/pages/{ids!["ids"]![0]}")).Json["properties"]!["Notes"]!["rich_text"]!.AsArray();

        Assert.Equal(25, text.Count(i => (string?)i!["mention"]?["type"] == "user"));
        Assert.Equal(30, text.Count(i => (string?)i!["type"] == "text"));
        Assert.Equal("date", (string?)text[^1]!["mention"]!["type"]);
    }

    [Fact]
    public async Task AnAggregatedRollupIsAPagedListOfItsRelationWithTheValueInPropertyItem()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var first = (await emulator.GetAsync($"v1/pages/{Demo.FirstTaskRow}/properties/totl?page_size=1")).Json;
        var second = (await emulator.GetAsync($"v1/pages/{Demo.FirstTaskRow}/properties/totl?page_size=1&start_cursor={first["next_cursor"]}")).Json;

        foreach (var list in new[] { first, second })
        {
            Assert.Equal("list", (string?)list["object"]);
            Assert.Equal("property_item", (string?)list["type"]);
            Assert.Equal("rollup", (string?)list["property_item"]!["type"]);
            Assert.Equal(14, (double?)list["property_item"]!["rollup"]!["number"]);
            Assert.Equal("sum", (string?)list["property_item"]!["rollup"]!["function"]);
        }

        Assert.True((bool?)first["has_more"]);
        Assert.False((bool?)second["has_more"]);
        Assert.NotNull(first["property_item"]!["next_url"]);
        var related = first["results"]!.AsArray().Concat(second["results"]!.AsArray()).ToList();
        Assert.All(related, item => Assert.Equal("relation", (string?)item!["type"]));
        Assert.Equal(["e1000000-0000-4000-8000-000000000006", "e1000000-0000-4000-8000-000000000010"], related.Select(item => (string?)item!["relation"]!["id"]));
    }

    [Fact]
    public async Task AShowOriginalRollupListsTheRolledUpValuesWithAnEmptyArrayInPropertyItem()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var database = await emulator.AdminAsync(HttpMethod.Post, "databases", JsonNode.Parse($$"""
            {"title": "Rollups", "parent": "{{Demo.TeamHomePage}}",
             "dataSources": [{"properties": {"Name": {"type": "title"}, "Estimates": {"type": "rollup", "id": "ests", "function": "show_original"} },
                              "rows": [{"properties": {"Name": "A", "Estimates":
                                  {"type": "array", "array": [{"type": "number", "number": 5}, {"type": "number", "number": 1}], "function": "show_original"} } }]}]}
            """));
        var rows = (await emulator.PostAsync($"v1/data_sources/{database!["dataSources"]![0]}/query", new JsonObject())).Json["results"]!.AsArray();

        var list = (await emulator.GetAsync($"v1/pages/{rows.Single()!["id"]}/properties/ests")).Json;

        Assert.Equal("list", (string?)list["object"]);
        Assert.Equal([5.0, 1.0], list["results"]!.AsArray().Select(item => (double)item!["number"]!));
        Assert.All(list["results"]!.AsArray(), item => Assert.Equal("property_item", (string?)item!["object"]));
        Assert.Equal("array", (string?)list["property_item"]!["rollup"]!["type"]);
        Assert.Empty(list["property_item"]!["rollup"]!["array"]!.AsArray());
        Assert.Equal("show_original", (string?)list["property_item"]!["rollup"]!["function"]);
    }

    private static JsonObject LinkedText(int urlLength) => new()
    {
        ["text"] = new JsonObject
        {
            ["content"] = "see here",
            ["link"] = new JsonObject { ["url"] = "https://example.com/" + new string('a', urlLength - "https://example.com/".Length) },
        },
    };

    private static JsonObject NewTask(string property, string type, params JsonNode[] items) => new()
    {
        ["parent"] = new JsonObject { ["data_source_id"] = Demo.TasksDataSource },
        ["properties"] = new JsonObject
        {
            ["Name"] = new JsonObject { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = "Task" } }) },
            [property] = new JsonObject { [type] = new JsonArray(items) },
        },
    };
}
