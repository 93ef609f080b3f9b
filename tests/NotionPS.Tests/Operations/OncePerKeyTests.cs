using System;
using System.Threading.Tasks;
using NotionPS.Operations;
using Xunit;

namespace NotionPS.Tests.Operations;

public class OncePerKeyTests
{
    [Fact]
    public async Task CallersAskingWhileTheLookupRunsShareItAndLaterOnesGetItsAnswer()
    {
        var once = new OncePerKey<string>(StringComparer.OrdinalIgnoreCase);
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        Task<string> Lookup()
        {
            started++;
            return answer.Task;
        }

        var first = once.GetAsync("ds-1", Lookup);
        var second = once.GetAsync("DS-1", Lookup);
        Assert.False(first.IsCompleted);
        answer.SetResult("schema");

        Assert.Equal(new[] { "schema", "schema" }, await Task.WhenAll(first, second));
        Assert.Equal("schema", await once.GetAsync("ds-1", () => throw new InvalidOperationException("asked again")));
        Assert.Equal(1, started);
    }

    [Fact]
    public async Task AnotherKeyHasALookupOfItsOwn()
    {
        var once = new OncePerKey<string>(StringComparer.Ordinal);

        Assert.Equal("a", await once.GetAsync("a", () => Task.FromResult("a")));
        Assert.Equal("b", await once.GetAsync("b", () => Task.FromResult("b")));
    }

    [Fact]
    public async Task AFailedLookupIsForgottenSoTheNextCallerAsksAgain()
    {
        var once = new OncePerKey<string>(StringComparer.Ordinal);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => once.GetAsync("ds-1", () => Task.FromException<string>(new InvalidOperationException("refused"))));
        Assert.Equal("refused", failure.Message);
        Assert.Equal("read", await once.GetAsync("ds-1", () => Task.FromResult("read")));
    }

    [Fact]
    public async Task AFinalFailureIsKeptForTheNextCaller()
    {
        var once = new OncePerKey<string>(StringComparer.Ordinal, failure => failure is ArgumentException);

        var first = await Assert.ThrowsAsync<ArgumentException>(() => once.GetAsync("ds-1", () => Task.FromException<string>(new ArgumentException("no such thing"))));
        var second = await Assert.ThrowsAsync<ArgumentException>(() => once.GetAsync("ds-1", () => throw new InvalidOperationException("asked again")));

        Assert.Same(first, second);
    }
}
