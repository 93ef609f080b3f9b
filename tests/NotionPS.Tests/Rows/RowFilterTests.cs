using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using NotionPS.Cmdlets;
using NotionPS.Rows;
using Xunit;

namespace NotionPS.Tests.Rows;

public class RowFilterTests
{
    private static readonly Dictionary<string, string> Schema = new()
    {
        ["Name"] = "title",
        ["Status"] = "status",
        ["Tags"] = "multi_select",
        ["Done"] = "checkbox",
        ["Estimate"] = "number",
        ["Due"] = "date",
        ["Owner"] = "people",
        ["Created"] = "created_time",
        ["Score"] = "formula",
    };

    private static string Filter(params (string Column, object? Value)[] pairs)
    {
        var list = new List<KeyValuePair<string, object?>>();
        foreach (var (column, value) in pairs)
        {
            list.Add(new(column, value));
        }

        return new JsonObject { ["and"] = new JsonArray(RowFilter.Conditions(Schema, list).ToArray<JsonNode>()) }.ToJsonString();
    }

    [Fact]
    public void PairsAreAndedEqualitiesTypedByTheSchema() =>
        Assert.Equal(
            """{"and":[{"property":"Status","status":{"equals":"Done"}},{"property":"Done","checkbox":{"equals":true}},{"property":"Estimate","number":{"equals":3}}]}""",
            Filter(("status", "Done"), ("Done", "yes"), ("Estimate", "3")));

    [Fact]
    public void AnOptionIsNamedIgnoringCaseAndAValueThatIsNoOptionIsSentAsGiven()
    {
        var options = new Dictionary<string, IReadOnlyList<string>> { ["Status"] = new[] { "Done", "Not started" }, ["Tags"] = new[] { "Urgent", "later" } };
        var pairs = new List<KeyValuePair<string, object?>> { new("Status", new[] { "done", "Doing" }), new("Tags", "URGENT") };

        var filter = new JsonArray(RowFilter.Conditions(Schema, pairs, options).ToArray<JsonNode>()).ToJsonString();

        Assert.Equal(
            """[{"or":[{"property":"Status","status":{"equals":"Done"}},{"property":"Status","status":{"equals":"Doing"}}]},{"property":"Tags","multi_select":{"contains":"Urgent"}}]""",
            filter);
    }

    [Fact]
    public void AThirdSpellingOfTwoOptionsThatDifferOnlyInCaseIsRefused()
    {
        var options = new Dictionary<string, IReadOnlyList<string>> { ["Tags"] = new[] { "Urgent", "URGENT" } };

        var error = Assert.Throws<RowValueException>(() => RowFilter.Conditions(Schema, new List<KeyValuePair<string, object?>> { new("Tags", "urgent") }, options));

        Assert.Contains("matches the options 'Urgent' and 'URGENT', which differ only in case", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void MultiValuedColumnsUseContains() =>
        Assert.Equal("""{"and":[{"property":"Tags","multi_select":{"contains":"urgent"}}]}""", Filter(("Tags", "urgent")));

    [Fact]
    public void PeopleCompareByUserId() =>
        Assert.Equal(
            """{"and":[{"property":"Owner","people":{"contains":"b0b0b0b0-0000-4000-8000-000000000001"}}]}""",
            Filter(("Owner", "b0b0b0b0000040008000000000000001")));

    [Fact]
    public void AnEmptyValueMeansIsEmpty() =>
        Assert.Equal("""{"and":[{"property":"Name","title":{"is_empty":true}}]}""", Filter(("Name", "")));

    [Fact]
    public void DatesAndTimestamps() =>
        Assert.Equal(
            """{"and":[{"property":"Due","date":{"equals":"2025-01-31"}},{"timestamp":"created_time","created_time":{"equals":"2025-01-31"}}]}""",
            Filter(("Due", "2025-01-31"), ("Created", "2025-01-31")));

    [Fact]
    public void AnUnknownColumnIsRefused() => Assert.Throws<UnknownColumnException>(() => Filter(("Colour", "red")));

    [Fact]
    public void AComputedColumnNeedsTheFullFilter() =>
        Assert.Contains("-Filter", Remedies.For(Assert.Throws<RowValueException>(() => Filter(("Score", 1))), default));

    [Fact]
    public void ABadValueNamesTheColumn() =>
        Assert.Equal("Estimate", Assert.Throws<RowValueException>(() => Filter(("Estimate", "many"))).Column);

    [Fact]
    public void SeveralValuesMatchAnyOfThem() =>
        Assert.Equal(
            """{"and":[{"or":[{"property":"Name","title":{"equals":"a"}},{"property":"Name","title":{"equals":"b"}}]}]}""",
            Filter(("Name", new object[] { "a", "b" })));

    /// <summary>Notion nests filters 2 levels deep (the and, then an or): nested arrays become one or.</summary>
    [Fact]
    public void NestedArraysOfValuesAreOneOr() =>
        Assert.Equal(
            """{"and":[{"or":[{"property":"Name","title":{"equals":"a"}},{"property":"Name","title":{"equals":"b"}},{"property":"Name","title":{"equals":"c"}}]}]}""",
            Filter(("Name", new object[] { new object[] { "a", new[] { "b" } }, "c" })));

    [Theory]
    [InlineData("1,5", "1.5")]
    [InlineData("1.5", "1.5")]
    [InlineData("01.02.2025", "2025-02-01")]
    public void NumbersAndDatesAreReadByTheSameRuleAsWrites(string text, string expected)
    {
        var column = expected.Contains('-') ? "Due" : "Estimate";
        var saved = System.Threading.Thread.CurrentThread.CurrentCulture;
        System.Threading.Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Contains($":{{\"equals\":{(column == "Due" ? $"\"{expected}\"" : expected)}}}", Filter((column, text)));
        }
        finally
        {
            System.Threading.Thread.CurrentThread.CurrentCulture = saved;
        }
    }

    /// <summary>The same mistake as in a cell or a -Body, with the same error id.</summary>
    [Fact]
    public void NaNIsRefusedAsNotFiniteNamingTheColumn()
    {
        var error = Assert.Throws<InputValueException>(() => Filter(("Estimate", double.PositiveInfinity)));

        Assert.Equal("NotionNumberNotFinite", error.ErrorId);
        Assert.Equal("Estimate", error.Path);
    }

    [Theory]
    [InlineData("Estimate", "NaN")]
    [InlineData("Estimate", "1,234")]
    [InlineData("Due", "01/02/2025")]
    public void ValuesThatWouldMatchTheWrongRowsAreRefused(string column, object value) =>
        Assert.Equal(column, Assert.Throws<RowValueException>(() => Filter((column, value))).Column);

    [Fact]
    public void AHashtableIsNotText() =>
        Assert.Equal("Name", Assert.Throws<RowValueException>(() => Filter(("Name", new System.Collections.Hashtable { ["a"] = 1 }))).Column);
}
