using System;
using System.Linq;
using NotionPS.Operations;
using Xunit;

namespace NotionPS.Tests.Operations;

/// <summary>When a read runs more than one chain of cursors, and where it cuts the created time.</summary>
public class RowReaderTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(100, 3, 1)]   // one chain keeps up with 3/s
    [InlineData(350, 3, 1)]   // about the interval: still one
    [InlineData(400, 3, 2)]
    [InlineData(600, 3, 2)]   // Notion's usual half a second or so
    [InlineData(1000, 3, 3)]
    [InlineData(5000, 3, 3)]  // never more than three
    [InlineData(50, 0, 2)]    // no rate limit: a second chain overlaps the server with the conversion
    public void OneChainWhileARoundTripFitsTheLimitersInterval(int roundTripMs, double requestsPerSecond, int chains)
    {
        Assert.Equal(chains, SlicePlanner.ChainsFor(TimeSpan.FromMilliseconds(roundTripMs), requestsPerSecond));
    }

    [Fact]
    public void CutsTheRestIntoMinuteAlignedSlicesOfAtMostTwentyPages()
    {
        // The first page: 100 rows over minutes 0 and 1 (50 a minute); the newest row 200 minutes on: ~10,000 rows to go.
        var cuts = SlicePlanner.CutPoints(Start, Start.AddMinutes(1), 100, Start.AddMinutes(201), chains: 2);

        Assert.Equal(4, cuts.Count);
        Assert.All(cuts, cut => Assert.Equal(0, cut.Second));
        Assert.True(cuts.First() > Start.AddMinutes(1));
        Assert.True(cuts.Last() <= Start.AddMinutes(201));
        Assert.Equal(cuts.OrderBy(cut => cut), cuts);
        Assert.Equal(cuts.Count, cuts.Distinct().Count());
        Assert.Equal(new[] { 41.0, 81.0, 121.0, 161.0 }, cuts.Select(cut => (cut - Start).TotalMinutes));
    }

    [Fact]
    public void ASmallRestIsCutOncePerChain()
    {
        // 50 rows a minute, 30 minutes to go: ~1,500 rows for 2 chains.
        var cuts = SlicePlanner.CutPoints(Start, Start.AddMinutes(1), 100, Start.AddMinutes(31), chains: 2);

        Assert.Equal(new[] { 16.0 }, cuts.Select(cut => (cut - Start).TotalMinutes));
    }

    [Fact]
    public void ALimitedReadCutsOnlyTheMinutesExpectedToHoldTheRowsItStillWants()
    {
        // 50 rows a minute and 200 minutes to go (~10,000 rows), but 1,500 rows still wanted (-First): 30 minutes, cut once per chain.
        var cuts = SlicePlanner.CutPoints(Start, Start.AddMinutes(1), 100, Start.AddMinutes(201), chains: 2, rowsLeft: 1_500);

        Assert.Equal(new[] { 16.0 }, cuts.Select(cut => (cut - Start).TotalMinutes));
    }

    [Fact]
    public void ALimitedReadThatWantsLessThanTwoPagesMoreIsNotCut()
    {
        var cuts = SlicePlanner.CutPoints(Start, Start.AddMinutes(1), 100, Start.AddMinutes(201), chains: 2, rowsLeft: 150);

        Assert.Empty(cuts);
    }

    [Theory]
    [InlineData(1, 100, 1, 2)]      // the newest row is in the minute already read: nothing to cut
    [InlineData(1, 100, 3, 2)]      // two pages to go at most: a cut is not worth its requests
    [InlineData(1, 100, 100, 1)]    // one chain keeps up
    public void NoCutWhereItDoesNotPay(int newestReadMinute, int rowsRead, int newestMinute, int chains)
    {
        var cuts = SlicePlanner.CutPoints(Start, Start.AddMinutes(newestReadMinute), rowsRead, Start.AddMinutes(newestMinute), chains);

        Assert.Empty(cuts);
    }

    [Fact]
    public void NeverMoreSlicesThanMinutes()
    {
        // A dense table: 100 rows in one minute, 3 minutes to go (~300 rows a minute, 900 in all).
        var cuts = SlicePlanner.CutPoints(Start, Start, 100, Start.AddMinutes(3), chains: 3);

        Assert.Equal(new[] { 1.0, 2.0 }, cuts.Select(cut => (cut - Start).TotalMinutes));
    }

    [Fact]
    public void ADenseFirstPageBeforeASparseYearMakesNoMoreThanSixtyFourSlices()
    {
        // A bulk import of 100 rows in one minute, the newest row a year on: the guess is 52 million rows.
        var cuts = SlicePlanner.CutPoints(Start, Start, 100, Start.AddDays(365), chains: 2);

        Assert.Equal(SlicePlanner.MaximumSlices - 1, cuts.Count);
        Assert.Equal(cuts.OrderBy(cut => cut), cuts);
    }
}
