using System.Linq;
using NotionPS.Operations;
using Xunit;

namespace NotionPS.Tests.Operations;

/// <summary>-Skip and -First of Get-NotionDatabaseRow as counts: which rows go out, and how big the next page is.</summary>
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

        Assert.False(paging.Limited);
        Assert.False(paging.Done);
        Assert.Equal(100, paging.PageSize());
        Assert.Equal(1000UL, paging.Returned);
    }

    [Fact]
    public void FirstAsksForNoMoreRowsThanWantedAndEndsTheReadOnceItHasThem()
    {
        var paging = new RowPaging(5, 0);
        Assert.True(paging.Limited);
        Assert.Equal(5, paging.PageSize());

        Take(paging, 3);
        Assert.Equal(2, paging.PageSize());
        Assert.False(paging.Done);

        Take(paging, 2);
        Assert.True(paging.Done);
        Assert.Equal(0, paging.PageSize());
    }

    [Fact]
    public void SkippedRowsAreCountedApartAndAskedForToo()
    {
        var paging = new RowPaging(5, 3);
        Assert.Equal(8, paging.PageSize());

        var returned = Enumerable.Range(0, 5).Select(_ => paging.Take()).ToArray();

        Assert.Equal(new[] { false, false, false, true, true }, returned);
        Assert.Equal(3UL, paging.Skipped);
        Assert.Equal(2UL, paging.Returned);
        Assert.Equal(3, paging.PageSize());
    }

    [Theory]
    [InlineData(250UL, 0UL, 0, 100)]
    [InlineData(250UL, 0UL, 200, 50)]
    [InlineData(5UL, 150UL, 0, 100)]
    [InlineData(5UL, 150UL, 100, 55)]
    [InlineData(99UL, 1UL, 0, 100)]
    public void APageIsAtMostOneHundredRows(ulong first, ulong skip, int taken, int pageSize)
    {
        var paging = new RowPaging(first, skip);
        Take(paging, taken);

        Assert.Equal(pageSize, paging.PageSize());
    }
}
