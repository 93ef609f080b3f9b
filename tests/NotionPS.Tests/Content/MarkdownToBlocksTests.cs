using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using NotionPS.Content;
using NotionPS.Operations.Files;
using Xunit;

namespace NotionPS.Tests.Content;

public class MarkdownToBlocksTests
{
    private static string Text(string content) => $$$"""{"type":"text","text":{"content":"{{{content}}}"}}""";

    [Fact]
    public void HeadingsParagraphsAndDividerBecomeTheirBlocks()
    {
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "# One\n## Two\n### Three\n#### Four\n\nText\n\n---\n");

        Assert.Equal(
            "[" + string.Join(",",
                $$$"""{"object":"block","type":"heading_1","heading_1":{"rich_text":[{{{Text("One")}}}]}}""",
                $$$"""{"object":"block","type":"heading_2","heading_2":{"rich_text":[{{{Text("Two")}}}]}}""",
                $$$"""{"object":"block","type":"heading_3","heading_3":{"rich_text":[{{{Text("Three")}}}]}}""",
                $$$"""{"object":"block","type":"heading_3","heading_3":{"rich_text":[{{{Text("Four")}}}]}}""",
                $$$"""{"object":"block","type":"paragraph","paragraph":{"rich_text":[{{{Text("Text")}}}]}}""",
                """{"object":"block","type":"divider","divider":{}}""") + "]",
            ContentJson.Json(blocks));
    }

    [Fact]
    public void InlineFormattingBecomesAnnotationsAndLinks()
    {
        var block = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "**b** *i* `c` ~~s~~ [l](https://x.example)").Single();

        Assert.Equal(
            """[{"type":"text","text":{"content":"b"},"annotations":{"bold":true}},{"type":"text","text":{"content":" "}},{"type":"text","text":{"content":"i"},"annotations":{"italic":true}},{"type":"text","text":{"content":" "}},{"type":"text","text":{"content":"c"},"annotations":{"code":true}},{"type":"text","text":{"content":" "}},{"type":"text","text":{"content":"s"},"annotations":{"strikethrough":true}},{"type":"text","text":{"content":" "}},{"type":"text","text":{"content":"l","link":{"url":"https://x.example"}}}]""",
            block.Body["rich_text"]!.ToJsonString());
    }

    [Fact]
    public void NestedListsOfAnyKindBecomeATree()
    {
        var markdown = "- a\n  - b\n    1. c\n       - [ ] d\n       - [x] e\n- f\n";

        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown);

        Assert.Equal(new[] { "bulleted_list_item", "bulleted_list_item" }, blocks.Select(block => block.Type));
        var b = blocks[0].Children.Single();
        Assert.Equal("bulleted_list_item", b.Type);
        var c = b.Children.Single();
        Assert.Equal("numbered_list_item", c.Type);
        Assert.Equal(new[] { "to_do", "to_do" }, c.Children.Select(block => block.Type));
        Assert.Equal(new bool?[] { false, true }, c.Children.Select(block => (bool?)block.Body["checked"]));
        Assert.Equal("d", c.Children[0].Body["rich_text"]![0]!["text"]!["content"]!.GetValue<string>());
        Assert.Equal(6, blocks[1].Line);
    }

    [Fact]
    public void TabIndentedChildrenAsNotionWritesThemNestToo()
    {
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "- parent\n\t- child\n\t\t- grandchild\n");

        Assert.Equal("grandchild", blocks.Single().Children.Single().Children.Single().Body["rich_text"]![0]!["text"]!["content"]!.GetValue<string>());
    }

    /// <summary>CommonMark's tab examples (spec 0.31, examples 5 to 7 and 9): a tab a container splits leaves its other columns as spaces.</summary>
    [Theory]
    [InlineData("- foo\n\n\t\tbar\n", "bulleted_list_item:foo/code:  bar")]
    [InlineData(">\t\tfoo\n", "quote:/code:  foo")]
    [InlineData("-\t\tfoo\n", "bulleted_list_item:/code:  foo")]
    [InlineData(" - foo\n   - bar\n\t - baz\n", "bulleted_list_item:foo/bulleted_list_item:bar/bulleted_list_item:baz")]
    public void ATabSplitByAContainerLeavesItsOtherColumnsAsSpaces(string markdown, string expected)
    {
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown);

        Assert.Equal(expected, string.Join("/", ContentJson.All(blocks).Select(block => block.Type + ":" + ContentJson.Plain(block.Body["rich_text"]))));
    }

    [Fact]
    public void AListItemCarriesParagraphsAndCodeAsChildren()
    {
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "1. step\n\n   more text\n\n   ```ps1\n   Get-Date\n   ```\n");

        var item = blocks.Single();
        Assert.Equal("numbered_list_item", item.Type);
        Assert.Equal(new[] { "paragraph", "code" }, item.Children.Select(block => block.Type));
        Assert.Equal("powershell", item.Children[1].Body["language"]!.GetValue<string>());
    }

    [Fact]
    public void QuotesHoldTheirTextAndChildren()
    {
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "> said\n> on two lines\n>\n> - and a list\n");

        var quote = blocks.Single();
        Assert.Equal("quote", quote.Type);
        Assert.Equal("said\non two lines", RichText.Plain(RichText.FromJson(System.Text.Json.JsonDocument.Parse(quote.Body["rich_text"]!.ToJsonString()).RootElement)));
        Assert.Equal("bulleted_list_item", quote.Children.Single().Type);
    }

    [Theory]
    [InlineData("<callout icon=\"⚠️\" color=\"red_background\">\n\tCareful\n\t- first\n</callout>\n")]
    [InlineData("::: callout {icon=\"⚠️\" color=\"red_bg\"}\nCareful\n- first\n:::\n")]
    public void CalloutsInNotionsEnhancedMarkdownForms(string markdown)
    {
        var callout = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown).Single();

        Assert.Equal("callout", callout.Type);
        Assert.Equal("""{"rich_text":[{"type":"text","text":{"content":"Careful"}}],"icon":{"type":"emoji","emoji":"⚠️"},"color":"red_background"}""", callout.Body.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal("bulleted_list_item", callout.Children.Single().Type);
    }

    [Fact]
    public void TogglesAndToggleHeadingsCarryChildren()
    {
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "<details>\n<summary>More</summary>\n\tHidden\n</details>\n\n## Section {toggle=\"true\"}\n\tInside\n");

        Assert.Equal("toggle", blocks[0].Type);
        Assert.Equal("paragraph", blocks[0].Children.Single().Type);
        Assert.Equal("heading_2", blocks[1].Type);
        Assert.True(blocks[1].Body["is_toggleable"]!.GetValue<bool>());
        Assert.Equal("paragraph", blocks[1].Children.Single().Type);
    }

    [Theory]
    [InlineData("```python\nx\n```", "python")]
    [InlineData("```PowerShell\nx\n```", "powershell")]
    [InlineData("```cs\nx\n```", "c#")]
    [InlineData("```llvm-ir\nx\n```", "llvm ir")]
    [InlineData("```brainfuck\nx\n```", "plain text")]
    [InlineData("```\nx\n```", "plain text")]
    [InlineData("~~~yaml extra words\nx\n~~~", "yaml")]
    [InlineData("    indented code", "plain text")]
    public void CodeBlocksMapTheirLanguageToNotionsNames(string markdown, string language)
    {
        var code = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown).Single();

        Assert.Equal("code", code.Type);
        Assert.Equal(language, code.Body["language"]!.GetValue<string>());
    }

    [Fact]
    public void AnUnclosedFenceRunsToTheEndAndLosesNothing()
    {
        var code = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "```js\nlet a = 1;\n\n# not a heading\n").Single();

        Assert.Equal("let a = 1;\n\n# not a heading\n", code.Body["rich_text"]![0]!["text"]!["content"]!.GetValue<string>() + "\n");
    }

    [Fact]
    public void GfmTablesBecomeTableAndRows()
    {
        var table = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "| Name | Count |\n|:-----|------:|\n| **a** | 1 |\n| b \\| c |\n").Single();

        Assert.Equal("""{"table_width":2,"has_column_header":true,"has_row_header":false}""", table.Body.ToJsonString());
        Assert.Equal(3, table.Children.Count);
        Assert.All(table.Children, row => Assert.Equal("table_row", row.Type));
        Assert.Equal("""[[{"type":"text","text":{"content":"a"},"annotations":{"bold":true}}],[{"type":"text","text":{"content":"1"}}]]""", table.Children[1].Body["cells"]!.ToJsonString());
        Assert.Equal("""[[{"type":"text","text":{"content":"b | c"}}],[]]""", table.Children[2].Body["cells"]!.ToJsonString());
    }

    /// <summary>
    /// A row wider than its header loses its extra cells, as GFM says, but not without a word: a warning names the line and
    /// the escape, since the common case is a | in code. An extra cell that is empty loses nothing and is not reported.
    /// </summary>
    [Fact]
    public void ATableRowWiderThanItsHeaderKeepsGfmsCellsAndWarnsNamingTheLine()
    {
        var log = new NotionPS.Tests.Client.RecordingLog();

        var table = MarkdownToBlocks.Convert(log, "| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n| x | `c|d` |\n| y | z | |\n").Single();

        Assert.Equal(4, table.Children.Count);
        Assert.Equal("""[[{"type":"text","text":{"content":"1"}}],[{"type":"text","text":{"content":"2"}}]]""", table.Children[1].Body["cells"]!.ToJsonString());
        Assert.Collection(
            log.WarningLines,
            line => Assert.StartsWith("Line 3: this table row has 3 cells but the table 2 columns, so 1 cell(s) with text are left out", line),
            line => Assert.Contains("Line 4: ", line));
        Assert.All(log.WarningLines, line => Assert.Contains("\\|", line));
    }

    /// <summary>
    /// As GFM reads a cell: \| is a pipe before the inline markup is read (in a code span and a URL too), and only spaces and
    /// tabs pad a cell. A backslash right before a pipe escapes it even when another backslash comes before (\\|, also
    /// closing a row), as cmark-gfm, which renders GitHub's Markdown, reads it: its cell scanner takes the longest match.
    /// </summary>
    [Theory]
    [InlineData("| `a\\|b` |", "a|b", true)]
    [InlineData("| [x](https://e.example/?q=a\\|b) |", "x", false)]
    [InlineData("| \\\\| |", "|", false)]
    [InlineData("| a \\\\|", "a |", false)]
    [InlineData("|\t&#32;a\u00A0 \t|", " a\u00A0", false)]
    [InlineData("| \u000Bb\u2003 |", "\u000Bb\u2003", false)]
    [InlineData("| line one <br> line two |", "line one\nline two", false)]
    [InlineData("| a\t<br/> \tb <br />&#32;c |", "a\nb\n c", false)]
    public void ACellIsReadAsGfmReadsIt(string row, string text, bool code)
    {
        var table = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "| h |\n| --- |\n" + row + "\n").Single();

        var item = table.Children[1].Body["cells"]![0]![0]!;
        Assert.Equal(text, item["text"]!["content"]!.GetValue<string>());
        Assert.Equal(code, item["annotations"]?["code"]?.GetValue<bool>() == true);
        if (row.Contains("https", System.StringComparison.Ordinal))
        {
            Assert.Equal("https://e.example/?q=a|b", item["text"]!["link"]!["url"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("# \u00A0a\u2003\n", "\u00A0a\u2003")]
    [InlineData("# a\u00A0 {toggle=\"true\"}\n", "a\u00A0")]
    [InlineData("#\t a \t#\n", "a")]
    public void AHeadingLosesOnlyTheSpacesAndTabsAroundIt(string markdown, string text)
    {
        var heading = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown).Single();

        Assert.Equal(text, heading.Body["rich_text"]![0]!["text"]!["content"]!.GetValue<string>());
    }

    /// <summary>
    /// Braces ending a heading are Notion's attributes only when they name what a heading takes (toggle, color): other
    /// names, such as a Pandoc id or another case, are the heading's own text, never dropped.
    /// </summary>
    [Theory]
    [InlineData("# Config {key=\"value\"}\n", "Config {key=\"value\"}", false)]
    [InlineData("## Setup {id=\"setup\"}\n", "Setup {id=\"setup\"}", false)]
    [InlineData("# T {TOGGLE=\"true\"}\n", "T {TOGGLE=\"true\"}", false)]
    [InlineData("# T {toggle=\"true\" color=\"red\"}\n", "T", true)]
    [InlineData("# Title {color=red}\n", "Title {color=red}", false)]
    [InlineData("# Title {toggle=true}\n", "Title {toggle=true}", false)]
    [InlineData("# Title {color=}\n", "Title {color=}", false)]
    [InlineData("# Title {=}\n", "Title {=}", false)]
    [InlineData("# Usage {n=5}\n", "Usage {n=5}", false)]
    [InlineData("# Set {a=\"b\" c}\n", "Set {a=\"b\" c}", false)]
    [InlineData("# T {color=\"red}\n", "T {color=\"red}", false)]
    [InlineData("# T {color = \"red\"}\n", "T {color = \"red\"}", false)]
    [InlineData("# T {{color=\"red\"}}\n", "T {{color=\"red\"}}", false)]
    [InlineData("# T {\"a\"=b}\n", "T {\"a\"=b}", false)]
    [InlineData("# Title {toggle\n", "Title {toggle", false)]
    [InlineData("# Title {color=\n", "Title {color=", false)]
    [InlineData("# Title {}\n", "Title {}", false)]
    [InlineData("# T {toggle=\"false\"}\n", "T", false)]
    public void AHeadingKeepsBracesThatAreNotItsAttributesAsText(string markdown, string text, bool toggleable)
    {
        var heading = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown).Single();

        Assert.Equal(text, ContentJson.Plain(heading.Body["rich_text"]));
        Assert.Equal(toggleable, heading.Body["is_toggleable"]?.GetValue<bool>() == true);
        Assert.Equal(text, ContentJson.Plain(MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), ContentJson.RoundTrip(markdown)).Single().Body["rich_text"]));
    }

    /// <summary>A delimiter cell, like any cell, is padded by spaces and tabs only (as GFM reads it): other whitespace around its dashes makes no table.</summary>
    [Theory]
    [InlineData("| a |\n|\u00A0--- |\n| b |\n", "paragraph")]
    [InlineData("| a |\n| ---\u000B|\n| b |\n", "paragraph")]
    [InlineData("| a |\n|\t:---: \t|\n| b |\n", "table")]
    public void ADelimiterRowIsPaddedBySpacesAndTabsOnly(string markdown, string type)
    {
        Assert.Equal(type, MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown).Single().Type);
    }

    [Fact]
    public void AnEmptyHeaderRowMeansATableWithoutColumnHeader()
    {
        var table = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "|  |  |\n|---|---|\n| a | b |\n").Single();

        Assert.False(table.Body["has_column_header"]!.GetValue<bool>());
        Assert.Single(table.Children);
    }

    [Fact]
    public void ImageAndBareLinkLinesBecomeImageAndBookmarkBlocks()
    {
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "![Chart](https://img.example/c.png)\n\n<https://docs.example/page>\n");

        Assert.Equal("""{"type":"external","external":{"url":"https://img.example/c.png"},"caption":[{"type":"text","text":{"content":"Chart"}}]}""", blocks[0].Body.ToJsonString());
        Assert.Equal("""{"url":"https://docs.example/page","caption":[]}""", blocks[1].Body.ToJsonString());
    }

    [Theory]
    [InlineData("https://files.example/q3.pdf", "pdf")]
    [InlineData("https://files.example/Q3.PDF?download=1#page=2", "pdf")]
    [InlineData("https://media.example/demo.mp4", "video")]
    [InlineData("https://media.example/clip.webm", "video")]
    [InlineData("https://media.example/talk.mp3", "audio")]
    [InlineData("https://media.example/a.ogg", "audio")]
    [InlineData("https://img.example/c.png", "image")]
    [InlineData("https://img.example/render?format=pdf", "image")]
    [InlineData("https://img.example/", "image")]
    public void AMediaLineLinkingAUrlShowsItAsTheBlockForTheExtensionOfItsPath(string url, string type)
    {
        var block = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), $"![Caption]({url})\n").Single();

        Assert.Equal(type, block.Type);
        Assert.Null(block.LocalPath);
        Assert.Equal($$$"""{"type":"external","external":{"url":"{{{url}}}"},"caption":[{"type":"text","text":{"content":"Caption"}}]}""", block.Body.ToJsonString());
    }

    /// <summary>
    /// A destination in angle brackets holds any character but a line ending or an unescaped '&lt;' or '&gt;' (CommonMark
    /// 0.31, link destination): "\&gt;" and "\&lt;" are the brackets themselves; one left bare makes the line a paragraph.
    /// </summary>
    [Theory]
    [InlineData("![c](<https://e.example/a\\>b.png>)", "image", "https://e.example/a>b.png")]
    [InlineData("![c](<https://e.example/\\<x\\> b.pdf>)", "pdf", "https://e.example/<x> b.pdf")]
    [InlineData("![c](<https://e.example/a\\\\>)", "image", "https://e.example/a\\")]
    [InlineData("![c](<https://e.example/a>b.png>)", "paragraph", null)]
    [InlineData("![c](<https://e.example/a<b.png>)", "paragraph", null)]
    [InlineData("![c](<https://e.example/a.png\\>)", "paragraph", null)]
    public void AnAngleBracketDestinationTakesEscapedBrackets(string markdown, string type, string? url)
    {
        var block = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown + "\n").Single();

        Assert.Equal(type, block.Type);
        Assert.Equal(url, (string?)block.Body["external"]?["url"]);
    }

    /// <summary>The extensions MediaUrls reads off a URL are those FileContentTypes tells a pdf, video or audio file by for an upload.</summary>
    [Fact]
    public void AUrlIsShownAsTheBlockAnUploadOfTheSameExtensionIs()
    {
        var extensions = FileContentTypes.Listed.Split(", ").Select(extension => extension.TrimStart('.')).ToList();

        Assert.Contains("mp4", extensions);
        Assert.All(extensions, extension => Assert.Equal(
            FileContentTypes.InlineBlockType(FileContentTypes.For(extension)!) switch { "pdf" => "pdf", "video" => "video", "audio" => "audio", _ => "image" },
            MediaUrls.BlockTypeFor("https://files.example/a." + extension)));
    }

    [Fact]
    public void ImageAndLinkLinesToLocalPathsBecomeBlocksThatWaitForTheirUpload()
    {
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "![Chart](./out/my%20chart.png)\n\n[report.pdf](out/report.pdf)\n\n[docs](https://docs.example)\n\n[top](#top)\n");

        Assert.Equal(new[] { "image", "file", "paragraph", "paragraph" }, blocks.Select(block => block.Type));
        Assert.Equal("""{"caption":[{"type":"text","text":{"content":"Chart"}}],"type":"file_upload","file_upload":{"id":""}}""", blocks[0].Body.ToJsonString());
        Assert.Equal("""{"caption":[],"name":"report.pdf","type":"file_upload","file_upload":{"id":""}}""", blocks[1].Body.ToJsonString());
        Assert.Equal(new[] { "./out/my chart.png", "out/report.pdf", null, null }, blocks.Select(block => block.LocalPath));
    }

    [Fact]
    public void SetextHeadingsAndEscapesFollowCommonMark()
    {
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "Title\n=====\n\nSub\n---\n\n\\# not a heading\n\n1\\. not a list\n");

        Assert.Equal(new[] { "heading_1", "heading_2", "paragraph", "paragraph" }, blocks.Select(block => block.Type));
        Assert.Equal("# not a heading", blocks[2].Body["rich_text"]![0]!["text"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public void TextOver2000CharactersIsSplitIntoSeveralItemsWithoutBreakingASurrogatePair()
    {
        var text = new string('a', 1999) + "😀" + new string('b', 3000);

        var richText = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), text).Single().Body["rich_text"]!.AsArray();

        Assert.Equal(3, richText.Count);
        Assert.All(richText, item => Assert.True(item!["text"]!["content"]!.GetValue<string>().Length <= 2000));
        Assert.Equal(1999, richText[0]!["text"]!["content"]!.GetValue<string>().Length);
        Assert.Equal(text, string.Concat(richText.Select(item => item!["text"]!["content"]!.GetValue<string>())));
    }

    [Fact]
    public void HtmlBlocksAndFootnotesAreKeptAsLiteralText()
    {
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "<div class=\"x\">\n*raw*\n</div>\n\n[^1]: a footnote\n");

        Assert.Equal("<div class=\"x\">\n*raw*\n</div>", blocks[0].Body["rich_text"]![0]!["text"]!["content"]!.GetValue<string>());
        Assert.Equal("[^1]: a footnote", blocks[1].Body["rich_text"]![0]!["text"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public void APlaceholderForABlockMarkdownCannotCarryIsAnErrorNamingTheLine()
    {
        var error = Assert.Throws<MarkdownContentException>(() => MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "text\n\n<!-- notion-block type=\"child_database\" id=\"x\" -->\n"));

        Assert.Equal(MarkdownContentException.Placeholder, error.ErrorId);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("Markdown line 3:", error.Message);
    }

    [Theory]
    [InlineData("<callout icon=\"x\">\nnever closed\n", MarkdownContentException.Unclosed, 1)]
    [InlineData("a\n\n<details>\n<summary>t</summary>\n", MarkdownContentException.Unclosed, 3)]
    [InlineData("<callout icon=\"x\" color=\"rainbow\">\ntext\n</callout>\n", MarkdownContentException.BadAttribute, 1)]
    [InlineData("# Title {color=\"rainbow\"}\n", MarkdownContentException.BadAttribute, 1)]
    [InlineData("# Title {toggle=\"yes\"}\n", MarkdownContentException.BadAttribute, 1)]
    [InlineData("<details oops=>\n<summary>t</summary>\n</details>\n", MarkdownContentException.BadAttribute, 1)]
    [InlineData("::: callout {icon=x}\ntext\n:::\n", MarkdownContentException.BadAttribute, 1)]
    public void BadContainersAreErrorsNamingTheLine(string markdown, string errorId, int line)
    {
        var error = Assert.Throws<MarkdownContentException>(() => MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(line, error.Line);
    }

    /// <summary>A name alone in an HTML tag is a boolean attribute: &lt;details open&gt;, as GitHub READMEs write it, is a toggle.</summary>
    [Theory]
    [InlineData("<details open>\n<summary>More</summary>\n\tHidden\n</details>\n")]
    [InlineData("<details open class=\"x\">\n<summary>More</summary>\n\tHidden\n</details>\n")]
    public void AToggleTagMayHoldABooleanAttribute(string markdown)
    {
        var toggle = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown).Single();

        Assert.Equal("toggle", toggle.Type);
        Assert.Equal("More", ContentJson.Plain(toggle.Body["rich_text"]));
        Assert.Equal("Hidden", ContentJson.Plain(toggle.Children.Single().Body["rich_text"]));
    }

    [Fact]
    public void ALinkUrlOver2000CharactersIsAnError()
    {
        var error = Assert.Throws<MarkdownContentException>(() => MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "ok\n\n[x](https://x.example/" + new string('a', 2000) + ")"));

        Assert.Equal(MarkdownContentException.UrlTooLong, error.ErrorId);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void ABlockNeedingMoreThan100RichTextItemsIsAnError()
    {
        var markdown = string.Concat(Enumerable.Repeat("**b** i ", 60));

        var error = Assert.Throws<MarkdownContentException>(() => MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown));

        Assert.Equal(MarkdownContentException.TextTooLong, error.ErrorId);
    }

    [Fact]
    public void ControlCharactersAndNulAreKeptAsText()
    {
        var block = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "a\u0001b\0c\u001b[31m").Single();

        Assert.Equal("a\u0001b\uFFFDc\u001b[31m", block.Body["rich_text"]![0]!["text"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public void WindowsAndOldMacLineEndingsAreLineEndings()
    {
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "# A\r\n\r\nb\rc");

        Assert.Equal(new[] { "heading_1", "paragraph" }, blocks.Select(block => block.Type));
        Assert.Equal(3, blocks[1].Line);
    }
}
