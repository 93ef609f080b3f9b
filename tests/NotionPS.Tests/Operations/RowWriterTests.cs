using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Operations;
using NotionPS.Rows;
using NotionPS.Tests.Client;
using Xunit;
using static NotionPS.Tests.Client.NotionClientTests;

namespace NotionPS.Tests.Operations;

/// <summary>Rows created, changed, trashed and read in full, against the scripted handler.</summary>
public class RowWriterTests
{
    private const string Api = "https://api.notion.com/";

    internal static string Page(string id, string name = "A", string extraProperties = "") =>
        $$$"""{"object":"page","id":"{{{id}}}","created_time":"2026-01-01T00:00:00.000Z","last_edited_time":"2026-01-01T00:00:00.000Z","parent":{"type":"data_source_id","data_source_id":"ds1","database_id":"db1"},"url":"https://www.notion.so/{{{id}}}","properties":{"Name":{"id":"title","type":"title","title":[{"plain_text":"{{{name}}}","text":{"content":"{{{name}}}"}}]}{{{extraProperties}}}}}""";

    private static string Relations(int count, bool hasMore) =>
        $$""","Links":{"id":"rel1","type":"relation","relation":[{{string.Join(",", Enumerable.Range(0, count).Select(i => $$"""{"id":"r{{i}}"}"""))}}],"has_more":{{(hasMore ? "true" : "false")}}}""";

    private static string RelationItems(int count) =>
        $$"""{"object":"list","type":"property_item","results":[{{string.Join(",", Enumerable.Range(0, count).Select(i => $$$"""{"object":"property_item","type":"relation","relation":{"id":"r{{{i}}}"}}"""))}}],"has_more":false,"next_cursor":null}""";

    private static JsonObject NameIs(string name) => new() { ["Name"] = new JsonObject { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = name } }) } };

    /// <summary>
    /// A stop that cancels a create, a change or a trash request after it was sent, before the answer, may have come after
    /// Notion did it: the row's failure says so (RowRequestStoppedException), and what the request would have done. Before,
    /// it was a bare cancellation, which the row cmdlets drop without a word (the trash request's until now).
    /// </summary>
    [Theory]
    [InlineData("Create")]
    [InlineData("Change")]
    [InlineData("Trash")]
    public async Task AWriteCancelledAfterItWasSentMayHaveBeenDone(string request)
    {
        var kind = System.Enum.Parse<RowRequestKind>(request);
        var handler = new HeldHandler();
        using var stop = new CancellationTokenSource();

        var write = HeldWrite(handler, kind, stop.Token);
        await handler.Seen.Task;
        stop.Cancel();

        var stopped = await Assert.ThrowsAsync<RowRequestStoppedException>(() => write);
        Assert.Equal(kind, stopped.Kind);
        Assert.Equal("NotionRowStoppedInFlight", stopped.ErrorId);
        Assert.IsAssignableFrom<System.OperationCanceledException>(stopped.InnerException);
    }

    /// <summary>A write cancelled before it was sent (here, before it began) is a plain cancellation: nothing of it was written.</summary>
    [Theory]
    [InlineData("Create")]
    [InlineData("Change")]
    [InlineData("Trash")]
    public async Task AWriteCancelledBeforeItWasSentIsAPlainCancellation(string request)
    {
        var kind = System.Enum.Parse<RowRequestKind>(request);
        var handler = new HeldHandler();

        var write = HeldWrite(handler, kind, new CancellationToken(canceled: true));

        var cancelled = await Assert.ThrowsAnyAsync<System.OperationCanceledException>(() => write);
        Assert.False(handler.Seen.Task.IsCompleted);
        Assert.Null(cancelled.InnerException as RowRequestStoppedException);
    }

    /// <summary>
    /// A 429 says Notion did nothing: a stop while the write waits to be sent again is a plain cancellation, so no row is told
    /// it may exist (or hold the change, or be in the trash) when it cannot. Before, the first attempt's mark stayed set and
    /// the stop in the wait was RowRequestStoppedException.
    /// </summary>
    [Theory]
    [InlineData("Create")]
    [InlineData("Change")]
    [InlineData("Trash")]
    public async Task AWriteStoppedWhileItWaitsToBeSentAgainAfterA429IsAPlainCancellation(string request)
    {
        var kind = System.Enum.Parse<RowRequestKind>(request);
        var clock = new HeldWaitClock();
        var handler = new ScriptedHandler(RateLimited(30));
        using var stop = new CancellationTokenSource();

        var write = Write(NewClient(handler, clock), kind, stop.Token);
        await clock.Waiting.Task;
        stop.Cancel();

        var cancelled = await Assert.ThrowsAnyAsync<System.OperationCanceledException>(() => write);
        Assert.Null(cancelled.InnerException as RowRequestStoppedException);
        Assert.Single(handler.Requests);
    }

    /// <summary>The retry after the 429 goes out again: a stop before its answer may again come after Notion did the write.</summary>
    [Fact]
    public async Task TheRetryAfterA429MayHaveBeenDoneOnceItIsSent()
    {
        var handler = new HeldHandler(RateLimited(0));
        using var stop = new CancellationTokenSource();

        var write = HeldWrite(handler, RowRequestKind.Create, stop.Token);
        await handler.Seen.Task;
        stop.Cancel();

        Assert.Equal(RowRequestKind.Create, (await Assert.ThrowsAsync<RowRequestStoppedException>(() => write)).Kind);
    }

    /// <summary>
    /// A create whose every attempt Notion answered 529 (too busy to take it, so the client repeats even a create) was not
    /// done: it fails with Notion's answer, not as a row that may exist. A 503 may have been done after all.
    /// </summary>
    [Theory]
    [InlineData(529, "service_overload", false)]
    [InlineData(503, "service_unavailable", true)]
    public async Task ACreateThatFailsWithA529WasNotDoneAndA503MayHaveBeen(int status, string code, bool mayExist)
    {
        var handler = new ScriptedHandler(Error(status, code));

        var failure = await Assert.ThrowsAnyAsync<NotionPS.Errors.NotionException>(() =>
            new RowWriter(NewClient(handler, new FakeClock()), new RecordingLog()).CreateAsync("ds1", NameIs("A"), CancellationToken.None));

        Assert.Equal(mayExist, failure is RowMayExistException);
    }

    [Fact]
    public async Task CreateSendsTheRowToItsDataSourceAndReturnsIt()
    {
        var handler = new ScriptedHandler(Ok(Page("p1")));

        var row = await new RowWriter(NewClient(handler, new FakeClock()), new RecordingLog()).CreateAsync("ds1", NameIs("A"), CancellationToken.None);

        Assert.Equal("p1", row.PageId);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("POST " + Api + "v1/pages", request.Method + " " + request.Uri);
        var body = JsonNode.Parse(request.Body!)!;
        Assert.Equal("ds1", (string?)body["parent"]!["data_source_id"]);
        Assert.Equal("A", (string?)body["properties"]!["Name"]!["title"]![0]!["text"]!["content"]);
    }

    [Fact]
    public async Task UpdateSendsOnlyThePropertiesGiven()
    {
        var handler = new ScriptedHandler(Ok(Page("p1", "B")));

        var row = await new RowWriter(NewClient(handler, new FakeClock()), new RecordingLog()).UpdateAsync("p1", NameIs("B"), CancellationToken.None);

        Assert.Equal("B", row.Columns.Single(column => column.Key == "Name").Value);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("PATCH " + Api + "v1/pages/p1", request.Method + " " + request.Uri);
        Assert.Equal(new[] { "properties" }, JsonNode.Parse(request.Body!)!.AsObject().Select(pair => pair.Key));
    }

    [Theory]
    [InlineData("2026-03-11", "in_trash")]
    [InlineData("2025-09-03", "archived")]
    public async Task TrashMovesTheRowToTheTrashAndReadsNothingMore(string version, string trashProperty)
    {
        // Even a value cut at 25 is not read in full: the row is gone.
        var handler = new ScriptedHandler(Ok(Page("p1", "A", Relations(25, hasMore: true))));

        var row = await new RowWriter(NewClient(handler, new FakeClock(), version), new RecordingLog()).TrashAsync("p1", CancellationToken.None);

        Assert.Equal("p1", row.PageId);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("PATCH " + Api + "v1/pages/p1", request.Method + " " + request.Uri);
        Assert.Equal(JsonValueKind.True, JsonDocument.Parse(request.Body!).RootElement.GetProperty(trashProperty).ValueKind);
    }

    [Fact]
    public async Task ATruncatedRelationIsReadInFull()
    {
        var handler = new ScriptedHandler(Ok(Page("p1", "A", Relations(25, hasMore: true))), Ok(RelationItems(30)));

        var row = await new RowWriter(NewClient(handler, new FakeClock()), new RecordingLog()).CreateAsync("ds1", NameIs("A"), CancellationToken.None);

        var links = Assert.IsType<MultiValue>(row.Columns.Single(column => column.Key == "Links").Value);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => "r" + i), links);
        Assert.Equal(
            new[] { "POST " + Api + "v1/pages", "GET " + Api + "v1/pages/p1/properties/rel1?page_size=100" },
            handler.Requests.Select(r => r.Method + " " + r.Uri));
    }

    [Fact]
    public async Task FetcherReadsOnlyTheValuesThatMayBeCut()
    {
        // Row 1's relation is short (kept as it came); row 2's was cut: only its property is read.
        var pages = new[] { Page("p1", "A", Relations(3, hasMore: false)), Page("p2", "B", Relations(25, hasMore: true)) }
            .Select(json => JsonDocument.Parse(json).RootElement).ToList();
        var handler = new ScriptedHandler(Ok(RelationItems(26)));

        var rows = await new RowFetcher(NewClient(handler, new FakeClock()), new RecordingLog()).FullRowsAsync(pages, CancellationToken.None);

        Assert.Equal(new[] { "p1", "p2" }, rows.Select(row => row.PageId));
        Assert.Equal(new[] { 3, 26 }, rows.Select(row => ((MultiValue)row.Columns.Single(column => column.Key == "Links").Value!).Count));
        Assert.Equal("GET " + Api + "v1/pages/p2/properties/rel1?page_size=100", Assert.Single(handler.Requests).Method + " " + handler.Requests[0].Uri);
    }

    /// <summary>A create of a row, a change of one or its trash request, whose requests <paramref name="handler"/> holds.</summary>
    private static Task<PageRow> HeldWrite(HeldHandler handler, RowRequestKind kind, CancellationToken cancellationToken) =>
        Write(NewClient(handler, new FakeClock()), kind, cancellationToken);

    private static Task<PageRow> Write(NotionPS.Client.NotionClient client, RowRequestKind kind, CancellationToken cancellationToken)
    {
        var writer = new RowWriter(client, new RecordingLog());
        return kind switch
        {
            RowRequestKind.Create => writer.CreateAsync("ds1", NameIs("A"), cancellationToken),
            RowRequestKind.Change => writer.UpdateAsync("p1", NameIs("A"), cancellationToken),
            _ => writer.TrashAsync("p1", cancellationToken),
        };
    }

    /// <summary>
    /// Answers the requests with <paramref name="first"/>, in turn, then holds every later one until it is cancelled, as a server
    /// that has not answered yet.
    /// </summary>
    private sealed class HeldHandler(params System.Func<System.Net.Http.HttpResponseMessage>[] first) : System.Net.Http.HttpMessageHandler
    {
        private int seen;

        /// <summary>Set when the first request that is held comes.</summary>
        public TaskCompletionSource Seen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (seen < first.Length)
            {
                return first[seen++]();
            }

            Seen.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new System.InvalidOperationException("Unreachable: the delay ends only by cancellation.");
        }
    }
}
