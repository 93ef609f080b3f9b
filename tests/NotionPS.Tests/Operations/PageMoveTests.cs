using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Ids;
using NotionPS.Operations;
using NotionPS.Tests.Client;
using Xunit;
using static NotionPS.Tests.Client.NotionClientTests;
using static NotionPS.Tests.Operations.NotionAnswers;

namespace NotionPS.Tests.Operations;

/// <summary>Where PageMove sends a page, by what the parent was given as, and what it asks Notion first.</summary>
public class PageMoveTests
{
    private const string Moved = """{"object":"page","id":"p1","parent":{"type":"page_id","page_id":"p9"},"properties":{}}""";

    [Fact]
    public async Task APageGivenAsAPageIsMovedUnderWithoutAskingFirst()
    {
        var handler = new ScriptedHandler(Ok(Moved));

        var page = await new PageMove(NewClient(handler, new FakeClock()), new RecordingLog()).MoveAsync("p1", new PageParent("p9", PageParentKind.Page), CancellationToken.None);

        Assert.Equal("p9", page.ParentId);
        Assert.Equal(new[] { "POST v1/pages/p1/move" }, Sent(handler));
        Assert.Equal("""{"type":"page_id","page_id":"p9"}""", JsonNode.Parse(handler.Requests[0].Body!)!["parent"]!.ToJsonString());
    }

    [Fact]
    public async Task ABareIdOfADatabaseIsAskedAboutOnceForAllThePagesAndTheyGoIntoItsDataSource()
    {
        var handler = new ScriptedHandler(Error(404, "object_not_found"), Ok(OneSource), Ok(Moved), Ok(Moved));
        var move = new PageMove(NewClient(handler, new FakeClock()), new RecordingLog());

        await move.MoveAsync("p1", new PageParent("db1", PageParentKind.Unknown), CancellationToken.None);
        await move.MoveAsync("p2", new PageParent("db1", PageParentKind.Unknown), CancellationToken.None);

        Assert.Equal(new[] { "GET v1/pages/db1", "GET v1/databases/db1", "POST v1/pages/p1/move", "POST v1/pages/p2/move" }, Sent(handler));
        Assert.All(handler.Requests.Skip(2), request =>
            Assert.Equal("""{"type":"data_source_id","data_source_id":"ds1"}""", JsonNode.Parse(request.Body!)!["parent"]!.ToJsonString()));
    }

    [Fact]
    public async Task ABareIdThatIsNeitherDatabaseNorPageIsTriedAsADataSource()
    {
        var handler = new ScriptedHandler(Error(404, "object_not_found"), Error(404, "object_not_found"), Ok(Schema), Ok(Moved));

        await new PageMove(NewClient(handler, new FakeClock()), new RecordingLog()).MoveAsync("p1", new PageParent("ds1", PageParentKind.Unknown), CancellationToken.None);

        Assert.Equal(new[] { "GET v1/pages/ds1", "GET v1/databases/ds1", "GET v1/data_sources/ds1", "POST v1/pages/p1/move" }, Sent(handler));
    }

    [Fact]
    public async Task AnIdThatNamesNothingVisibleIsParentNotFoundAndNothingMoves()
    {
        var handler = new ScriptedHandler(Error(404, "object_not_found", "Could not find page with ID: x1."), Error(404, "object_not_found"), Error(404, "object_not_found"));

        var failure = await Assert.ThrowsAsync<PageMoveException>(() =>
            new PageMove(NewClient(handler, new FakeClock()), new RecordingLog()).MoveAsync("p1", new PageParent("x1", PageParentKind.Unknown), CancellationToken.None));

        Assert.Equal(PageMoveProblem.ParentNotFound, failure.Problem);
        Assert.Equal("NotionMoveParentNotFound", failure.ErrorId);
        Assert.DoesNotContain(Sent(handler), request => request.StartsWith("POST"));
    }

    [Fact]
    public async Task ADatabaseWithSeveralDataSourcesNamesThemAndNothingMoves()
    {
        var handler = new ScriptedHandler(Ok(TwoSources));

        var failure = await Assert.ThrowsAsync<PageMoveException>(() =>
            new PageMove(NewClient(handler, new FakeClock()), new RecordingLog()).MoveAsync("p1", new PageParent("db2", PageParentKind.Database), CancellationToken.None));

        Assert.Equal(PageMoveProblem.SeveralDataSources, failure.Problem);
        Assert.Contains("\"Archive\" (ds2)", failure.Message);
        Assert.Equal(new[] { "GET v1/databases/db2" }, Sent(handler));
    }

    [Theory]
    [InlineData(nameof(PageParentKind.Database))]
    [InlineData(nameof(PageParentKind.DataSource))]
    public async Task UnderTheLegacyVersionNothingMovesIntoADatabase(string kindName)
    {
        var kind = System.Enum.Parse<PageParentKind>(kindName);
        var handler = new ScriptedHandler(Ok(OneSource));

        var failure = await Assert.ThrowsAsync<PageMoveException>(() =>
            new PageMove(NewClient(handler, new FakeClock(), "2022-06-28"), new RecordingLog()).MoveAsync("p1", new PageParent("db1", kind), CancellationToken.None));

        Assert.Equal(PageMoveProblem.NeedsDataSourceVersion, failure.Problem);
        Assert.DoesNotContain(Sent(handler), request => request.StartsWith("POST"));
    }

    [Fact]
    public async Task AFailedSearchIsNotRememberedSoTheNextPageAsksAgain()
    {
        var handler = new ScriptedHandler(Error(404, "object_not_found"), Ok(OneSource), Ok(Moved));
        var move = new PageMove(NewClient(handler, new FakeClock()), new RecordingLog());

        await Assert.ThrowsAsync<NotionApiException>(() => move.MoveAsync("p1", new PageParent("db1", PageParentKind.Database), CancellationToken.None));
        await move.MoveAsync("p2", new PageParent("db1", PageParentKind.Database), CancellationToken.None);

        Assert.Equal(new[] { "GET v1/databases/db1", "GET v1/databases/db1", "POST v1/pages/p2/move" }, Sent(handler));
    }

    [Fact]
    public async Task UnderTheLegacyVersionADatabaseIsAskedAboutOnceAndEveryPageIsRefused()
    {
        var handler = new ScriptedHandler(Error(404, "object_not_found"), Ok(OneSource));
        var move = new PageMove(NewClient(handler, new FakeClock(), "2022-06-28"), new RecordingLog());

        foreach (var pageId in new[] { "p1", "p2" })
        {
            var failure = await Assert.ThrowsAsync<PageMoveException>(() => move.MoveAsync(pageId, new PageParent("db1", PageParentKind.Unknown), CancellationToken.None));
            Assert.Equal(PageMoveProblem.NeedsDataSourceVersion, failure.Problem);
        }

        Assert.Equal(new[] { "GET v1/pages/db1", "GET v1/databases/db1" }, Sent(handler));
    }
}
