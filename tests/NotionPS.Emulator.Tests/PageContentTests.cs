using System.Net;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Tests;

/// <summary>Page Markdown (retrieve, update, on creation, truncation), comments and moving a page.</summary>
public sealed class PageContentTests
{
    private const string Document = """
        # Release notes
        Some **bold**, *italic*, ~~gone~~, `code` and a [link](https://example.com).
        - one
        	- two
        		- three
        1. first
        2. second
        - [x] done
        - [ ] open
        > quoted
        <callout icon="⚠️" color="yellow_background">
        	Careful
        </callout>
        <details>
        <summary>More</summary>
        	Hidden text
        </details>
        ```powershell
        Get-Date
        ```
        ---
        <table header-row="true" header-column="false">
        	<tr>
        		<td>Name</td>
        		<td>Count</td>
        	</tr>
        	<tr>
        		<td>a</td>
        		<td>1</td>
        	</tr>
        </table>
        """;

    [Theory]
    [InlineData("2025-09-03")]
    [InlineData("2026-03-11")]
    public async Task MarkdownWrittenOnCreationReadsBackTheSame(string version)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var page = await CreatePageAsync(emulator, Document, version);
        var read = (await emulator.GetAsync($"v1/pages/{page}/markdown", version: version)).Json;
        Assert.Equal("page_markdown", (string?)read["object"]);
        Assert.False((bool)read["truncated"]!);
        Assert.Empty(read["unknown_block_ids"]!.AsArray());
        Assert.Equal(Document.Replace("\r\n", "\n"), (string?)read["markdown"]);

        var blocks = (await emulator.GetAsync($"v1/blocks/{page}/children", version: version)).Json["results"]!.AsArray();
        var paragraph = blocks[1]!["paragraph"]!["rich_text"]!.AsArray();
        Assert.Contains(paragraph, i => (bool)i!["annotations"]!["bold"]! && (string?)i["plain_text"] == "bold");
        Assert.Contains(paragraph, i => (string?)i!["href"] == "https://example.com");
        Assert.Contains(blocks, b => (string?)b!["type"] == "table");
    }

    /// <summary>
    /// Enhanced Markdown (v1, what Notion's guide documents for these endpoints) makes each line a block and writes a
    /// line break inside a block as &lt;br&gt;; CommonMark, and Notion-flavored Markdown v2, would make the two lines one paragraph.
    /// </summary>
    [Fact]
    public async Task EachLineIsABlockAndBrIsALineBreakInsideOne()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var page = await CreatePageAsync(emulator, "first line\nsecond line<br>same block", "2026-03-11");

        var blocks = (await emulator.GetAsync($"v1/blocks/{page}/children", version: "2026-03-11")).Json["results"]!.AsArray();

        Assert.Equal(["paragraph", "paragraph"], blocks.Select(b => (string?)b!["type"]));
        Assert.Equal("second line\nsame block", string.Concat(blocks[1]!["paragraph"]!["rich_text"]!.AsArray().Select(i => (string?)i!["plain_text"])));
    }

    [Fact]
    public async Task LongPagesAreCutWithUnknownBlocksThatCanBeFetchedOnTheirOwn()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.MarkdownBlockLimit = 3);
        var page = await CreatePageAsync(emulator, "a\nb\nc\nd\ne", TestEmulator.DefaultVersion);
        var read = (await emulator.GetAsync($"v1/pages/{page}/markdown")).Json;
        Assert.True((bool)read["truncated"]!);
        var unknown = read["unknown_block_ids"]!.AsArray();
        Assert.Equal(2, unknown.Count);
        Assert.StartsWith("a\nb\nc\n<unknown url=", (string?)read["markdown"]);

        var rest = (await emulator.GetAsync($"v1/pages/{unknown[0]}/markdown")).Json;
        Assert.Equal("d", (string?)rest["markdown"]);
    }

    [Fact]
    public async Task UnsupportedAndBookmarkBlocksAreUnknownTags()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var page = await CreatePageAsync(emulator, "text", TestEmulator.DefaultVersion);
        var bookmark = new JsonObject { ["children"] = new JsonArray(new JsonObject { ["bookmark"] = new JsonObject { ["url"] = "https://example.com" } }) };
        var id = (string)(await emulator.PatchAsync($"v1/blocks/{page}/children", bookmark)).Json["results"]![0]!["id"]!;
        var read = (await emulator.GetAsync($"v1/pages/{page}/markdown")).Json;
        Assert.Equal(id, (string?)read["unknown_block_ids"]![0]);
        Assert.Contains("alt=\"bookmark\"/>", (string?)read["markdown"]);
    }

    [Fact]
    public async Task InsertContentGoesAtTheEndTheStartOrAfterASelection()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var page = await CreatePageAsync(emulator, "# One\nbody one\n# Two\nbody two", TestEmulator.DefaultVersion);
        await UpdateAsync(emulator, page, "insert_content", new JsonObject { ["content"] = "end" });
        await UpdateAsync(emulator, page, "insert_content", new JsonObject { ["content"] = "start", ["position"] = new JsonObject { ["type"] = "start" } });
        var read = await UpdateAsync(emulator, page, "insert_content", new JsonObject { ["content"] = "middle", ["after"] = "# One...body one" });
        Assert.Equal("start\n# One\nbody one\nmiddle\n# Two\nbody two\nend", (string?)read.Json["markdown"]);

        (await UpdateAsync(emulator, page, "insert_content", new JsonObject { ["content"] = "x", ["after"] = "nowhere" })).AssertError(HttpStatusCode.BadRequest, "validation_error");
    }

    [Fact]
    public async Task ReplaceContentNeedsPermissionToDeleteChildPages()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var page = await CreatePageAsync(emulator, "old", TestEmulator.DefaultVersion);
        Assert.Equal("new", (string?)(await UpdateAsync(emulator, page, "replace_content", new JsonObject { ["new_str"] = "new" })).Json["markdown"]);

        var message = (await UpdateAsync(emulator, Demo.TeamHomePage, "replace_content", new JsonObject { ["new_str"] = "x" })).AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Contains("allow_deleting_content", message);
    }

    [Theory]
    [InlineData("```powershell\nnot closed", "line 1")]
    [InlineData("<details>\nno summary", "line 1")]
    [InlineData("text\n<page url=\"https://www.notion.so/x\">Sub</page>", "line 2")]
    public async Task MarkdownTheEmulatorCannotStoreIsAnErrorNamingTheLine(string markdown, string expected)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var body = PageBody("x");
        body["markdown"] = markdown;
        var message = (await emulator.PostAsync("v1/pages", body)).AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Contains(expected, message);
    }

    [Fact]
    public async Task UpdatingMarkdownNeedsTheUpdateCapability()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var body = new JsonObject { ["type"] = "insert_content", ["insert_content"] = new JsonObject { ["content"] = "x" } };
        (await emulator.PatchAsync($"v1/pages/{Demo.MeetingNotesPage}/markdown", body, token: Demo.ReadOnlyToken)).AssertError(HttpStatusCode.Forbidden, "restricted_resource");
    }

    [Theory]
    [InlineData("2025-09-03")]
    [InlineData("2026-03-11")]
    public async Task CommentsAreAddedToAPageRepliedToAndListed(string version)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var first = (await emulator.PostAsync("v1/comments", new JsonObject
        {
            ["parent"] = new JsonObject { ["page_id"] = Demo.MeetingNotesPage },
            ["rich_text"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = "Job failed" } }),
        }, version: version)).Json;
        Assert.Equal("comment", (string?)first["object"]);
        Assert.Equal(Demo.MeetingNotesPage, (string?)first["parent"]!["page_id"]);
        Assert.Equal(Demo.FullIntegrationName, (string?)first["display_name"]!["resolved_name"]);

        var reply = (await emulator.PostAsync("v1/comments", new JsonObject { ["discussion_id"] = first["discussion_id"]!.DeepClone(), ["markdown"] = "**retried**" }, version: version)).Json;
        Assert.Equal((string?)first["discussion_id"], (string?)reply["discussion_id"]);
        Assert.True((bool)reply["rich_text"]![0]!["annotations"]!["bold"]!);

        var listed = (await emulator.GetAsync($"v1/comments?block_id={Demo.MeetingNotesPage}&page_size=1", version: version)).Json;
        Assert.Equal("comment", (string?)listed["type"]);
        Assert.True((bool)listed["has_more"]!);
        var second = (await emulator.GetAsync($"v1/comments?block_id={Demo.MeetingNotesPage}&start_cursor={listed["next_cursor"]}", version: version)).Json;
        Assert.Equal((string?)reply["id"], (string?)second["results"]![0]!["id"]);
    }

    [Fact]
    public async Task CommentsNeedTheCommentCapabilities()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var list = (await emulator.GetAsync($"v1/comments?block_id={Demo.MeetingNotesPage}", token: Demo.ReadOnlyToken)).AssertError(HttpStatusCode.Forbidden, "restricted_resource");
        Assert.Contains("read comments", list);
        var add = (await emulator.PostAsync("v1/comments", new JsonObject { ["parent"] = new JsonObject { ["page_id"] = Demo.MeetingNotesPage }, ["markdown"] = "x" }, token: Demo.ReadOnlyToken))
            .AssertError(HttpStatusCode.Forbidden, "restricted_resource");
        Assert.Contains("insert comments", add);
    }

    [Fact]
    public async Task BadCommentsAreRefused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        (await emulator.PostAsync("v1/comments", new JsonObject { ["discussion_id"] = Guid.NewGuid().ToString(), ["markdown"] = "x" })).AssertError(HttpStatusCode.NotFound, "object_not_found");
        (await emulator.PostAsync("v1/comments", new JsonObject { ["markdown"] = "x" })).AssertError(HttpStatusCode.BadRequest, "validation_error");
        (await emulator.GetAsync("v1/comments")).AssertError(HttpStatusCode.BadRequest, "validation_error");
    }

    [Fact]
    public async Task APageMovesUnderAnotherPageOrIntoADataSource()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var page = await CreatePageAsync(emulator, "content", TestEmulator.DefaultVersion);
        var moved = (await emulator.PostAsync($"v1/pages/{page}/move", new JsonObject { ["parent"] = new JsonObject { ["page_id"] = Demo.MeetingNotesPage } })).Json;
        Assert.Equal(Demo.MeetingNotesPage, (string?)moved["parent"]!["page_id"]);
        Assert.Contains((await emulator.GetAsync($"v1/blocks/{Demo.MeetingNotesPage}/children")).Json["results"]!.AsArray(), b => (string?)b!["id"] == page);
        Assert.DoesNotContain((await emulator.GetAsync($"v1/blocks/{Demo.TeamHomePage}/children")).Json["results"]!.AsArray(), b => (string?)b!["id"] == page);

        var row = (await emulator.PostAsync($"v1/pages/{page}/move", new JsonObject { ["parent"] = new JsonObject { ["data_source_id"] = Demo.TasksDataSource } })).Json;
        Assert.Equal(Demo.TasksDataSource, (string?)row["parent"]!["data_source_id"]);
        Assert.Equal("Moved", (string?)row["properties"]!.AsObject().Select(p => p.Value!).Single(p => (string?)p["type"] == "title")["title"]![0]!["plain_text"]);
        Assert.Equal("content", (string?)(await emulator.GetAsync($"v1/pages/{page}/markdown")).Json["markdown"]);
    }

    [Fact]
    public async Task APageCannotMoveUnderItself()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var message = (await emulator.PostAsync($"v1/pages/{Demo.TeamHomePage}/move", new JsonObject { ["parent"] = new JsonObject { ["page_id"] = Demo.MeetingNotesPage } }))
            .AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Contains("under itself", message);
        (await emulator.PostAsync($"v1/pages/{Demo.MeetingNotesPage}/move", new JsonObject { ["parent"] = new JsonObject() })).AssertError(HttpStatusCode.BadRequest, "validation_error");
    }

    private static JsonObject PageBody(string title) => new()
    {
        ["parent"] = new JsonObject { ["page_id"] = Demo.TeamHomePage },
        ["properties"] = new JsonObject { ["title"] = new JsonObject { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = title } }) } },
    };

    [Fact]
    public async Task ANewPageTakesAHundredChildrenTwoLevelsDeepAndNoMore()
    {
        await using var emulator = await TestEmulator.StartAsync();
        JsonObject Paragraph(string text, params JsonObject[] children)
        {
            var content = new JsonObject { ["rich_text"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = text } }) };
            if (children.Length > 0)
            {
                content["children"] = new JsonArray([.. children]);
            }

            return new JsonObject { ["paragraph"] = content };
        }

        JsonObject WithChildren(IEnumerable<JsonObject> children)
        {
            var body = PageBody("Long");
            body["children"] = new JsonArray([.. children]);
            return body;
        }

        var hundred = Enumerable.Range(1, 99).Select(i => Paragraph($"p{i}")).Append(Paragraph("outer", Paragraph("inner", Paragraph("deepest"))));
        var created = await emulator.PostAsync("v1/pages", WithChildren(hundred));
        var tooMany = await emulator.PostAsync("v1/pages", WithChildren(Enumerable.Range(1, 101).Select(i => Paragraph($"p{i}"))));
        var tooDeep = await emulator.PostAsync("v1/pages", WithChildren([Paragraph("1", Paragraph("2", Paragraph("3", Paragraph("4"))))]));

        Assert.Equal(HttpStatusCode.OK, created.Status);
        var top = (await emulator.GetAsync($"v1/blocks/{created.Json["id"]}/children")).Json["results"]!.AsArray();
        Assert.Equal(100, top.Count);
        var inner = (await emulator.GetAsync($"v1/blocks/{top[99]!["id"]}/children")).Json["results"]![0]!;
        Assert.Equal("deepest", (string?)(await emulator.GetAsync($"v1/blocks/{inner["id"]}/children")).Json["results"]![0]!["paragraph"]!["rich_text"]![0]!["plain_text"]);
        Assert.Contains("body.children.length should be ≤ `100`, instead was `101`", tooMany.AssertError(HttpStatusCode.BadRequest, "validation_error"));
        Assert.Contains("body.children[0].paragraph.children[0].paragraph.children[0].paragraph.children", tooDeep.AssertError(HttpStatusCode.BadRequest, "validation_error"));
    }

    private static async Task<string> CreatePageAsync(TestEmulator emulator, string markdown, string version)
    {
        var body = PageBody("Moved");
        body["markdown"] = markdown;
        var reply = await emulator.PostAsync("v1/pages", body, version: version);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return (string)reply.Json["id"]!;
    }

    private static Task<Reply> UpdateAsync(TestEmulator emulator, string page, string type, JsonObject operation) =>
        emulator.PatchAsync($"v1/pages/{page}/markdown", new JsonObject { ["type"] = type, [type] = operation });
}
