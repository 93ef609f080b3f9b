using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Operations;
using NotionPS.Tests.Client;
using Xunit;
using static NotionPS.Tests.Client.NotionClientTests;
using static NotionPS.Tests.Operations.NotionAnswers;

namespace NotionPS.Tests.Operations;

public class DatabaseReaderTests
{
    [Fact]
    public async Task EachReachableDataSourceHasItsColumnsAndAnUnreachableOneIsLogged()
    {
        var handler = new ScriptedHandler(Ok(TwoSources), Ok(Schema), Error(404, "object_not_found", "Could not find data_source with ID: ds2."));
        var log = new RecordingLog();

        var database = await new DatabaseReader(NewClient(handler, new FakeClock()), log).ReadWithColumnsAsync("db2", CancellationToken.None);

        Assert.Equal(("db2", "Projects"), (database.DatabaseId, database.Title));
        Assert.Equal(new[] { "Name" }, database.DataSources[0].Properties.Select(p => p.Name));
        Assert.Empty(database.DataSources[1].Properties);
        Assert.Contains(log.VerboseLines, line => line.Contains("\"Archive\" (ds2) is not reachable: Could not find data_source"));
        Assert.Equal(new[] { "GET v1/databases/db2", "GET v1/data_sources/ds1", "GET v1/data_sources/ds2" }, Sent(handler));
    }

    [Fact]
    public async Task UnderTheLegacyVersionTheDatabaseCarriesItsOwnColumns()
    {
        var handler = new ScriptedHandler(Ok("""{"object":"database","id":"db1","title":[{"plain_text":"Tasks"}],"properties":{"Name":{"id":"title","type":"title","title":{}}}}"""));

        var database = await new DatabaseReader(NewClient(handler, new FakeClock(), "2022-06-28"), new RecordingLog()).ReadWithColumnsAsync("db1", CancellationToken.None);

        var source = Assert.Single(database.DataSources);
        Assert.Equal(("db1", "db1"), (source.DataSourceId, source.DatabaseId));
        Assert.Equal("Name", Assert.Single(source.Properties).Name);
        Assert.Equal(new[] { "GET v1/databases/db1" }, Sent(handler));
    }

    [Fact]
    public async Task UnderTheLegacyVersionSeveralDataSourcesAreADataSourceChoice()
    {
        var handler = new ScriptedHandler(LegacyRefusal("ds-a", "ds-b"));

        var error = await Assert.ThrowsAsync<DataSourceChoiceException>(() =>
            new DatabaseReader(NewClient(handler, new FakeClock(), "2022-06-28"), new RecordingLog()).ReadWithColumnsAsync("db2", CancellationToken.None));

        Assert.Equal((DataSourceChoiceProblem.SeveralInLegacyVersion, "NotionDatabaseHasSeveralDataSources"), (error.Problem, error.ErrorId));
        Assert.Contains("(ds-a, ds-b)", error.Message);
    }

    [Fact]
    public async Task ReadWithoutColumnsAsksOnlyForTheDatabase()
    {
        var handler = new ScriptedHandler(Ok(TwoSources));

        var database = await new DatabaseReader(NewClient(handler, new FakeClock()), new RecordingLog()).ReadAsync("db2", CancellationToken.None);

        Assert.Equal(new[] { "ds1", "ds2" }, database.DataSources.Select(source => source.DataSourceId));
        Assert.All(database.DataSources, source => Assert.Empty(source.Properties));
        Assert.Equal(new[] { "GET v1/databases/db2" }, Sent(handler));
    }
}

public class DatabaseSearchTests
{
    private const string FirstPage = """{"object":"list","results":[{"object":"data_source","id":"ds1","name":"Active","parent":{"type":"database_id","database_id":"db2"}},{"object":"data_source","id":"dsx","name":"Orphan","parent":{"type":"page_id","page_id":"p9"}}],"has_more":true,"next_cursor":"c2"}""";
    private const string LastPage = """{"object":"list","results":[{"object":"data_source","id":"ds2","name":"Archive","parent":{"type":"database_id","database_id":"db2"}}],"has_more":false,"next_cursor":"ignored"}""";

    [Fact]
    public async Task PagesGiveDatabaseHitsAndTheNextCursor()
    {
        var handler = new ScriptedHandler(Ok(FirstPage), Ok(LastPage));
        var search = new DatabaseSearch(NewClient(handler, new FakeClock()), new RecordingLog());

        var first = await search.SearchAsync("Pro", null, CancellationToken.None);
        var last = await search.SearchAsync("Pro", first.NextCursor, CancellationToken.None);

        Assert.Equal(new[] { ("db2", "Active") }, first.Hits);
        Assert.Equal("c2", first.NextCursor);
        Assert.Equal(new[] { ("db2", "Archive") }, last.Hits);
        Assert.Null(last.NextCursor);
        var bodies = handler.Requests.Select(r => JsonDocument.Parse(r.Body!).RootElement).ToList();
        Assert.Equal(("Pro", "data_source"), (bodies[0].GetProperty("query").GetString(), bodies[0].GetProperty("filter").GetProperty("value").GetString()));
        Assert.False(bodies[0].TryGetProperty("start_cursor", out _));
        Assert.Equal("c2", bodies[1].GetProperty("start_cursor").GetString());
    }
}
