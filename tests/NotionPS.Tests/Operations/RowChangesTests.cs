using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Operations;
using NotionPS.Operations.Files;
using NotionPS.Rows;
using NotionPS.Tests.Client;
using Xunit;
using static NotionPS.Tests.Client.NotionClientTests;
using static NotionPS.Tests.Operations.RowWriterTests;

namespace NotionPS.Tests.Operations;

/// <summary>Set-NotionDatabaseRow's engine: the parent lookup, one schema read per data source, nothing sent for nothing to change.</summary>
public class RowChangesTests
{
    private const string Api = "https://api.notion.com/";
    private const string Schema = """{"object":"data_source","id":"ds1","name":"Tasks","parent":{"type":"database_id","database_id":"db1"},"properties":{"Name":{"id":"title","type":"title","title":{}},"Estimate":{"id":"est","type":"number","number":{}}}}""";

    private static readonly IReadOnlyList<KeyValuePair<string, object?>> EstimateIsThree = new[] { new KeyValuePair<string, object?>("Estimate", 3) };

    private static RowChanges Changes(ScriptedHandler handler, RecordingLog log, bool ignoreUnknownColumns)
    {
        var client = NewClient(handler, new FakeClock());
        return new RowChanges(client, log, ignoreUnknownColumns, new FileCellUploads(client, log));
    }

    [Fact]
    public async Task ReadsTheParentWhenNoDataSourceGivenAndTheSchemaOnce()
    {
        var handler = new ScriptedHandler(Ok(Page("p1")), Ok(Schema), Ok(Page("p1")), Ok(Page("p2")));
        var changes = Changes(handler, new RecordingLog(), ignoreUnknownColumns: false);

        var first = await changes.ApplyAsync("p1", null, EstimateIsThree, RowSource.Given, CancellationToken.None);
        var second = await changes.ApplyAsync("p2", "ds1", EstimateIsThree, RowSource.Given, CancellationToken.None);

        Assert.Equal(new[] { "p1", "p2" }, new[] { first!.PageId, second!.PageId });
        Assert.Equal(
            new[] { "GET " + Api + "v1/pages/p1", "GET " + Api + "v1/data_sources/ds1", "PATCH " + Api + "v1/pages/p1", "PATCH " + Api + "v1/pages/p2" },
            NotionAnswers.SentUris(handler));
        Assert.Equal(3, (int)JsonNode.Parse(handler.Requests[2].Body!)!["properties"]!["Estimate"]!["number"]!);
    }

    [Fact]
    public async Task APageWithoutADatabaseParentIsRefused()
    {
        var handler = new ScriptedHandler(Ok("""{"object":"page","id":"p9","parent":{"type":"page_id","page_id":"p0"},"properties":{}}"""));
        var changes = Changes(handler, new RecordingLog(), ignoreUnknownColumns: false);

        var error = await Assert.ThrowsAsync<NotARowException>(() => changes.ApplyAsync("p9", null, EstimateIsThree, RowSource.Given, CancellationToken.None));

        Assert.Equal("Page p9 is not a database row: its parent is a page, not a database.", error.Message);
        Assert.Equal("NotionPageNotARow", error.ErrorId);
        Assert.Equal(new[] { "GET " + Api + "v1/pages/p9" }, NotionAnswers.SentUris(handler));
    }

    /// <summary>
    /// A row read back with nothing but its own properties changes nothing, quietly; input whose every column was ignored
    /// as unknown is refused (NotionRowEmpty, naming them), as a row added so is. Neither sends a PATCH.
    /// </summary>
    [Fact]
    public async Task NothingToChangeSendsNoPatch()
    {
        var handler = new ScriptedHandler(Ok(Schema));
        var log = new RecordingLog();
        var changes = Changes(handler, log, ignoreUnknownColumns: true);

        var row = await changes.ApplyAsync("p1", "ds1", new[] { new KeyValuePair<string, object?>("PageId", "p1") }, RowSource.NotionRow, CancellationToken.None);
        var unknown = await Assert.ThrowsAsync<NothingToWriteException>(() => changes.ApplyAsync("p1", "ds1", new[] { new KeyValuePair<string, object?>("Nope", 1) }, RowSource.Given, CancellationToken.None));

        Assert.Null(row);
        Assert.Equal(new[] { "GET " + Api + "v1/data_sources/ds1" }, NotionAnswers.SentUris(handler));
        Assert.Contains(log.VerboseLines, line => line.Contains("Page p1: nothing to change"));
        Assert.Equal("NotionRowEmpty", unknown.ErrorId);
        Assert.Contains("Ignored as naming no column: 'Nope'.", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedSchemaReadIsAskedAgainForTheNextRow()
    {
        var handler = new ScriptedHandler(Error(404, "object_not_found"), Ok(Schema), Ok(Page("p2")));
        var changes = Changes(handler, new RecordingLog(), ignoreUnknownColumns: false);

        await Assert.ThrowsAsync<NotionPS.Client.NotionApiException>(() => changes.ApplyAsync("p1", "ds1", EstimateIsThree, RowSource.Given, CancellationToken.None));
        var row = await changes.ApplyAsync("p2", "ds1", EstimateIsThree, RowSource.Given, CancellationToken.None);

        Assert.Equal("p2", row!.PageId);
        Assert.Equal(2, handler.Requests.Count(r => r.Uri.EndsWith("v1/data_sources/ds1", StringComparison.Ordinal)));
    }
}
