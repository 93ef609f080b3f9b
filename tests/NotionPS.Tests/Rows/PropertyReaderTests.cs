using System;
using System.Collections.Specialized;
using System.Linq;
using System.Text.Json;
using NotionPS.Rows;
using Xunit;

namespace NotionPS.Tests.Rows;

public class PropertyReaderTests
{
    private static object? Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return PropertyReader.ToPlain(document.RootElement);
    }

    [Fact]
    public void TitleAndRichTextJoinTheirItemsPlainText() =>
        Assert.Equal("Hello world", Read("""{"type":"title","title":[{"plain_text":"Hello "},{"type":"text","text":{"content":"world"}}]}"""));

    [Theory]
    [InlineData("""[{"plain_text":"One"}]""", "One")]
    [InlineData("""[{"plain_text":"a"},{"plain_text":"b"},{"plain_text":"c"}]""", "abc")]
    [InlineData("""[{"type":"mention"},{"plain_text":"after"}]""", "after")]
    [InlineData("""[{"plain_text":"before"},{"type":"mention"}]""", "before")]
    public void TextsOfOneOrManyItemsReadTheSame(string items, string expected) =>
        Assert.Equal(expected, Read($$"""{"type":"rich_text","rich_text":{{items}}}"""));

    [Fact]
    public void EmptyRichTextIsAnEmptyString() => Assert.Equal(string.Empty, Read("""{"type":"rich_text","rich_text":[]}"""));

    [Theory]
    [InlineData("""{"type":"number","number":12.5}""", 12.5)]
    [InlineData("""{"type":"number","number":-3}""", -3.0)]
    public void NumbersAreDoubles(string json, double expected) => Assert.Equal(expected, Assert.IsType<double>(Read(json)));

    [Fact]
    public void AnEmptyNumberIsNull() => Assert.Null(Read("""{"type":"number","number":null}"""));

    [Theory]
    [InlineData("select")]
    [InlineData("status")]
    public void SelectAndStatusAreTheOptionName(string type) =>
        Assert.Equal("High", Read($$$"""{"type":"{{{type}}}","{{{type}}}":{"id":"x","name":"High","color":"red"}}"""));

    [Fact]
    public void MultiSelectIsAStringArray() =>
        Assert.Equal(new[] { "a", "b" }, Read("""{"type":"multi_select","multi_select":[{"name":"a"},{"name":"b"}]}"""));

    [Fact]
    public void ADateWithoutTimeIsMidnightOfUnspecifiedKind()
    {
        var date = Assert.IsType<DateTime>(Read("""{"type":"date","date":{"start":"2025-03-01","end":null,"time_zone":null}}"""));
        Assert.Equal(new DateTime(2025, 3, 1), date);
        Assert.Equal(DateTimeKind.Unspecified, date.Kind);
    }

    [Fact]
    public void ADateTimeIsUtc()
    {
        var date = Assert.IsType<DateTime>(Read("""{"type":"date","date":{"start":"2025-03-01T10:30:00.000+02:00"}}"""));
        Assert.Equal(new DateTime(2025, 3, 1, 8, 30, 0, DateTimeKind.Utc), date);
        Assert.Equal(DateTimeKind.Utc, date.Kind);
    }

    /// <summary>Dates are read from the UTF-8 bytes where that gives the same answer as the string parse: each form must agree with it.</summary>
    [Theory]
    [InlineData("2025-03-01")]
    [InlineData("2024-02-29")]
    [InlineData("2025-03-01T10:30:00.000Z")]
    [InlineData("2025-03-01T10:30:00.1234567Z")]
    [InlineData("2025-03-01T10:30:00.000+02:00")]
    [InlineData("2025-10-26T02:30:00.000+01:00")]
    [InlineData("2025-03-01T10:30:00.000-05:30")]
    [InlineData("2025-03-01T10:30:00")]
    [InlineData("2025-03-01T00:00:00")]
    [InlineData("2025-03-01T00:00:00.000Z")]
    [InlineData("2025-03-01T10:30")]
    [InlineData("1 March 2025")]
    public void ADateReadInPlaceIsWhatTheStringParseGives(string text)
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(text));

        var expected = PropertyReader.ParseTime(text);
        var read = PropertyReader.Time(document.RootElement);

        Assert.Equal(expected, read);
        Assert.Equal(expected.Kind, read!.Value.Kind);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("12")]
    public void OnlyAStringIsATime(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Null(PropertyReader.Time(document.RootElement));
    }

    [Fact]
    public void ADateRangeIsAStartEndObject()
    {
        var range = Assert.IsType<NotionDateRange>(Read("""{"type":"date","date":{"start":"2025-03-01","end":"2025-03-05","time_zone":"Europe/Paris"}}"""));
        Assert.Equal(new DateTime(2025, 3, 1), range.Start);
        Assert.Equal(new DateTime(2025, 3, 5), range.End);
        Assert.Equal("Europe/Paris", range.TimeZone);
    }

    [Fact]
    public void AnEmptyDateIsNull() => Assert.Null(Read("""{"type":"date","date":null}"""));

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void CheckboxIsABool(string json, bool expected) => Assert.Equal(expected, Read($$"""{"type":"checkbox","checkbox":{{json}}}"""));

    [Theory]
    [InlineData("url", "https://example.com")]
    [InlineData("email", "a@example.com")]
    [InlineData("phone_number", "+1 555")]
    public void UrlEmailAndPhoneAreStrings(string type, string value) =>
        Assert.Equal(value, Read($$"""{"type":"{{type}}","{{type}}":"{{value}}"}"""));

    [Fact]
    public void PeopleAreUsersWithNameEmailAndId()
    {
        var people = Assert.IsType<NotionUserList>(Read("""{"type":"people","people":[{"object":"user","id":"u1","name":"Ada","person":{"email":"ada@example.com"}},{"object":"user","id":"u2"}]}"""));
        Assert.Equal(("u1", "Ada", "ada@example.com"), (people[0].Id, people[0].Name, people[0].Email));
        Assert.Equal(("u2", null, null), (people[1].Id, people[1].Name, people[1].Email));
        Assert.Equal("Ada", people[0].ToString());
    }

    [Fact]
    public void RelationsArePageIds() =>
        Assert.Equal(new[] { "p1", "p2" }, Read("""{"type":"relation","relation":[{"id":"p1"},{"id":"p2"}],"has_more":false}"""));

    [Theory]
    [InlineData("""{"type":"formula","formula":{"type":"string","string":"abc"}}""", "abc")]
    [InlineData("""{"type":"formula","formula":{"type":"number","number":4}}""", 4.0)]
    [InlineData("""{"type":"formula","formula":{"type":"boolean","boolean":true}}""", true)]
    [InlineData("""{"type":"rollup","rollup":{"type":"number","number":7,"function":"sum"}}""", 7.0)]
    public void FormulasAndRollupsAreTheirValue(string json, object expected) => Assert.Equal(expected, Read(json));

    [Fact]
    public void ADateFormulaIsADate() =>
        Assert.Equal(new DateTime(2025, 1, 2), Read("""{"type":"formula","formula":{"type":"date","date":{"start":"2025-01-02"}}}"""));

    [Fact]
    public void AnArrayRollupIsTheItemsValues() =>
        Assert.Equal(new object?[] { "x", 2.0 }, Assert.IsType<object?[]>(Read("""{"type":"rollup","rollup":{"type":"array","array":[{"type":"title","title":[{"plain_text":"x"}]},{"type":"number","number":2}]}}""")));

    [Theory]
    [InlineData("created_time")]
    [InlineData("last_edited_time")]
    public void TimestampsAreUtcDateTimes(string type) =>
        Assert.Equal(new DateTime(2025, 5, 6, 7, 8, 0, DateTimeKind.Utc), Read($$"""{"type":"{{type}}","{{type}}":"2025-05-06T07:08:00.000Z"}"""));

    [Fact]
    public void UniqueIdWithAPrefixIsItsText() => Assert.Equal("TASK-12", Read("""{"type":"unique_id","unique_id":{"prefix":"TASK","number":12}}"""));

    [Fact]
    public void AnUnknownTypePassesThroughAsItsRawJson()
    {
        var raw = Assert.IsType<OrderedDictionary>(Read("""{"type":"hologram","hologram":{"depth":3,"tags":["a"]}}"""));
        Assert.Equal(3.0, raw["depth"]);
        Assert.Equal(new object?[] { "a" }, raw["tags"]);
    }

    [Fact]
    public void AValueWithoutATypePassesThroughWhole()
    {
        var raw = Assert.IsType<OrderedDictionary>(Read("""{"id":"x","odd":true}"""));
        Assert.Equal(true, raw["odd"]);
    }

    [Fact]
    public void AValueOfAnUnexpectedShapeIsNeverAnException()
    {
        Assert.Null(Read("""{"type":"number","number":"twelve"}"""));
        Assert.Equal(Array.Empty<string>(), Read("""{"type":"multi_select","multi_select":null}"""));
        Assert.Empty(Assert.IsType<NotionUserList>(Read("""{"type":"people","people":{}}""")));
    }

    [Theory]
    [InlineData("""{"type":"relation","relation":[{"id":"p1"}],"has_more":true}""", true)]
    [InlineData("""{"type":"relation","relation":[{"id":"p1"}],"has_more":false}""", false)]
    [InlineData("""{"type":"number","number":1,"has_more":true}""", false)]
    public void KnowsWhenAPageObjectCutAList(string json, bool truncated)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(truncated, PropertyReader.MayBeTruncated(document.RootElement));
        PropertyReader.ToPlain(document.RootElement, out var cutWhileRead);
        Assert.Equal(truncated, cutWhileRead);
    }

    [Fact]
    public void TwentyFivePeopleMayBeMoreEvenWithoutHasMore()
    {
        var people = string.Join(",", Enumerable.Range(0, 25).Select(i => $"{{\"object\":\"user\",\"id\":\"u{i}\"}}"));
        using var document = JsonDocument.Parse($"{{\"type\":\"people\",\"people\":[{people}]}}");
        Assert.True(PropertyReader.MayBeTruncated(document.RootElement));
        PropertyReader.ToPlain(document.RootElement, out var cutWhileRead);
        Assert.True(cutWhileRead);
    }

    [Fact]
    public void RebuildsAPropertyFromItsPropertyItems()
    {
        using var items = JsonDocument.Parse("""[{"object":"property_item","type":"relation","relation":{"id":"p1"}},{"object":"property_item","type":"relation","relation":{"id":"p2"}}]""");

        var rebuilt = PropertyReader.FromPropertyItems("relation", items.RootElement.EnumerateArray());

        using var document = JsonDocument.Parse(rebuilt.ToJsonString());
        Assert.Equal(new[] { "p1", "p2" }, PropertyReader.ToPlain(document.RootElement));
    }
}
