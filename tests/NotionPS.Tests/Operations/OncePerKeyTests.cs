using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Errors;
using NotionPS.Operations;
using NotionPS.Rows;
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

        // The same failure, each caller's own exception of it.
        Assert.NotSame(first, second);
        Assert.Equal("no such thing", second.Message);
        Assert.Same(first.InnerException, second.InnerException);
    }

    [Fact]
    public async Task CallersWaitingOnOneFailedLookupEachGetTheirOwnExceptionOfItsTypeIdAndFacts()
    {
        var once = new OncePerKey<string>(StringComparer.Ordinal);
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        Task<string> Lookup()
        {
            started++;
            return FailWhenAnswered(answer.Task);
        }

        var waiting = new[] { once.GetAsync("ds-1", Lookup), once.GetAsync("ds-1", Lookup), once.GetAsync("ds-1", Lookup) };
        answer.SetResult("refused");
        var failures = new List<RowValueException>();
        foreach (var caller in waiting)
        {
            failures.Add(await Assert.ThrowsAsync<RowValueException>(() => caller));
        }

        Assert.Equal(1, started);
        Assert.Equal(3, failures.Distinct().Count());
        Assert.All(failures, failure => Assert.Equal(NotionErrorIds.NotionRowValueInvalid, failure.ErrorId));
        Assert.All(failures, failure => Assert.Equal("Owner", failure.Column));
        Assert.All(failures, failure => Assert.Equal(failures[0].Message, failure.Message));

        // Each keeps where the lookup failed, and what one caller adds to its exception the others do not see.
        Assert.All(failures, failure => Assert.Contains(nameof(FailWhenAnswered), failure.StackTrace, StringComparison.Ordinal));
        failures[0].Data["row"] = 1;
        Assert.False(failures[1].Data.Contains("row"));
        Assert.Equal("read", await once.GetAsync("ds-1", () => Task.FromResult("read")));
    }

    [Fact]
    public async Task ACancelledLookupIsACancellationForEachCallerWithTheToken()
    {
        var once = new OncePerKey<string>(StringComparer.Ordinal);
        using var stopping = new CancellationTokenSource();
        stopping.Cancel();

        var first = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => once.GetAsync("ds-1", () => Task.FromException<string>(new OperationCanceledException(stopping.Token))));
        var second = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => once.GetAsync("ds-1", () => Task.FromCanceled<string>(stopping.Token)));

        Assert.Equal(stopping.Token, first.CancellationToken);
        Assert.Equal(stopping.Token, second.CancellationToken);
    }

    private static async Task<string> FailWhenAnswered(Task<string> answer) =>
        throw new RowValueException("Owner", "people", "x@acme.example", await answer);
}
