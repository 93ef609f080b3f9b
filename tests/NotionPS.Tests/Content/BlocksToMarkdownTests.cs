using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NotionPS.Content;
using Xunit;

namespace NotionPS.Tests.Content;

public class BlocksToMarkdownTests
{
    /// <summary>A document using every construct, written in the normalised form (about_NotionPS_PageContent).</summary>
    internal const string EveryConstruct = """
        # Release notes

        ## What changed

        ### Details

        Plain, **bold**, *italic*, `code`, ~~strike~~ and a [link](https://example.com/docs) in one paragraph.
        A second line of the same paragraph, **bold *and italic***.

        - Bullet one
        - Bullet two
          - Nested bullet
            - Third level bullet
        1. First
        2. Second
           1. Nested number
              1. Third level number
        - [ ] Open task
        - [x] Done task

        > A quote with *style*

        <callout icon="💡" color="blue_background">
        	Callout text
        </callout>

        ```powershell
        Get-NotionPageContent -PageId $id
        ```

        ---

        | Service | Status |
        | --- | --- |
        | API | **up** |
        | Jobs | down \| degraded |

        ![Build chart](https://img.example.com/chart.png)

        <https://example.com/bookmark>

        <empty-block/>

        <details>
        <summary>More</summary>
        	Hidden text
        </details>

        ## Toggle heading {toggle="true"}
        	Inside the heading

        """;

    [Fact]
    public void EveryConstructRoundTripsToTheSameMarkdown()
    {
        Assert.Equal(EveryConstruct.ReplaceLineEndings("\n"), ContentJson.RoundTrip(EveryConstruct));
    }

    [Fact]
    public void EveryConstructRoundTripsToTheSameBlocks()
    {
        var blocks = ContentJson.Json(MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), EveryConstruct));

        var again = ContentJson.Json(MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), BlocksToMarkdown.Convert(ContentJson.Elements(blocks))));

        Assert.Equal(blocks, again);
    }

    /// <summary>
    /// A block with no text of its own (Notion's editor makes an empty quote from "> " and Enter) reads back as Markdown that
    /// writes the same blocks: the block is kept, and its first child stays a child rather than becoming its text.
    /// </summary>
    [Theory]
    [InlineData("quote", "")]
    [InlineData("quote", "child")]
    [InlineData("bulleted_list_item", "child")]
    [InlineData("to_do", "child")]
    [InlineData("callout", "child")]
    public void ABlockWithoutTextKeepsItsShape(string type, string child)
    {
        var children = child.Length == 0 ? string.Empty : $$$""","children":[{"type":"paragraph","paragraph":{"rich_text":[{"type":"text","text":{"content":"{{{child}}}"},"plain_text":"{{{child}}}"}]}}]""";
        var json = $$$"""[{"type":"{{{type}}}","{{{type}}}":{"rich_text":[]}{{{children}}}},{"type":"paragraph","paragraph":{"rich_text":[{"type":"text","text":{"content":"after"},"plain_text":"after"}]}}]""";

        var markdown = BlocksToMarkdown.Convert(ContentJson.Elements(json));
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown);

        static string Shape(IEnumerable<ContentBlock> blocks) =>
            string.Join(",", blocks.Select(block => $"{block.Type}[{ContentJson.Plain(block.Body["rich_text"])}]({Shape(block.Children)})"));
        Assert.Equal($"{type}[]({(child.Length == 0 ? string.Empty : $"paragraph[{child}]()")}),paragraph[after]()", Shape(blocks));
    }

    [Theory]
    [InlineData("Text with \\*stars\\*, \\_underscores\\_, \\`ticks\\`, \\[brackets\\] and \\<tags>.\n")]
    [InlineData("\\# not a heading\n\\- not a list\n1\\. not numbered\n\\> not a quote\n")]
    [InlineData("**bold** then *italic*, ***both***, **b*bi***, *i**bi***\n")]
    [InlineData("A ``code with ` tick`` and ``` `` ``` inside.\n")]
    [InlineData("[**bold** link *text*](https://x.example/a_b) after\n")]
    [InlineData("- item\n  continued line\n\n  child paragraph\n")]
    [InlineData("> quote\n>\n> - with a list\n>   - nested\n")]
    [InlineData("<callout icon=\"🚨\">\n\tAlert\n\n\t<callout>\n\t\tInner\n\t</callout>\n</callout>\n")]
    [InlineData("# Heading with C# and a \\#\n")]
    [InlineData("|  |  |\n| --- | --- |\n| no | header |\n")]
    [InlineData("````\n```\nfenced fence\n```\n````\n")]
    public void NormalisedMarkdownRoundTrips(string markdown)
    {
        Assert.Equal(markdown, ContentJson.RoundTrip(markdown));
    }

    /// <summary>A paragraph (or other text block) that is one link, as Notion's API returns it.</summary>
    private static string LinkOnItsOwn(string type, string url) =>
        $$$"""[{"object":"block","id":"0f0e0d0c-0000-4000-8000-000000000002","type":"{{{type}}}","{{{type}}}":{"rich_text":[{"type":"text","text":{"content":"Design doc","link":{"url":"{{{url}}}"}},"plain_text":"Design doc","href":"{{{url}}}"}]}}]""";

    [Theory]
    [InlineData("paragraph", "/4d5e6f7081924ca3b1e2f3a4b5c6d7e8", "https://www.notion.so/4d5e6f7081924ca3b1e2f3a4b5c6d7e8", "[Design doc](https://www.notion.so/4d5e6f7081924ca3b1e2f3a4b5c6d7e8)\n")]
    [InlineData("paragraph", "/4D5E6F70-8192-4CA3-B1E2-F3A4B5C6D7E8#0f0e0d0c", "https://www.notion.so/4d5e6f7081924ca3b1e2f3a4b5c6d7e8#0f0e0d0c", "[Design doc](https://www.notion.so/4d5e6f7081924ca3b1e2f3a4b5c6d7e8#0f0e0d0c)\n")]
    [InlineData("bulleted_list_item", "/4d5e6f7081924ca3b1e2f3a4b5c6d7e8", "https://www.notion.so/4d5e6f7081924ca3b1e2f3a4b5c6d7e8", "- [Design doc](https://www.notion.so/4d5e6f7081924ca3b1e2f3a4b5c6d7e8)\n")]
    [InlineData("paragraph", "/tmp/audit2-victim/.docker/config.json", "/tmp/audit2-victim/.docker/config.json", "[Design doc](</tmp/audit2-victim/.docker/config.json>)\n")]
    [InlineData("quote", "../../../etc/passwd.txt", "../../../etc/passwd.txt", "> [Design doc](<../../../etc/passwd.txt>)\n")]
    [InlineData("paragraph", "%2Ftmp%2Fkey.txt", "%2Ftmp%2Fkey.txt", "[Design doc](<%2Ftmp%2Fkey.txt>)\n")]
    [InlineData("paragraph", "file:///tmp/key.txt", "file:///tmp/key.txt", "[Design doc](<file:///tmp/key.txt>)\n")]
    [InlineData("paragraph", "//attacker.example/share/x.png", "//attacker.example/share/x.png", "[Design doc](<//attacker.example/share/x.png>)\n")]
    [InlineData("paragraph", "mailto:team@example.com", "mailto:team@example.com", "[Design doc](mailto:team@example.com)\n")]
    public void ALinkOnItsOwnLineThatIsNoWebAddressReadsBackAsALinkNeverAsALocalFile(string type, string url, string readBack, string expected)
    {
        var markdown = BlocksToMarkdown.Convert(ContentJson.Elements(LinkOnItsOwn(type, url)));

        Assert.Equal(expected, markdown);
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown);
        Assert.All(ContentJson.All(blocks), block => Assert.Null(block.LocalPath));
        var copied = ContentJson.Elements(blocks).Single();
        Assert.Equal(type, copied.GetProperty("type").GetString());
        Assert.Equal(readBack, copied.GetProperty(type).GetProperty("rich_text")[0].GetProperty("text").GetProperty("link").GetProperty("url").GetString());
    }

    /// <summary>
    /// Blocks as Notion's editor stores them, each line ending in a space (review 3, finding 2): the Markdown has no
    /// trailing whitespace and no "&amp;#32;" for it, only a leading space keeps its reference.
    /// </summary>
    [Fact]
    public void TextTypedInNotionWithASpaceEndingALineIsWrittenWithoutIt()
    {
        static string Block(string type, string richText) => $$$"""{"object":"block","id":"b1","type":"{{{type}}}","{{{type}}}":{"rich_text":[{{{richText}}}]}}""";
        static string Text(string content, bool bold = false) => $$$"""{"type":"text","text":{"content":"{{{content}}}"},"annotations":{"bold":{{{(bold ? "true" : "false")}}}},"plain_text":"{{{content}}}"}""";
        var json = "[" + string.Join(
            ",",
            Block("paragraph", Text("Ends with a space ")),
            Block("paragraph", Text("Note:", bold: true) + "," + Text(" ")),
            Block("paragraph", Text("first line \\nsecond line")),
            Block("bulleted_list_item", Text("item ")),
            Block("heading_2", Text("Heading ")),
            Block("paragraph", Text(" indented ", bold: true))) + "]";

        var markdown = BlocksToMarkdown.Convert(ContentJson.Elements(json));

        Assert.Equal("Ends with a space\n\n**Note:**\n\nfirst line\nsecond line\n\n- item\n\n## Heading\n\n&#32;**indented**\n", markdown);
    }

    [Fact]
    public void AnImageWhoseUrlIsAPathReadsBackAsThatImageNeverAsALocalFile()
    {
        const string json = """[{"object":"block","id":"0f0e0d0c-0000-4000-8000-000000000003","type":"image","image":{"type":"external","external":{"url":"/tmp/audit2-victim/x.png"},"caption":[]}}]""";

        var markdown = BlocksToMarkdown.Convert(ContentJson.Elements(json));

        Assert.Equal("![](</tmp/audit2-victim/x.png>)\n", markdown);
        var image = Assert.Single(MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown));
        Assert.Null(image.LocalPath);
        Assert.Equal("image", image.Type);
        Assert.Equal("/tmp/audit2-victim/x.png", image.Body["external"]!["url"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("* star bullet\n+ plus bullet\n", "- star bullet\n- plus bullet\n")]
    [InlineData("3. three\n7) seven\n", "1. three\n2. seven\n")]
    [InlineData("__bold__ _it_\n", "**bold** *it*\n")]
    [InlineData("Title\n===\n", "# Title\n")]
    [InlineData("#### Deep\n", "### Deep\n")]
    [InlineData("***\n", "---\n")]
    [InlineData("```unknown-lang\nx\n```\n", "```\nx\n```\n")]
    [InlineData("::: callout {icon=\"💡\"}\nHi\n:::\n", "<callout icon=\"💡\">\n\tHi\n</callout>\n")]
    [InlineData("para\n\n\n\nnext\n", "para\n\nnext\n")]
    public void OtherSpellingsAreNormalised(string markdown, string normalised)
    {
        Assert.Equal(normalised, ContentJson.RoundTrip(markdown));
    }

    [Theory]
    [InlineData("unsupported", "{}")]
    [InlineData("child_database", """{"title":"Tasks"}""")]
    [InlineData("embed", """{"url":"https://embed.example/x","caption":[]}""")]
    [InlineData("equation", """{"expression":"e=mc^2"}""")]
    public void BlocksWithoutMarkdownFormArePlaceholdersCarryingTypeAndId(string type, string body)
    {
        var json = $$"""[{"object":"block","id":"0f0e0d0c-0000-4000-8000-000000000001","type":"{{type}}","{{type}}":{{body}}}]""";

        var markdown = BlocksToMarkdown.Convert(ContentJson.Elements(json));

        Assert.StartsWith($"<!-- notion-block type=\"{type}\" id=\"0f0e0d0c-0000-4000-8000-000000000001\"", markdown);
        Assert.EndsWith(" -->\n", markdown);
        var error = Assert.Throws<MarkdownContentException>(() => MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown));
        Assert.Equal(MarkdownContentException.Placeholder, error.ErrorId);
    }

    /// <summary>A pdf, video or audio block linking a URL reads back as the Markdown that writes it again.</summary>
    [Theory]
    [InlineData("pdf", "https://files.example/q3.pdf")]
    [InlineData("video", "https://media.example/demo.mp4")]
    [InlineData("audio", "https://media.example/talk.mp3")]
    public void ALinkedPdfVideoOrAudioBlockIsAMediaLineThatMakesItAgain(string type, string url)
    {
        var json = $$$$"""[{"object":"block","id":"b1","type":"{{{{type}}}}","{{{{type}}}}":{"caption":[{"type":"text","text":{"content":"Q3 *report*"},"plain_text":"Q3 *report*"}],"type":"external","external":{"url":"{{{{url}}}}"}}}]""";

        var markdown = BlocksToMarkdown.Convert(ContentJson.Elements(json));

        Assert.Equal($"![Q3 \\*report\\*]({url})\n", markdown);
        var again = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown).Single();
        Assert.Equal(type, again.Type);
        Assert.Equal(url, again.Body["external"]!["url"]!.GetValue<string>());
        Assert.Equal("Q3 *report*", again.Body["caption"]![0]!["text"]!["content"]!.GetValue<string>());
    }

    /// <summary>Written as a media line, each would come back as another kind of block: a placeholder keeps what it is.</summary>
    [Theory]
    [InlineData("video", """{"caption":[],"type":"external","external":{"url":"https://www.youtube.com/watch?v=x"}}""")]
    [InlineData("image", """{"caption":[],"type":"external","external":{"url":"https://img.example/poster.pdf"}}""")]
    [InlineData("pdf", """{"caption":[],"type":"file","file":{"url":"https://files.notion.example/q3.pdf?sig=1","expiry_time":"2026-01-01T00:00:00.000Z"}}""")]
    public void AMediaBlockThatAMediaLineWouldNotMakeAgainIsAPlaceholder(string type, string body)
    {
        var json = $$"""[{"object":"block","id":"b1","type":"{{type}}","{{type}}":{{body}}}]""";

        var markdown = BlocksToMarkdown.Convert(ContentJson.Elements(json));

        Assert.StartsWith($"<!-- notion-block type=\"{type}\" id=\"b1\" url=", markdown);
    }

    /// <summary>Its icon was dropped, so written again the callout took Notion's default 💡.</summary>
    [Fact]
    public void ACalloutWithACustomEmojiIconKeepsItsImage()
    {
        const string json = """[{"object":"block","id":"b1","type":"callout","callout":{"rich_text":[{"type":"text","text":{"content":"Launch"},"plain_text":"Launch"}],"color":"default","icon":{"type":"custom_emoji","custom_emoji":{"id":"ce0e0000-0000-4000-8000-000000000001","name":"acme-rocket","url":"https://acme.example/emoji/acme-rocket.png"}}}}]""";

        var markdown = BlocksToMarkdown.Convert(ContentJson.Elements(json));

        Assert.Equal("<callout icon=\"https://acme.example/emoji/acme-rocket.png\">\n\tLaunch\n</callout>\n", markdown);
        Assert.Equal("https://acme.example/emoji/acme-rocket.png", MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown).Single().Body["icon"]!["external"]!["url"]!.GetValue<string>());
    }

    [Fact]
    public void APlaceholderCannotBeClosedEarlyByItsValues()
    {
        var json = """[{"object":"block","id":"x","type":"child_page","child_page":{"title":"a --> b \"c\""}}]""";

        var markdown = BlocksToMarkdown.Convert(ContentJson.Elements(json));

        Assert.Equal(1, markdown.Split("-->").Length - 1);
        Assert.Contains("title=\"a &#45;&#45;> b &quot;c&quot;\"", markdown);
    }

    [Fact]
    public void ChildrenFromTheReadingOperationAreNestedAndThoseOfAColumnListFollowItsPlaceholder()
    {
        var json = """
            [{"object":"block","id":"t1","type":"toggle","toggle":{"rich_text":[{"type":"text","plain_text":"Open","annotations":{"bold":false,"italic":false,"strikethrough":false,"underline":false,"code":false,"color":"default"}}]},
              "children":[{"object":"block","id":"t2","type":"toggle","toggle":{"rich_text":[{"plain_text":"Level 2"}]},
                  "children":[{"object":"block","id":"t3","type":"paragraph","paragraph":{"rich_text":[{"plain_text":"Level 3","href":"https://x.example"}]}}]}]},
             {"object":"block","id":"c1","type":"column_list","column_list":{},
              "children":[{"object":"block","id":"c2","type":"column","column":{},"children":[{"object":"block","id":"p","type":"paragraph","paragraph":{"rich_text":[{"plain_text":"In a column"}]}}]}]}]
            """;

        var markdown = BlocksToMarkdown.Convert(ContentJson.Elements(json));

        Assert.Equal(
            "<details>\n<summary>Open</summary>\n\t<details>\n\t<summary>Level 2</summary>\n\t\t[Level 3](https://x.example)\n\t</details>\n</details>\n\n"
            + "<!-- notion-block type=\"column_list\" id=\"c1\" -->\n\n<!-- notion-block type=\"column\" id=\"c2\" -->\n\nIn a column\n",
            markdown);
    }

    [Fact]
    public void RichTextItemsAsNotionSplitsThemAreJoinedEscapedAndStyledOnce()
    {
        var json = """
            [{"object":"block","id":"p1","type":"paragraph","paragraph":{"rich_text":[
                {"plain_text":"a*b "},{"plain_text":"c_d"},{"plain_text":" bold ","annotations":{"bold":true}},{"plain_text":"","annotations":{"italic":true}},
                {"plain_text":"both","annotations":{"bold":true,"italic":true}},{"plain_text":" and","annotations":{"bold":true}},{"plain_text":" x|y","href":"https://e.example"},{"plain_text":"plain"}]}},
             {"object":"block","id":"t1","type":"table","table":{"table_width":2,"has_column_header":true},
              "children":[{"object":"block","id":"r1","type":"table_row","table_row":{"cells":[[{"plain_text":"x|y"}],[{"plain_text":"one "},{"plain_text":"cell"}]]}}]}]
            """;

        var markdown = BlocksToMarkdown.Convert(ContentJson.Elements(json));

        Assert.Equal("a\\*b c\\_d **bold *both* and**[ x|y](https://e.example)plain\n\n| x\\|y | one cell |\n| --- | --- |\n", markdown);
    }

    [Fact]
    public void NumberedItemsAreNumberedPerRun()
    {
        var markdown = ContentJson.RoundTrip("1. a\n1. b\n1. c\n\ntext\n\n5. d\n");

        Assert.Equal("1. a\n2. b\n3. c\n\ntext\n\n1. d\n", markdown);
    }

    [Fact]
    public void TheDocumentedNormalisationIsInTheHelp()
    {
        var help = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "about_NotionPS_PageContent.md"));

        Assert.Contains("<!-- notion-block", help);
        Assert.Contains("plain text", help);
        Assert.Contains("Markdig.Signed 0.33.0", help);
    }

    [Fact]
    public void TheContentFolderIsPowerShellFree()
    {
        var sources = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "src", "NotionPS", "Content"), "*.cs");

        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.DoesNotContain("System.Management.Automation", File.ReadAllText(source)));
    }
}
