using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Cmdlets;
using Xunit;
using static NotionPS.Tests.Client.NotionClientTests;

namespace NotionPS.Tests.Client;

public class DataSourceResolverTests
{
    private const string OneSource = """{"object":"database","id":"db1","title":[{"plain_text":"Tasks"}],"data_sources":[{"id":"ds1","name":"Tasks"}]}""";
    private const string TwoSources = """{"object":"database","id":"db2","title":[{"plain_text":"Projects"}],"data_sources":[{"id":"ds1","name":"Active"},{"id":"ds2","name":"Archive"}]}""";
    private const string Schema = """{"object":"data_source","id":"ds1","name":"Tasks","parent":{"type":"database_id","database_id":"db1"},"properties":{"Name":{"id":"title","type":"title","title":{}}}}""";

    [Fact]
    public async Task ADatabaseWithOneDataSourceIsThatDataSource()
    {
        var handler = new ScriptedHandler(Ok(OneSource), Ok(Schema));

        var schema = await DataSourceResolver.ResolveAsync(NewClient(handler, new FakeClock()), "db1", null, new RecordingLog(), CancellationToken.None);

        Assert.Equal("ds1", schema.Id);
        Assert.Equal(new[] { "https://api.notion.com/v1/databases/db1", "https://api.notion.com/v1/data_sources/ds1" }, handler.Requests.Select(r => r.Uri));
    }

    [Fact]
    public async Task ADatabaseWithSeveralListsThem()
    {
        var handler = new ScriptedHandler(Ok(TwoSources));

        var error = await Assert.ThrowsAsync<DataSourceChoiceException>(() => DataSourceResolver.ResolveAsync(NewClient(handler, new FakeClock()), "db2", null, new RecordingLog(), CancellationToken.None));

        Assert.Equal("NotionDatabaseHasSeveralDataSources", error.ErrorId);
        Assert.Contains("\"Active\" (ds1), \"Archive\" (ds2)", error.Message);
    }

    [Fact]
    public async Task UnderTheLegacyVersionTheDatabaseIsReadDirectly()
    {
        var handler = new ScriptedHandler(Ok(Schema));

        await DataSourceResolver.ResolveAsync(NewClient(handler, new FakeClock(), "2022-06-28"), "db1", null, new RecordingLog(), CancellationToken.None);

        Assert.Equal("https://api.notion.com/v1/databases/db1", handler.Requests.Single().Uri);
    }

    [Fact]
    public async Task UnderTheLegacyVersionADataSourceIdThatIsNotFoundSaysWhy()
    {
        var handler = new ScriptedHandler(Error(404, "object_not_found", "Could not find database with ID: ds1."));

        var error = await Assert.ThrowsAsync<DataSourceChoiceException>(() => DataSourceResolver.ResolveAsync(NewClient(handler, new FakeClock(), "2022-06-28"), null, "ds1", new RecordingLog(), CancellationToken.None));

        Assert.Equal("NotionDataSourceNeedsNewerApiVersion", error.ErrorId);
        Assert.Contains("no data sources", error.Message);
        Assert.Contains("-ApiVersion 2025-09-03", error.RecommendedAction);
        Assert.Equal("https://api.notion.com/v1/databases/ds1", Assert.Single(handler.Requests).Uri);
    }

    [Fact]
    public async Task UnderANewerVersionADataSourceIdThatIsNotFoundIsNotionsOwnError()
    {
        var handler = new ScriptedHandler(Error(404, "object_not_found", "Could not find data_source with ID: ds1."));

        var error = await Assert.ThrowsAsync<NotionPS.Client.NotionApiException>(() => DataSourceResolver.ResolveAsync(NewClient(handler, new FakeClock(), "2025-09-03"), null, "ds1", new RecordingLog(), CancellationToken.None));

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

        var error = await Assert.ThrowsAsync<DataSourceChoiceException>(() => DataSourceResolver.ResolveAsync(NewClient(handler, new FakeClock(), "2022-06-28"), "db2", null, new RecordingLog(), CancellationToken.None));

        Assert.Equal("NotionDatabaseHasSeveralDataSources", error.ErrorId);
        Assert.Contains("(ds-a, ds-b)", error.Message);
        Assert.Contains("-ApiVersion 2025-09-03", error.RecommendedAction);
    }
}
