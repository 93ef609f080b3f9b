using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Cmdlets;
using Xunit;

namespace NotionPS.Tests.Cmdlets;

/// <summary>
/// The pipeline thread's hand-off: every line written in the order it was queued, the work's end waking the wait,
/// ticks while nothing comes. Relay runs on a thread of its own where it waits, so that a wake-up that never comes
/// fails the test at the guard (a TimeoutException) instead of hanging the run.
/// </summary>
public class PipelineInboxTests
{
    /// <summary>Only against a hang: no test depends on how long anything takes.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private static Task RelayOnItsOwnThread(PipelineInbox<string> inbox, Task work, Action<string> write, Action? tick = null) =>
        Task.Factory.StartNew(() => inbox.Relay(work, write, tick), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    [Fact]
    public async Task LinesQueuedFromSeveralThreadsAreAllWrittenEachThreadsInItsOrder()
    {
        var inbox = new PipelineInbox<string>();
        var start = new ManualResetEventSlim();
        var work = Task.WhenAll(Enumerable.Range(0, 4).Select(thread => Task.Run(() =>
        {
            start.Wait();
            for (var i = 0; i < 500; i++)
            {
                inbox.Add($"{thread}:{i}");
            }
        })));
        var written = new List<string>();

        var relay = RelayOnItsOwnThread(inbox, work, written.Add);
        start.Set();

        await relay.WaitAsync(HangGuard);
        Assert.Equal(2000, written.Count);
        foreach (var thread in written.GroupBy(text => text.Split(':')[0]))
        {
            Assert.Equal(Enumerable.Range(0, 500), thread.Select(text => int.Parse(text.Split(':')[1])));
        }
    }

    [Fact]
    public async Task LinesStillQueuedWhenTheWorkEndsAreWrittenBeforeRelayReturns()
    {
        var inbox = new PipelineInbox<string>();
        var work = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstWritten = new ManualResetEventSlim();
        var restQueued = new ManualResetEventSlim();
        var written = new List<string>();

        var relay = RelayOnItsOwnThread(inbox, work.Task, line =>
        {
            written.Add(line);
            if (line == "first")
            {
                // Holds the pipeline thread while the work queues more lines and ends.
                firstWritten.Set();
                restQueued.Wait();
            }
        });
        inbox.Add("first");
        Assert.True(firstWritten.Wait(HangGuard));
        inbox.Add("second");
        inbox.Add("last");
        work.SetResult();
        restQueued.Set();

        await relay.WaitAsync(HangGuard);
        Assert.Equal(new[] { "first", "second", "last" }, written);
    }

    [Fact]
    public async Task CancellingTheWorkWhileRelayWaitsEndsTheWait()
    {
        var inbox = new PipelineInbox<string>();
        using var stopping = new CancellationTokenSource();
        var work = Task.Delay(Timeout.Infinite, stopping.Token);

        var relay = RelayOnItsOwnThread(inbox, work, _ => { });
        stopping.Cancel();

        await relay.WaitAsync(HangGuard);
        Assert.True(work.IsCanceled);
    }

    [Fact]
    public async Task TicksComeWhileTheWorkRunsWithoutLines()
    {
        var inbox = new PipelineInbox<string>();
        var work = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ticks = 0;

        // The work ends only once it has been ticked twice: without ticks the relay would wait for ever.
        var relay = RelayOnItsOwnThread(inbox, work.Task, _ => { }, () =>
        {
            if (++ticks == 2)
            {
                work.SetResult();
            }
        });

        await relay.WaitAsync(HangGuard);
        Assert.Equal(2, ticks);
    }

    [Fact]
    public void LinesAfterCloseAreDroppedAndThoseBeforeAreStillWritten()
    {
        var inbox = new PipelineInbox<string>();
        inbox.Add("before");
        inbox.Close();
        inbox.Add("after");
        var written = new ConcurrentQueue<string>();

        inbox.WritePending(written.Enqueue);

        Assert.Equal(new[] { "before" }, written);
    }
}
