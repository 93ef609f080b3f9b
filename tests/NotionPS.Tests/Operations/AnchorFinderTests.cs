using System.Threading;
using System.Threading.Tasks;
using NotionPS.Operations;
using NotionPS.Tests.Client;
using Xunit;
using static NotionPS.Tests.Client.NotionClientTests;

namespace NotionPS.Tests.Operations;

/// <summary>What finding an -After anchor reads, against the scripted handler: blocks the emulator does not model.</summary>
public class AnchorFinderTests
{
    private static string List(params string[] blocks) =>
        "{\"object\":\"list\",\"results\":[" + string.Join(",", blocks) + "],\"has_more\":false,\"next_cursor\":null}";

    private static string Heading(string id, string text) =>
        $"{{\"object\":\"block\",\"id\":\"{id}\",\"type\":\"heading_2\",\"has_children\":false,\"heading_2\":{{\"rich_text\":[{{\"plain_text\":\"{text}\"}}]}}}}";

    [Fact]
    public async Task ASyncedBlockShowingAnotherOnesContentIsNotReadIntoButAnOriginalIs()
    {
        var reference = "{\"object\":\"block\",\"id\":\"ref1\",\"type\":\"synced_block\",\"has_children\":true,\"synced_block\":{\"synced_from\":{\"type\":\"block_id\",\"block_id\":\"orig9\"}}}";
        var original = "{\"object\":\"block\",\"id\":\"orig1\",\"type\":\"synced_block\",\"has_children\":true,\"synced_block\":{\"synced_from\":null}}";
        var handler = new ScriptedHandler(Ok(List(reference, original)), Ok(List(Heading("h1", "Steps"))));
        var finder = new AnchorFinder(NewClient(handler, new FakeClock()), new RecordingLog());

        var anchor = await finder.FindAsync("page1", "Steps", CancellationToken.None);

        Assert.Equal(("orig1", "h1"), (anchor.ParentId, anchor.BlockId));
        Assert.Equal(new[] { "GET v1/blocks/page1/children?page_size=100", "GET v1/blocks/orig1/children?page_size=100" }, NotionAnswers.Sent(handler));
    }
}
