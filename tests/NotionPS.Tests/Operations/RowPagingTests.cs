using System.Linq;
using NotionPS.Operations;
using Xunit;

namespace NotionPS.Tests.Operations;

/// <summary>-Skip and -First of Get-NotionDatabaseRow as counts: which rows go out, and how many rows a read may still ask for.</summary>
public class RowPagingTests
{
    private const ulong All = ulong.MaxValue;

    private static void Take(RowPaging paging, int rows)
    {
        for (var i = 0; i < rows; i++)
        {
            paging.Take();
        }
    }

    [Fact]
    public void WithoutLimitsEveryPageIsFullAndTheReadNeverHasItsRows()
    {
        var paging = new RowPaging(All, 0);
        Take(paging, 1000);

        Assert.False(paging.Done);
        Assert.Equal(RowReader.AllRows, paging.RowsWanted);
        Assert.Equal(1000UL, paging.Returned);
    }

    [Fact]
    public void FirstAsksForNoMoreRowsThanWantedAndEndsTheReadOnceItHasThem()
    {
        var paging = new RowPaging(5, 0);
        Assert.Equal(5, paging.RowsWanted);

        Take(paging, 3);
        Assert.Equal(2, paging.RowsWanted);
        Assert.False(paging.Done);

        Take(paging, 2);
        Assert.True(paging.Done);
        Assert.Equal(0, paging.RowsWanted);
    }

    [Fact]
    public void SkippedRowsAreCountedApartAndAskedForToo()
    {
        var paging = new RowPaging(5, 3);
        Assert.Equal(8, paging.RowsWanted);

        var returned = Enumerable.Range(0, 5).Select(_ => paging.Take()).ToArray();

        Assert.Equal(new[] { false, false, false, true, true }, returned);
        Assert.Equal(3UL, paging.Skipped);
        Assert.Equal(2UL, paging.Returned);
        Assert.Equal(3, paging.RowsWanted);
    }

    [Theory]
    [InlineData(250UL, 0UL, 0, 250L)]
    [InlineData(250UL, 0UL, 200, 50L)]
    [InlineData(5UL, 150UL, 0, 155L)]
    [InlineData(5UL, 150UL, 100, 55L)]
    [InlineData(99UL, 1UL, 0, 100L)]
    [InlineData(All - 1, 10UL, 0, RowReader.AllRows)] // more than a long holds: every row
    public void TheRowsWantedCountThoseStillToSkip(ulong first, ulong skip, int taken, long wanted)
    {
        var paging = new RowPaging(first, skip);
        Take(paging, taken);

        Assert.Equal(wanted, paging.RowsWanted);
    }
}
