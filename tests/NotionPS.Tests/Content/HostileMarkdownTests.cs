using System;
using System.Linq;
using System.Text;
using NotionPS.Content;
using Xunit;

namespace NotionPS.Tests.Content;

/// <summary>Input meant to crash the parser or make it quadratic: each case must end, with blocks or with a clear error.</summary>
public class HostileMarkdownTests
{
    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    [Fact]
    public void A100000LevelNestedListIsADepthErrorNotAStackOverflow()
    {
        var markdown = new StringBuilder();
        for (var level = 0; level < 100_000; level++)
        {
            markdown.Append(' ', Math.Min(level, 200) * 2).Append("- item\n");
        }

        var error = Assert.Throws<MarkdownContentException>(() => MarkdownToBlocks.Convert(markdown.ToString()));

        Assert.Equal(MarkdownContentException.TooDeep, error.ErrorId);
        Assert.Equal(MarkdownToBlocks.MaxDepth + 1, error.Line);
    }

    [Theory]
    [InlineData("- ")]
    [InlineData(">")]
    [InlineData("> ")]
    [InlineData("1. ")]
    public void A100000LevelMarkerRunOnOneLineIsADepthError(string marker)
    {
        var error = Assert.Throws<MarkdownContentException>(() => MarkdownToBlocks.Convert(Repeat(marker, 100_000) + "text"));

        Assert.Equal(MarkdownContentException.TooDeep, error.ErrorId);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void ExactlyTheDepthLimitIsAccepted()
    {
        var markdown = new StringBuilder();
        for (var level = 0; level <= MarkdownToBlocks.MaxDepth - 1; level++)
        {
            markdown.Append(' ', level * 2).Append("- level ").Append(level).Append('\n');
        }

        var blocks = MarkdownToBlocks.Convert(markdown.ToString());

        Assert.Equal(MarkdownToBlocks.MaxDepth, ContentJson.All(blocks).Count());
    }

    [Fact]
    public void TenMegabytesOfParagraphsConvert()
    {
        var paragraph = Repeat("word ", 200) + "\n\n";
        var markdown = Repeat(paragraph, 10 * 1024 * 1024 / paragraph.Length);

        var blocks = MarkdownToBlocks.Convert(markdown);

        Assert.Equal(10 * 1024 * 1024 / paragraph.Length, blocks.Count);
    }

    [Fact]
    public void TenMegabytesInOneParagraphIsATextTooLongError()
    {
        var error = Assert.Throws<MarkdownContentException>(() => MarkdownToBlocks.Convert(Repeat("x ", 5 * 1024 * 1024)));

        Assert.Equal(MarkdownContentException.TextTooLong, error.ErrorId);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("**a")]
    [InlineData("_a_b")]
    [InlineData("*a **b ")]
    [InlineData("[a](")]
    [InlineData("[")]
    [InlineData("](")]
    [InlineData("`")]
    [InlineData("` `` ")]
    [InlineData("<http:")]
    [InlineData("![[")]
    [InlineData("~~a ")]
    public void PathologicalInlineRunsStayWithinOneBlocksLimit(string unit)
    {
        // 150,000 characters of one pattern: parsed in linear time, then at most one error for the block's size.
        var markdown = Repeat(unit, 150_000 / unit.Length);

        var exception = Record.Exception(() => MarkdownToBlocks.Convert(markdown));

        Assert.True(exception == null || exception is MarkdownContentException { ErrorId: MarkdownContentException.TextTooLong }, exception?.ToString());
    }

    [Fact]
    public void AMediaLineOfUnclosedBacktickRunsOfEveryLengthEnds()
    {
        // Runs of 1 to 1,500 backticks, none closed: each looks for its closer in an index, not by scanning the rest of the line.
        var caption = new StringBuilder();
        for (var length = 1; length <= 1_500; length++)
        {
            caption.Append('`', length).Append(' ');
        }

        var exception = Record.Exception(() => MarkdownToBlocks.Convert("![" + caption + "](https://e.example/a.png)"));

        Assert.True(exception is MarkdownContentException { ErrorId: MarkdownContentException.TextTooLong }, exception?.ToString());
    }

    [Fact]
    public void ThousandsOfUnclosedFencesAndContainersEnd()
    {
        var fences = MarkdownToBlocks.Convert("````\n" + Repeat("```\n", 20_000));
        Assert.Equal("code", fences.Single().Type);

        var error = Assert.Throws<MarkdownContentException>(() => MarkdownToBlocks.Convert(Repeat("<callout>\n", 20_000)));
        Assert.Equal(MarkdownContentException.Unclosed, error.ErrorId);
    }

    [Fact]
    public void ManyShortLinesOfEveryKindConvert()
    {
        var markdown = Repeat("# h\n- a\n> q\n1. n\n| a |\n|---|\n---\ntext\n\n", 20_000);

        var blocks = MarkdownToBlocks.Convert(markdown);

        Assert.Equal(20_000, blocks.Count(block => block.Type == "heading_1"));
        Assert.Equal(20_000, ContentJson.All(blocks).Count(block => block.Type == "table"));
    }
}
