using System;
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

/// <summary>-Replace's delete phase against the scripted handler: a failure says what changed, or that nothing did.</summary>
public class PageContentWriterTests
{
    private static Task<int> Replace(ScriptedHandler handler, string markdown) =>
        new PageContentWriter(NewClient(handler, new FakeClock()), new RecordingLog())
            .ReplaceAsync("page1", MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown), Array.Empty<NotionPS.Operations.Files.ContentFile>(), CancellationToken.None);

    [Fact]
    public async Task ClearingAPageWhoseFirstDeleteFailsIsNotionsOwnErrorForNothingChanged()
    {
        var handler = new ScriptedHandler(Ok(Results("old1", "old2")), Error(403, "restricted_resource", "refused"));

        var failure = await Assert.ThrowsAsync<NotionApiException>(() => Replace(handler, string.Empty));

        Assert.Equal("NotionRestrictedResource", failure.ErrorId);
    }

    [Fact]
    public async Task ClearingAPageThatStopsMidwaySaysHowManyOldBlocksWentWithoutNamingNewContent()
    {
        var handler = new ScriptedHandler(Ok(Results("old1", "old2", "old3")), Ok("{}"), Error(404, "object_not_found", "gone"));

        var failure = await Assert.ThrowsAsync<PageWriteException>(() => Replace(handler, string.Empty));

        Assert.StartsWith("Page page1: 1 of the 3 old top-level blocks were moved to the trash; block old2 and the 1 after it were not.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFirstDeleteFailingAfterTheNewContentWasWrittenSaysTheNewContentIsThere()
    {
        var handler = new ScriptedHandler(Ok(Results("old1", "old2")), Ok(Results("new1")), Error(404, "object_not_found", "gone"));

        var failure = await Assert.ThrowsAsync<PageWriteException>(() => Replace(handler, "# hi"));

        Assert.StartsWith("Page page1: the new content (1 blocks) was written at the end, and 0 of the 2 old top-level blocks were moved to the trash; block old1 and the 1 after it were not.", failure.Message, StringComparison.Ordinal);
    }
}
