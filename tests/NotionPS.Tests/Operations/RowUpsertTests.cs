using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations;
using NotionPS.Operations.Files;
using NotionPS.Rows;
using NotionPS.Tests.Client;
using Xunit;
using static NotionPS.Tests.Client.NotionClientTests;
using static NotionPS.Tests.Operations.RowWriterTests;

namespace NotionPS.Tests.Operations;

/// <summary>The -MatchOn engine: add, update, refuse, and one key at a time.</summary>
public class RowUpsertTests
{
    private const string Api = "https://api.notion.com/";
    private const string Query = "POST " + Api + "v1/data_sources/ds1/query";
    private const string Create = "POST " + Api + "v1/pages";

    private static readonly DataSourceSchema Schema = DataSourceSchema.From(JsonDocument.Parse(
        """{"object":"data_source","id":"ds1","name":"Tasks","parent":{"type":"database_id","database_id":"db1"},"properties":{"Name":{"id":"title","type":"title","title":{}},"Estimate":{"id":"est","type":"number","number":{}},"Created":{"id":"ct","type":"created_time","created_time":{}}}}""").RootElement.Clone());

    private static Func<System.Net.Http.HttpResponseMessage> Found(params string[] pageIds) =>
        Ok($$"""{"object":"list","results":[{{string.Join(",", pageIds.Select(id => Page(id)))}}],"has_more":false,"next_cursor":null}""");

    private static RowMapping Row(string? name, int estimate = 1)
    {
        var members = new List<KeyValuePair<string, object?>> { new("Estimate", estimate) };
        if (name != null)
        {
            members.Add(new("Name", name));
        }

        return RowMapping.Build(Schema.PropertyTypes, members, RowSource.Given, ignoreUnknown: false);
    }

    /// <summary>A row without files cells: nothing to finish before it is sent.</summary>
    private static Task NoFiles(CancellationToken cancellationToken) => Task.CompletedTask;

    private static (RowUpsert Upsert, ScriptedHandler Handler) Upsert(params Func<System.Net.Http.HttpResponseMessage>[] script)
    {
        var handler = new ScriptedHandler(script);
        return (new RowUpsert(NewClient(handler, new FakeClock()), new RecordingLog(), Schema, "Name"), handler);
    }


    /// <summary>
    /// Only the create failing without a clear answer may have left the row: a -MatchOn query that fails so (after its
    /// retries) sent no create, and is the client's failure as it is.
    /// </summary>
    [Fact]
    public async Task OnlyTheCreateFailingWithoutAnAnswerMayHaveLeftTheRow()
    {
        var (failedQuery, _) = Upsert(Enumerable.Repeat(Error(503, "service_unavailable"), 6).ToArray());
        var (failedCreate, _) = Upsert(Found(), Error(503, "service_unavailable"));

        var query = await Assert.ThrowsAsync<NotionApiException>(() => failedQuery.UpsertAsync(Row("A"), NoFiles, CancellationToken.None));
        var create = await Assert.ThrowsAsync<RowMayExistException>(() => failedCreate.UpsertAsync(Row("A"), NoFiles, CancellationToken.None));

        Assert.EndsWith("data_sources/ds1/query", query.Path, StringComparison.Ordinal);
        Assert.Equal(("POST", "v1/pages", 503), (create.Answer.Method, create.Answer.Path, create.Answer.Status));
    }

    [Fact]
    public async Task AMatchIsUpdated()
    {
        var (upsert, handler) = Upsert(Found("p1"), Ok(Page("p1")));

        var row = await upsert.UpsertAsync(Row("A"), NoFiles, CancellationToken.None);

        Assert.Equal("p1", row.PageId);
        Assert.Equal(new[] { Query, "PATCH " + Api + "v1/pages/p1" }, NotionAnswers.SentUris(handler));
        var query = JsonNode.Parse(handler.Requests[0].Body!)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"property":"Name","title":{"equals":"A"}}"""), query["filter"]));
        Assert.Equal(2, (int)query["page_size"]!);
    }

    [Fact]
    public async Task NoMatchIsCreatedThenTheSameKeyUpdatesIt()
    {
        var (upsert, handler) = Upsert(Found(), Ok(Page("p2")), Ok(Page("p2")));

        var first = await upsert.UpsertAsync(Row("A"), NoFiles, CancellationToken.None);
        var second = await upsert.UpsertAsync(Row("A", 2), NoFiles, CancellationToken.None);

        Assert.Equal(new[] { "p2", "p2" }, new[] { first.PageId, second.PageId });

        // The created key is remembered: no second query (which could miss a row Notion has not indexed yet).
        Assert.Equal(new[] { Query, Create, "PATCH " + Api + "v1/pages/p2" }, NotionAnswers.SentUris(handler));
    }

    [Fact]
    public async Task SeveralMatchesAreRefused()
    {
        var (upsert, handler) = Upsert(Found("p1", "p2"));

        var error = await Assert.ThrowsAsync<MatchOnException>(() => upsert.UpsertAsync(Row("Twin"), NoFiles, CancellationToken.None));

        Assert.Equal(MatchOnProblem.Ambiguous, error.Problem);
        Assert.Equal(NotionErrorIds.NotionMatchOnAmbiguous, error.ErrorId);
        Assert.Equal(("Name", "Twin"), (error.Column, error.Key));
        Assert.Equal(new[] { Query }, NotionAnswers.SentUris(handler));
    }

    [Fact]
    public async Task AMissingKeyValueIsRefusedWithoutARequest()
    {
        var (upsert, handler) = Upsert(Found());

        var error = await Assert.ThrowsAsync<MatchOnException>(() => upsert.UpsertAsync(Row(null), NoFiles, CancellationToken.None));

        Assert.Equal(MatchOnProblem.ValueMissing, error.Problem);
        Assert.Equal(NotionErrorIds.NotionMatchOnValueMissing, error.ErrorId);
        Assert.Null(error.Key);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task TheSameKeyTwiceInOneBatchRunsInOrderAndAddsOnce()
    {
        // Both rows are started before either is awaited, as a pipeline with several requests in flight does.
        var (upsert, handler) = Upsert(Found(), Ok(Page("p2")), Ok(Page("p2")));

        var first = upsert.UpsertAsync(Row("A"), NoFiles, CancellationToken.None);
        var second = upsert.UpsertAsync(Row("A", 2), NoFiles, CancellationToken.None);
        await Task.WhenAll(first, second);

        Assert.Equal(new[] { Query, Create, "PATCH " + Api + "v1/pages/p2" }, NotionAnswers.SentUris(handler));
    }

    [Fact]
    public async Task AFailedRowDoesNotStopTheNextOfItsKey()
    {
        var (upsert, handler) = Upsert(Found("p1", "p2"), Found("p1"), Ok(Page("p1")));

        var first = upsert.UpsertAsync(Row("A"), NoFiles, CancellationToken.None);
        var second = upsert.UpsertAsync(Row("A", 2), NoFiles, CancellationToken.None);

        await Assert.ThrowsAsync<MatchOnException>(() => first);
        Assert.Equal("p1", (await second).PageId);
        Assert.Equal(new[] { Query, Query, "PATCH " + Api + "v1/pages/p1" }, NotionAnswers.SentUris(handler));
    }

    /// <summary>
    /// One number spelled several ways (7, 7.0, 07, as CSV text) is one key: the rows run one after another, so the key
    /// is added once and then updated, never added by each row's own query finding nothing at the same time.
    /// </summary>
    [Fact]
    public async Task OneKeySpelledSeveralWaysIsAddedOnce()
    {
        var handler = new ScriptedHandler(Found(), Ok(Page("p4")), Ok(Page("p4")), Ok(Page("p4")));
        var upsert = new RowUpsert(NewClient(handler, new FakeClock()), new RecordingLog(), Schema, "Estimate");
        RowMapping Keyed(string name, string estimate) =>
            RowMapping.Build(Schema.PropertyTypes, new List<KeyValuePair<string, object?>> { new("Name", name), new("Estimate", estimate) }, RowSource.Given, ignoreUnknown: false);

        var rows = new[] { ("A", "7"), ("B", "7.0"), ("C", " 07 ") }.Select(row => upsert.UpsertAsync(Keyed(row.Item1, row.Item2), NoFiles, CancellationToken.None)).ToList();
        await Task.WhenAll(rows);

        Assert.Equal(new[] { Query, Create, "PATCH " + Api + "v1/pages/p4", "PATCH " + Api + "v1/pages/p4" }, NotionAnswers.SentUris(handler));
    }

    /// <summary>
    /// A row's files are finished before it is matched: a row whose files fail sends nothing, and the next row of its key
    /// goes on; a row without a key refuses before its files are started.
    /// </summary>
    [Fact]
    public async Task ARowWhoseFilesFailIsNotSentAndARowWithoutAKeyStartsNoUpload()
    {
        var (upsert, handler) = Upsert(Found(), Ok(Page("p3")));
        var started = 0;
        Task Failing(CancellationToken cancellationToken)
        {
            started++;
            return Task.FromException(new NotionFileException(NotionErrorIds.NotionFileUploadFailed, "The upload failed."));
        }

        var failed = upsert.UpsertAsync(Row("A"), Failing, CancellationToken.None);
        var next = upsert.UpsertAsync(Row("A", 2), NoFiles, CancellationToken.None);
        var keyless = upsert.UpsertAsync(Row(null), Failing, CancellationToken.None);

        Assert.Equal(NotionErrorIds.NotionFileUploadFailed, (await Assert.ThrowsAsync<NotionFileException>(() => failed)).ErrorId);
        Assert.Equal("p3", (await next).PageId);
        await Assert.ThrowsAsync<MatchOnException>(() => keyless);
        Assert.Equal(1, started);
        Assert.Equal(new[] { Query, Create }, NotionAnswers.SentUris(handler));
    }

    [Theory]
    [InlineData("name", "Name")]
    [InlineData("Estimate", "Estimate")]
    [InlineData("Created", null)]   // computed by Notion
    [InlineData("Nope", null)]
    public void OnlyAWritableColumnCanBeMatchedOn(string given, string? column)
    {
        Assert.Equal(column, RowUpsert.WritableColumn(Schema, given));
    }
}
