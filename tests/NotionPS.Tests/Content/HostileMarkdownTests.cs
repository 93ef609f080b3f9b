using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
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

        var error = Assert.Throws<MarkdownContentException>(() => MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown.ToString()));

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
        var error = Assert.Throws<MarkdownContentException>(() => MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), Repeat(marker, 100_000) + "text"));

        Assert.Equal(MarkdownContentException.TooDeep, error.ErrorId);
        Assert.Equal(1, error.Line);
    }

    /// <summary>
    /// 5,000 items, each indented one tab more than the last (12.5 MB): every level split the next tab of every line
    /// below it and copied the rest of the line to do so, 25 copies of the input before the refusal (5.1 s; now 0.7 s).
    /// </summary>
    [Fact]
    public void AListIndentedByATabMorePerLevelThousandsOfLevelsDeepIsADepthError()
    {
        var markdown = new StringBuilder();
        for (var level = 0; level < 5_000; level++)
        {
            markdown.Append('\t', level).Append("- item\n");
        }

        var error = Assert.Throws<MarkdownContentException>(() => MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown.ToString()));

        Assert.Equal(MarkdownContentException.TooDeep, error.ErrorId);
        Assert.Equal(MarkdownToBlocks.MaxDepth + 1, error.Line);
        Assert.Contains($"nest more than {MarkdownToBlocks.MaxDepth} levels deep", error.Message);
    }

    /// <summary>The cause of the case above: a container that takes part of a tab keeps the rest of it as padding, not as a copy of the line.</summary>
    [Fact]
    public void ATabSplitByAContainerLeavesPaddingNotACopyOfTheLine()
    {
        var line = new MarkdownLine(1, "\t\t- item", 0, 0);

        var content = line.Dedent(2);

        Assert.Same(line.Text, content.Text);
        Assert.Equal(6, content.Indent);
        Assert.Equal("  \t- item", content.Rest);
        Assert.Equal('-', content.At(0));
    }

    [Fact]
    public void ExactlyTheDepthLimitIsAccepted()
    {
        var markdown = new StringBuilder();
        for (var level = 0; level <= MarkdownToBlocks.MaxDepth - 1; level++)
        {
            markdown.Append(' ', level * 2).Append("- level ").Append(level).Append('\n');
        }

        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown.ToString());

        Assert.Equal(MarkdownToBlocks.MaxDepth, ContentJson.All(blocks).Count());
    }

    [Fact]
    public void TenMegabytesOfParagraphsConvert()
    {
        var paragraph = Repeat("word ", 200) + "\n\n";
        var markdown = Repeat(paragraph, 10 * 1024 * 1024 / paragraph.Length);

        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown);

        Assert.Equal(10 * 1024 * 1024 / paragraph.Length, blocks.Count);
    }

    [Fact]
    public void TenMegabytesInOneParagraphIsATextTooLongError()
    {
        var error = Assert.Throws<MarkdownContentException>(() => MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), Repeat("x ", 5 * 1024 * 1024)));

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
    [InlineData("[a](<\\>")]
    public void PathologicalInlineRunsStayWithinOneBlocksLimit(string unit)
    {
        // 150,000 characters of one pattern: parsed in linear time, then at most one error for the block's size.
        var markdown = Repeat(unit, 150_000 / unit.Length);

        var exception = Record.Exception(() => MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown));

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

        var exception = Record.Exception(() => MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "![" + caption + "](https://e.example/a.png)"));

        Assert.True(exception is MarkdownContentException { ErrorId: MarkdownContentException.TextTooLong }, exception?.ToString());
    }

    /// <summary>
    /// A media line's caption is what CommonMark reads as the image's description: its brackets are matched once each, so
    /// 100,000 unclosed ones end (the last "[" with the destination is an empty link, and the line a paragraph), and
    /// 50,000 nested ones are the caption of an image.
    /// </summary>
    [Fact]
    public void AMediaLineOfManyBracketsEnds()
    {
        var unclosed = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "![" + Repeat("[", 100_000) + "](https://e.example/a.png)");
        var nested = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "![" + Repeat("[", 50_000) + Repeat("]", 50_000) + "](https://e.example/a.png)");

        Assert.Equal("paragraph", Assert.Single(unclosed).Type);
        Assert.Equal("![" + Repeat("[", 99_999), ContentJson.Plain(unclosed[0].Body["rich_text"]));
        Assert.Equal("image", Assert.Single(nested).Type);
        Assert.Equal(Repeat("[", 50_000) + Repeat("]", 50_000), ContentJson.Plain(nested[0].Body["caption"]));
    }

    /// <summary>A media line's destination of 100,000 escaped angle brackets is read once, as one URL, too long for Notion.</summary>
    [Fact]
    public void AMediaLineOfManyEscapedAngleBracketsIsOneUrlTooLong()
    {
        var exception = Record.Exception(() => MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "![c](<https://e.example/" + Repeat("\\<\\>", 50_000) + ">)"));

        Assert.True(exception is MarkdownContentException { ErrorId: MarkdownContentException.UrlTooLong }, exception?.ToString());
    }

    /// <summary>
    /// 100,000 open brackets before 50,000 links: each link closed makes the brackets before it unable to open a link,
    /// which walked every open bracket (5 billion steps); now a position says it. The links are read all the same.
    /// </summary>
    [Fact]
    public void ManyOpenBracketsBeforeManyLinksAreReadInLinearWork()
    {
        var spans = InlineMarkdown.Parse(Repeat("[", 100_000) + Repeat("[a](u) ", 50_000));

        Assert.Equal(Repeat("[", 100_000), spans[0].Text);
        Assert.Equal(50_000, spans.Count(span => span.Link == "u" && span.Text == "a"));
    }

    /// <summary>
    /// A table wider than Notion takes (a row's cells are one array, at most 100 in a request) is refused at its header
    /// line before any row is built: 2,000 columns of 2,000 empty rows, 10 KB of Markdown, were 4,000,000 empty cells.
    /// </summary>
    [Fact]
    public void ATableWiderThanNotionTakesIsAnErrorNamingItsHeaderLine()
    {
        var markdown = "intro\n\n" + Repeat("|", 2_001) + "\n" + Repeat("|-", 2_000) + "\n" + Repeat("|\n", 2_000);

        var error = Assert.Throws<MarkdownContentException>(() => MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown));

        Assert.Equal(MarkdownContentException.BlockTooLarge, error.ErrorId);
        Assert.Equal(3, error.Line);
        Assert.StartsWith($"Markdown line 3: this table has {2_000:N0} columns; Notion takes at most {MarkdownToBlocks.MaxTableWidth}.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A table as wide as Notion takes but of more cells than NotionPS builds (a megabyte of lines of only '|' under a
    /// 100-column header asked for gigabytes) is refused naming its header line, before its rows are built.
    /// </summary>
    [Fact]
    public void ATableOfMoreCellsThanNotionPSBuildsIsAnErrorNamingItsHeaderLine()
    {
        var width = MarkdownToBlocks.MaxTableWidth;
        var rows = MarkdownToBlocks.MaxTableCells / width;
        var markdown = Repeat("|", width + 1) + "\n" + Repeat("|-", width) + "\n" + Repeat("|\n", rows);

        var error = Assert.Throws<MarkdownContentException>(() => MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown));

        Assert.Equal(MarkdownContentException.BlockTooLarge, error.ErrorId);
        Assert.Equal(1, error.Line);
        Assert.StartsWith($"Markdown line 1: this table has {rows + 1:N0} rows of {width} columns; NotionPS takes at most {MarkdownToBlocks.MaxTableCells:N0} cells in one table.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATableAsWideAsNotionTakesIsATable()
    {
        var width = MarkdownToBlocks.MaxTableWidth;

        var table = Assert.Single(MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), Repeat("| a ", width) + "|\n" + Repeat("|-", width) + "\n" + Repeat("| b ", width) + "|\n"));

        Assert.Equal(width, table.Body["table_width"]!.GetValue<int>());
        Assert.Equal(new[] { Enumerable.Repeat("a", width), Enumerable.Repeat("b", width) }, ContentJson.Cells(table));
    }

    [Fact]
    public void ThousandsOfUnclosedFencesAndContainersEnd()
    {
        var fences = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "````\n" + Repeat("```\n", 20_000));
        Assert.Equal("code", fences.Single().Type);

        var error = Assert.Throws<MarkdownContentException>(() => MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), Repeat("<callout>\n", 20_000)));
        Assert.Equal(MarkdownContentException.Unclosed, error.ErrorId);
    }

    [Fact]
    public void ManyShortLinesOfEveryKindConvert()
    {
        var markdown = Repeat("# h\n- a\n> q\n1. n\n| a |\n|---|\n---\ntext\n\n", 20_000);

        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown);

        Assert.Equal(20_000, blocks.Count(block => block.Type == "heading_1"));
        Assert.Equal(20_000, ContentJson.All(blocks).Count(block => block.Type == "table"));
    }

    /// <summary>
    /// A cell as Notion could hold it, read as Markdown and written back (a table of that one cell and a header "h"): each
    /// ends with the same text, in time linear in its length (about_NotionPS_PageContent; NUL, which Markdown cannot hold, is U+FFFD).
    /// </summary>
    [Theory]
    [InlineData(' ', 100_000)]
    [InlineData('\t', 100_000)]
    [InlineData('|', 10_000)]
    [InlineData('|', 190_000)]
    [InlineData('\n', 90_000)]
    public void AHugeCellOfOneCharacterReadsBackTheSame(char character, int count)
    {
        var text = new string(character, count);

        Assert.Equal(text, OneCellRoundTrip(text));
    }

    [Fact]
    public void ACellOfEveryControlCharacterReadsBackTheSame()
    {
        var text = Repeat(new string(Enumerable.Range(0, 0xA0).Select(code => (char)code).Where(c => c < ' ' || c >= '\u007F').ToArray()), 1000);

        // Only what is lost everywhere: NUL, and the tab before each line feed, which is whitespace ending a line.
        Assert.Equal(text.Replace('\0', '\uFFFD').Replace("\t\n", "\n"), OneCellRoundTrip(text));
    }

    /// <summary>
    /// Markdown longer than one block's text may be, as 150,000 control characters written as character references are,
    /// is an error naming the cell's line when read back (about_NotionPS_PageContent), not other text.
    /// </summary>
    [Fact]
    public void ACellWhoseMarkdownIsTooLongIsAnErrorNotOtherText()
    {
        var markdown = OneCellMarkdown(new string('\u0001', 150_000));

        var error = Assert.Throws<MarkdownContentException>(() => MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown));

        Assert.Equal(MarkdownContentException.TextTooLong, error.ErrorId);
        Assert.Equal(3, error.Line);
    }

    private static string OneCellRoundTrip(string text)
    {
        var copy = ContentJson.Cells(Assert.Single(MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), OneCellMarkdown(text))));
        Assert.Equal("h", copy[0].Single());
        return copy[1].Single();
    }

    /// <summary>A table of a header "h" and one cell holding <paramref name="text"/>, in rich-text items as Notion splits it, as Markdown.</summary>
    private static string OneCellMarkdown(string text)
    {
        var cell = new JsonArray();
        for (var start = 0; start < text.Length; start += RichText.MaxTextLength)
        {
            var content = text.Substring(start, Math.Min(RichText.MaxTextLength, text.Length - start));
            cell.Add(new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["content"] = content }, ["plain_text"] = content });
        }

        JsonObject Row(JsonArray cellText) => new() { ["type"] = "table_row", ["table_row"] = new JsonObject { ["cells"] = new JsonArray(cellText) } };
        var table = new JsonObject
        {
            ["type"] = "table",
            ["table"] = new JsonObject { ["table_width"] = 1, ["has_column_header"] = true },
            ["children"] = new JsonArray(Row(new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = "h" }, ["plain_text"] = "h" })), Row(cell)),
        };

        return BlocksToMarkdown.Convert(ContentJson.Elements(new JsonArray(table).ToJsonString()));
    }
}
