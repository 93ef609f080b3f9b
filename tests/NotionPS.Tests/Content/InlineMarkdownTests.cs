using System.Linq;
using NotionPS.Content;
using Xunit;

namespace NotionPS.Tests.Content;

public class InlineMarkdownTests
{
    private static string Describe(string markdown) => string.Join(" | ", InlineMarkdown.Parse(markdown).Select(span => span.ToString()));

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("**bold**", "bold [b]")]
    [InlineData("__bold__", "bold [b]")]
    [InlineData("*italic* and _italic_", "italic [i] |  and  | italic [i]")]
    [InlineData("~~gone~~", "gone [s]")]
    [InlineData("~single~ tilde", "~single~ tilde")]
    [InlineData("`a * b`", "a * b [c]")]
    [InlineData("``code with ` inside``", "code with ` inside [c]")]
    [InlineData("` `` `", "`` [c]")]
    [InlineData("***both***", "both [b] [i]")]
    [InlineData("**a *b* c**", "a  [b] | b [b] [i] |  c [b]")]
    [InlineData("**a***b*", "a [b] | b [i]")]
    [InlineData("*a***b**", "a [i] | b [b]")]
    [InlineData("snake_case_name", "snake_case_name")]
    [InlineData("2 * 3 * 4", "2 * 3 * 4")]
    [InlineData("\\*not italic\\*", "*not italic*")]
    [InlineData("a\\\nb", "a\nb")]
    [InlineData("a  \nb", "a\nb")]
    [InlineData("line<br>break", "line\nbreak")]
    [InlineData("line <br> break", "line\nbreak")]
    [InlineData("a \t<br/>\t b<br />&#32;c", "a\nb\n c")]
    [InlineData("[link](https://x.example/a)", "link -> https://x.example/a")]
    [InlineData("[**bold** link](https://x.example \"title\")", "bold [b] -> https://x.example |  link -> https://x.example")]
    [InlineData("[a](<https://x.example/with space>)", "a -> https://x.example/with space")]
    [InlineData("[wiki](https://en.example/Foo_(bar))", "wiki -> https://en.example/Foo_(bar)")]
    [InlineData("<https://auto.example/x>", "https://auto.example/x -> https://auto.example/x")]
    [InlineData("![alt](https://img.example/a.png)", "alt -> https://img.example/a.png")]
    [InlineData("[not a link] (x)", "[not a link] (x)")]
    [InlineData("[outer [inner](u1)](u2)", "[outer  | inner -> u1 | ](u2)")]
    [InlineData("[x [a](u1) [b](u2)](u3)", "[x  | a -> u1 |   | b -> u2 | ](u3)")]
    [InlineData("[a](u1) [b](u2)", "a -> u1 |   | b -> u2")]
    [InlineData("[[a](u1)](u2) [b](u3)", "[ | a -> u1 | ](u2)  | b -> u3")]
    [InlineData("<span>kept</span> & &amp;", "<span>kept</span> & &amp;")]
    [InlineData("**unclosed", "**unclosed")]
    [InlineData("`unclosed code", "`unclosed code")]
    [InlineData("[unclosed](https://x", "[unclosed](https://x")]
    public void ParsesTheCommonMarkSubset(string markdown, string expected)
    {
        Assert.Equal(expected, Describe(markdown));
    }

    [Fact]
    public void EmphasisFollowsDelimiterRunRules()
    {
        // CommonMark: "* a *" is not emphasis (the runs are not flanking); "a*b*c" is (intraword *), "a_b_c" is not.
        Assert.Equal("* a *", Describe("* a *"));
        Assert.Equal("a | b [i] | c", Describe("a*b*c"));
        Assert.Equal("a_b_c", Describe("a_b_c"));
    }
}
