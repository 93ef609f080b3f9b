using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations;
using NotionPS.Rows;
using Xunit;

namespace NotionPS.Tests.Operations;

/// <summary>What Get-NotionDatabaseRow asks Notion for: the filter of each combination of its choices, and the sorts.</summary>
public class RowQueryPlanTests
{
    private static readonly DataSourceSchema Schema = DataSourceSchema.From(JsonDocument.Parse(
        """
        {"object":"data_source","id":"ds1","name":"Tasks","parent":{"type":"database_id","database_id":"db1"},"properties":{
          "Name":{"id":"t","type":"title","title":{}},"Done":{"id":"c","type":"checkbox","checkbox":{}}}}
        """).RootElement.Clone());

    private static readonly KeyValuePair<string, object?>[] NoPairs = Array.Empty<KeyValuePair<string, object?>>();

    // In UTC, so that the minute a condition starts at reads the same on any machine.
    private static readonly DateTime Edited = new(2026, 1, 31, 9, 30, 45, DateTimeKind.Utc);
    private static readonly DateTime Created = new(2025, 12, 1, 8, 15, 5, DateTimeKind.Utc);

    private const string OwnFilter = """{"property":"Name","title":{"contains":"x"}}""";
    private const string DoneIsTrue = """{"property":"Done","checkbox":{"equals":true}}""";
    private const string EditedSince = """{"timestamp":"last_edited_time","last_edited_time":{"on_or_after":"2026-01-31T09:30:00.000Z"}}""";
    private const string CreatedSince = """{"timestamp":"created_time","created_time":{"on_or_after":"2025-12-01T08:15:00.000Z"}}""";

    private static OrderedDictionary NameContainsX() => new()
    {
        ["property"] = "Name",
        ["title"] = new OrderedDictionary { ["contains"] = "x" },
    };

    private static KeyValuePair<string, object?>[] DoneTrue() => new[] { new KeyValuePair<string, object?>("done", true) };

    private static string? FilterOf(object? filter = null, KeyValuePair<string, object?>[]? where = null, DateTime? edited = null, DateTime? created = null) =>
        new RowQueryPlan(filter, where ?? NoPairs, Array.Empty<object?>(), edited, created).Filter(Schema)?.ToJsonString();

    private static string And(params string[] conditions) => "{\"and\":[" + string.Join(",", conditions) + "]}";

    [Fact]
    public void NoChoiceIsNoFilter() => Assert.Null(FilterOf());

    [Fact]
    public void OneChoiceIsItsConditionAlone()
    {
        Assert.Equal(OwnFilter, FilterOf(filter: NameContainsX()));
        Assert.Equal(DoneIsTrue, FilterOf(where: DoneTrue()));
        Assert.Equal(EditedSince, FilterOf(edited: Edited));
        Assert.Equal(CreatedSince, FilterOf(created: Created));
    }

    [Fact]
    public void SeveralChoicesAreOneAndInTheOrderFilterWhereEditedCreated()
    {
        Assert.Equal(And(OwnFilter, DoneIsTrue), FilterOf(NameContainsX(), DoneTrue()));
        Assert.Equal(And(EditedSince, CreatedSince), FilterOf(edited: Edited, created: Created));
        Assert.Equal(And(DoneIsTrue, CreatedSince), FilterOf(where: DoneTrue(), created: Created));
        Assert.Equal(And(OwnFilter, DoneIsTrue, EditedSince, CreatedSince), FilterOf(NameContainsX(), DoneTrue(), Edited, Created));
    }

    [Fact]
    public void OnlyColumnValuePairsNeedTheColumns()
    {
        Assert.True(new RowQueryPlan(null, DoneTrue(), Array.Empty<object?>(), null, null).NeedsColumns);
        var withoutPairs = new RowQueryPlan(NameContainsX(), NoPairs, Array.Empty<object?>(), Edited, null);
        Assert.False(withoutPairs.NeedsColumns);
        Assert.Equal(And(OwnFilter, EditedSince), withoutPairs.Filter(null)!.ToJsonString());
    }

    [Fact]
    public void APairNamingNoColumnIsRefused() =>
        Assert.Throws<UnknownColumnException>(() => FilterOf(where: new[] { new KeyValuePair<string, object?>("Colour", "red") }));

    public static TheoryData<object?, string> NotSorts => new()
    {
        { null, "Sort[1] is null, not a sort." },
        { System.Management.Automation.ScriptBlock.Create("$_.Name"), "Sort[1] is of type ScriptBlock, not a sort." },
        { 42, "Sort[1] is of type Int32, not a sort." },
        { new List<object?> { "Name" }, "Sort[1] is of type List`1, not a sort." },
    };

    [Theory]
    [MemberData(nameof(NotSorts))]
    public void ASortThatIsNeitherAColumnNameNorADictionaryIsRefusedBeforeAnyRequest(object? sort, string message)
    {
        var error = Assert.Throws<InputValueException>(() => new RowQueryPlan(null, NoPairs, new[] { "Name", sort }, null, null));

        Assert.Equal(NotionErrorIds.NotionSortInvalid, error.ErrorId);
        Assert.Equal("Sort[1]", error.Path);
        Assert.StartsWith(message + " Give a column name, or a hashtable", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<OrderedDictionary, string> IncompleteSorts => new()
    {
        { new OrderedDictionary(), "Sort[1] names neither a property (a column) nor a timestamp" },
        { new OrderedDictionary { ["direction"] = "descending" }, "Sort[1] names neither a property (a column) nor a timestamp" },
        { new OrderedDictionary { ["Property"] = "Done", ["Timestamp"] = "created_time", ["direction"] = "ascending" }, "Sort[1] names both a property and a timestamp" },
        { new OrderedDictionary { ["property"] = "Done" }, "Sort[1] has no direction" },
        { new OrderedDictionary { ["property"] = "Done", ["direction"] = "up" }, "Sort[1] has the direction 'up'" },
        { new OrderedDictionary { ["property"] = "Done", ["direction"] = 1 }, "Sort[1] has the direction 1" },
        { new OrderedDictionary { ["timestamp"] = "created", ["Direction"] = "Descending" }, "Sort[1] has the timestamp 'created'" },
    };

    /// <summary>A sort in Notion's shape that Notion would refuse is refused before any request, with what a sort is.</summary>
    [Theory]
    [MemberData(nameof(IncompleteSorts))]
    public void ADictionaryThatIsNoSortIsRefusedBeforeAnyRequest(OrderedDictionary sort, string message)
    {
        var error = Assert.Throws<InputValueException>(() => new RowQueryPlan(null, NoPairs, new object?[] { "Name", sort }, null, null));

        Assert.Equal(NotionErrorIds.NotionSortInvalid, error.ErrorId);
        Assert.Equal("Sort[1]", error.Path);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(" Give a column name, or a hashtable in Notion's shape", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnNamesAndDictionariesAreSorts() =>
        Assert.Equal(
            """[{"property":"Name","direction":"ascending"},{"property":"Done","direction":"descending"}]""",
            new RowQueryPlan(null, NoPairs, new object?[] { "Name", new OrderedDictionary { ["property"] = "Done", ["direction"] = "descending" } }, null, null).Sorts(Schema)!.ToJsonString());

    [Fact]
    public void AFilterHoldingNaNIsRefusedNamingTheFilter()
    {
        var error = Assert.Throws<InputValueException>(() => FilterOf(filter: new OrderedDictionary { ["number"] = double.NaN }));

        Assert.Equal(NotionErrorIds.NotionNumberNotFinite, error.ErrorId);
        Assert.Contains("Filter", error.Message);
    }

    [Fact]
    public void NoSortIsCreatedOrder() => Assert.Null(new RowQueryPlan(null, NoPairs, Array.Empty<object?>(), null, null).Sorts(Schema));

    [Fact]
    public void AColumnNameSortsAscendingAndASortInNotionsShapeIsSentAsGiven()
    {
        var plan = new RowQueryPlan(null, NoPairs, new object?[] { "Done", new OrderedDictionary { ["timestamp"] = "created_time", ["direction"] = "descending" } }, null, null);

        Assert.Equal(
            """[{"property":"Done","direction":"ascending"},{"timestamp":"created_time","direction":"descending"}]""",
            plan.Sorts(Schema)!.ToJsonString());
    }

    /// <summary>Notion matches a sort's column exactly: the plan sends the schema's name for one given in another case.</summary>
    [Fact]
    public void ASortsColumnIsNamedAsTheSchemaHasIt()
    {
        var plan = new RowQueryPlan(null, NoPairs, new object?[] { "dONE", new OrderedDictionary { ["property"] = "name", ["direction"] = "descending" } }, null, null);

        Assert.True(plan.NeedsColumns);
        Assert.Equal("""[{"property":"Done","direction":"ascending"},{"property":"Name","direction":"descending"}]""", plan.Sorts(Schema)!.ToJsonString());
        Assert.Equal(NotionErrorIds.NotionUnknownColumn, Assert.Throws<UnknownColumnException>(() => new RowQueryPlan(null, NoPairs, new object?[] { "Nope" }, null, null).Sorts(Schema)).ErrorId);
    }

    /// <summary>
    /// A sort names a column by its name, or by the property ID the API gives (the title column's "title", "%3AbC"), sent
    /// by the column's name; an exact name comes first. A dictionary's keys are read in any case, as PowerShell's are.
    /// </summary>
    [Fact]
    public void ASortsColumnMayBeNamedByItsPropertyIdAndItsKeysAndDirectionInAnyCase()
    {
        var schema = DataSourceSchema.From(JsonDocument.Parse(
            """
            {"object":"data_source","id":"ds1","name":"Tasks","parent":{"type":"database_id","database_id":"db1"},"properties":{
              "Name":{"id":"title","type":"title","title":{}},"Due":{"id":"%3AbC","type":"date","date":{}},
              "t":{"id":"x","type":"number","number":{}},"Other":{"id":"t","type":"number","number":{}}}}
            """).RootElement.Clone());
        var byId = new System.Collections.Hashtable(StringComparer.OrdinalIgnoreCase) { ["property"] = "title", ["direction"] = "ascending" };
        var capitalised = new System.Collections.Hashtable(StringComparer.OrdinalIgnoreCase) { ["Property"] = "due", ["Direction"] = "Descending" };
        var plan = new RowQueryPlan(null, NoPairs, new object?[] { byId, "%3AbC", "t", capitalised }, null, null);

        Assert.True(new RowQueryPlan(null, NoPairs, new object?[] { capitalised }, null, null).NeedsColumns);

        // A Hashtable's keys come in the order of their hash codes, which .NET varies from process to process: each sort
        // is compared key by key.
        static string KeysInOrder(JsonNode? sort) =>
            string.Join(", ", sort!.AsObject().OrderBy(field => field.Key, StringComparer.Ordinal).Select(field => field.Key + "=" + field.Value!.ToJsonString()));
        Assert.Equal(
            new[] { "direction=\"ascending\", property=\"Name\"", "direction=\"ascending\", property=\"Due\"", "direction=\"ascending\", property=\"t\"", "direction=\"descending\", property=\"Due\"" },
            plan.Sorts(schema)!.Select(KeysInOrder));
    }

    /// <summary>
    /// A column a row names "&lt;name&gt; (column)" (a case twin, or named like a row's own property) is that column in
    /// -Sort and -Where too, as a user reads the name off a row; a name so written that no row has is still unknown.
    /// </summary>
    [Fact]
    public void ASortOrPairTakesTheNameARowGivesAColumn()
    {
        var schema = DataSourceSchema.From(JsonDocument.Parse(
            """
            {"object":"data_source","id":"ds1","name":"Tasks","parent":{"type":"database_id","database_id":"db1"},"properties":{
              "Name":{"id":"t","type":"title","title":{}},"name":{"id":"n","type":"rich_text","rich_text":{}},
              "Url":{"id":"u","type":"url","url":{}}}}
            """).RootElement.Clone());
        var where = new[] { new KeyValuePair<string, object?>("name (column)", "low"), new KeyValuePair<string, object?>("url (column)", "https://example.com") };
        var plan = new RowQueryPlan(null, where, new object?[] { "name (column)", new OrderedDictionary { ["property"] = "Url (column)", ["direction"] = "ascending" } }, null, null);

        Assert.Equal(
            """[{"property":"name","direction":"ascending"},{"property":"Url","direction":"ascending"}]""",
            plan.Sorts(schema)!.ToJsonString());
        Assert.Equal(
            And("""{"property":"name","rich_text":{"equals":"low"}}""", """{"property":"Url","url":{"equals":"https://example.com"}}"""),
            plan.Filter(schema)!.ToJsonString());
        var unknown = Assert.Throws<UnknownColumnException>(() => new RowQueryPlan(null, NoPairs, new object?[] { "Name (column)" }, null, null).Sorts(schema));
        Assert.Contains("'Name (column)'", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASortByTimeAloneNeedsNoColumns() =>
        Assert.False(new RowQueryPlan(null, NoPairs, new object?[] { new OrderedDictionary { ["timestamp"] = "created_time", ["direction"] = "descending" } }, null, null).NeedsColumns);

    [Fact]
    public void EachRequestGetsSortsOfItsOwn()
    {
        var plan = new RowQueryPlan(null, NoPairs, new object?[] { "Done" }, null, null);

        // A node belongs to one parent: two requests built from one array would fail on the second.
        var first = new JsonObject { ["sorts"] = plan.Sorts(Schema) };
        var second = new JsonObject { ["sorts"] = plan.Sorts(Schema) };

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
    }
}
