using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Cmdlets;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.Cmdlets;

/// <summary>
/// The bound of a stop's wait (StopAndEnd): a row whose work ignores the cancellation (a transport that does not heed it,
/// a read of a stalled network share) is waited for at most the bound, then the command returns without it and says so
/// on Verbose. The xUnit timeout only guards against a hang: an unbounded wait, or reading the outcome of the row still
/// running, never returns.
/// </summary>
public sealed class StopWaitBoundTests
{
    [Fact(Timeout = 120_000)]
    public async Task AStoppedCommandReturnsWithoutWorkThatIgnoresTheCancellationAndSaysSoOnVerbose()
    {
        using var session = new ModuleSession();
        var result = await Task.Run(() => session.Run(
            """
            Import-Module -Assembly ([NotionPS.Tests.Cmdlets.DeafRowsCommand].Assembly)
            try { 1, 2 | Invoke-DeafRows -WarningAction Stop -Verbose } catch { $_.FullyQualifiedErrorId }
            """));

        Assert.Equal(new object[] { "ActionPreferenceStop,NotionPS.Tests.Cmdlets.DeafRowsCommand" }, result.Output.Select(line => line.BaseObject));
        var verbose = Assert.Single(result.Verbose).Message;
        Assert.Equal(
            "Stopped, 1 of this command's requests had not ended after 5 s; it returns without them, and any of them may still reach Notion: check what they were writing before running it again.",
            verbose);
        Assert.False(DeafRowsCommand.Deaf.Task.IsCompleted);
    }
}

/// <summary>
/// Rows through OrderedWork: row 1's work ignores the cancellation and never ends; row 2 warns as it is taken, which
/// stops the command under -WarningAction Stop. Its completion reads each row's outcome, as the row cmdlets' does.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "DeafRows")]
public sealed class DeafRowsCommand : NotionAsyncCmdlet
{
    /// <summary>Row 1's work: never completed, whatever is cancelled.</summary>
    public static TaskCompletionSource<int> Deaf { get; private set; } = new();

    private OrderedWork<int>? rows;

    [Parameter(ValueFromPipeline = true)]
    public int Row { get; set; }

    protected override void BeginProcessing()
    {
        Deaf = new TaskCompletionSource<int>();
        rows = new OrderedWork<int>(this, 8, (_, work) => WriteObject(((Task<int>)work).Result));
    }

    protected override void ProcessRecord() => rows!.StoppingAllOnThrow(() =>
    {
        if (Row == 2)
        {
            WriteWarning("Stop here.");
        }

        rows.Add(Deaf.Task, Row);
    });

    protected override void EndProcessing() => rows!.Drain();
}
