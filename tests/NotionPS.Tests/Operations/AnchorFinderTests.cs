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
    [Fact]
    public async Task ATablesRowsAreNotListedForAHeading()
    {
        var table = "{\"object\":\"block\",\"id\":\"table1\",\"type\":\"table\",\"has_children\":true,\"table\":{\"table_width\":1}}";
        var toggle = "{\"object\":\"block\",\"id\":\"toggle1\",\"type\":\"toggle\",\"has_children\":true,\"toggle\":{\"rich_text\":[]}}";
        var handler = new ScriptedHandler(Ok(List(table, toggle)), Ok(List(Heading("h1", "Steps"))));
        var finder = new AnchorFinder(NewClient(handler, new FakeClock()), new RecordingLog());

        var anchor = await finder.FindAsync("page1", "Steps", CancellationToken.None);

        Assert.Equal(("toggle1", "h1"), (anchor.ParentId, anchor.BlockId));
        Assert.Equal(new[] { "GET v1/blocks/page1/children?page_size=100", "GET v1/blocks/toggle1/children?page_size=100" }, NotionAnswers.Sent(handler));
    }

    [Fact]
    public async Task ABlockWhoseParentsLoopBackLeadsToNoPageAndTheWalkStops()
    {
        static string Block(string id, string parent) =>
            $"{{\"object\":\"block\",\"id\":\"{id}\",\"type\":\"paragraph\",\"parent\":{{\"type\":\"block_id\",\"block_id\":\"{parent}\"}},\"paragraph\":{{\"rich_text\":[]}}}}";
        var anchorId = "11111111-1111-4111-8111-111111111111";
        var aboveId = "22222222-2222-4222-8222-222222222222";
        var handler = new ScriptedHandler(Ok(Block(anchorId, aboveId)), Ok(Block(aboveId, anchorId)));
        var finder = new AnchorFinder(NewClient(handler, new FakeClock()), new RecordingLog());

        var refused = await Assert.ThrowsAsync<PageInputException>(() => finder.FindAsync("33333333-3333-4333-8333-333333333333", anchorId, CancellationToken.None));

        Assert.Equal(NotionPS.Errors.NotionErrorIds.NotionPageAnchorOnOtherPage, refused.ErrorId);
        Assert.Equal(2, NotionAnswers.Sent(handler).Length);
    }

    [Fact]
    public async Task ANotFoundHeadingListsTheFirstTwentyHeadingsAndCountsTheRest()
    {
        var headings = new string[25];
        for (var i = 0; i < headings.Length; i++)
        {
            headings[i] = Heading("h" + i, "Part " + i);
        }

        var finder = new AnchorFinder(NewClient(new ScriptedHandler(Ok(List(headings))), new FakeClock()), new RecordingLog());

        var refused = await Assert.ThrowsAsync<PageInputException>(() => finder.FindAsync("page1", "Steps", CancellationToken.None));

        Assert.EndsWith("\"Part 19\" and 5 more.", refused.Message);
        Assert.DoesNotContain("Part 20", refused.Message);
    }
}
