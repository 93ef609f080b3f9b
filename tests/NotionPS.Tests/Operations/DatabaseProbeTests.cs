using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Operations;
using NotionPS.Tests.Client;
using Xunit;
using static NotionPS.Tests.Client.NotionClientTests;
using static NotionPS.Tests.Operations.NotionAnswers;

namespace NotionPS.Tests.Operations;

public class DatabaseProbeTests
{
    private static readonly string[] ReadRequests = { "GET v1/databases/db1", "GET v1/data_sources/ds1", "POST v1/data_sources/ds1/query" };

    [Fact]
    public async Task ReadableDatabaseIsAccessible()
    {
        var handler = new ScriptedHandler(Ok(OneSource), Ok(Schema), Ok(EmptyList));

        var result = await Probe(handler, "db1");

        Assert.Equal((ProbeFinding.Readable, NotionDatabaseAccessStatus.Accessible), (result.Finding, result.Status));
        Assert.True(result.CanRead && result.CanQuery);
        Assert.Null(result.CanInsert);
        Assert.Equal("Tasks", result.Title);
        Assert.Equal("ds1", Assert.Single(result.DataSources).DataSourceId);
        Assert.Equal(ReadRequests, Sent(handler));
        Assert.Equal(1, JsonDocument.Parse(handler.Requests[2].Body!).RootElement.GetProperty("page_size").GetInt32());
    }

    [Fact]
    public async Task ARateLimitedReadIsRepeatedAndTheDatabaseIsAccessible()
    {
        var handler = new ScriptedHandler(RateLimitedBriefly(), Ok(OneSource), Ok(Schema), Ok(EmptyList));

        var result = await Probe(handler, "db1");

        Assert.Equal(ProbeFinding.Readable, result.Finding);
        Assert.Equal(new[] { "GET v1/databases/db1" }.Concat(ReadRequests), Sent(handler));
    }

    [Theory]
    [InlineData("2026-03-11", "in_trash")]
    [InlineData("2025-09-03", "archived")]
    public async Task IncludeWriteAddsAndTrashesARow(string version, string trashProperty)
    {
        var handler = new ScriptedHandler(Ok(OneSource), Ok(Schema), Ok(EmptyList), Ok(Page), Ok(Page));

        var result = await Probe(handler, "db1", tryWrite: true, version);

        Assert.Equal((ProbeFinding.Writable, NotionDatabaseAccessStatus.Accessible), (result.Finding, result.Status));
        Assert.True(result.CanInsert == true && result.CanUpdate == true);
        Assert.Null(result.LeftBehind);
        Assert.Equal(ReadRequests.Concat(new[] { "POST v1/pages", "PATCH v1/pages/p1" }), Sent(handler));
        Assert.True(JsonDocument.Parse(handler.Requests[4].Body!).RootElement.GetProperty(trashProperty).GetBoolean());
    }

    [Fact]
    public async Task NotSharedWhenNeitherDatabaseNorPage()
    {
        var handler = new ScriptedHandler(Error(404, "object_not_found", "Could not find database with ID: db1."), Error(404, "object_not_found", "Could not find page with ID: db1."));

        var result = await Probe(handler, "db1");

        Assert.Equal((ProbeFinding.NotShared, NotionDatabaseAccessStatus.NotShared), (result.Finding, result.Status));
        Assert.Equal("Could not find database with ID: db1.", Assert.IsType<NotionApiException>(result.Failure).ApiMessage);
        Assert.False(result.CanRead);
        Assert.Equal(new[] { "GET v1/databases/db1", "GET v1/pages/db1" }, Sent(handler));
    }

    [Fact]
    public async Task ValidationErrorThenPageMissingIsNotShared()
    {
        var handler = new ScriptedHandler(Error(400, "validation_error"), Error(404, "object_not_found"));

        var result = await Probe(handler, "db1");

        Assert.Equal(ProbeFinding.NotShared, result.Finding);
    }

    [Fact]
    public async Task APageIsNotADatabase()
    {
        var handler = new ScriptedHandler(Error(404, "object_not_found"), Ok(Page));

        var result = await Probe(handler, "p1");

        Assert.Equal((ProbeFinding.NotADatabase, NotionDatabaseAccessStatus.NotADatabase), (result.Finding, result.Status));
        Assert.Equal(("p1", "NotionIdIsAPage"), (Assert.IsType<NotADatabaseException>(result.Failure).Id, result.Failure!.ErrorId));
        Assert.Equal(new[] { "GET v1/databases/p1", "GET v1/pages/p1" }, Sent(handler));
    }

    [Fact]
    public async Task BadTokenIsUnauthorized()
    {
        var handler = new ScriptedHandler(Error(401, "unauthorized"));

        var result = await Probe(handler, "db1");

        Assert.Equal((ProbeFinding.Unauthorized, NotionDatabaseAccessStatus.Unauthorized), (result.Finding, result.Status));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task NoReadCapability()
    {
        var handler = new ScriptedHandler(Error(403, "restricted_resource"));

        var result = await Probe(handler, "db1");

        Assert.Equal((ProbeFinding.CannotRead, NotionDatabaseAccessStatus.MissingCapability), (result.Finding, result.Status));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task NoInsertCapability()
    {
        var handler = new ScriptedHandler(Ok(OneSource), Ok(Schema), Ok(EmptyList), Error(403, "restricted_resource"));

        var result = await Probe(handler, "db1", tryWrite: true);

        Assert.Equal((ProbeFinding.CannotInsert, NotionDatabaseAccessStatus.MissingCapability), (result.Finding, result.Status));
        Assert.Equal((true, false, (bool?)null), (result.CanRead, result.CanInsert, result.CanUpdate));
        Assert.Equal(ReadRequests.Concat(new[] { "POST v1/pages" }), Sent(handler));
    }

    [Fact]
    public async Task NoUpdateCapabilityLeavesTheRowNamed()
    {
        var handler = new ScriptedHandler(Ok(OneSource), Ok(Schema), Ok(EmptyList), Ok(Page), Error(403, "restricted_resource"));

        var result = await Probe(handler, "db1", tryWrite: true);

        Assert.Equal((ProbeFinding.CannotUpdate, NotionDatabaseAccessStatus.MissingCapability), (result.Finding, result.Status));
        Assert.Equal((true, false), (result.CanInsert, result.CanUpdate));
        Assert.Equal("p1", result.LeftBehind!.Value.PageId);
        Assert.Contains(result.LeftBehind.Value.Title, handler.Requests[3].Body);
    }

    [Fact]
    public async Task TrashFailureSaysWhatIsLeft()
    {
        // Trashing is safe to repeat, so the client tries again: the 500 stays the answer.
        var handler = new ScriptedHandler(Ok(OneSource), Ok(Schema), Ok(EmptyList), Ok(Page), Error(500, "internal_server_error"));

        var result = await Probe(handler, "db1", tryWrite: true);

        Assert.Equal((ProbeFinding.TrashFailed, NotionDatabaseAccessStatus.Error), (result.Finding, result.Status));
        Assert.Equal("NotionServerError", result.Failure!.ErrorId);
        Assert.Equal("p1", result.LeftBehind!.Value.PageId);
        Assert.True(handler.Requests.Count(r => r.Method == "PATCH") > 1);
    }

    [Fact]
    public async Task LinkedDatabaseHasNoReachableSource()
    {
        var handler = new ScriptedHandler(Ok(OneSource), Error(404, "object_not_found"));

        var result = await Probe(handler, "db1");

        Assert.Equal((ProbeFinding.NoReachableDataSource, NotionDatabaseAccessStatus.NoAccessibleDataSource), (result.Finding, result.Status));
        Assert.Null(result.Failure);
        Assert.False(result.CanRead);
        Assert.Equal(new[] { "GET v1/databases/db1", "GET v1/data_sources/ds1" }, Sent(handler));
    }

    [Fact]
    public async Task UnderTheLegacyVersionALinkedDatabaseHasNoReachableSource()
    {
        var handler = new ScriptedHandler(Error(400, "validation_error", "Database db1 is a linked database."));

        var result = await Probe(handler, "db1", version: "2022-06-28");

        Assert.Equal(ProbeFinding.NoReachableDataSource, result.Finding);
        Assert.Equal("Database db1 is a linked database.", Assert.IsType<NotionApiException>(result.Failure).ApiMessage);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task LegacySeveralSources()
    {
        var handler = new ScriptedHandler(LegacyRefusal("ds-a", "ds-b"));

        var result = await Probe(handler, "db2", version: "2022-06-28");

        Assert.Equal((ProbeFinding.SeveralDataSourcesInLegacyVersion, NotionDatabaseAccessStatus.Error), (result.Finding, result.Status));
        var choice = Assert.IsType<DataSourceChoiceException>(result.Failure);
        Assert.Equal("NotionDatabaseHasSeveralDataSources", choice.ErrorId);
        Assert.Equal(new[] { "ds-a", "ds-b" }, choice.DataSources.Select(source => source.Id));
    }

    [Fact]
    public async Task SeveralDataSourcesAreReadUntilOneIsReachable()
    {
        var handler = new ScriptedHandler(Ok(TwoSources), Error(404, "object_not_found"), Ok(Schema.Replace("\"ds1\"", "\"ds2\"")), Ok(EmptyList));

        var result = await Probe(handler, "db2");

        Assert.Equal(ProbeFinding.Readable, result.Finding);
        Assert.Equal(2, result.DataSources.Count);
        Assert.Equal(new[] { "GET v1/databases/db2", "GET v1/data_sources/ds1", "GET v1/data_sources/ds2", "POST v1/data_sources/ds2/query" }, Sent(handler));
    }

    [Fact]
    public async Task ServerErrorIsFailed()
    {
        var handler = new ScriptedHandler(Error(500, "internal_server_error"));

        var result = await Probe(handler, "db1");

        Assert.Equal((ProbeFinding.Failed, NotionDatabaseAccessStatus.Error), (result.Finding, result.Status));
        Assert.Equal("NotionServerError", result.Failure!.ErrorId);
        Assert.True(handler.Requests.Count > 1);
    }

    private static Task<DatabaseProbeResult> Probe(ScriptedHandler handler, string id, bool tryWrite = false, string version = NotionClientOptions.DefaultApiVersion) =>
        new DatabaseProbe(NewClient(handler, new FakeClock(), version), new RecordingLog()).ProbeAsync(id, tryWrite, CancellationToken.None);
}
