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

/// <summary>What a parent ID names, as New-NotionPage and Move-NotionPage both ask it, and what each makes of the answer.</summary>
public class PageParentResolverTests
{
    private static Task<PageDestination> Resolve(ScriptedHandler handler, string id, PageParentKind kind = PageParentKind.Unknown, string apiVersion = "2025-09-03", bool forRow = false) =>
        new PageParentResolver(NewClient(handler, new FakeClock(), apiVersion), new RecordingLog()).ResolveAsync(new PageParent(id, kind), forRow, CancellationToken.None);

    [Fact]
    public async Task ABareIdOfAPageIsAskedAsAPageOnly()
    {
        var handler = new ScriptedHandler(Ok(Page));

        var destination = await Resolve(handler, "p1");

        Assert.Equal(("p1", (DatabaseTarget?)null), (destination.PageId, destination.Rows));
        Assert.Equal(new[] { "GET v1/pages/p1" }, Sent(handler));
    }

    [Fact]
    public async Task ABareIdOfADatabaseIsAskedAsAPageThenAsADatabase()
    {
        var handler = new ScriptedHandler(Error(400, "validation_error", "Provided ID db1 is a database, not a page."), Ok(OneSource));

        var destination = await Resolve(handler, "db1");

        Assert.Equal(("ds1", "db1"), (destination.Rows!.DataSourceId, destination.Rows.DatabaseId));
        Assert.Equal(new[] { "GET v1/pages/db1", "GET v1/databases/db1" }, Sent(handler));
    }

    [Fact]
    public async Task ForARowABareIdIsAskedAsADatabaseFirstAndAPageStillFound()
    {
        var database = new ScriptedHandler(Ok(OneSource));
        var page = new ScriptedHandler(Error(404, "object_not_found"), Ok(Page));

        var rows = await Resolve(database, "db1", forRow: true);
        var underPage = await Resolve(page, "p1", forRow: true);

        Assert.Equal("ds1", rows.Rows!.DataSourceId);
        Assert.Equal(new[] { "GET v1/databases/db1" }, Sent(database));
        Assert.Equal("p1", underPage.PageId);
        Assert.Equal(new[] { "GET v1/databases/p1", "GET v1/pages/p1" }, Sent(page));
    }

    [Fact]
    public async Task ADatabaseGivenAsOneGoesToItsOnlyDataSource()
    {
        var handler = new ScriptedHandler(Ok(OneSource));

        var destination = await Resolve(handler, "db1", PageParentKind.Database);

        Assert.Null(destination.PageId);
        Assert.Equal(("ds1", "db1"), (destination.Rows!.DataSourceId, destination.Rows.DatabaseId));
    }

    [Fact]
    public async Task AnIdNothingVisibleHasGivesThePageRequestsRefusal()
    {
        var handler = new ScriptedHandler(
            Error(404, "object_not_found", "Could not find page with ID: x1."), Error(404, "object_not_found", "Could not find database with ID: x1."), Error(404, "object_not_found", "Could not find data_source with ID: x1."));

        var refusal = await Assert.ThrowsAsync<NotionApiException>(() => Resolve(handler, "x1"));

        Assert.Equal("Could not find page with ID: x1.", refusal.ApiMessage);
        Assert.Equal(new[] { "GET v1/pages/x1", "GET v1/databases/x1", "GET v1/data_sources/x1" }, Sent(handler));
    }

    [Fact]
    public async Task UnderTheLegacyVersionADatabaseIsItsOwnDataSourceAndNoDataSourceIsTried()
    {
        var found = new ScriptedHandler(Error(404, "object_not_found"), Ok(OneSource));
        var nothing = new ScriptedHandler(Error(404, "object_not_found", "Could not find page with ID: x1."), Error(404, "object_not_found"));

        var destination = await Resolve(found, "db1", apiVersion: "2022-06-28");
        var refusal = await Assert.ThrowsAsync<NotionApiException>(() => Resolve(nothing, "x1", apiVersion: "2022-06-28"));

        Assert.Equal(("db1", (string?)null), (destination.Rows!.DatabaseId, destination.Rows.DataSourceId));
        Assert.Equal("Could not find page with ID: x1.", refusal.ApiMessage);
        Assert.Equal(new[] { "GET v1/pages/x1", "GET v1/databases/x1" }, Sent(nothing));
    }

    [Fact]
    public async Task UnderTheLegacyVersionADatabaseWithSeveralDataSourcesIsAChoiceForNewPagesAndNeedsANewerVersionForMoves()
    {
        var resolve = new ScriptedHandler(Error(404, "object_not_found"), LegacyRefusal("ds1", "ds2"));
        var move = new ScriptedHandler(Error(404, "object_not_found"), LegacyRefusal("ds1", "ds2"));

        var choice = await Assert.ThrowsAsync<DataSourceChoiceException>(() => Resolve(resolve, "db2", apiVersion: "2022-06-28"));
        var moveFailure = await Assert.ThrowsAsync<PageMoveException>(() =>
            new PageMove(NewClient(move, new FakeClock(), "2022-06-28"), new RecordingLog()).MoveAsync("p1", new PageParent("db2", PageParentKind.Unknown), CancellationToken.None));

        Assert.Equal(DataSourceChoiceProblem.SeveralInLegacyVersion, choice.Problem);
        Assert.Equal(PageMoveProblem.NeedsDataSourceVersion, moveFailure.Problem);
        Assert.DoesNotContain(Sent(move), request => request.StartsWith("POST"));
    }
}
