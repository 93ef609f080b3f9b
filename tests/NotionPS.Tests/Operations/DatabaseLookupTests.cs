using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Operations;
using NotionPS.Tests.Client;
using Xunit;
using static NotionPS.Tests.Client.NotionClientTests;
using static NotionPS.Tests.Operations.NotionAnswers;

namespace NotionPS.Tests.Operations;

public class DatabaseLookupTests
{
    [Fact]
    public async Task ADatabaseIsFound()
    {
        var handler = new ScriptedHandler(Ok(OneSource));

        var found = await LookUp(handler, "db1");

        Assert.Equal(DatabaseLookupOutcome.Found, found.Outcome);
        Assert.Equal("Tasks", found.Database!.Title);
        Assert.Null(found.Failure);
        Assert.Equal(new[] { "GET v1/databases/db1" }, Sent(handler));
    }

    [Fact]
    public async Task APageIsToldApartByAskingForThePage()
    {
        var handler = new ScriptedHandler(Error(404, "object_not_found", "Could not find database with ID: p1."), Ok(Page));

        var found = await LookUp(handler, "p1");

        Assert.Equal(DatabaseLookupOutcome.IsAPage, found.Outcome);
        Assert.Equal("object_not_found", found.Failure!.Code);
        Assert.Equal(new[] { "GET v1/databases/p1", "GET v1/pages/p1" }, Sent(handler));
    }

    [Theory]
    [InlineData(404, "object_not_found")]
    [InlineData(400, "validation_error")]
    public async Task NeitherDatabaseNorPageIsNotFoundWithTheDatabasesAnswer(int status, string code)
    {
        var handler = new ScriptedHandler(Error(status, code, "Could not find database with ID: x1."), Error(404, "object_not_found", "Could not find page with ID: x1."));

        var found = await LookUp(handler, "x1");

        Assert.Equal(DatabaseLookupOutcome.NotFound, found.Outcome);
        Assert.Equal((code, "Could not find database with ID: x1."), (found.Failure!.Code, found.Failure.ApiMessage));
        Assert.Equal(new[] { "GET v1/databases/x1", "GET v1/pages/x1" }, Sent(handler));
    }

    [Theory]
    [InlineData(401, "unauthorized", nameof(DatabaseLookupOutcome.Unauthorized))]
    [InlineData(403, "restricted_resource", nameof(DatabaseLookupOutcome.CannotRead))]
    public async Task ARefusedTokenOrCapabilityAsksNothingMore(int status, string code, string outcome)
    {
        var handler = new ScriptedHandler(Error(status, code));

        var found = await LookUp(handler, "db1");

        Assert.Equal(outcome, found.Outcome.ToString());
        Assert.Equal(code, found.Failure!.Code);
        Assert.Equal(new[] { "GET v1/databases/db1" }, Sent(handler));
    }

    [Fact]
    public async Task UnderTheLegacyVersionSeveralDataSourcesAreSaidSo()
    {
        var handler = new ScriptedHandler(LegacyRefusal("ds-a", "ds-b"));

        var found = await LookUp(handler, "db2", "2022-06-28");

        Assert.Equal(DatabaseLookupOutcome.SeveralDataSourcesInLegacyVersion, found.Outcome);
        Assert.Equal(new[] { "GET v1/databases/db2" }, Sent(handler));
    }

    [Fact]
    public async Task UnderTheLegacyVersionALinkedDatabaseSkipsThePageRequest()
    {
        var handler = new ScriptedHandler(Error(400, "validation_error", "Database db9 is a linked database."));

        var found = await LookUp(handler, "db9", "2022-06-28");

        Assert.Equal(DatabaseLookupOutcome.NoReachableDataSource, found.Outcome);
        Assert.Equal(new[] { "GET v1/databases/db9" }, Sent(handler));
    }

    [Fact]
    public async Task AServerErrorOnThePageRequestIsThrown()
    {
        var handler = new ScriptedHandler(Error(404, "object_not_found"), Error(500, "internal_server_error"));

        var failure = await Assert.ThrowsAsync<NotionApiException>(() => LookUp(handler, "x1"));

        Assert.Equal("NotionServerError", failure.ErrorId);
    }

    private static Task<DatabaseLookupResult> LookUp(ScriptedHandler handler, string id, string version = NotionClientOptions.DefaultApiVersion) =>
        new DatabaseLookup(NewClient(handler, new FakeClock(), version), new RecordingLog()).LookUpAsync(id, CancellationToken.None);
}
