using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Content;
using NotionPS.Operations;
using NotionPS.Tests.Client;
using Xunit;
using static NotionPS.Tests.Client.NotionClientTests;
using static NotionPS.Tests.Operations.NotionAnswers;

namespace NotionPS.Tests.Operations;

/// <summary>Content written in planned requests, against the scripted handler: where each goes, and a failure midway.</summary>
public class ContentAppenderTests
{
    [Fact]
    public async Task AFailureMidwaySaysWhichLinesAreOnThePageAndWhichAreNot()
    {
        // 250 paragraphs, on lines 1, 3, ..., 499: three requests of 100, 100 and 50.
        var markdown = string.Join("\n\n", Enumerable.Range(1, 250).Select(i => $"p{i}"));
        var handler = new ScriptedHandler(Ok(BlockIds("a", 100)), Error(500, "internal_server_error", "boom"));
        var appender = new ContentAppender(NewClient(handler, new FakeClock()), new RecordingLog());

        var failure = await Assert.ThrowsAsync<PageWriteException>(() => appender.AppendAsync("page1", "page1", MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown), null, "Page page1:", CancellationToken.None));

        Assert.Equal(2, handler.Requests.Count);
        Assert.StartsWith(
            "Page page1: 100 of 250 blocks were written (1 of 3 requests): the blocks starting on Markdown lines 1-199. Request 2 failed, so the blocks starting on lines 201-499 were not written.",
            failure.Message,
            StringComparison.Ordinal);
        Assert.Equal("NotionServerError", failure.Cause.ErrorId);
        Assert.Equal("NotionPageContentIncomplete", failure.ErrorId);
    }

    [Theory]
    [InlineData(404, "object_not_found", "NotionObjectNotFound")]
    [InlineData(403, "restricted_resource", "NotionRestrictedResource")]
    [InlineData(401, "unauthorized", "NotionUnauthorized")]
    [InlineData(500, "internal_server_error", "NotionServerError")]
    public async Task TheFirstRequestFailingIsNotionsOwnErrorForNothingWasWritten(int status, string code, string errorId)
    {
        var handler = new ScriptedHandler(Error(status, code, "refused"));
        var appender = new ContentAppender(NewClient(handler, new FakeClock()), new RecordingLog());

        var failure = await Assert.ThrowsAsync<NotionApiException>(() => appender.AppendAsync("page1", "page1", MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "# hi"), null, "Page page1:", CancellationToken.None));

        Assert.Equal(errorId, failure.ErrorId);
        Assert.DoesNotContain("Markdown lines", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 0)]
    public async Task EachRequestsLinesAreToldOnlyWhenVerboseIsShown(bool verbose, int told)
    {
        var handler = new ScriptedHandler(Ok(BlockIds("a", 100)), Ok(BlockIds("b", 50)));
        var log = new RecordingLog { IsVerboseEnabled = verbose };

        await new ContentAppender(NewClient(handler, new FakeClock()), log).AppendAsync(
            "page1", "page1", MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), string.Join("\n\n", Enumerable.Range(1, 150).Select(i => $"p{i}"))), null, "Page page1:", CancellationToken.None);

        Assert.Equal(told, log.VerboseLines.Count(line => line.StartsWith("Appending", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ChildrenDeeperThanARequestNestsGoInALaterRequestUnderTheBlockItsAnswerNamed()
    {
        var handler = new ScriptedHandler(
            Ok(Results("a")),       // "a" alone: its descendants go deeper than one request nests
            Ok(Results("b")));      // "b" holding "c" holding "d", appended under a
        var appender = new ContentAppender(NewClient(handler, new FakeClock()), new RecordingLog());

        var written = await appender.AppendAsync("page1", "page1", MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "- a\n  - b\n    - c\n      - d"), null, "Page page1:", CancellationToken.None);

        Assert.Equal(4, written);
        Assert.Equal(new[] { "PATCH v1/blocks/page1/children", "PATCH v1/blocks/a/children" }, NotionAnswers.Sent(handler));
        var b = JsonNode.Parse(handler.Requests[1].Body!)!["children"]![0]!;
        Assert.Equal("d", (string?)b["bulleted_list_item"]!["children"]![0]!["bulleted_list_item"]!["children"]![0]!["bulleted_list_item"]!["rich_text"]![0]!["text"]!["content"]);
    }

    [Fact]
    public async Task UnderANestedParentTheFirstRequestGoesAfterTheAnchorThereAndDeeperLevelsUnderTheNewBlock()
    {
        var handler = new ScriptedHandler(Ok(Results("a")), Ok(Results("b")));
        var appender = new ContentAppender(NewClient(handler, new FakeClock(), "2025-09-03"), new RecordingLog());

        var written = await appender.AppendAsync("page1", "toggle1", MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "- a\n  - b\n    - c\n      - d"), "x1", "Page page1:", CancellationToken.None);

        Assert.Equal(4, written);
        Assert.Equal(new[] { "PATCH v1/blocks/toggle1/children", "PATCH v1/blocks/a/children" }, NotionAnswers.Sent(handler));
        Assert.Equal("x1", (string?)JsonNode.Parse(handler.Requests[0].Body!)!["after"]);
        Assert.Null(JsonNode.Parse(handler.Requests[1].Body!)!["after"]);
    }

    [Fact]
    public async Task ChildrenPastAnArraysHundredBelowTheTopGoUnderTheBlockListedForThem()
    {
        var handler = new ScriptedHandler(
            Ok(Results("a")),                   // "a" holding "b" holding its first 100 children
            Ok(Results("b")),                   // the children of a, listed to find b
            Ok(BlockIds("c", 20)));   // b's other 20 children, appended under it
        var appender = new ContentAppender(NewClient(handler, new FakeClock()), new RecordingLog());
        var markdown = "- a\n  - b\n" + string.Concat(Enumerable.Range(1, 120).Select(i => $"    - c{i}\n"));

        var written = await appender.AppendAsync("page1", "page1", MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown), null, "Page page1:", CancellationToken.None);

        Assert.Equal(122, written);
        Assert.Equal(new[] { "PATCH v1/blocks/page1/children", "GET v1/blocks/a/children?page_size=100", "PATCH v1/blocks/b/children" }, NotionAnswers.Sent(handler));
    }

    [Theory]
    [InlineData("2025-09-03", "{\"after\":\"x1\"}")]
    [InlineData("2026-03-11", "{\"position\":{\"type\":\"after_block\",\"after_block\":{\"id\":\"x1\"}}}")]
    public async Task LaterBatchesGoAfterTheLastBlockOfTheBatchBefore(string apiVersion, string firstPlacement)
    {
        var markdown = string.Join("\n\n", Enumerable.Range(1, 150).Select(i => $"p{i}"));
        var handler = new ScriptedHandler(Ok(BlockIds("n", 100)), Ok(BlockIds("m", 50)));
        var appender = new ContentAppender(NewClient(handler, new FakeClock(), apiVersion), new RecordingLog());

        await appender.AppendAsync("page1", "page1", MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown), "x1", "Page page1:", CancellationToken.None);

        var first = JsonNode.Parse(handler.Requests[0].Body!)!.AsObject();
        first.Remove("children");
        Assert.Equal(firstPlacement, first.ToJsonString());
        var second = JsonNode.Parse(handler.Requests[1].Body!)!.AsObject();
        Assert.Contains("n100", second.ToJsonString(), StringComparison.Ordinal);
    }
}
