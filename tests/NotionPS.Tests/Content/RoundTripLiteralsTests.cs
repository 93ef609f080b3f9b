using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotionPS.Content;
using Xunit;

namespace NotionPS.Tests.Content;

/// <summary>
/// Blocks whose text or URL Markdown could read as other markup (the second audit's finding 5): written by
/// BlocksToMarkdown, read by MarkdownToBlocks, each must be the same block, not another kind or nothing.
/// </summary>
public class RoundTripLiteralsTests
{
    private static string Text(string content, string? link = null) =>
        new JsonObject
        {
            ["type"] = "text",
            ["text"] = new JsonObject { ["content"] = content, ["link"] = link == null ? null : new JsonObject { ["url"] = link } },
            ["plain_text"] = content,
            ["href"] = link,
        }.ToJsonString();

    private static string Code(string content, string? link = null) => Text(content, link).Replace("\"plain_text\"", "\"annotations\":{\"code\":true},\"plain_text\"");

    private static string Block(string type, string body) => $$"""[{"object":"block","id":"b1","type":"{{type}}","{{type}}":{{body}}}]""";

    private static string Media(string type, string url, string caption = "") =>
        Block(type, $$"""{"type":"external","external":{"url":"{{url}}"},"caption":[{{(caption.Length == 0 ? string.Empty : Text(caption))}}]}""");

    private static string Paragraph(string type, params string[] richText) => Block(type, $$"""{"rich_text":[{{string.Join(",", richText)}}]}""");

    /// <summary>A block as type=text@url, its text with each link's URL after "->": what must survive the round trip.</summary>
    private static string Shape(JsonElement block)
    {
        var type = block.GetProperty("type").GetString()!;
        var body = block.GetProperty(type);
        var text = string.Concat(new[] { "rich_text", "caption" }
            .Where(name => body.TryGetProperty(name, out _))
            .SelectMany(name => body.GetProperty(name).EnumerateArray())
            .Select(item =>
            {
                var span = item.GetProperty("text");
                var link = span.TryGetProperty("link", out var value) && value.ValueKind == JsonValueKind.Object ? "->" + value.GetProperty("url").GetString() : string.Empty;
                return span.GetProperty("content").GetString() + link;
            }));
        var url = body.TryGetProperty("external", out var external) ? external.GetProperty("url").GetString()
            : body.TryGetProperty("url", out var bookmark) ? bookmark.GetString() : null;
        return type + "=" + text + (url == null ? string.Empty : "@" + url);
    }

    private static (string Markdown, string Copy) RoundTrip(string json)
    {
        var markdown = BlocksToMarkdown.Convert(ContentJson.Elements(json));
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown);
        Assert.All(ContentJson.All(blocks), block => Assert.Null(block.LocalPath));
        return (markdown, Shape(Assert.Single(ContentJson.Elements(blocks))));
    }

    public static TheoryData<string, string, string> Cases => new()
    {
        // 1. A URL holding a parenthesis or a space is written in angle brackets: the media line reads them.
        { Media("image", "https://e.example/a(1).png"), "![](<https://e.example/a(1).png>)\n", "image=@https://e.example/a(1).png" },
        { Media("video", "https://e.example/my clip.mp4", "Demo"), "![Demo](<https://e.example/my clip.mp4>)\n", "video=Demo@https://e.example/my clip.mp4" },
        { Media("pdf", "https://e.example/q(3).pdf"), "![](<https://e.example/q(3).pdf>)\n", "pdf=@https://e.example/q(3).pdf" },

        // 2. An escaped bracket in the caption does not end it.
        { Media("image", "https://e.example/a.png", "see [1]"), "![see \\[1\\]](https://e.example/a.png)\n", "image=see [1]@https://e.example/a.png" },
        { Media("image", "https://e.example/a.png", "a](b"), "![a\\](b](https://e.example/a.png)\n", "image=a](b@https://e.example/a.png" },

        // 3. "!" before a link is escaped, or "![" opens an image.
        { Paragraph("paragraph", Text("!"), Text("x", "https://e.example/a.png")), "\\![x](https://e.example/a.png)\n", "paragraph=!x->https://e.example/a.png" },
        { Paragraph("bulleted_list_item", Text("Wow!"), Text("x", "https://e.example/a.png")), "- Wow\\![x](https://e.example/a.png)\n", "bulleted_list_item=Wow!x->https://e.example/a.png" },

        // 4. A bulleted item whose text starts "[ ]" stays a bulleted item.
        { Paragraph("bulleted_list_item", Text("[ ] not a to-do")), "- \\[ \\] not a to-do\n", "bulleted_list_item=[ ] not a to-do" },
        { Paragraph("bulleted_list_item", Text("[x] not done either")), "- \\[x\\] not done either\n", "bulleted_list_item=[x] not done either" },

        // 5. A leading tab or space is a character reference: kept, and not an indent (4 spaces made a code block).
        { Paragraph("paragraph", Text("\tindented by a tab")), "&#9;indented by a tab\n", "paragraph=\tindented by a tab" },
        { Paragraph("paragraph", Text("    four spaces")), "&#32;   four spaces\n", "paragraph=    four spaces" },
        { Paragraph("paragraph", Text("  # not a heading")), "&#32; # not a heading\n", "paragraph=  # not a heading" },
        { Paragraph("quote", Text("first\n    second")), "> first\n> &#32;   second\n", "quote=first\n    second" },
        { Paragraph("paragraph", Text("&#9; is written as it is")), "\\&#9; is written as it is\n", "paragraph=&#9; is written as it is" },

        // 6. A bookmark whose URL holds an angle bracket or a space: percent-encoded, the same address, still a bookmark.
        { Block("bookmark", """{"url":"https://e.example/a>b","caption":[]}"""), "<https://e.example/a%3Eb>\n", "bookmark=@https://e.example/a%3Eb" },
        { Block("bookmark", """{"url":"https://e.example/a b<c","caption":[]}"""), "<https://e.example/a%20b%3Cc>\n", "bookmark=@https://e.example/a%20b%3Cc" },

        // The third audit's round-trip findings.
        // 7. An image whose URL is a path stays an image (angle brackets: a link, never a local file to upload).
        { Media("image", "/images/a.png", "chart"), "![chart](</images/a.png>)\n", "image=chart@/images/a.png" },

        // 8. Spaces and tabs starting a line are character references (Markdown strips them there), in a heading too.
        { Paragraph("heading_2", Text("  two spaces")), "## &#32; two spaces\n", "heading_2=  two spaces" },

        // 9. A line holding only whitespace, or nothing, inside a paragraph: kept, and the paragraph stays one block.
        { Paragraph("paragraph", Text("a\n   \nb")), "a\n&#32; &#32;\nb\n", "paragraph=a\n   \nb" },
        { Paragraph("bulleted_list_item", Text("a\n   \nb")), "- a\n  &#32; &#32;\n  b\n", "bulleted_list_item=a\n   \nb" },
        { Paragraph("paragraph", Text("a\n\nb")), "a\n\\\nb\n", "paragraph=a\n\nb" },
        { Paragraph("quote", Text("\na\n\n")), "> \\\n> a\n> &#10;\n", "quote=\na\n\n" },
        { Paragraph("paragraph", Text("a\n")), "a&#10;\n", "paragraph=a\n" },

        // 10. A code span holding "]" in an image's caption or a link's text does not end it.
        { Block("image", $$"""{"type":"external","external":{"url":"https://e.example/a.png"},"caption":[{{Code("a]b")}}]}"""), "![`a]b`](https://e.example/a.png)\n", "image=a]b@https://e.example/a.png" },
        { Block("image", $$"""{"type":"external","external":{"url":"https://e.example/a.png"},"caption":[{{Text("x ")}},{{Code("`]`")}}]}"""), "![x `` `]` ``](https://e.example/a.png)\n", "image=x `]`@https://e.example/a.png" },
        { Paragraph("paragraph", Code("a]b", "https://e.example/")), "[`a]b`](https://e.example/)\n", "paragraph=a]b->https://e.example/" },

        // 11. A link in a caption: its brackets nest in the caption's, as CommonMark reads an image's description (review 4, finding 1).
        { Caption("image", Text("Photo by "), Text("Jane", "https://unsplash.com/@jane")), "![Photo by [Jane](https://unsplash.com/@jane)](https://e.example/a.png)\n", "image=Photo by Jane->https://unsplash.com/@jane@https://e.example/a.png" },
        { Caption("image", Text("!"), Text("x", "https://e.example/u")), "![\\![x](https://e.example/u)](https://e.example/a.png)\n", "image=!x->https://e.example/u@https://e.example/a.png" },
        { Caption("image", Text("x", "https://e.example/?ids[]=1"), Text(" [2]")), "![[x](https://e.example/?ids[]=1) \\[2\\]](https://e.example/a.png)\n", "image=x->https://e.example/?ids[]=1 [2]@https://e.example/a.png" },
        { Caption("video", Text("see "), Code("]", "https://e.example/v")), "![see [`]`](https://e.example/v)](https://e.example/a.mp4)\n", "video=see ]->https://e.example/v@https://e.example/a.mp4" },
        { Caption("pdf", Text("[draft]", "https://e.example/d")), "![[\\[draft\\]](https://e.example/d)](https://e.example/a.pdf)\n", "pdf=[draft]->https://e.example/d@https://e.example/a.pdf" },
        { Caption("audio", Text("a", "https://e.example/1"), Text("b", "https://e.example/2")), "![[a](https://e.example/1)[b](https://e.example/2)](https://e.example/a.mp3)\n", "audio=a->https://e.example/1b->https://e.example/2@https://e.example/a.mp3" },

        // 12. A backslash in a URL is escaped, or one before punctuation would escape it (review 4, finding 4); Media takes JSON text.
        { Paragraph("paragraph", Text("x", "https://e.example/a\\|b")), "[x](https://e.example/a\\\\|b)\n", "paragraph=x->https://e.example/a\\|b" },
        { Paragraph("paragraph", Text("x", "https://e.example/a b\\)")), "[x](<https://e.example/a b\\\\)>)\n", "paragraph=x->https://e.example/a b\\)" },
        { Media("image", "https://e.example/a\\\\_b.png"), "![](https://e.example/a\\\\_b.png)\n", "image=@https://e.example/a\\_b.png" },
        { Media("image", "https://e.example/a b\\\\).png"), "![](<https://e.example/a b\\\\).png>)\n", "image=@https://e.example/a b\\).png" },

        // 13. An angle bracket in a link's or a file's URL is escaped in the angle brackets, as CommonMark reads them: the URL comes back as it was.
        { Media("image", "https://e.example/a>b.png"), "![](<https://e.example/a\\>b.png>)\n", "image=@https://e.example/a>b.png" },
        { Media("video", "https://e.example/<clip> 1.mp4", "Demo"), "![Demo](<https://e.example/\\<clip\\> 1.mp4>)\n", "video=Demo@https://e.example/<clip> 1.mp4" },
        { Paragraph("paragraph", Text("x", "https://e.example/?q=a<b")), "[x](<https://e.example/?q=a\\<b>)\n", "paragraph=x->https://e.example/?q=a<b" },
    };

    /// <summary>A media block of <paramref name="type"/> at https://e.example/a.(its extension) whose caption is <paramref name="richText"/>.</summary>
    private static string Caption(string type, params string[] richText)
    {
        var extension = type switch { "video" => "mp4", "pdf" => "pdf", "audio" => "mp3", _ => "png" };
        return Block(type, $$"""{"type":"external","external":{"url":"https://e.example/a.{{extension}}"},"caption":[{{string.Join(",", richText)}}]}""");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ABlockWhoseTextLooksLikeMarkupReadsBackAsTheSameBlock(string json, string expectedMarkdown, string expectedCopy)
    {
        var (markdown, copy) = RoundTrip(json);

        Assert.Equal(expectedMarkdown, markdown);
        Assert.Equal(expectedCopy, copy);
    }

    /// <summary>
    /// Text as Notion's editor stores it often ends a line with a space (review 3, finding 2). It is dropped from the
    /// Markdown, no "&amp;#32;" that users would read: the copy differs only by that invisible whitespace, and markup the
    /// line's new end could make (a heading's closing "#") stays escaped.
    /// </summary>
    [Theory]
    [InlineData("paragraph", "Ends with a space ", "Ends with a space\n", "Ends with a space")]
    [InlineData("paragraph", "first line \nsecond line", "first line\nsecond line\n", "first line\nsecond line")]
    [InlineData("paragraph", "two spaces  \nnext\t", "two spaces\nnext\n", "two spaces\nnext")]
    [InlineData("paragraph", "  both edges  ", "&#32; both edges\n", "  both edges")]
    [InlineData("paragraph", "a \n", "a&#10;\n", "a\n")]
    [InlineData("paragraph", "a\\ \nb", "a\\\\\nb\n", "a\\\nb")]
    [InlineData("bulleted_list_item", "item ", "- item\n", "item")]
    [InlineData("quote", "quoted \t\nnext ", "> quoted\n> next\n", "quoted\nnext")]
    [InlineData("heading_2", "Heading ", "## Heading\n", "Heading")]
    [InlineData("heading_1", "trailing \t", "# trailing\n", "trailing")]
    [InlineData("heading_1", "C# ", "# C\\#\n", "C#")]
    public void WhitespaceEndingALineIsDroppedAndOnlyItIsLost(string type, string text, string expectedMarkdown, string expectedText)
    {
        var (markdown, copy) = RoundTrip(Paragraph(type, Text(text)));

        Assert.Equal(expectedMarkdown, markdown);
        Assert.Equal(type + "=" + expectedText, copy);
    }

    [Fact]
    public void ABoldLabelFollowedByASpaceIsWrittenWithoutIt()
    {
        var bold = Text("Note:").Replace("\"plain_text\"", "\"annotations\":{\"bold\":true},\"plain_text\"");

        var (markdown, copy) = RoundTrip(Paragraph("paragraph", bold, Text(" ")));

        Assert.Equal("**Note:**\n", markdown);
        Assert.Equal("paragraph=Note:", copy);
    }

    /// <summary>Angle brackets mean a link, never a local file: a media line with a path in them shows that URL as it is.</summary>
    [Theory]
    [InlineData("![chart](<./chart.png>)", "./chart.png")]
    [InlineData("![chart](</tmp/a b.png>)", "/tmp/a b.png")]
    [InlineData("![](<file:///tmp/key.png>)", "file:///tmp/key.png")]
    public void AnAngleBracketMediaLineThatIsNoWebAddressIsALinkedImageNeverALocalFile(string markdown, string url)
    {
        var block = Assert.Single(MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown));

        Assert.Equal("image", block.Type);
        Assert.Null(block.LocalPath);
        Assert.Equal(url, block.Body["external"]!["url"]!.GetValue<string>());
    }

    /// <summary>A media line's URL is read as CommonMark reads a destination (\_ is _); a local path keeps its backslashes, as Windows writes them.</summary>
    [Fact]
    public void AMediaUrlReadsBackslashEscapesAndALocalPathKeepsItsBackslashes()
    {
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "![](https://e.example/a\\_b.png)\n\n![](<https://e.example/a\\_b c.png>)\n\n![](C:\\temp\\_old\\a.png)\n");

        Assert.Equal("https://e.example/a_b.png", blocks[0].Body["external"]!["url"]!.GetValue<string>());
        Assert.Equal("https://e.example/a_b c.png", blocks[1].Body["external"]!["url"]!.GetValue<string>());
        Assert.Equal("C:\\temp\\_old\\a.png", blocks[2].LocalPath);
    }

    /// <summary>A table with the header "h" and one row of one cell holding <paramref name="cell"/> (rich-text items, or none).</summary>
    private static string OneCellTable(string cell) =>
        $$"""[{"object":"block","id":"t1","type":"table","table":{"table_width":1,"has_column_header":true},"children":[{{Row("[" + Text("h") + "]")}},{{Row("[" + cell + "]")}}]}]""";

    private static string Row(params string[] cells) => """{"object":"block","type":"table_row","table_row":{"cells":[""" + string.Join(",", cells) + "]}}";

    public static TheoryData<string, string, string> CellCases => new()
    {
        // A cell's edges are trimmed by GFM: a space or tab starting it is a character reference, as at a line's start.
        { Text("  a"), "| &#32; a |", "  a" },
        { Text("\tb"), "| &#9;b |", "\tb" },
        { Text("   "), "| &#32; &#32; |", "   " },
        { Text(" "), "| &#32; |", " " },
        { string.Empty, "|  |", string.Empty },

        // A pipe is escaped wherever it is, in a code span and a link's URL too (GFM reads \| as | before the inline markup).
        { Text("a|b"), "| a\\|b |", "a|b" },
        { Text("||"), "| \\|\\| |", "||" },
        { Text("\\|"), "| \\\\\\| |", "\\|" },
        { Code("a|b"), "| `a\\|b` |", "a|b" },
        { Text("x", "https://e.example/?q=a|b"), "| [x](https://e.example/?q=a\\|b) |", "x->https://e.example/?q=a|b" },
        { Text("x", "https://e.example/?q=a\\|b"), "| [x](https://e.example/?q=a\\\\\\|b) |", "x->https://e.example/?q=a\\|b" },

        // A line break is <br>; each line keeps the rule of a paragraph's lines (leading whitespace kept, trailing dropped).
        { Text("a\nb"), "| a<br>b |", "a\nb" },
        { Text("a \n  b"), "| a<br>&#32; b |", "a\n  b" },
        { Text("a\n\nb"), "| a<br><br>b |", "a\n\nb" },
        { Text("a\n"), "| a<br> |", "a\n" },
        { Text("a "), "| a |", "a" },

        // Control characters: a carriage return would end the row, a vertical tab or form feed at an edge is trimmed by GFM.
        { Text("a\rb"), "| a&#13;b |", "a\rb" },
        { Text("\u000Ba\f"), "| &#11;a&#12; |", "\u000Ba\f" },
        { Text("\u0001\u001B\u007F"), "| &#1;&#27;\u007F |", "\u0001\u001B\u007F" },

        // Other whitespace is no cell padding: GFM trims spaces and tabs only.
        { Text("\u00A0a\u2003"), "| \u00A0a\u2003 |", "\u00A0a\u2003" },
    };

    [Theory]
    [MemberData(nameof(CellCases))]
    public void ATableCellReadsBackWithTheSameText(string cell, string expectedRow, string expectedText)
    {
        var markdown = BlocksToMarkdown.Convert(ContentJson.Elements(OneCellTable(cell)));
        var table = Assert.Single(MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown));

        Assert.Equal("| h |\n| --- |\n" + expectedRow + "\n", markdown);
        Assert.True(table.Body["has_column_header"]!.GetValue<bool>());
        Assert.Equal(new[] { new[] { "h" }, new[] { expectedText } }, ContentJson.Cells(table));
    }

    [Fact]
    public void HeaderCellsKeepTheirEdgesAndPipesToo()
    {
        var json = $$"""[{"object":"block","id":"t1","type":"table","table":{"table_width":3,"has_column_header":true},"children":[{{Row("[" + Text(" a") + "]", "[" + Text("b|c") + "]", "[]")}},{{Row("[]", "[]", "[" + Text("  ") + "]")}}]}]""";

        var markdown = BlocksToMarkdown.Convert(ContentJson.Elements(json));
        var table = Assert.Single(MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown));

        Assert.Equal("| &#32;a | b\\|c |  |\n| --- | --- | --- |\n|  |  | &#32;&#32; |\n", markdown);
        Assert.True(table.Body["has_column_header"]!.GetValue<bool>());
        Assert.Equal(new[] { new[] { " a", "b|c", string.Empty }, new[] { string.Empty, string.Empty, "  " } }, ContentJson.Cells(table));
    }

    /// <summary>
    /// Markdown cannot tell a column header of empty cells from no column header (both are a header row of empty cells):
    /// the table reads back without one, a documented loss, and its empty first row is kept, where it vanished.
    /// </summary>
    [Fact]
    public void AnEmptyColumnHeaderIsLostButItsRowIsKept()
    {
        var json = $$"""[{"object":"block","id":"t1","type":"table","table":{"table_width":2,"has_column_header":true},"children":[{{Row("[]", "[]")}},{{Row("[" + Text("a") + "]", "[" + Text("b") + "]")}}]}]""";

        var markdown = BlocksToMarkdown.Convert(ContentJson.Elements(json));
        var table = Assert.Single(MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown));

        Assert.Equal("|  |  |\n| --- | --- |\n|  |  |\n| a | b |\n", markdown);
        Assert.False(table.Body["has_column_header"]!.GetValue<bool>());
        Assert.Equal(new[] { new[] { string.Empty, string.Empty }, new[] { "a", "b" } }, ContentJson.Cells(table));
    }

    /// <summary>A toggle's summary, a heading (a toggle heading too) and a caption are one Markdown line: each of its lines keeps a paragraph line's rule.</summary>
    public static TheoryData<string, string, string> OneLineCases => new()
    {
        { Paragraph("toggle", Text("  a")), "<details>\n<summary>&#32; a</summary>\n</details>\n", "toggle=  a" },
        { Paragraph("toggle", Text("   ")), "<details>\n<summary>&#32; &#32;</summary>\n</details>\n", "toggle=   " },
        { Paragraph("toggle", Text("a \n\tb ")), "<details>\n<summary>a<br>&#9;b</summary>\n</details>\n", "toggle=a\n\tb" },
        { Paragraph("toggle", Text("a\rb")), "<details>\n<summary>a&#13;b</summary>\n</details>\n", "toggle=a\rb" },
        { Block("heading_2", $$"""{"rich_text":[{{Text("  a \n b\u00A0")}}],"is_toggleable":true}"""), "## &#32; a<br>&#32;b\u00A0 {toggle=\"true\"}\n", "heading_2=  a\n b\u00A0" },
        { Paragraph("heading_1", Text("\u00A0a\u00A0")), "# \u00A0a\u00A0\n", "heading_1=\u00A0a\u00A0" },
        { Paragraph("heading_3", Text("a\rb")), "### a&#13;b\n", "heading_3=a\rb" },
        { Media("image", "https://e.example/a.png", "two\nlines"), "![two<br>lines](https://e.example/a.png)\n", "image=two\nlines@https://e.example/a.png" },
        { Media("image", "https://e.example/a.png", " x "), "![&#32;x](https://e.example/a.png)\n", "image= x@https://e.example/a.png" },
        { Paragraph("paragraph", Text("a\rb")), "a&#13;b\n", "paragraph=a\rb" },
        { Block("callout", $$"""{"rich_text":[{{Text("  a\rb")}}]}"""), "<callout>\n\t&#32; a&#13;b\n</callout>\n", "callout=  a\rb" },
    };

    [Theory]
    [MemberData(nameof(OneLineCases))]
    public void TextWrittenOnOneMarkdownLineReadsBackTheSame(string json, string expectedMarkdown, string expectedCopy)
    {
        var (markdown, copy) = RoundTrip(json);

        Assert.Equal(expectedMarkdown, markdown);
        Assert.Equal(expectedCopy, copy);
    }

    [Theory]
    [InlineData("&#9;a &#x41;&#65; &#0; &#1114112; &#xD800;", "\ta AA \uFFFD \uFFFD \uFFFD")]
    [InlineData("&#; &#x; &# 9; &#12345678; &amp; \\&#9; `&#9;`", "&#; &#x; &# 9; &#12345678; &amp; &#9; &#9;")]
    public void NumericCharacterReferencesAreTheCharactersTheyName(string markdown, string text)
    {
        Assert.Equal(text, RichText.Plain(InlineMarkdown.Parse(markdown)));
    }
}
