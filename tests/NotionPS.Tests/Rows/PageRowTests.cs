using System.Linq;
using System.Text.Json;
using NotionPS.Rows;
using Xunit;

namespace NotionPS.Tests.Rows;

/// <summary>
/// Rows share the strings the previous row had at the same place (column names, parent IDs), compared with the
/// JSON in place: a row whose strings differ, however slightly, must still get its own.
/// </summary>
public class PageRowTests
{
    private static PageRow Row(string dataSourceId, string properties)
    {
        using var document = JsonDocument.Parse("{\"object\":\"page\",\"id\":\"p1\",\"created_time\":\"2026-11-29T10:00:00.000Z\",\"parent\":{\"type\":\"data_source_id\",\"data_source_id\":\"" + dataSourceId + "\",\"database_id\":\"db1\"},\"properties\":" + properties + "}");
        return PageRow.From(document.RootElement);
    }

    private static string[] Names(PageRow row) => row.Columns.Select(column => column.Key).ToArray();

    [Fact]
    public void RowsWithTheSameNamesShareThemAndRowsWithOtherNamesGetTheirOwn()
    {
        var first = Row("ds1", """{"Café":{"type":"number","number":1},"Size":{"type":"number","number":2}}""");
        var escaped = Row("ds1", """{"Caf\u00e9":{"type":"number","number":3},"Size":{"type":"number","number":4}}""");
        var otherAccent = Row("ds2", """{"Cafè":{"type":"number","number":5},"Size ":{"type":"number","number":6}}""");
        var again = Row("ds1", """{"Café":{"type":"number","number":7},"Size":{"type":"number","number":8}}""");

        Assert.Equal(new[] { "Café", "Size" }, Names(first));
        Assert.Same(first.Columns[0].Key, escaped.Columns[0].Key);
        Assert.Same(first.DataSourceId, escaped.DataSourceId);
        Assert.Equal(new[] { "Cafè", "Size " }, Names(otherAccent));
        Assert.Equal("ds2", otherAccent.DataSourceId);
        Assert.Equal(new[] { "Café", "Size" }, Names(again));
        Assert.Equal("ds1", again.DataSourceId);
        Assert.Equal(new object?[] { 7.0, 8.0 }, again.Columns.Select(column => column.Value).ToArray());
    }

    [Fact]
    public void CaseTwinsAreRenamedForTheirWholeSetOfColumnsWhicheverRowCameBefore()
    {
        var twins = Row("ds1", """{"name":{"type":"number","number":1},"Name":{"type":"number","number":2}}""");
        var sameTwins = Row("ds1", """{"name":{"type":"number","number":3},"Name":{"type":"number","number":4}}""");
        var fewer = Row("ds1", """{"name":{"type":"number","number":5}}""");
        var twinAtAnotherPlace = Row("ds1", """{"name":{"type":"number","number":6},"Size":{"type":"number","number":7},"NAME":{"type":"number","number":8}}""");
        var noTwins = Row("ds1", """{"name":{"type":"number","number":9},"Size":{"type":"number","number":10},"Other":{"type":"number","number":11}}""");

        Assert.Equal(new[] { "name (column)", "Name" }, Names(twins));
        Assert.Equal(new[] { "name (column)", "Name" }, Names(sameTwins));
        Assert.Equal(new object?[] { 3.0, 4.0 }, sameTwins.Columns.Select(column => column.Value).ToArray());
        Assert.Equal(new[] { "name" }, Names(fewer));
        Assert.Equal(new[] { "name (column)", "Size", "NAME" }, Names(twinAtAnotherPlace));
        Assert.Equal(new[] { "name", "Size", "Other" }, Names(noTwins));
    }

    [Fact]
    public void AKnownTypeWithoutItsValueAndAnUnknownTypeComeThroughAsTheirJson()
    {
        var row = Row("ds1", """{"Missing":{"type":"number"},"New":{"type":"button","button":{"label":"Go"}},"Untyped":{"id":"x"}}""");

        var values = row.Columns.ToDictionary(column => column.Key, column => (System.Collections.Specialized.OrderedDictionary)column.Value!);
        Assert.Equal("number", values["Missing"]["type"]);
        Assert.Equal("Go", values["New"]["label"]);
        Assert.Equal("x", values["Untyped"]["id"]);
    }

    [Fact]
    public void ARowReadAsCompleteIsNoneWhereAValueMayHaveBeenCutAndTheSameRowOtherwise()
    {
        const string Page = "{\"object\":\"page\",\"id\":\"p1\",\"parent\":{\"type\":\"data_source_id\",\"data_source_id\":\"ds1\"},\"properties\":";
        using var whole = JsonDocument.Parse(Page + """{"Name":{"type":"title","title":[{"plain_text":"A"}]},"Links":{"type":"relation","relation":[{"id":"r1"}],"has_more":false}}}""");
        using var cut = JsonDocument.Parse(Page + """{"Name":{"type":"title","title":[{"plain_text":"A"}]},"Links":{"type":"relation","relation":[{"id":"r1"}],"has_more":true}}}""");

        var complete = PageRow.FromComplete(whole.RootElement);

        Assert.NotNull(complete);
        Assert.Equal(PageRow.From(whole.RootElement).Columns, complete!.Columns);
        Assert.Null(PageRow.FromComplete(cut.RootElement));
        Assert.Equal(new[] { "Name", "Links" }, Names(PageRow.From(cut.RootElement)));
    }

    [Fact]
    public void AColumnWhoseTypeChangesFromOneRowToTheNextIsReadByEachRowsOwnType()
    {
        // Each row's value is matched against the type the column had in the row before first: that must only be a guess.
        var number = Row("ds1", """{"Value":{"type":"number","number":1}}""");
        var text = Row("ds1", """{"Value":{"type":"rich_text","rich_text":[{"plain_text":"1"}]}}""");
        var unknown = Row("ds1", """{"Value":{"type":"button","button":{"label":"Go"}}}""");
        var numberAgain = Row("ds1", """{"Value":{"type":"number","number":2}}""");
        var untyped = Row("ds1", """{"Value":{"number":3}}""");
        var checkbox = Row("ds1", """{"Value":{"type":"checkbox","checkbox":true}}""");

        Assert.Equal(1.0, number.Columns[0].Value);
        Assert.Equal("1", text.Columns[0].Value);
        Assert.Equal("Go", ((System.Collections.Specialized.OrderedDictionary)unknown.Columns[0].Value!)["label"]);
        Assert.Equal(2.0, numberAgain.Columns[0].Value);
        Assert.Equal(3.0, ((System.Collections.Specialized.OrderedDictionary)untyped.Columns[0].Value!)["number"]);
        Assert.Equal(true, checkbox.Columns[0].Value);
    }
}
