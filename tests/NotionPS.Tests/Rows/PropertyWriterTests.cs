using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using NotionPS.Rows;
using Xunit;

namespace NotionPS.Tests.Rows;

public class PropertyWriterTests
{
    private const string UserId = "b0b0b0b0-0000-4000-8000-000000000001";
    private const string PageId = "4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8";

    private static string Write(string type, object? value) => PropertyWriter.ToPropertyValue("Column", type, value, RowSource.Given).ToJsonString(Unescaped);

    private static readonly System.Text.Json.JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void TextBecomesOneTextItem() =>
        Assert.Equal("""{"title":[{"type":"text","text":{"content":"Buy milk"}}]}""", Write("title", "Buy milk"));

    [Fact]
    public void TextOverTwoThousandCharactersIsSplitIntoSeveralItems()
    {
        var text = new string('a', 2000) + new string('b', 2000) + "c";

        var items = PropertyWriter.ToPropertyValue("Notes", "rich_text", text, RowSource.Given)["rich_text"]!.AsArray();

        Assert.Equal(new[] { 2000, 2000, 1 }, items.Select(item => item!["text"]!["content"]!.GetValue<string>().Length));
        Assert.Equal(text, string.Concat(items.Select(item => item!["text"]!["content"]!.GetValue<string>())));
    }

    [Fact]
    public void SplittingNeverCutsASurrogatePair()
    {
        var text = new string('a', 1999) + "\U0001F600" + "z";

        var items = PropertyWriter.RichText(text);

        Assert.Equal(1999, items[0]!["text"]!["content"]!.GetValue<string>().Length);
        Assert.Equal("\U0001F600z", items[1]!["text"]!["content"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("title")]
    [InlineData("rich_text")]
    public void TextIsRefusedBeforeSendingWhenItNeedsMoreThanNotionsHundredItems(string type)
    {
        Assert.Equal(100, PropertyWriter.ToPropertyValue("Column", type, new string('a', 200_000), RowSource.Given)[type]!.AsArray().Count);

        var error = Assert.Throws<RowValueException>(() => PropertyWriter.ToPropertyValue("Column", type, new string('a', 200_001), RowSource.Given));

        Assert.Equal(NotionPS.Errors.NotionErrorIds.NotionRowValueInvalid, error.ErrorId);
        Assert.Contains("Column 'Column'", error.Message, StringComparison.Ordinal);
        Assert.Contains("200,001 characters long, and Notion takes at most 100 text items of 2,000 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyTextClearsTheColumn() => Assert.Equal("""{"rich_text":[]}""", Write("rich_text", null));

    [Theory]
    [InlineData(3, "3")]
    [InlineData(2.5, "2.5")]
    [InlineData("1234,5", "1234.5")]
    [InlineData(" 7 ", "7")]
    public void NumbersFromNumbersAndText(object value, string expected) => Assert.Equal($$"""{"number":{{expected}}}""", Write("number", value));

    [Fact]
    public void DecimalNumbersAreWrittenAsNumbers() => Assert.Equal("""{"number":0.1}""", Write("number", 0.1m));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void AnEmptyNumberClearsIt(string? value) => Assert.Equal("""{"number":null}""", Write("number", value));

    [Theory]
    [InlineData("1,234.5")]
    [InlineData("1,234")]
    [InlineData("NaN")]
    [InlineData("12345678901234567.891")]
    public void NumbersThatWouldBeStoredWrongAreRefusedNamingTheColumn(object value) =>
        Assert.Equal("Estimate", Assert.Throws<RowValueException>(() => PropertyWriter.ToPropertyValue("Estimate", "number", value, RowSource.Given)).Column);

    /// <summary>NaN and infinities are one mistake wherever they are (a cell, -Where, -Body): NotionNumberNotFinite.</summary>
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(float.NaN)]
    [InlineData("1e999")]
    public void NumbersThatAreNotFiniteAreRefusedWithTheOneErrorIdNamingTheColumn(object value)
    {
        var error = Assert.Throws<InputValueException>(() => PropertyWriter.ToPropertyValue("Estimate", "number", value, RowSource.Given));

        Assert.Equal("NotionNumberNotFinite", error.ErrorId);
        Assert.Equal("Estimate", error.Path);
    }

    [Theory]
    [InlineData("title", """{"title":[]}""")]
    [InlineData("rich_text", """{"rich_text":[]}""")]
    [InlineData("number", """{"number":null}""")]
    [InlineData("select", """{"select":null}""")]
    [InlineData("status", """{"status":null}""")]
    [InlineData("multi_select", """{"multi_select":[]}""")]
    [InlineData("date", """{"date":null}""")]
    [InlineData("checkbox", """{"checkbox":false}""")]
    [InlineData("url", """{"url":null}""")]
    [InlineData("email", """{"email":null}""")]
    [InlineData("phone_number", """{"phone_number":null}""")]
    [InlineData("people", """{"people":[]}""")]
    [InlineData("relation", """{"relation":[]}""")]
    [InlineData("files", """{"files":[]}""")]
    public void DBNullIsEmptyInEveryColumnType(string type, string expected) => Assert.Equal(expected, Write(type, DBNull.Value));

    [Theory]
    [InlineData("title")]
    [InlineData("rich_text")]
    [InlineData("select")]
    [InlineData("status")]
    [InlineData("multi_select")]
    [InlineData("url")]
    [InlineData("email")]
    [InlineData("phone_number")]
    [InlineData("files")]
    [InlineData("number")]
    [InlineData("date")]
    public void AHashtableOrObjectInATextCellIsRefusedNotWrittenAsItsTypeName(string type)
    {
        // A good item first (a files cell's text must be a URL where nothing is uploaded), then the hashtable.
        var good = type == "files" ? "https://example.com/ok.pdf" : "ok";
        foreach (var value in new object[] { new System.Collections.Specialized.OrderedDictionary { ["a"] = 1 }, new object[] { good, new Hashtable() }, new object() })
        {
            var error = Assert.Throws<RowValueException>(() => PropertyWriter.ToPropertyValue("Notes", type, value, RowSource.Given));

            Assert.Equal("Notes", error.Column);
            Assert.DoesNotContain("System.", error.Message);
        }
    }

    [Fact]
    public void ANonNumberNamesColumnTypeAndValue()
    {
        var error = Assert.Throws<RowValueException>(() => PropertyWriter.ToPropertyValue("Estimate", "number", "lots", RowSource.Given));

        Assert.Equal("Estimate", error.Column);
        Assert.Contains("'Estimate' (number)", error.Message);
        Assert.Contains("'lots'", error.Message);
    }

    [Theory]
    [InlineData("select")]
    [InlineData("status")]
    public void SelectAndStatusByName(string type) => Assert.Equal($$$"""{"{{{type}}}":{"name":"Done"}}""", Write(type, " Done "));

    [Fact]
    public void ACommaInASelectValueIsRefused() => Assert.Throws<RowValueException>(() => Write("select", "a,b"));

    [Fact]
    public void MultiSelectFromAnArray() =>
        Assert.Equal("""{"multi_select":[{"name":"a"},{"name":"b"}]}""", Write("multi_select", new[] { "a", "b" }));

    [Fact]
    public void MultiSelectFromCommaSeparatedText() =>
        Assert.Equal("""{"multi_select":[{"name":"a"},{"name":"b c"}]}""", Write("multi_select", "a, b c,"));

    [Fact]
    public void AnEmptyMultiSelectClearsIt() => Assert.Equal("""{"multi_select":[]}""", Write("multi_select", ""));

    [Fact]
    public void ADateOnlyStaysADate() => Assert.Equal("""{"date":{"start":"2025-01-31"}}""", Write("date", new DateTime(2025, 1, 31)));

    [Fact]
    public void AUtcDateTimeEndsInZ() =>
        Assert.Equal("""{"date":{"start":"2025-01-31T09:30:00.000Z"}}""", Write("date", new DateTime(2025, 1, 31, 9, 30, 0, DateTimeKind.Utc)));

    [Fact]
    public void ADateTimeOffsetKeepsItsOffset() =>
        Assert.Equal("""{"date":{"start":"2025-01-31T09:30:00.000+02:00"}}""", Write("date", new DateTimeOffset(2025, 1, 31, 9, 30, 0, TimeSpan.FromHours(2))));

    [Theory]
    [InlineData("2025-01-31", "2025-01-31")]
    [InlineData("2025-01-31T09:30:00Z", "2025-01-31T09:30:00.000Z")]
    [InlineData("2025-01-31 09:30", "2025-01-31T09:30:00.000")]
    [InlineData("01.02.2025", "2025-02-01")]
    [InlineData("2025-01-31T15:00:00+05", "2025-01-31T15:00:00.000+05:00")]
    [InlineData("Fri, 31 Jan 2025 09:30:00 GMT", "2025-01-31T09:30:00.000Z")]
    public void DatesFromText(string text, string expected) => Assert.Equal($$$"""{"date":{"start":"{{{expected}}}"}}""", Write("date", text));

    [Fact]
    public void ARangeFromARangeObject() =>
        Assert.Equal("""{"date":{"start":"2025-01-01","end":"2025-01-05"}}""", Write("date", new NotionDateRange(new DateTime(2025, 1, 1), new DateTime(2025, 1, 5))));

    [Fact]
    public void ARangeFromAHashtable() =>
        Assert.Equal("""{"date":{"start":"2025-01-01","end":"2025-01-05"}}""", Write("date", new Hashtable { ["Start"] = "2025-01-01", ["End"] = "2025-01-05" }));

    [Fact]
    public void ANonDateIsRefused() => Assert.Contains("not a date", Assert.Throws<RowValueException>(() => Write("date", "next tuesday-ish")).Message);

    [Theory]
    [InlineData(true, true)]
    [InlineData("yes", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData(0, false)]
    [InlineData("", false)]
    [InlineData("false", false)]
    public void CheckboxFromBoolsWordsAndNumbers(object value, bool expected) =>
        Assert.Equal($$"""{"checkbox":{{expected.ToString(CultureInfo.InvariantCulture).ToLowerInvariant()}}}""", Write("checkbox", value));

    [Fact]
    public void ACheckboxRefusesOtherText() => Assert.Throws<RowValueException>(() => Write("checkbox", "maybe"));

    [Theory]
    [InlineData("url")]
    [InlineData("email")]
    [InlineData("phone_number")]
    public void UrlEmailAndPhoneAsText(string type)
    {
        Assert.Equal($$"""{"{{type}}":"x"}""", Write(type, " x "));
        Assert.Equal($$"""{"{{type}}":null}""", Write(type, ""));
    }

    [Fact]
    public void PeopleFromIdsObjectsAndUsers()
    {
        var expected = $$"""{"people":[{"object":"user","id":"{{UserId}}"},{"object":"user","id":"{{UserId}}"},{"object":"user","id":"{{UserId}}"}]}""";

        Assert.Equal(expected, Write("people", new object[] { UserId.Replace("-", string.Empty), new Hashtable { ["id"] = UserId }, new NotionUser(UserId, "Bot") }));
    }

    [Fact]
    public void PeopleRefuseANameInPlaceOfAnId() =>
        Assert.Contains("user ID", Assert.Throws<RowValueException>(() => Write("people", "Ada Lovelace")).Message);

    [Fact]
    public void RelationsFromIdsOrRows() =>
        Assert.Equal($$"""{"relation":[{"id":"{{PageId}}"},{"id":"{{PageId}}"}]}""", Write("relation", new object[] { PageId, new Hashtable { ["PageId"] = PageId } }));

    [Fact]
    public void RelationsFromCommaSeparatedIds() =>
        Assert.Equal(2, PropertyWriter.ToPropertyValue("Related", "relation", PageId + "," + PageId, RowSource.Given)["relation"]!.AsArray().Count);

    [Theory]
    [InlineData("formula")]
    [InlineData("rollup")]
    [InlineData("created_time")]
    [InlineData("last_edited_time")]
    public void ComputedColumnsAreReadOnly(string type)
    {
        Assert.True(PropertyWriter.IsReadOnly(type));
        Assert.Throws<RowValueException>(() => Write(type, "x"));
    }

    [Fact]
    public void AnUnknownTypeTakesAValueInNotionsOwnShape() =>
        Assert.Equal("""{"hologram":{"depth":3}}""", Write("hologram", new Hashtable { ["depth"] = 3 }));

    [Fact]
    public void AnUnknownTypeRefusesAPlainValue() =>
        Assert.Contains("Invoke-NotionApi", Assert.Throws<RowValueException>(() => Write("hologram", "x")).Message);

    [Fact]
    public void ExternalFilesFromUrls() =>
        Assert.Equal("""{"files":[{"name":"a.pdf","type":"external","external":{"url":"https://x.test/a.pdf"}}]}""", Write("files", "https://x.test/a.pdf"));

    [Fact]
    public void ReadThenWriteGivesTheSameValues()
    {
        var original = JsonNode.Parse($$"""
            {"type":"multi_select","multi_select":[{"name":"a"},{"name":"b"}]}
            """)!;
        using var document = System.Text.Json.JsonDocument.Parse(original.ToJsonString());

        var plain = PropertyReader.ToPlain(document.RootElement);

        Assert.Equal("""{"multi_select":[{"name":"a"},{"name":"b"}]}""", Write("multi_select", plain));
    }

    [Theory]
    [InlineData("select", "high", """{"select":{"name":"High"}}""")]
    [InlineData("select", "HIGH", """{"select":{"name":"High"}}""")]
    [InlineData("select", "Medium", """{"select":{"name":"Medium"}}""")]
    [InlineData("status", "not STARTED", """{"status":{"name":"Not started"}}""")]
    [InlineData("multi_select", "high, low, New", """{"multi_select":[{"name":"High"},{"name":"low"},{"name":"New"}]}""")]
    public void AnOptionIsTheExistingOneThatMatchesIgnoringCase(string type, string value, string expected)
    {
        var options = new[] { "High", "low", "Not started", "Done" };

        Assert.Equal(expected, PropertyWriter.ToPropertyValue("Priority", type, value, RowSource.Given, options: options).ToJsonString());
    }

    [Fact]
    public void AnExactOptionWinsAndTwoThatDifferOnlyInCaseAreAnErrorForAThirdSpelling()
    {
        var options = new[] { "High", "HIGH" };

        Assert.Equal("""{"select":{"name":"HIGH"}}""", PropertyWriter.ToPropertyValue("Priority", "select", "HIGH", RowSource.Given, options: options).ToJsonString());
        var error = Assert.Throws<RowValueException>(() => PropertyWriter.ToPropertyValue("Priority", "select", "high", RowSource.Given, options: options));
        Assert.Contains("matches the options 'High' and 'HIGH', which differ only in case; give one of them exactly", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("new; NEW; New", null, """{"multi_select":[{"name":"new"}]}""")]
    [InlineData("New; high; NEW; High", "High", """{"multi_select":[{"name":"New"},{"name":"High"}]}""")]
    [InlineData("High; HIGH; new", "High,HIGH", """{"multi_select":[{"name":"High"},{"name":"HIGH"},{"name":"new"}]}""")]
    public void AMultiSelectCellHoldsEachOptionOnceANewOneInItsFirstSpelling(string value, string? options, string expected) =>
        Assert.Equal(expected, PropertyWriter.ToPropertyValue("Tags", "multi_select", value, RowSource.Given, options: options?.Split(',')).ToJsonString());

    /// <summary>A cell read from Notion holds options the column has, so two that differ only in case stay two even where the options are not known (Sync compares against it).</summary>
    [Fact]
    public void ACellReadFromNotionKeepsCaseTwinOptionsWithoutTheColumnsOptions() =>
        Assert.Equal("""{"multi_select":[{"name":"a"},{"name":"A"}]}""", PropertyWriter.ToPropertyValue("Tags", "multi_select", new[] { "a", "A" }, RowSource.NotionRow).ToJsonString());

    [Fact]
    public void AStatusThatIsNoOptionIsAnErrorNamingTheOptions()
    {
        var error = Assert.Throws<RowValueException>(() => PropertyWriter.ToPropertyValue("Status", "status", "Doing", RowSource.Given, options: new[] { "Not started", "Done" }));

        Assert.Contains("not an option of this status column ('Not started', 'Done')", error.Message, StringComparison.Ordinal);
    }
}
