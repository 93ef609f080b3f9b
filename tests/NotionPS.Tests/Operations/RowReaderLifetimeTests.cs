using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Operations;
using NotionPS.Tests.Client;
using Xunit;

namespace NotionPS.Tests.Operations;

/// <summary>What a RowReader does with its reader tasks: failures come out in turn, and nothing runs on after Dispose.</summary>
public class RowReaderLifetimeTests
{
    private const string FirstPage = """
        {"object":"list","results":[{"object":"page","id":"p1","created_time":"2026-01-01T00:00:00.000Z"}],"has_more":true,"next_cursor":"c2"}
        """;

    /// <summary>Holds every request until it is cancelled, then ends it on another thread and notes that it ended.</summary>
    private sealed class HoldingHandler : HttpMessageHandler
    {
        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<string> Events { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Asked.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return new HttpResponseMessage();
            }
            finally
            {
                // Off the cancelling thread: only a Dispose that waits for its readers sees this first.
                await Task.Yield();
                Events.Enqueue("request ended");
            }
        }
    }

    private static RowReader Open(HttpMessageHandler handler, long rowsWanted = RowReader.AllRows) =>
        new(NotionClientTests.NewClient(handler, new FakeClock()), "ds1", null, null, rowsWanted, new RecordingLog(), CancellationToken.None);

    [Fact]
    public async Task DisposeReturnsOnlyOnceTheRequestInFlightHasEnded()
    {
        var handler = new HoldingHandler();
        var reader = Open(handler);
        await handler.Asked.Task;

        reader.Dispose();
        handler.Events.Enqueue("dispose returned");

        Assert.Equal(new[] { "request ended", "dispose returned" }, handler.Events);
    }

    [Fact]
    public async Task APageReadBeforeAFailureComesOutFirstThenTheFailure()
    {
        var handler = new NotionClientTests.ScriptedHandler(NotionClientTests.Ok(FirstPage), NotionClientTests.Error(400, "validation_error", "bad cursor"));
        using var reader = Open(handler, rowsWanted: 150);

        using (var batch = await reader.NextAsync(CancellationToken.None))
        {
            Assert.Equal("p1", batch!.Rows.Single().GetProperty("id").GetString());
        }

        var failure = await Assert.ThrowsAsync<NotionApiException>(() => reader.NextAsync(CancellationToken.None));
        Assert.Equal("validation_error", failure.Code);
        Assert.Equal(new[] { "POST", "POST" }, handler.Requests.Select(request => request.Method));
        Assert.EndsWith("v1/data_sources/ds1/query", handler.Requests[1].Uri);
        Assert.Contains("\"start_cursor\":\"c2\"", handler.Requests[1].Body);
    }
}
