using NotionPS.Content;
using Xunit;

namespace NotionPS.Tests.Content;

/// <summary>The URLs ContentUrls lets through to Notion and those it refuses first, naming the Markdown line.</summary>
public class ContentUrlsTests
{
    [Theory]
    [InlineData("[a](https://e.example/x) [b](http://localhost:8080/)")]
    [InlineData("[page](/4d5e6f7081924ca3b1e2f3a4b5c6d7e8) [block](/4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8#9a)")]
    [InlineData("![chart](https://e.example/a.png)\n\n![clip](<https://e.example/my clip.mp4>)\n\n<https://e.example/page>")]
    [InlineData("![chart](./chart.png)\n\n[report](./out/report.pdf)")]
    [InlineData("`[not](/a/link)` and \\[not\\](/either)")]
    public void WhatNotionLinksPasses(string markdown)
    {
        ContentUrls.Check(MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown));
    }

    [Theory]
    [InlineData("ok\n\n![chart](</tmp/a b.png>)", 3, "the image block links '/tmp/a b.png'")]
    [InlineData("ok\n\n![clip](<file:///tmp/a.mp4>)", 3, "the video block links 'file:///tmp/a.mp4'")]
    [InlineData("![chart](ftp://e.example/a.png)", 1, "the image block links 'ftp://e.example/a.png'")]
    [InlineData("- one\n- two, see [three](javascript:alert(1))", 2, "the link 'javascript:alert(1)'")]
    [InlineData("> quote\n>\n> - see [up](../index.md)", 3, "the link '../index.md'")]
    [InlineData("# [Top](#top)", 1, "the link '#top'")]
    [InlineData("Write to [Ada](mailto:ada@e.example)", 1, "the link 'mailto:ada@e.example'")]
    [InlineData("<http://>", 1, "the bookmark URL 'http://'")]
    public void WhatNotionRefusesIsAnErrorNamingItsLine(string markdown, int line, string message)
    {
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown);

        var error = Assert.Throws<MarkdownContentException>(() => ContentUrls.Check(blocks));

        Assert.Equal(MarkdownContentException.InvalidUrl, error.ErrorId);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"Markdown line {line}: {message}", error.Message, System.StringComparison.Ordinal);
    }
}
