using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using Xunit;
using static NotionPS.Tests.Client.NotionClientTests;

namespace NotionPS.Tests.Client;

/// <summary>The paged calls: search, query and property items, under each API version.</summary>
public class NotionClientListTests
{
    [Theory]
    [InlineData("2026-03-11", "v1/data_sources/ds1/query")]
    [InlineData("2025-09-03", "v1/data_sources/ds1/query")]
    [InlineData("2022-06-28", "v1/databases/ds1/query")]
    public async Task QueriesAPageWithFilterSortsAndCursor(string version, string path)
    {
        var handler = new ScriptedHandler(Ok("""{"object":"list","results":[{"object":"page","id":"p1"}],"next_cursor":"c2","has_more":true}"""));
        var filter = new JsonObject { ["property"] = "Done", ["checkbox"] = new JsonObject { ["equals"] = true } };
        var sorts = new JsonArray(new JsonObject { ["property"] = "Name", ["direction"] = "ascending" });

        var page = await NewClient(handler, new FakeClock(), version).QueryPageAsync("ds1", filter, sorts, "c1", 50, new RecordingLog(), CancellationToken.None);

        var request = handler.Requests.Single();
        Assert.Equal("https://api.notion.com/" + path, request.Uri);
        Assert.Equal(
            """{"page_size":50,"filter":{"property":"Done","checkbox":{"equals":true}},"sorts":[{"property":"Name","direction":"ascending"}],"start_cursor":"c1"}""",
            request.Body);
        Assert.Equal("p1", page.Results.Single().GetProperty("id").GetString());
        Assert.Equal(("c2", true, false), (page.NextCursor, page.HasMore, page.Incomplete));
    }

    [Fact]
    public async Task SaysWhenAQueryStoppedAtTheCap()
    {
        var handler = new ScriptedHandler(Ok("""{"object":"list","results":[],"next_cursor":null,"has_more":false,"request_status":{"type":"incomplete"}}"""));

        var page = await NewClient(handler, new FakeClock()).QueryPageAsync("ds1", null, null, null, 100, new RecordingLog(), CancellationToken.None);

        Assert.True(page.Incomplete);
        Assert.False(page.HasMore);
        Assert.Equal("""{"page_size":100}""", handler.Requests.Single().Body);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("")]
    [InlineData("""{"object":"list","results":{},"has_more":false}""")]
    public async Task AnAnswerWithoutAResultsListIsAnInvalidResponseNotAnEmptyList(string answer)
    {
        // A gateway answering 200 with {} or nothing: read as an empty list, a sync would add every row again.
        var handler = new ScriptedHandler(Ok(answer));

        var failure = await Assert.ThrowsAsync<NotionApiException>(() =>
            NewClient(handler, new FakeClock()).QueryPageAsync("ds1", null, null, null, 100, new RecordingLog(), CancellationToken.None));

        Assert.Equal("invalid_response", failure.Code);
        Assert.Contains("POST v1/data_sources/ds1/query returned 200 invalid_response", failure.Message);
        Assert.Single(handler.Requests);
    }

    [Theory]
    [InlineData("2026-03-11", "data_source")]
    [InlineData("2022-06-28", "database")]
    public async Task SearchesForDatabasesByTheVersionsObjectName(string version, string objectName)
    {
        var handler = new ScriptedHandler(Ok("""{"object":"list","results":[],"next_cursor":null,"has_more":false}"""));

        await NewClient(handler, new FakeClock(), version).SearchDatabasesAsync("Tasks", null, new RecordingLog(), CancellationToken.None);

        var request = handler.Requests.Single();
        Assert.Equal("https://api.notion.com/v1/search", request.Uri);
        Assert.Equal($$$"""{"filter":{"property":"object","value":"{{{objectName}}}"},"page_size":100,"query":"Tasks"}""", request.Body);
    }

    [Fact]
    public async Task PagesThroughEveryPropertyItem()
    {
        var handler = new ScriptedHandler(
            Ok("""{"object":"list","results":[{"object":"property_item","type":"relation","relation":{"id":"a"}}],"next_cursor":"n2","has_more":true}"""),
            Ok("""{"object":"list","results":[{"object":"property_item","type":"relation","relation":{"id":"b"}}],"next_cursor":null,"has_more":false}"""));

        var items = await NewClient(handler, new FakeClock()).GetPropertyItemsAsync("p1", "abc%3D", new RecordingLog(), CancellationToken.None);

        Assert.Equal(new[] { "a", "b" }, items.Select(item => item.GetProperty("relation").GetProperty("id").GetString()));
        Assert.Equal("https://api.notion.com/v1/pages/p1/properties/abc%3D?page_size=100", handler.Requests[0].Uri);
        Assert.Equal("https://api.notion.com/v1/pages/p1/properties/abc%3D?page_size=100&start_cursor=n2", handler.Requests[1].Uri);
    }

    [Fact]
    public async Task APropertyThatIsNotPagedIsOneItem()
    {
        var handler = new ScriptedHandler(Ok("""{"object":"property_item","type":"number","number":3}"""));

        var items = await NewClient(handler, new FakeClock()).GetPropertyItemsAsync("p1", "n", new RecordingLog(), CancellationToken.None);

        Assert.Equal(3, items.Single().GetProperty("number").GetInt32());
    }

    [Theory]
    [InlineData("2026-03-11", "https://api.notion.com/v1/data_sources/ds1")]
    [InlineData("2022-06-28", "https://api.notion.com/v1/databases/ds1")]
    public async Task ReadsTheFullSchema(string version, string uri)
    {
        var handler = new ScriptedHandler(Ok("""
            {"object":"data_source","id":"ds1","name":"Tasks","parent":{"type":"database_id","database_id":"db1"},
             "properties":{"Name":{"id":"title","type":"title","title":{}},"Priority":{"id":"a%3Bb","type":"select","select":{"options":[{"name":"High"},{"name":"Low"}]}}}}
            """));

        var schema = await NewClient(handler, new FakeClock(), version).GetSchemaAsync("ds1", new RecordingLog(), CancellationToken.None);

        Assert.Equal(uri, handler.Requests.Single().Uri);
        Assert.Equal(("ds1", "Tasks", "db1", "Name"), (schema.Id, schema.Name, schema.DatabaseId, schema.TitlePropertyName));
        var priority = schema.Properties.Single(p => p.Name == "Priority");
        Assert.Equal(("a%3Bb", "select"), (priority.Id, priority.Type));
        Assert.Equal(new[] { "High", "Low" }, priority.Options);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("")]
    [InlineData("""{"object":"data_source","id":"ds1","properties":[]}""")]
    public async Task ASchemaAnswerWithoutColumnsIsAnInvalidResponseNotAnEmptySchema(string answer)
    {
        // Read as no columns, an export would write every row without its values, and say nothing.
        var handler = new ScriptedHandler(Ok(answer), Ok(answer));
        var client = NewClient(handler, new FakeClock());

        var failures = new[]
        {
            await Assert.ThrowsAsync<NotionApiException>(() => client.GetSchemaAsync("ds1", new RecordingLog(), CancellationToken.None)),
            await Assert.ThrowsAsync<NotionApiException>(() => client.GetDataSourceJsonAsync("ds1", new RecordingLog(), CancellationToken.None)),
        };

        Assert.All(failures, failure => Assert.Contains("GET v1/data_sources/ds1 returned 200 invalid_response", failure.Message));
    }

    [Fact]
    public void ALegacyDatabaseIsItsOwnDataSource()
    {
        using var document = JsonDocument.Parse("""{"object":"database","id":"db1","title":[{"plain_text":"Tasks"}],"properties":{}}""");

        var schema = DataSourceSchema.From(document.RootElement);

        Assert.Equal(("db1", "Tasks", "db1"), (schema.Id, schema.Name, schema.DatabaseId));
    }
}
