using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Operations;
using Xunit;

namespace NotionPS.Tests.Operations;

/// <summary>
/// One slice's hand-offs between its reader and the consumer: who goes on on which thread, pages before the end,
/// cancelled waits, and pages let go once closed.
/// </summary>
public class RowSliceTests
{
    private static RowSlice NewSlice(int pagesAhead) => new(new RowQuery(null, null), pagesAhead, mayCut: false);

    private static RowBatch Batch(string id, Action makeRoom)
    {
        using var list = JsonDocument.Parse($$"""{"object":"list","results":[{"object":"page","id":"{{id}}"}],"has_more":false}""");
        var page = ListPage.From(list.RootElement, "POST", "v1/data_sources/ds1/query");
        return new RowBatch(page, page.Results, makeRoom);
    }

    private static string? IdOf(RowBatch? batch) => batch?.Rows[0].GetProperty("id").GetString();

    /// <summary>Runs <paramref name="action"/> on a new thread (never a pool thread) and returns that thread's ID once it is done.</summary>
    private static int OnANewThread(Action action)
    {
        var thread = new Thread(() => action());
        thread.Start();
        thread.Join();
        return thread.ManagedThreadId;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AConsumerWaitingForAPageGoesOnOnTheProducersThreadOnlyWhenItAsked(bool resumeOnProducer)
    {
        var slice = NewSlice(2);
        var take = slice.TakeAsync(resumeOnProducer, CancellationToken.None);
        var resumedOn = take.ContinueWith(_ => Environment.CurrentManagedThreadId, TaskContinuationOptions.ExecuteSynchronously);
        Assert.False(take.IsCompleted);

        var producer = OnANewThread(() => slice.Add(Batch("p1", slice.FreeRoom)));

        Assert.Equal("p1", IdOf(await take));
        Assert.Equal(resumeOnProducer, await resumedOn == producer);
    }

    [Fact]
    public async Task AProducerWaitingForRoomGoesOnOnTheThreadThatFreesIt()
    {
        var slice = NewSlice(1);
        Assert.True(slice.WaitForRoomAsync(CancellationToken.None).IsCompletedSuccessfully);
        var room = slice.WaitForRoomAsync(CancellationToken.None);
        var resumedOn = room.ContinueWith(_ => Environment.CurrentManagedThreadId, TaskContinuationOptions.ExecuteSynchronously);
        Assert.False(room.IsCompleted);

        var consumer = OnANewThread(slice.FreeRoom);

        await room;
        Assert.Equal(consumer, await resumedOn);
    }

    [Fact]
    public async Task RoomFreedWhileNoProducerWaitsIsTakenLaterWithoutWaiting()
    {
        var slice = NewSlice(1);
        await slice.WaitForRoomAsync(CancellationToken.None);
        Assert.False(slice.WaitForRoomAsync(new CancellationTokenSource(0).Token).IsCompletedSuccessfully);

        slice.FreeRoom();

        Assert.True(slice.WaitForRoomAsync(CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task PagesQueuedBeforeTheSliceFailedAreTakenBeforeTheFailure()
    {
        var slice = NewSlice(2);
        slice.Add(Batch("p1", slice.FreeRoom));
        slice.Add(Batch("p2", slice.FreeRoom));
        slice.Finish(new InvalidOperationException("the read broke"));

        Assert.Equal("p1", IdOf(await slice.TakeAsync(true, CancellationToken.None)));
        Assert.Equal("p2", IdOf(await slice.TakeAsync(true, CancellationToken.None)));
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => slice.TakeAsync(true, CancellationToken.None));
        Assert.Equal("the read broke", failure.Message);
    }

    [Fact]
    public async Task TheEndWakesAWaitingConsumerWithNoPage()
    {
        var slice = NewSlice(2);
        var take = slice.TakeAsync(true, CancellationToken.None);
        Assert.False(take.IsCompleted);

        slice.Finish(null);

        Assert.Null(await take);
    }

    [Fact]
    public async Task ACancelledWaitForAPageThrowsAndTheNextTakeStillGetsThePage()
    {
        var slice = NewSlice(2);
        using var stopping = new CancellationTokenSource();
        var take = slice.TakeAsync(true, stopping.Token);

        stopping.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => take);
        slice.Add(Batch("p1", slice.FreeRoom));
        Assert.Equal("p1", IdOf(await slice.TakeAsync(true, CancellationToken.None)));
    }

    [Fact]
    public async Task ACancelledWaitForRoomThrows()
    {
        var slice = NewSlice(1);
        await slice.WaitForRoomAsync(CancellationToken.None);
        using var stopping = new CancellationTokenSource();
        var room = slice.WaitForRoomAsync(stopping.Token);

        stopping.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => room);
    }

    [Fact]
    public void ClosingLetsGoOfThePagesWaitingAndOfThoseThatStillCome()
    {
        var slice = NewSlice(2);
        var letGo = new List<string>();
        slice.Add(Batch("p1", () => letGo.Add("p1")));

        slice.Close();
        slice.Add(Batch("p2", () => letGo.Add("p2")));

        Assert.Equal(new[] { "p1", "p2" }, letGo);
    }
}
