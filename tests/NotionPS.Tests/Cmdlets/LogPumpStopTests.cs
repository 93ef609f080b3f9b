using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Cmdlets;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.Cmdlets;

/// <summary>
/// RunWithLogPump when a line it writes throws (-WarningAction Stop): the work is cancelled and has ended, its failure
/// observed, before the stop goes on. A cmdlet of this test's own, whose work fails on its way out, shows both.
/// </summary>
public sealed class LogPumpStopTests
{
    [Fact]
    public void AWarningThatStopsTheCommandCancelsItsWorkAndTheStopGoesOnOnlyOnceTheWorkEnded()
    {
        var unobserved = new List<AggregateException>();
        void Record(object? sender, UnobservedTaskExceptionEventArgs args)
        {
            if (args.Exception.InnerExceptions.Any(failure => failure.Message == WarnThenWaitCommand.FailureOnTheWayOut))
            {
                lock (unobserved)
                {
                    unobserved.Add(args.Exception);
                }
            }
        }

        TaskScheduler.UnobservedTaskException += Record;
        try
        {
            var result = RunStoppedCommand();

            Assert.IsType<ActionPreferenceStopException>(Assert.IsType<ErrorRecord>(result.Output[0].BaseObject).Exception);
            Assert.Equal("ActionPreferenceStop,NotionPS.Tests.Cmdlets.WarnThenWaitCommand", ((ErrorRecord)result.Output[0].BaseObject).FullyQualifiedErrorId);
            Assert.Equal(true, result.Output[1].BaseObject);

            // The work's own failure (after the stop, on its way out) was observed, not left to the finalizer.
            WaitForTheWorkToEnd();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Assert.Empty(unobserved);
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= Record;
        }
    }

    [Fact]
    public void AWarningWrittenBetweenRowsStopsEveryRowStillInFlightBeforeTheStopGoesOn()
    {
        using var session = new ModuleSession();
        var result = session.Run(
            """
            Import-Module -Assembly ([NotionPS.Tests.Cmdlets.WarnThenWaitCommand].Assembly)
            try { 1..3 | Invoke-OrderedWarnThenWait -WarningAction Stop } catch { $_; [NotionPS.Tests.Cmdlets.OrderedWarnThenWaitCommand]::EndedCount() }
            """);

        Assert.Equal("ActionPreferenceStop,NotionPS.Tests.Cmdlets.OrderedWarnThenWaitCommand", Assert.IsType<ErrorRecord>(result.Output[0].BaseObject).FullyQualifiedErrorId);

        // Three rows were in flight (the limit is higher): each was cancelled and had ended when the stop reached the script.
        Assert.Equal(3, result.Output[1].BaseObject);
    }

    private static ScriptResult RunStoppedCommand()
    {
        using var session = new ModuleSession();
        return session.Run(
            """
            Import-Module -Assembly ([NotionPS.Tests.Cmdlets.WarnThenWaitCommand].Assembly)
            try { Invoke-WarnThenWait -WarningAction Stop } catch { $_; [NotionPS.Tests.Cmdlets.WarnThenWaitCommand]::HasEnded() }
            """);
    }

    /// <summary>Waits without observing the failure (a work already collected has ended), and keeps no reference to the work for the collection that follows.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WaitForTheWorkToEnd()
    {
        if (WarnThenWaitCommand.Work.TryGetTarget(out var work))
        {
            ((IAsyncResult)work).AsyncWaitHandle.WaitOne();
        }
    }
}

/// <summary>Warns, then waits until cancelled, and then fails.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "WarnThenWait")]
public sealed class WarnThenWaitCommand : NotionAsyncCmdlet
{
    public const string FailureOnTheWayOut = "The work failed after it was cancelled.";

    /// <summary>Weak: a work nobody holds is collected, and its failure, unless observed, is reported unobserved.</summary>
    public static WeakReference<Task> Work { get; private set; } = new WeakReference<Task>(Task.CompletedTask);

    /// <summary>
    /// Whether the work has ended. A work collected already has: until it ends, the cancelled delay's continuation, queued
    /// on the thread pool, holds it (a collection between the stop and this check, under a busy full run, made it read
    /// false once).
    /// </summary>
    public static bool HasEnded() => !Work.TryGetTarget(out var work) || work.IsCompleted;

    protected override void ProcessRecord() =>
        RunWithLogPump(cancellationToken =>
        {
            var work = WarnThenWaitAsync(cancellationToken);
            Work = new WeakReference<Task>(work);
            return work;
        });

    private async Task WarnThenWaitAsync(CancellationToken cancellationToken)
    {
        Log.Warning("Stop here.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Off the thread that cancelled, so ending takes a moment the stop must wait for.
            await Task.Yield();
            throw new InvalidOperationException(FailureOnTheWayOut);
        }
    }
}

/// <summary>Rows written in order through OrderedWork: each waits until cancelled and then fails; the third warns as it starts.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "OrderedWarnThenWait")]
public sealed class OrderedWarnThenWaitCommand : NotionAsyncCmdlet
{
    private static readonly List<Task> Started = new();

    private OrderedWork<int>? rows;

    [Parameter(ValueFromPipeline = true)]
    public int Row { get; set; }

    public static int EndedCount()
    {
        lock (Started)
        {
            return Started.Count(work => work.IsCompleted);
        }
    }

    protected override void BeginProcessing()
    {
        lock (Started)
        {
            Started.Clear();
        }

        rows = new OrderedWork<int>(this, 8, (_, _) => { });
    }

    protected override void ProcessRecord()
    {
        var work = WaitThenFailAsync(Row, CancelOnStop);
        lock (Started)
        {
            Started.Add(work);
        }

        rows!.Add(work, Row);
    }

    protected override void EndProcessing() => rows!.Drain();

    private async Task WaitThenFailAsync(int row, CancellationToken cancellationToken)
    {
        if (row == 3)
        {
            Log.Warning("Stop here.");
        }

        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ending takes a while, as a request unwinding does: PowerShell's own disposal of the command after the stop
            // cancels the rows too, but does not wait for them.
            await Task.Delay(300, CancellationToken.None).ConfigureAwait(false);
            throw new InvalidOperationException("The row failed after it was cancelled.");
        }
    }
}
