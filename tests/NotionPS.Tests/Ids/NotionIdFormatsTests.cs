using System;
using NotionPS.Ids;
using Xunit;

namespace NotionPS.Tests.Ids;

/// <summary>An ID in any of Guid's standard formats, wrapped however deep, and input holding more than one ID.</summary>
public class NotionIdFormatsTests
{
    private const string Dashed = "1a2b3c4d-5e6f-47a8-b9c0-d1e2f3a4b5c6";
    private const string Other = "5e6f7081-92a3-4db4-92f3-a4b5c6d7e8f9";

    [Theory]
    [InlineData("N")]
    [InlineData("D")]
    [InlineData("B")]
    [InlineData("P")]
    [InlineData("X")]
    public void AcceptsEveryStandardGuidFormatInEitherCase(string format)
    {
        var written = Guid.Parse(Dashed).ToString(format);

        foreach (var input in new[] { written, written.ToUpperInvariant(), $"  \"{written}\"\n" })
        {
            var parsed = Assert.IsType<ParsedNotionId>(NotionIdParser.Parse(input));
            Assert.Equal(Dashed, parsed.Id);
        }
    }

    [Theory]
    [InlineData("N", " ")]
    [InlineData("D", ", ")]
    [InlineData("D", "\n")]
    [InlineData("B", " ")]
    [InlineData("P", ";")]
    [InlineData("X", " ")]
    [InlineData("D", "-")]
    public void TwoIdsAreRefusedAsUnclearInsteadOfPickingOne(string format, string separator)
    {
        var input = Guid.Parse(Dashed).ToString(format) + separator + Guid.Parse(Other).ToString(format);

        var rejected = Assert.IsType<RejectedNotionId>(NotionIdParser.Parse(input));

        Assert.Equal(NotionIdProblem.SeveralIds, rejected.Problem);
        Assert.Contains("holds 2 IDs", rejected.Message);
        Assert.Contains("one ID or link at a time", rejected.Message);
    }

    [Fact]
    public void ALinkWithItsViewIdIsStillOneDatabaseId()
    {
        var parsed = Assert.IsType<ParsedNotionId>(NotionIdParser.Parse($"https://www.notion.so/acme/Tasks-{Dashed.Replace("-", "")}?v={Other.Replace("-", "")}"));

        Assert.Equal(Dashed, parsed.Id);
    }

    /// <summary>
    /// 600 KB of wrapping around one ID: unwrapped by moving inward, not by copying each layer (which took
    /// 88 s). Allocation, not time, is what shows it: a copy per layer allocates hundreds of gigabytes.
    /// </summary>
    [Theory]
    [InlineData("\"", "\"")]
    [InlineData("<'`", "`'>")]
    [InlineData("\u201C ", " \u201D")]
    public void UnwrapsDeeplyWrappedInputInOnePass(string open, string close)
    {
        var layers = 300_000 / open.Length;
        var input = Repeat(open, layers) + Dashed + Repeat(close, layers);
        NotionIdParser.Parse("\"" + Dashed + "\""); // the first call's one-time costs (regex construction) are not the input's

        var before = GC.GetAllocatedBytesForCurrentThread();
        var parsed = Assert.IsType<ParsedNotionId>(NotionIdParser.Parse(input));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(Dashed, parsed.Id);
        Assert.True(allocated < 4 * sizeof(char) * input.Length, $"{allocated} bytes allocated for {input.Length} characters of input.");
    }

    /// <summary>A long run of digits that stops short of the end: looked for from the end, not rescanned from each digit.</summary>
    [Theory]
    [InlineData("z")]
    [InlineData("-z")]
    [InlineData("-a-b-c-z")]
    public void ALongRunOfDigitsThatDoesNotEndTheInputIsNoId(string tail)
    {
        var rejected = Assert.IsType<RejectedNotionId>(NotionIdParser.Parse(new string('a', 200_000) + tail));

        Assert.Equal(NotionIdProblem.NoId, rejected.Problem);
    }

    private static string Repeat(string text, int count) => new System.Text.StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
