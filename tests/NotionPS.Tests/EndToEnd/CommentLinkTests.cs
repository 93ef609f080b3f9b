using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// The links a person copies in Notion for a block ("Copy link to block": the page, then '#' and the block) and for a
/// comment (the page, then d= and the discussion) name that block and that discussion, not the page.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class CommentLinkTests(EmulatorFixture emulator) : RowsTestBase(emulator)
{
    private const string Version = "2026-03-11";

    [Fact]
    public async Task GetNotionCommentBlockIdTakesTheBlockOfACopiedBlockLink()
    {
        Connect(Version);
        var page = await NewPageAsync("Block link");
        var setup = Session.Run(
            "$block = (Invoke-NotionApi \"v1/blocks/$page/children\" -Method PATCH -Body @{ children = @(@{ type = 'paragraph'; paragraph = @{ rich_text = @(@{ text = @{ content = 'p' } }) } }) }).results[0].id\n" +
            "$null = Invoke-NotionApi v1/comments -Method POST -Body @{ parent = @{ block_id = $block }; rich_text = @(@{ text = @{ content = 'on the block' } }) }\n" +
            "$null = Add-NotionComment -PageId $page -Text 'on the page'\n" +
            "$block",
            Vars(("page", page)));
        Assert.Empty(setup.Errors);
        var block = (string)setup.Output.Single().BaseObject;
        var link = $"https://www.notion.so/acme/Block-link-{Undashed(page)}#{Undashed(block)}";

        var read = Session.Run("(Get-NotionComment -BlockId $link).Text", Vars(("link", link)));

        Assert.Empty(read.Errors);
        Assert.Equal("on the block", Assert.Single(read.Output).BaseObject);
    }

    [Fact]
    public async Task AddNotionCommentDiscussionIdTakesTheDiscussionOfACopiedCommentLink()
    {
        Connect(Version);
        var page = await NewPageAsync("Discussion link");
        var setup = Session.Run("$first = Add-NotionComment -PageId $page -Text 'first'; $null = Add-NotionComment -PageId $page -Text 'other'; $first.DiscussionId", Vars(("page", page)));
        Assert.Empty(setup.Errors);
        var discussion = (string)setup.Output.Single().BaseObject;
        var link = $"https://www.notion.so/acme/Discussion-link-{Undashed(page)}?d={Undashed(discussion)}&pvs=4";

        var reply = Session.Run("(Add-NotionComment -PageId $page -DiscussionId $link -Text 'reply').DiscussionId", Vars(("page", page), ("link", link)));

        Assert.Empty(reply.Errors);
        Assert.Equal(discussion, Assert.Single(reply.Output).BaseObject);
    }

    /// <summary>A page's link names no discussion: refused before anything is sent, saying what to copy.</summary>
    [Fact]
    public async Task AddNotionCommentDiscussionIdRefusesAPageLinkSayingToCopyTheCommentsLink()
    {
        Connect(Version);
        var page = await NewPageAsync("No discussion");
        var link = $"https://www.notion.so/acme/No-discussion-{Undashed(page)}?pvs=4";

        var refused = Session.Run("Add-NotionComment -PageId $page -DiscussionId $link -Text 'reply'; @(Get-NotionComment -PageId $page).Count", Vars(("page", page), ("link", link)));

        var error = Assert.Single(refused.Errors);
        Assert.StartsWith("InvalidNotionUrl,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(link, error.TargetObject);
        Assert.Contains("names no discussion", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Copy link", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, Assert.Single(refused.Output).BaseObject);
    }

    private static string Undashed(string id) => id.Replace("-", string.Empty, StringComparison.Ordinal);
}
