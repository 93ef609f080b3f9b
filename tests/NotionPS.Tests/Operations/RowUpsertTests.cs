using System;
using System.Collections;
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
        """{"object":"data_source","id":"ds1","name":"Tasks","parent":{"type":"database_id","database_id":"db1"},"properties":{"Name":{"id":"title","type":"title","title":{}},"Estimate":{"id":"est","type":"number","number":{}},"Created":{"id":"ct","type":"created_time","created_time":{}},"Link":{"id":"u","type":"url","url":{}},"Tags":{"id":"m","type":"multi_select","multi_select":{}},"Due":{"id":"d","type":"date","date":{}},"Attachments":{"id":"f","type":"files","files":{}}}}""").RootElement.Clone());

    /// <summary>A query's answer: rows whose title is "A" (the key of <see cref="Row"/>'s usual input).</summary>
    private static Func<System.Net.Http.HttpResponseMessage> Found(params string[] pageIds) => FoundPages(pageIds.Select(id => Page(id)).ToArray());

    /// <summary>A query's answer of the given page objects; with <paramref name="nextCursor"/>, more follow.</summary>
    private static Func<System.Net.Http.HttpResponseMessage> FoundPages(string[] pages, string? nextCursor = null) =>
        Ok($$"""{"object":"list","results":[{{string.Join(",", pages)}}],"has_more":{{(nextCursor == null ? "false" : "true")}},"next_cursor":{{(nextCursor == null ? "null" : "\"" + nextCursor + "\"")}}}""");

    /// <summary>A page whose <paramref name="column"/> holds <paramref name="cell"/> (the JSON of its property value, as Notion reads it).</summary>
    private static string PageWith(string id, string column, string cell) => Page(id, extraProperties: $$""","{{column}}":{{cell}}""");

    /// <summary>An upsert matched on <paramref name="column"/>, with the answers <paramref name="script"/> gives.</summary>
    private static (RowUpsert Upsert, ScriptedHandler Handler) UpsertOn(string column, params Func<System.Net.Http.HttpResponseMessage>[] script)
    {
        var handler = new ScriptedHandler(script);
        return (new RowUpsert(NewClient(handler, new FakeClock()), new RecordingLog(), Schema, column), handler);
    }

    private static RowMapping Input(params (string Name, object? Value)[] members) =>
        RowMapping.Build(Schema.PropertyTypes, members.Select(member => new KeyValuePair<string, object?>(member.Name, member.Value)).ToList(), RowSource.Given, ignoreUnknown: false);

    private static JsonNode? SentFilter(ScriptedHandler handler, int request = 0) => JsonNode.Parse(handler.Requests[request].Body!)!["filter"];

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
        Assert.Equal(100, (int)query["page_size"]!);
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
        var (upsert, handler) = Upsert(FoundPages(new[] { Page("p1", "Twin"), Page("p2", "Twin") }));

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

    /// <summary>
    /// The row is looked up by the value the request writes, so a rerun finds the row the first run wrote: a URL key is
    /// written without the spaces around it, and was looked up with them (so never found, and added again).
    /// </summary>
    [Fact]
    public async Task AKeyIsLookedUpAsItIsWritten()
    {
        var (upsert, handler) = UpsertOn("Link", FoundPages(new[] { PageWith("p1", "Link", "{\"type\":\"url\",\"url\":\"https://a.example/x\"}") }), Ok(Page("p1")));

        var row = await upsert.UpsertAsync(Input(("Name", "A"), ("Link", " https://a.example/x ")), NoFiles, CancellationToken.None);

        Assert.Equal("p1", row.PageId);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"property":"Link","url":{"equals":"https://a.example/x"}}"""), SentFilter(handler)));
        Assert.Equal("https://a.example/x", (string?)JsonNode.Parse(handler.Requests[1].Body!)!["properties"]!["Link"]!["url"]);
    }

    /// <summary>
    /// A list key is the same set, in any order: the query finds the rows holding every item, and a row holding more
    /// (which merely shares items with the key) is not the input's row. Before, any row sharing one item was.
    /// </summary>
    [Fact]
    public async Task AListKeyMatchesOnlyTheSameSet()
    {
        static string Tags(params string[] names) => $$"""{"type":"multi_select","multi_select":[{{string.Join(",", names.Select(name => $$"""{"id":"{{name}}","name":"{{name}}","color":"default"}"""))}}]}""";
        var (upsert, handler) = UpsertOn("Tags", FoundPages(new[] { PageWith("p1", "Tags", Tags("a", "b", "c")), PageWith("p2", "Tags", Tags("b", "a")) }), Ok(Page("p2")));
        var (adds, addHandler) = UpsertOn("Tags", FoundPages(new[] { PageWith("p1", "Tags", Tags("a", "b", "c")) }), Ok(Page("p3")));

        var updated = await upsert.UpsertAsync(Input(("Name", "A"), ("Tags", "a; b")), NoFiles, CancellationToken.None);
        var added = await adds.UpsertAsync(Input(("Name", "A"), ("Tags", new[] { "b", "a" })), NoFiles, CancellationToken.None);

        Assert.Equal("p2", updated.PageId);
        Assert.Equal("p3", added.PageId);
        Assert.Equal(new[] { Query, Create }, NotionAnswers.SentUris(addHandler));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"and":[{"property":"Tags","multi_select":{"contains":"a"}},{"property":"Tags","multi_select":{"contains":"b"}}]}"""),
            SentFilter(handler)));
    }

    /// <summary>The candidates are read to the end: the row holding the key may come after a page of rows that only contain it.</summary>
    [Fact]
    public async Task EveryPageOfCandidatesIsCompared()
    {
        static string Tags(params string[] names) => $$"""{"type":"multi_select","multi_select":[{{string.Join(",", names.Select(name => $$"""{"name":"{{name}}"}"""))}}]}""";
        var (upsert, handler) = UpsertOn(
            "Tags",
            FoundPages(new[] { PageWith("p1", "Tags", Tags("a", "z")) }, nextCursor: "next"),
            FoundPages(new[] { PageWith("p2", "Tags", Tags("a")) }),
            Ok(Page("p2")));

        var row = await upsert.UpsertAsync(Input(("Name", "A"), ("Tags", "a")), NoFiles, CancellationToken.None);

        Assert.Equal("p2", row.PageId);
        Assert.Equal("next", (string?)JsonNode.Parse(handler.Requests[1].Body!)!["start_cursor"]);
        Assert.Equal(new[] { Query, Query, "PATCH " + Api + "v1/pages/p2" }, NotionAnswers.SentUris(handler));
    }

    /// <summary>
    /// A date key is the instant it writes: the query finds the rows within two days of it, and only the row at that instant
    /// (09:30 UTC, written as 11:30+02:00) is the input's; before, every row of that day was (and two of them, an error).
    /// </summary>
    [Fact]
    public async Task ADateKeyMatchesItsInstantNotItsDay()
    {
        static string Due(string start) => $$$"""{"type":"date","date":{"start":"{{{start}}}","end":null,"time_zone":null}}""";
        var (upsert, handler) = UpsertOn("Due", FoundPages(new[] { PageWith("p1", "Due", Due("2026-01-31T15:00:00.000+00:00")), PageWith("p2", "Due", Due("2026-01-31T11:30:00.000+02:00")) }), Ok(Page("p2")));

        var row = await upsert.UpsertAsync(Input(("Name", "A"), ("Due", "2026-01-31T09:30:00Z")), NoFiles, CancellationToken.None);

        Assert.Equal("p2", row.PageId);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"and":[{"property":"Due","date":{"on_or_after":"2026-01-29"}},{"property":"Due","date":{"on_or_before":"2026-02-02"}}]}"""),
            SentFilter(handler)));
    }

    /// <summary>
    /// A key written in a named time zone is the instant it names there: Notion answers it with an offset and no zone
    /// (11:30 in Berlin in January is 11:30+01:00). Before, the key kept the zone's name, matched no row, and every rerun
    /// added the row again.
    /// </summary>
    [Fact]
    public async Task ADateKeyInATimeZoneMatchesTheInstantNotionAnswers()
    {
        static string Due(string start) => $$$"""{"type":"date","date":{"start":"{{{start}}}","end":null,"time_zone":null}}""";
        var (upsert, handler) = UpsertOn("Due", FoundPages(new[] { PageWith("p1", "Due", Due("2026-01-31T11:30:00.000+00:00")), PageWith("p2", "Due", Due("2026-01-31T11:30:00.000+01:00")) }), Ok(Page("p2")));

        var row = await upsert.UpsertAsync(Input(("Name", "A"), ("Due", new Hashtable { ["Start"] = "2026-01-31T11:30", ["TimeZone"] = "Europe/Berlin" })), NoFiles, CancellationToken.None);

        Assert.Equal("p2", row.PageId);
        Assert.Equal(new[] { Query, "PATCH " + Api + "v1/pages/p2" }, NotionAnswers.SentUris(handler));
    }

    /// <summary>A title that holds a mention (made in Notion's app) is the key its plain text reads, as Notion's filter found it by.</summary>
    [Fact]
    public async Task ATitleWithAMentionIsTheKeyOfItsPlainText()
    {
        var mention = """{"type":"title","title":[{"type":"mention","mention":{"type":"date","date":{"start":"2026-01-31"}},"plain_text":"2026-01-31"},{"type":"text","text":{"content":" review"},"plain_text":" review"}]}""";
        var (upsert, handler) = UpsertOn("Name", FoundPages(new[] { Page("p1").Replace("""{"id":"title","type":"title","title":[{"plain_text":"A","text":{"content":"A"}}]}""", mention, StringComparison.Ordinal) }), Ok(Page("p1")));

        var row = await upsert.UpsertAsync(Input(("Name", "2026-01-31 review")), NoFiles, CancellationToken.None);

        Assert.Equal("p1", row.PageId);
        Assert.Equal(new[] { Query, "PATCH " + Api + "v1/pages/p1" }, NotionAnswers.SentUris(handler));
    }

    /// <summary>Notion's filters cannot compare files, so a files column cannot be matched on: refused before any row, naming the column and its type.</summary>
    [Fact]
    public void AFilesColumnIsRefusedAsAKey()
    {
        var error = Assert.Throws<MatchOnException>(() => UpsertOn("Attachments"));

        Assert.Equal(MatchOnProblem.ColumnUnsupported, error.Problem);
        Assert.Equal(NotionErrorIds.NotionMatchOnColumnUnsupported, error.ErrorId);
        Assert.Equal("'Attachments' is a files column, and Notion cannot find rows by what such a column holds, so rows cannot be matched on it.", error.Message);
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
