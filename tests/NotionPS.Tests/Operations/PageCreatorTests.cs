using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Content;
using NotionPS.Ids;
using NotionPS.Operations;
using NotionPS.Tests.Client;
using Xunit;
using static NotionPS.Tests.Client.NotionClientTests;
using static NotionPS.Tests.Operations.NotionAnswers;

namespace NotionPS.Tests.Operations;

/// <summary>A new page with content, against the scripted handler: the create carries the first request's blocks, and failures say what was written.</summary>
public class PageCreatorTests
{
    private const string NewPage = """{"object":"page","id":"n1","parent":{"type":"page_id","page_id":"p1"},"properties":{}}""";

    /// <summary>Paragraphs p1, p2, ... on lines 1, 3, 5, ...</summary>
    private static string Paragraphs(int count) => string.Join("\n\n", Enumerable.Range(1, count).Select(i => $"p{i}"));

    private static Task<NotionPage> Create(ScriptedHandler handler, string markdown, PageParentKind kind = PageParentKind.Unknown, string apiVersion = "2025-09-03") =>
        new PageCreator(NewClient(handler, new FakeClock(), apiVersion), new RecordingLog())
            .CreateAsync(new PageParent("p1", kind), "Long", Array.Empty<KeyValuePair<string, object?>>(), null, MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown), Array.Empty<NotionPS.Operations.Files.ContentFile>(), CancellationToken.None);

    private static JsonObject Body(ScriptedHandler handler, int request) => JsonNode.Parse(handler.Requests[request].Body!)!.AsObject();

    [Theory]
    [InlineData("2025-09-03")]
    [InlineData("2026-03-11")]
    public async Task AThousandParagraphsAreOneLookupOneCreateWithTheFirstHundredAndNineAppendsAtTheEnd(string apiVersion)
    {
        var handler = new ScriptedHandler([Ok(Page), Ok(NewPage), .. Enumerable.Range(0, 9).Select(i => Ok(BlockIds($"b{i}-", 100)))]);

        var page = await Create(handler, Paragraphs(1000), apiVersion: apiVersion);

        Assert.Equal("n1", page.PageId);
        Assert.Equal(new[] { "GET v1/pages/p1", "POST v1/pages" }.Concat(Enumerable.Repeat("PATCH v1/blocks/n1/children", 9)), Sent(handler));
        var created = Body(handler, 1)["children"]!.AsArray();
        Assert.Equal((100, "p1", "p100"), (created.Count, Text(created[0]!), Text(created[99]!)));
        Assert.Equal("p101", Text(Body(handler, 2)["children"]![0]!));
        Assert.All(Enumerable.Range(2, 9).Select(i => Body(handler, i)), body => Assert.Equal(new[] { "children" }, body.Select(member => member.Key)));
    }

    [Fact]
    public async Task ACreateThatFailsWritesNothingAndIsNotionsRefusal()
    {
        var handler = new ScriptedHandler(Ok(Page), Error(400, "validation_error", "body failed validation."));

        var refusal = await Assert.ThrowsAsync<NotionApiException>(() => Create(handler, Paragraphs(150)));

        Assert.Equal("body failed validation.", refusal.ApiMessage);
        Assert.Equal(new[] { "GET v1/pages/p1", "POST v1/pages" }, Sent(handler));
    }

    [Fact]
    public async Task AnAppendFailingAfterTheCreateCountsTheCreatesLinesAsWritten()
    {
        // 250 paragraphs on lines 1-499: the create carries lines 1-199, the first append 201-399, the second fails.
        var handler = new ScriptedHandler(Ok(Page), Ok(NewPage), Ok(BlockIds("a", 100)), Error(500, "internal_server_error", "boom"));

        var failure = await Assert.ThrowsAsync<PageWriteException>(() => Create(handler, Paragraphs(250)));

        Assert.StartsWith(
            "Page \"Long\" (n1) was created, and of its content 200 of 250 blocks were written (2 of 3 requests): the blocks starting on Markdown lines 1-399. Request 3 failed, so the blocks starting on lines 401-499 were not written.",
            failure.Message,
            StringComparison.Ordinal);
        Assert.Equal(("NotionPageContentIncomplete", "n1", "NotionServerError"), (failure.ErrorId, failure.PageId, failure.Cause.ErrorId));
    }

    [Fact]
    public async Task TheFirstAppendFailingLeavesOnlyTheCreatesLines()
    {
        var handler = new ScriptedHandler(Ok(NewPage), Error(500, "internal_server_error", "boom"));

        var failure = await Assert.ThrowsAsync<PageWriteException>(() => Create(handler, Paragraphs(150), PageParentKind.Page));

        Assert.StartsWith(
            "Page \"Long\" (n1) was created, and of its content 100 of 150 blocks were written (1 of 2 requests): the blocks starting on Markdown lines 1-199. Request 2 failed, so the blocks starting on lines 201-299 were not written.",
            failure.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChildrenDeeperThanTheCreateNestsGoInALaterRequestUnderTheBlockListedFromThePage()
    {
        var handler = new ScriptedHandler(
            Ok(NewPage),            // the page, with "a" alone: its descendants go deeper than one request nests
            Ok(Results("a")),       // the page's blocks, listed to find a
            Ok(Results("b")));      // "b" holding "c" holding "d", appended under a

        await Create(handler, "- a\n  - b\n    - c\n      - d", PageParentKind.Page);

        Assert.Equal(new[] { "POST v1/pages", "GET v1/blocks/n1/children?page_size=100", "PATCH v1/blocks/a/children" }, Sent(handler));
        Assert.Null(Body(handler, 0)["children"]![0]!["bulleted_list_item"]!["children"]);
        Assert.Equal("d", Text(Body(handler, 2)["children"]![0]!["bulleted_list_item"]!["children"]![0]!["bulleted_list_item"]!["children"]![0]!));
    }

    private static string? Text(JsonNode block) => (string?)block[(string)block["type"]!]!["rich_text"]![0]!["text"]!["content"];
}
