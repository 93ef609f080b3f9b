using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Cmdlets;
using NotionPS.Ids;
using NotionPS.Operations;
using NotionPS.Tests.Client;
using Xunit;
using static NotionPS.Tests.Client.NotionClientTests;

namespace NotionPS.Tests.Operations;

public class DataSourceResolverTests
{
    private const string OneSource = """{"object":"database","id":"db1","title":[{"plain_text":"Tasks"}],"data_sources":[{"id":"ds1","name":"Tasks"}]}""";
    private const string TwoSources = """{"object":"database","id":"db2","title":[{"plain_text":"Projects"}],"data_sources":[{"id":"ds1","name":"Active"},{"id":"ds2","name":"Archive"}]}""";
    private const string Schema = """{"object":"data_source","id":"ds1","name":"Tasks","parent":{"type":"database_id","database_id":"db1"},"properties":{"Name":{"id":"title","type":"title","title":{}}}}""";

    [Fact]
    public async Task ADatabaseWithOneDataSourceIsThatDataSource()
    {
        var handler = new ScriptedHandler(Ok(OneSource), Ok(Schema));

        var schema = await new DataSourceResolver(NewClient(handler, new FakeClock()), new RecordingLog()).ResolveAsync(DatabaseTarget.Database("db1"), CancellationToken.None);

        Assert.Equal("ds1", schema.Id);
        Assert.Equal(new[] { "https://api.notion.com/v1/databases/db1", "https://api.notion.com/v1/data_sources/ds1" }, handler.Requests.Select(r => r.Uri));
    }

    [Fact]
    public async Task ADatabaseWithSeveralListsThem()
    {
        var handler = new ScriptedHandler(Ok(TwoSources));

        var error = await Assert.ThrowsAsync<DataSourceChoiceException>(() => new DataSourceResolver(NewClient(handler, new FakeClock()), new RecordingLog()).ResolveAsync(DatabaseTarget.Database("db2"), CancellationToken.None));

        Assert.Equal("NotionDatabaseHasSeveralDataSources", error.ErrorId);
        Assert.Contains("\"Active\" (ds1), \"Archive\" (ds2)", error.Message);
    }

    [Fact]
    public async Task UnderTheLegacyVersionTheDatabaseIsReadDirectly()
    {
        var handler = new ScriptedHandler(Ok(Schema));

        await new DataSourceResolver(NewClient(handler, new FakeClock(), "2022-06-28"), new RecordingLog()).ResolveAsync(DatabaseTarget.Database("db1"), CancellationToken.None);

        Assert.Equal("https://api.notion.com/v1/databases/db1", handler.Requests.Single().Uri);
    }

    [Fact]
    public async Task UnderTheLegacyVersionADataSourceIdThatIsNotFoundSaysWhy()
    {
        var handler = new ScriptedHandler(Error(404, "object_not_found", "Could not find database with ID: ds1."));

        var error = await Assert.ThrowsAsync<DataSourceChoiceException>(() => new DataSourceResolver(NewClient(handler, new FakeClock(), "2022-06-28"), new RecordingLog()).ResolveAsync(DatabaseTarget.DataSource("ds1"), CancellationToken.None));

        Assert.Equal("NotionDataSourceNeedsNewerApiVersion", error.ErrorId);
        Assert.Contains("no data sources", error.Message);
        Assert.Contains("-ApiVersion 2025-09-03", Remedies.For(error, default));
        Assert.Equal("https://api.notion.com/v1/databases/ds1", Assert.Single(handler.Requests).Uri);
    }

    [Fact]
    public async Task UnderANewerVersionADataSourceIdThatIsNotFoundIsNotionsOwnError()
    {
        var handler = new ScriptedHandler(Error(404, "object_not_found", "Could not find data_source with ID: ds1."));

        var error = await Assert.ThrowsAsync<NotionPS.Client.NotionApiException>(() => new DataSourceResolver(NewClient(handler, new FakeClock(), "2025-09-03"), new RecordingLog()).ResolveAsync(DatabaseTarget.DataSource("ds1"), CancellationToken.None));

        Assert.Equal("object_not_found", error.Code);
    }

    [Fact]
    public async Task UnderTheLegacyVersionADatabaseWithSeveralDataSourcesSaysWhichVersionCanReadIt()
    {
        var handler = new ScriptedHandler(() => new System.Net.Http.HttpResponseMessage(System.Net.HttpStatusCode.BadRequest)
        {
            Content = new System.Net.Http.StringContent(
                "{\"object\":\"error\",\"status\":400,\"code\":\"validation_error\",\"message\":\"Databases with multiple data sources are not supported in this API version.\"," +
                "\"request_id\":\"r1\",\"additional_data\":{\"child_data_source_ids\":[\"ds-a\",\"ds-b\"]}}"),
        });

        var error = await Assert.ThrowsAsync<DataSourceChoiceException>(() => new DataSourceResolver(NewClient(handler, new FakeClock(), "2022-06-28"), new RecordingLog()).ResolveAsync(DatabaseTarget.Database("db2"), CancellationToken.None));

        Assert.Equal("NotionDatabaseHasSeveralDataSources", error.ErrorId);
        Assert.Contains("(ds-a, ds-b)", error.Message);
        Assert.Contains("-ApiVersion 2025-09-03", Remedies.For(error, default));
    }

    [Fact]
    public async Task ADataSourceTargetReadsOnlyTheDataSource()
    {
        var handler = new ScriptedHandler(Ok(Schema));

        var schema = await new DataSourceResolver(NewClient(handler, new FakeClock()), new RecordingLog()).ResolveAsync(DatabaseTarget.DataSource("ds1", "db1"), CancellationToken.None);

        Assert.Equal(("ds1", "db1"), (schema.Id, schema.DatabaseId));
        Assert.Equal(new[] { "GET https://api.notion.com/v1/data_sources/ds1" }, handler.Requests.Select(r => r.Method + " " + r.Uri));
    }

    [Fact]
    public async Task NoReachableSourceIsNotionNoDataSource()
    {
        var handler = new ScriptedHandler(Ok("""{"object":"database","id":"db3","title":[{"plain_text":"Linked"}],"data_sources":[]}"""));

        var error = await Assert.ThrowsAsync<DataSourceChoiceException>(() => new DataSourceResolver(NewClient(handler, new FakeClock()), new RecordingLog()).ResolveAsync(DatabaseTarget.Database("db3"), CancellationToken.None));

        Assert.Equal(("NotionNoDataSource", DataSourceChoiceProblem.NoneReachable, "db3"), (error.ErrorId, error.Problem, error.Id));
        Assert.Contains("source database", Remedies.For(error, default));
        Assert.Equal(new[] { "GET https://api.notion.com/v1/databases/db3" }, handler.Requests.Select(r => r.Method + " " + r.Uri));
    }

    [Fact]
    public async Task UnderTheLegacyVersionADataSourceTargetWithItsDatabaseReadsTheDataSourceId()
    {
        var handler = new ScriptedHandler(Ok(Schema));

        await new DataSourceResolver(NewClient(handler, new FakeClock(), "2022-06-28"), new RecordingLog()).ResolveAsync(DatabaseTarget.DataSource("ds1", "db1"), CancellationToken.None);

        Assert.Equal(new[] { "GET https://api.notion.com/v1/databases/ds1" }, handler.Requests.Select(r => r.Method + " " + r.Uri));
    }
}
