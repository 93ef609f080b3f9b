using System;
using NotionPS.Client;
using Xunit;

namespace NotionPS.Tests.Client;

public class RetryPolicyTests
{
    [Theory]
    [InlineData(429, false, true)]
    [InlineData(529, false, true)]
    [InlineData(500, true, true)]
    [InlineData(502, true, true)]
    [InlineData(503, true, true)]
    [InlineData(504, true, true)]
    [InlineData(0, true, true)]
    [InlineData(500, false, false)]
    [InlineData(503, false, false)]
    [InlineData(0, false, false)]
    [InlineData(400, true, false)]
    [InlineData(401, true, false)]
    [InlineData(404, true, false)]
    [InlineData(409, true, false)]
    public void RetriesOnlyWhatIsSafe(int status, bool safeToRepeat, bool expected)
    {
        Assert.Equal(expected, new RetryPolicy(3).ShouldRetry(1, status, safeToRepeat, TimeSpan.Zero));
    }

    [Fact]
    public void StopsAfterTheMaximumCount()
    {
        var policy = new RetryPolicy(2);

        Assert.True(policy.ShouldRetry(2, 429, false, TimeSpan.Zero));
        Assert.False(policy.ShouldRetry(3, 429, false, TimeSpan.Zero));
        Assert.False(new RetryPolicy(0).ShouldRetry(1, 429, true, TimeSpan.Zero));
    }

    [Fact]
    public void RefusesToWaitLongerThanTheCap()
    {
        var policy = new RetryPolicy(5);

        Assert.True(policy.ShouldRetry(1, 429, true, RetryPolicy.DefaultMaximumWait));
        Assert.False(policy.ShouldRetry(1, 429, true, RetryPolicy.DefaultMaximumWait + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void AChosenCapDecidesWhichServerWaitIsTooLong()
    {
        var policy = new RetryPolicy(5, TimeSpan.FromSeconds(120));

        Assert.True(policy.ShouldRetry(1, 429, true, TimeSpan.FromSeconds(95)));
        Assert.False(policy.IsWaitTooLong(429, TimeSpan.FromSeconds(95)));
        Assert.True(policy.IsWaitTooLong(529, TimeSpan.FromSeconds(121)));
        Assert.False(policy.IsWaitTooLong(503, TimeSpan.FromSeconds(121)));
        Assert.True(new RetryPolicy(5).IsWaitTooLong(429, TimeSpan.FromSeconds(95)));
    }

    [Fact]
    public void WaitsForRetryAfterWhenGivenElseBacksOffExponentially()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), RetryPolicy.Delay(1, TimeSpan.FromSeconds(7)));
        Assert.Equal(TimeSpan.Zero, RetryPolicy.Delay(1, TimeSpan.FromSeconds(-3)));
        Assert.Equal(TimeSpan.FromMilliseconds(500), RetryPolicy.Delay(1, null));
        Assert.Equal(TimeSpan.FromSeconds(1), RetryPolicy.Delay(2, null));
        Assert.Equal(TimeSpan.FromSeconds(2), RetryPolicy.Delay(3, null));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryPolicy.Delay(20, null));
    }
}
