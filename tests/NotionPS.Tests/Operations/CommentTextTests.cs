using System.Linq;
using NotionPS.Operations;
using Xunit;

namespace NotionPS.Tests.Operations;

/// <summary>A comment's Markdown as Notion's rich text, within its limits.</summary>
public class CommentTextTests
{
    [Fact]
    public void InlineFormattingBecomesAnnotationsAndLinks()
    {
        var items = CommentText.ToRichText("a **b** [c](https://example.com/c) `d`");

        Assert.Equal(new[] { "a ", "b", " ", "c", " ", "d" }, items.Select(item => (string?)item!["text"]!["content"]));
        Assert.True((bool)items[1]!["annotations"]!["bold"]!);
        Assert.Equal("https://example.com/c", (string?)items[3]!["text"]!["link"]!["url"]);
        Assert.True((bool)items[5]!["annotations"]!["code"]!);
    }

    [Fact]
    public void TextOverTwoThousandCharactersIsSplitIntoItems()
    {
        var items = CommentText.ToRichText(new string('z', 4001));

        Assert.Equal(new[] { 2000, 2000, 1 }, items.Select(item => ((string?)item!["text"]!["content"])!.Length));
    }

    [Theory]
    [InlineData("   ", "NotionCommentEmpty")]
    [InlineData("\n", "NotionCommentEmpty")]
    public void AnEmptyCommentIsRefused(string text, string errorId)
    {
        Assert.Equal(errorId, Assert.Throws<CommentTextException>(() => CommentText.ToRichText(text)).ErrorId);
    }

    [Fact]
    public void MoreThanAHundredItemsOrALinkTooLongIsRefused()
    {
        var tooMany = Assert.Throws<CommentTextException>(() => CommentText.ToRichText(string.Concat(Enumerable.Repeat("**b** p ", 51))));
        var longLink = Assert.Throws<CommentTextException>(() => CommentText.ToRichText($"[x](https://example.com/{new string('a', 2000)})"));

        Assert.Equal("NotionCommentTooLong", tooMany.ErrorId);
        Assert.Equal("NotionCommentUrlTooLong", longLink.ErrorId);
    }

    [Theory]
    [InlineData("see [the spec](./spec.md)", "./spec.md")]
    [InlineData("see [top](#top)", "#top")]
    [InlineData("write to [Ada](mailto:ada@example.com)", "mailto:ada@example.com")]
    [InlineData("run [this](javascript:alert(1))", "javascript:alert(1)")]
    public void ALinkNotionDoesNotTakeIsRefusedBeforeAnyRequest(string text, string url)
    {
        var error = Assert.Throws<CommentTextException>(() => CommentText.ToRichText(text));

        Assert.Equal("NotionCommentInvalidUrl", error.ErrorId);
        Assert.StartsWith($"The link '{url}' in the comment is not a web address", error.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("see [the spec](https://example.com/spec)")]
    [InlineData("see [the page](/4d5e6f7081924ca3b1e2f3a4b5c6d7e8)")]
    [InlineData("not a link: \\[x\\](./spec.md)")]
    public void ALinkNotionTakesIsSent(string text)
    {
        Assert.NotEmpty(CommentText.ToRichText(text));
    }
}
