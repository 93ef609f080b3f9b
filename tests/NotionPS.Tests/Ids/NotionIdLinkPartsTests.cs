using NotionPS.Ids;
using Xunit;

namespace NotionPS.Tests.Ids;

/// <summary>
/// Links whose path names a page but that point into it: Notion's "Copy link to block" puts the block after a '#', and a
/// comment's link puts its discussion in d=. Where a block or a discussion is wanted, that part is what the link names.
/// </summary>
public class NotionIdLinkPartsTests
{
    private const string Page = "92a3b4c5d6e74f1886d7e8f9a0b1c2d3";
    private const string PageDashed = "92a3b4c5-d6e7-4f18-86d7-e8f9a0b1c2d3";
    private const string Block = "4d5e6f7081924ca3b1e2f3a4b5c6d7e8";
    private const string BlockDashed = "4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8";
    private const string Discussion = "2b3c4d5e6f7041a2b3c4d5e6f7a8b9c0";
    private const string DiscussionDashed = "2b3c4d5e-6f70-41a2-b3c4-d5e6f7a8b9c0";

    public static TheoryData<string, string> BlockInputs => new()
    {
        { $"https://www.notion.so/acme/Page-Title-{Page}#{Block}", BlockDashed },
        { $"https://www.notion.so/acme/Page-Title-{Page}?pvs=4#{Block}", BlockDashed },
        { $"https://acme.notion.site/Page-Title-{Page}#{BlockDashed}", BlockDashed },
        { $"notion://www.notion.so/acme/Page-Title-{Page}#{Block}", BlockDashed },
        { $"www.notion.so/{Page}#{Block}", BlockDashed },
        { $"Page-Title-{Page}#{Block}", BlockDashed },
        { $"#{Block}", BlockDashed },

        // -After '# <block id>', as a heading is written: the spaces and tabs around the ID are no part of it.
        { $"# {Block}", BlockDashed },
        { $"#\t {BlockDashed}", BlockDashed },
        { $"Page-Title-{Page}# {Block}", BlockDashed },

        // A page is a block too: its link, with no block after a '#', names the page, as the API takes a page's ID for a block's.
        { $"https://www.notion.so/acme/Page-Title-{Page}", PageDashed },
        { $"https://www.notion.so/acme/Page-Title-{Page}?pvs=4", PageDashed },
        { Block, BlockDashed },
    };

    [Theory]
    [MemberData(nameof(BlockInputs))]
    public void ABlockIsTheIdAfterTheHashWhereThereIsOne(string input, string expected)
    {
        var parsed = Assert.IsType<ParsedNotionId>(NotionIdParser.Parse(input, NotionIdSubject.Block));

        Assert.Equal(expected, parsed.Id);
    }

    [Fact]
    public void APageIsTheIdInThePathEvenInALinkToOneOfItsBlocks()
    {
        var parsed = Assert.IsType<ParsedNotionId>(NotionIdParser.Parse($"https://www.notion.so/acme/Page-Title-{Page}#{Block}", NotionIdSubject.Page));

        Assert.Equal(PageDashed, parsed.Id);
    }

    /// <summary>A block's ID cut short after the '#' is refused, not read as the page the path names.</summary>
    [Fact]
    public void ABlockIdCutShortAfterTheHashIsRefused()
    {
        var rejected = Assert.IsType<RejectedNotionId>(NotionIdParser.Parse($"https://www.notion.so/acme/Page-Title-{Page}#{Block[..30]}", NotionIdSubject.Block));

        Assert.Equal(nameof(NotionIdProblem.MalformedId), rejected.Problem.ToString());
        Assert.Contains("30 hexadecimal characters", rejected.Message);
    }

    public static TheoryData<string, string> DiscussionInputs => new()
    {
        { $"https://www.notion.so/acme/Page-{Page}?d={Discussion}", DiscussionDashed },
        { $"https://www.notion.so/acme/Page-{Page}?d={Discussion}&pvs=4", DiscussionDashed },
        { $"https://www.notion.so/acme/Page-{Page}?pvs=4&d={DiscussionDashed}#{Block}", DiscussionDashed },
        { $"https://www.notion.so/{Page}?d={Discussion}", DiscussionDashed },
        { $"Page-{Page}?d={Discussion}", DiscussionDashed },
        { Discussion, DiscussionDashed },
        { DiscussionDashed, DiscussionDashed },
    };

    [Theory]
    [MemberData(nameof(DiscussionInputs))]
    public void ADiscussionIsTheIdInD(string input, string expected)
    {
        var parsed = Assert.IsType<ParsedNotionId>(NotionIdParser.Parse(input, NotionIdSubject.Discussion));

        Assert.Equal(expected, parsed.Id);
    }

    /// <summary>A page's link names no discussion: taking the page's ID would reply in no discussion, or the wrong one.</summary>
    [Theory]
    [InlineData($"https://www.notion.so/acme/Page-{Page}")]
    [InlineData($"https://www.notion.so/acme/Page-{Page}?pvs=4")]
    [InlineData($"https://www.notion.so/acme/Page-{Page}#{Block}")]
    [InlineData($"Page-{Page}?pvs=4")]
    public void APageLinkWithoutDIsRefusedSayingToCopyTheCommentsLink(string input)
    {
        var rejected = Assert.IsType<RejectedNotionId>(NotionIdParser.Parse(input, NotionIdSubject.Discussion));

        Assert.Equal("NoDiscussionId", rejected.Problem.ToString());
        Assert.Contains("names no discussion", rejected.Message);
        Assert.Contains("Copy link", rejected.Message);
        Assert.Contains("DiscussionId", rejected.Message);
    }

    [Fact]
    public void ADInALinkIsNoDatabaseOrPage()
    {
        var link = $"https://www.notion.so/acme/Page-{Page}?d={Discussion}";

        Assert.Equal(PageDashed, Assert.IsType<ParsedNotionId>(NotionIdParser.Parse(link, NotionIdSubject.Page)).Id);
        Assert.Equal(PageDashed, Assert.IsType<ParsedNotionId>(NotionIdParser.Parse(link, NotionIdSubject.Block)).Id);
    }
}
