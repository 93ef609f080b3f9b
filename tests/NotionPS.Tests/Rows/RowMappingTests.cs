using System;
using System.Collections.Generic;
using System.Linq;
using NotionPS.Cmdlets;
using NotionPS.Rows;
using Xunit;

namespace NotionPS.Tests.Rows;

public class RowMappingTests
{
    private static readonly Dictionary<string, string> Schema = new()
    {
        ["Name"] = "title",
        ["Estimate"] = "number",
        ["Score"] = "formula",
        ["Url"] = "url",
        ["Created"] = "created_time",
    };

    private static List<KeyValuePair<string, object?>> Input(params (string Name, object? Value)[] pairs) =>
        pairs.Select(pair => new KeyValuePair<string, object?>(pair.Name, pair.Value)).ToList();

    [Fact]
    public void MapsPropertiesToColumnsIgnoringCase()
    {
        var mapping = RowMapping.Build(Schema, Input(("name", "A"), ("ESTIMATE", "2")), RowSource.Given, ignoreUnknown: false);

        Assert.Equal("""{"Name":{"title":[{"type":"text","text":{"content":"A"}}]},"Estimate":{"number":2}}""", mapping.Properties.ToJsonString());
        Assert.Equal("A", mapping.Values["Name"]);
    }

    [Fact]
    public void ASelectValueTakesTheColumnsOptionThatMatchesIgnoringCase()
    {
        var schema = new Dictionary<string, string> { ["Name"] = "title", ["Priority"] = "select" };
        var options = new Dictionary<string, IReadOnlyList<string>> { ["Priority"] = new[] { "High", "Low" } };

        var mapping = RowMapping.Build(schema, Input(("Name", "A"), ("priority", "high")), RowSource.Given, ignoreUnknown: false, options: options);

        Assert.Equal("""{"select":{"name":"High"}}""", mapping.Properties["Priority"]!.ToJsonString());
    }

    [Fact]
    public void TheOptionsARowAddsAreThoseAmongNoneOfItsColumnsOptions()
    {
        var schema = new Dictionary<string, string> { ["Name"] = "title", ["Priority"] = "select", ["Tags"] = "multi_select", ["Status"] = "status", ["Notes"] = "rich_text" };
        var options = new Dictionary<string, IReadOnlyList<string>> { ["Priority"] = new[] { "High" }, ["Tags"] = new[] { "a" }, ["Status"] = new[] { "Done" }, ["Notes"] = new string[0] };

        var mapping = RowMapping.Build(schema, Input(("Name", "A"), ("Priority", "high"), ("Tags", "A; b; B"), ("Status", "done"), ("Notes", "c")), RowSource.Given, ignoreUnknown: false, options: options);

        Assert.Equal(new[] { ("Tags", "b") }, mapping.AddedOptions);
        Assert.Empty(RowMapping.Build(schema, Input(("Priority", "Medium")), RowSource.Given, ignoreUnknown: false).AddedOptions);
    }

    [Fact]
    public void AnExactCaseMatchWinsOverAnother()
    {
        var schema = new Dictionary<string, string> { ["name"] = "rich_text", ["Name"] = "title" };

        var mapping = RowMapping.Build(schema, Input(("Name", "A")), RowSource.Given, false);

        Assert.True(mapping.Properties.ContainsKey("Name"));
        Assert.False(mapping.Properties.ContainsKey("name"));
    }

    [Fact]
    public void SkipsReadOnlyColumnsWithANote()
    {
        var mapping = RowMapping.Build(Schema, Input(("Name", "A"), ("Score", 3), ("Created", DateTime.UtcNow)), RowSource.Given, false);

        Assert.Equal(new[] { "Score", "Created" }, mapping.SkippedReadOnly);
        Assert.Single(mapping.Properties);
    }

    [Fact]
    public void RefusesUnknownColumnsNamingThemAndTheColumnsThereAre()
    {
        var error = Assert.Throws<UnknownColumnException>(() => RowMapping.Build(Schema, Input(("Name", "A"), ("Colour", "red")), RowSource.Given, false));

        Assert.Equal(new[] { "Colour" }, error.Unknown);
        Assert.Contains("'Colour'", error.Message);
        Assert.Contains("Estimate", error.Message);
        Assert.Contains("-IgnoreUnknownProperty", Remedies.For(error, default));
    }

    [Fact]
    public void IgnoresUnknownColumnsWhenAsked()
    {
        var mapping = RowMapping.Build(Schema, Input(("Name", "A"), ("Colour", "red")), RowSource.Given, ignoreUnknown: true);

        Assert.Equal(new[] { "Colour" }, mapping.IgnoredUnknown);
        Assert.Single(mapping.Properties);
    }

    [Fact]
    public void ABadValueNamesTheColumn() =>
        Assert.Equal("Estimate", Assert.Throws<RowValueException>(() => RowMapping.Build(Schema, Input(("Estimate", "x")), RowSource.Given, false)).Column);

    [Fact]
    public void ARowsOwnPropertiesAreNeverWrittenOrUnknown()
    {
        var row = Input(("PageId", "p"), ("DatabaseId", "d"), ("DataSourceId", "s"), ("Url", "https://notion.so/p"), ("CreatedTime", DateTime.UtcNow), ("LastEditedTime", DateTime.UtcNow), ("Name", "A"));

        var mapping = RowMapping.Build(Schema, row, RowSource.NotionRow, ignoreUnknown: false);

        Assert.Equal(new[] { "Name" }, mapping.Properties.Select(p => p.Key));
    }

    [Fact]
    public void ACollidingColumnIsWrittenFromItsColumnForm()
    {
        var row = Input(("Url", "https://notion.so/page"), ("Url (column)", "https://example.com"));

        var mapping = RowMapping.Build(Schema, row, RowSource.NotionRow, ignoreUnknown: false);

        Assert.Equal("""{"Url":{"url":"https://example.com"}}""", mapping.Properties.ToJsonString());
    }

    [Fact]
    public void APlainInputTakesACollidingNameForTheColumn()
    {
        var mapping = RowMapping.Build(Schema, Input(("url", "https://example.com")), RowSource.Given, ignoreUnknown: false);

        Assert.Equal("""{"Url":{"url":"https://example.com"}}""", mapping.Properties.ToJsonString());
    }

    [Fact]
    public void ARowPropertyWithNoColumnIsSkippedNotUnknown()
    {
        var mapping = RowMapping.Build(Schema, Input(("PageId", "p"), ("Name", "A")), RowSource.Given, ignoreUnknown: false);

        Assert.Single(mapping.Properties);
    }

    /// <summary>
    /// A name that matches two columns in other cases only (NAME for Name and name) names neither: it is refused as
    /// ambiguous, naming how to name each, never filed as unknown (which would list the very columns it matches) nor
    /// left out by -IgnoreUnknownProperty.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ANameMatchingCaseTwinsIsAmbiguousNotUnknownEvenWhenUnknownOnesAreIgnored(bool ignoreUnknown)
    {
        var schema = new Dictionary<string, string> { ["Name"] = "title", ["name"] = "rich_text", ["Notes"] = "rich_text" };

        var error = Assert.Throws<ColumnAmbiguousException>(() => RowMapping.Build(schema, Input(("Notes", "n"), ("NAME", "A"), ("Colour", "red")), RowSource.Given, ignoreUnknown));

        Assert.Equal("NotionColumnAmbiguous", error.ErrorId);
        Assert.Equal(
            "'NAME' matches the columns 'Name' and 'name', whose names differ only in case. Name one exactly as the column has it, or as a row does: 'Name', 'name (column)'.",
            error.Message);
    }
    /// <summary>
    /// Two input properties naming one column (a case-sensitive dictionary's Name and name) are refused, naming both and
    /// the column, instead of the last one's value silently winning; skipped computed columns alike, for one rule.
    /// </summary>
    [Theory]
    [InlineData("Name", "name", "Name")]
    [InlineData("Estimate", "ESTIMATE", "Estimate")]
    [InlineData("score", "Score", "Score")]
    public void TwoPropertiesNamingOneColumnAreRefused(string first, string second, string column)
    {
        var error = Assert.Throws<ColumnAmbiguousException>(() => RowMapping.Build(Schema, Input(("Url", "https://a.example"), (first, "1"), (second, "2")), RowSource.Given, ignoreUnknown: true));

        Assert.Equal("NotionColumnAmbiguous", error.ErrorId);
        Assert.Equal(
            $"'{first}' and '{second}' both name the column '{column}' (names match columns ignoring case), so either value could be meant. Give the column once.",
            error.Message);
    }
}
