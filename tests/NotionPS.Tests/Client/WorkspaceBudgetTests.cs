using System;
using System.Linq;
using NotionPS.Client;
using Xunit;

namespace NotionPS.Tests.Client;

/// <summary>
/// A declared workspace budget (-WorkspaceRequestsPerMinute): one per-minute limiter that paces every token of the
/// workspace besides each token's own limit, on a clock that moves only when told.
/// </summary>
public class WorkspaceBudgetTests
{
    private static readonly TimeSpan FreedAfter = TimeSpan.FromSeconds(61);

    [Fact]
    public void TwoTokensOfTheWorkspaceShareOneBudgetWhateverTheirOwnLimits()
    {
        var clock = new FakeClock();
        var workspace = new WorkspaceLimit(clock);
        var (first, second) = (Joined(workspace, new RateLimiter(0, 1, clock)), Joined(workspace, new RateLimiter(0, 1, clock)));
        workspace.Declare(3);

        var waits = new[] { first.Reserve(), second.Reserve(), first.Reserve(), second.Reserve(), first.Reserve() };

        Assert.Equal(new[] { TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, FreedAfter, FreedAfter }, waits);
    }

    [Fact]
    public void WithoutADeclarationTheTokensOfTheWorkspaceAreNotPacedTogether()
    {
        var clock = new FakeClock();
        var workspace = new WorkspaceLimit(clock);
        var (first, second) = (Joined(workspace, new RateLimiter(0, 1, clock)), Joined(workspace, new RateLimiter(0, 1, clock)));

        Assert.All(Enumerable.Range(0, 10).Select(_ => first.Reserve()).Concat(Enumerable.Range(0, 10).Select(_ => second.Reserve())), wait => Assert.Equal(TimeSpan.Zero, wait));
    }

    [Fact]
    public void ATokensOwnBudgetStillHoldsUnderALargerWorkspaceBudget()
    {
        var clock = new FakeClock();
        var workspace = new WorkspaceLimit(clock);
        var token = Joined(workspace, new RateLimiter(0, 1, clock, requestsPerMinute: 2));
        workspace.Declare(100);

        Assert.Equal(new[] { TimeSpan.Zero, TimeSpan.Zero, FreedAfter }, new[] { token.Reserve(), token.Reserve(), token.Reserve() });
    }

    [Fact]
    public void ATokensBurstIsKeptWhileTheWorkspaceBudgetDoesNotBind()
    {
        var clock = new FakeClock();
        var workspace = new WorkspaceLimit(clock);
        var token = Joined(workspace, new RateLimiter(2, 3, clock));
        workspace.Declare(100);
        clock.Advance(TimeSpan.FromMinutes(1));

        // As without a workspace (RateLimiterTests): after an idle minute, three back to back, then one every half second.
        Assert.Equal(new[] { 0.0, 0.0, 0.0, 0.5 }, new[] { token.Reserve(), token.Reserve(), token.Reserve(), token.Reserve() }.Select(wait => wait.TotalSeconds));
    }

    [Fact]
    public void ARequestTheWorkspaceHeldBackCountsInItsTokensOwnBudgetFromWhenItStarts()
    {
        var clock = new FakeClock();
        var workspace = new WorkspaceLimit(clock);
        var (first, second) = (Joined(workspace, new RateLimiter(0, 1, clock, requestsPerMinute: 2)), Joined(workspace, new RateLimiter(0, 1, clock, requestsPerMinute: 2)));
        workspace.Declare(3);

        var waits = new[] { first.Reserve(), first.Reserve(), second.Reserve(), second.Reserve(), second.Reserve(), second.Reserve() };

        // The second token's second request waits 61 s for the workspace: counted then, its fourth cannot go with its third
        // (the token's own budget of 2 would see three at 61 s).
        Assert.Equal(new[] { TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, FreedAfter, FreedAfter, FreedAfter + FreedAfter }, waits);
    }

    [Fact]
    public void DeclaredAgainSmallerTheSmallerHoldsAndLargerChangesNothing()
    {
        var clock = new FakeClock();
        var workspace = new WorkspaceLimit(clock);
        var token = Joined(workspace, new RateLimiter(0, 1, clock));

        Assert.Equal((0, 5), workspace.Declare(5));
        Assert.Equal(TimeSpan.Zero, token.Reserve());
        Assert.Equal(TimeSpan.Zero, token.Reserve());
        Assert.Equal(TimeSpan.Zero, token.Reserve());
        Assert.Equal((5, 2), workspace.Declare(2));
        Assert.Equal((2, 2), workspace.Declare(9));

        // Three started within the minute, and the budget is now two: the next waits for the second of them to leave it.
        Assert.Equal(FreedAfter, token.Reserve());
        Assert.Equal(FreedAfter, token.Reserve());
        Assert.Equal(2, workspace.Budget!.RequestsPerMinute);
    }

    [Fact]
    public void ARequestStartedBeforeTheWorkspaceWasKnownIsCounted()
    {
        var clock = new FakeClock();
        var workspace = new WorkspaceLimit(clock);
        var token = Joined(workspace, new RateLimiter(0, 1, clock));
        workspace.Declare(2);

        workspace.Budget!.ReserveShared();

        Assert.Equal(new[] { TimeSpan.Zero, FreedAfter }, new[] { token.Reserve(), token.Reserve() });
    }

    [Fact]
    public void AWorkspace429StillPausesEveryTokenAndTheBudgetPacesAfterIt()
    {
        var clock = new FakeClock();
        var workspace = new WorkspaceLimit(clock);
        var (drawing, other) = (Joined(workspace, new RateLimiter(0, 1, clock)), Joined(workspace, new RateLimiter(0, 1, clock)));
        workspace.Declare(2);

        Assert.Equal(TimeSpan.Zero, drawing.Reserve());
        drawing.PauseFor(TimeSpan.FromSeconds(10), wholeWorkspace: true);

        Assert.Equal(TimeSpan.FromSeconds(10), other.Reserve());
        Assert.Equal(FreedAfter, drawing.Reserve());
    }

    /// <summary>A token's limiter that has joined the workspace, as a connect does once users/me names it.</summary>
    private static RateLimiter Joined(WorkspaceLimit workspace, RateLimiter limiter)
    {
        limiter.JoinWorkspace(workspace);
        return limiter;
    }
}
