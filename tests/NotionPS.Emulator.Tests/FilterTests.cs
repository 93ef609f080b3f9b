using System.Net;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Tests;

/// <summary>
/// Every condition of Notion's filter reference against three rows (A, B and C, the last one mostly empty),
/// each case naming the rows that match, so each condition is seen to match one row and leave another out.
/// Relative dates run on a fake clock: Wednesday 2026-03-18 12:00 UTC (its week runs Sunday 15 to Saturday 21).
/// </summary>
public sealed class FilterTests
{
    private static readonly DateTimeOffset Wednesday = new(2026, 3, 18, 12, 0, 0, TimeSpan.Zero);

    private const string RowA = "f1000000-0000-4000-8000-00000000000a";
    private const string RowB = "f1000000-0000-4000-8000-00000000000b";
    private const string RowC = "f1000000-0000-4000-8000-00000000000c";

    private static readonly Dictionary<string, string> RowNames = new() { [RowA] = "A", [RowB] = "B", [RowC] = "C" };

    /// <summary>A data source with a column of each filterable type and rows A, B and C, in the seed format.</summary>
    internal static readonly string FixtureDatabase = $$$"""
        {"title": "Filters", "sharedWith": ["{{{Demo.FullBotId}}}"], "dataSources": [{"name": "Filters",
         "properties": {
           "Name": {"type": "title"}, "Notes": {"type": "rich_text"}, "Link": {"type": "url"}, "Mail": {"type": "email"},
           "Phone": {"type": "phone_number"}, "Count": {"type": "number"}, "Done": {"type": "checkbox"},
           "Level": {"type": "select", "options": [{"name": "High"}, {"name": "Low"}]},
           "State": {"type": "status", "options": [{"name": "Todo"}, {"name": "Doing"}, {"name": "Done", "group": "Complete"}]},
           "Labels": {"type": "multi_select", "options": [{"name": "red"}, {"name": "blue"}, {"name": "green"}]},
           "When": {"type": "date"}, "Who": {"type": "people"}, "Refs": {"type": "relation"}, "Files": {"type": "files"},
           "FNum": {"type": "formula"}, "FText": {"type": "formula"}, "FBool": {"type": "formula"}, "FDate": {"type": "formula"},
           "RSum": {"type": "rollup"}, "RDate": {"type": "rollup"}, "RArr": {"type": "rollup"},
           "Ticket": {"type": "unique_id", "prefix": "T"}, "Creator": {"type": "created_by"},
           "Created": {"type": "created_time"}, "Edited": {"type": "last_edited_time"}},
         "rows": [
           {"id": "{{{RowA}}}", "createdTime": "2026-03-17T09:30:00Z", "lastEditedTime": "2026-03-18T08:00:00Z", "createdBy": "{{{Demo.Ada}}}",
            "properties": {"Name": "Alpha report", "Notes": "Quarterly numbers", "Link": "https://a.example", "Mail": "a@acme.example",
              "Phone": "+1 555 0001", "Count": 10, "Done": true, "Level": "High", "State": "Doing", "Labels": ["red", "blue"],
              "When": "2026-03-20", "Who": ["{{{Demo.Ada}}}"], "Refs": ["{{{RowB}}}"],
              "Files": [{"name": "a.pdf", "type": "external", "external": {"url": "https://a.example/a.pdf"}}],
              "FNum": 10, "FText": "alpha", "FBool": true, "FDate": {"type": "date", "date": {"start": "2026-03-20", "end": null}},
              "RSum": 7, "RDate": {"type": "date", "date": {"start": "2026-03-20", "end": null}, "function": "latest_date"},
              "RArr": {"type": "array", "array": [{"type": "number", "number": 5}, {"type": "number", "number": 1}], "function": "show_original"},
              "Ticket": {"prefix": "T", "number": 1} } },
           {"id": "{{{RowB}}}", "createdTime": "2025-12-01T10:00:00Z", "lastEditedTime": "2026-01-01T10:00:00Z", "createdBy": "{{{Demo.Grace}}}",
            "properties": {"Name": "Beta memo", "Notes": "", "Count": 3, "Done": false, "Level": "Low", "State": "Todo", "Labels": ["green"],
              "When": "2026-03-15", "Who": ["{{{Demo.Grace}}}", "{{{Demo.FullBotId}}}"],
              "FNum": 1, "FText": "beta", "FBool": false, "FDate": {"type": "date", "date": {"start": "2025-06-01", "end": null}},
              "RSum": 1, "RDate": {"type": "date", "date": {"start": "2025-06-01", "end": null}, "function": "latest_date"},
              "RArr": {"type": "array", "array": [{"type": "number", "number": 1}], "function": "show_original"},
              "Ticket": {"prefix": "T", "number": 2} } },
           {"id": "{{{RowC}}}", "createdTime": "2026-03-18T11:00:00Z", "lastEditedTime": "2026-02-01T00:00:00Z", "createdBy": "{{{Demo.Ada}}}",
            "properties": {}}
         ]}]}
        """;

    public static TheoryData<string, string> Cases => new()
    {
        // Text: title, rich_text (also by the rich_text key on a title), url, email, phone_number.
        { """{"property": "Name", "title": {"equals": "Alpha report"}}""", "A" },
        { """{"property": "Name", "title": {"does_not_equal": "Alpha report"}}""", "BC" },
        { """{"property": "Name", "title": {"contains": "REPORT"}}""", "A" },
        { """{"property": "Name", "title": {"does_not_contain": "report"}}""", "BC" },
        { """{"property": "Name", "title": {"starts_with": "beta"}}""", "B" },
        { """{"property": "Name", "title": {"ends_with": "memo"}}""", "B" },
        { """{"property": "Name", "title": {"is_empty": true}}""", "C" },
        { """{"property": "Name", "rich_text": {"is_not_empty": true}}""", "AB" },
        { """{"property": "Notes", "rich_text": {"contains": "numbers"}}""", "A" },
        { """{"property": "Notes", "rich_text": {"is_empty": true}}""", "BC" },
        { """{"property": "Link", "url": {"starts_with": "https://a."}}""", "A" },
        { """{"property": "Link", "url": {"is_empty": true}}""", "BC" },
        { """{"property": "Mail", "email": {"ends_with": "@acme.example"}}""", "A" },
        { """{"property": "Mail", "rich_text": {"does_not_equal": "a@acme.example"}}""", "BC" },
        { """{"property": "Phone", "phone_number": {"equals": "+1 555 0001"}}""", "A" },
        { """{"property": "Phone", "phone_number": {"is_not_empty": true}}""", "A" },

        // Number.
        { """{"property": "Count", "number": {"equals": 10}}""", "A" },
        { """{"property": "Count", "number": {"does_not_equal": 10}}""", "BC" },
        { """{"property": "Count", "number": {"greater_than": 5}}""", "A" },
        { """{"property": "Count", "number": {"less_than": 5}}""", "B" },
        { """{"property": "Count", "number": {"greater_than_or_equal_to": 3}}""", "AB" },
        { """{"property": "Count", "number": {"less_than_or_equal_to": 3}}""", "B" },
        { """{"property": "Count", "number": {"is_empty": true}}""", "C" },
        { """{"property": "Count", "number": {"is_not_empty": true}}""", "AB" },

        // Checkbox.
        { """{"property": "Done", "checkbox": {"equals": true}}""", "A" },
        { """{"property": "Done", "checkbox": {"does_not_equal": true}}""", "BC" },

        // Select and status, one name or any of several.
        { """{"property": "Level", "select": {"equals": "High"}}""", "A" },
        { """{"property": "Level", "select": {"does_not_equal": "High"}}""", "BC" },
        { """{"property": "Level", "select": {"equals": ["High", "Low"]}}""", "AB" },
        { """{"property": "Level", "select": {"is_empty": true}}""", "C" },
        { """{"property": "Level", "select": {"is_not_empty": true}}""", "AB" },
        { """{"property": "State", "status": {"equals": "Doing"}}""", "A" },
        { """{"property": "State", "status": {"does_not_equal": "Doing"}}""", "BC" },
        { """{"property": "State", "status": {"is_empty": true}}""", "C" },
        { """{"property": "State", "status": {"is_not_empty": true}}""", "AB" },

        // Multi-select.
        { """{"property": "Labels", "multi_select": {"contains": "red"}}""", "A" },
        { """{"property": "Labels", "multi_select": {"does_not_contain": "red"}}""", "BC" },
        { """{"property": "Labels", "multi_select": {"contains": ["red", "green"]}}""", "AB" },
        { """{"property": "Labels", "multi_select": {"is_empty": true}}""", "C" },
        { """{"property": "Labels", "multi_select": {"is_not_empty": true}}""", "AB" },

        // Date: absolute, relative operands and relative ranges on the fake clock.
        { """{"property": "When", "date": {"equals": "2026-03-20"}}""", "A" },
        { """{"property": "When", "date": {"before": "2026-03-20"}}""", "B" },
        { """{"property": "When", "date": {"after": "2026-03-15"}}""", "A" },
        { """{"property": "When", "date": {"on_or_before": "2026-03-15"}}""", "B" },
        { """{"property": "When", "date": {"on_or_after": "2026-03-15T00:00:00Z"}}""", "AB" },
        { """{"property": "When", "date": {"is_empty": true}}""", "C" },
        { """{"property": "When", "date": {"is_not_empty": true}}""", "AB" },
        { """{"property": "When", "date": {"this_week": {}}}""", "AB" },
        { """{"property": "When", "date": {"past_week": {}}}""", "B" },
        { """{"property": "When", "date": {"past_month": {}}}""", "B" },
        { """{"property": "When", "date": {"past_year": {}}}""", "B" },
        { """{"property": "When", "date": {"next_week": {}}}""", "A" },
        { """{"property": "When", "date": {"next_month": {}}}""", "A" },
        { """{"property": "When", "date": {"next_year": {}}}""", "A" },
        { """{"property": "When", "date": {"on_or_after": "today"}}""", "A" },
        { """{"property": "When", "date": {"before": "yesterday"}}""", "B" },
        { """{"property": "When", "date": {"after": "tomorrow"}}""", "A" },
        { """{"property": "When", "date": {"after": "one_week_ago"}}""", "AB" },
        { """{"property": "When", "date": {"on_or_after": "one_week_from_now"}}""", "" },
        { """{"property": "When", "date": {"before": "one_month_from_now"}}""", "AB" },
        { """{"property": "When", "date": {"on_or_before": "one_month_ago"}}""", "" },

        // People (with "me", the calling bot) and relation.
        { $$$"""{"property": "Who", "people": {"contains": "{{{Demo.Ada}}}"}}""", "A" },
        { $$$"""{"property": "Who", "people": {"does_not_contain": "{{{Demo.Ada}}}"}}""", "BC" },
        { """{"property": "Who", "people": {"contains": "me"}}""", "B" },
        { """{"property": "Who", "people": {"is_empty": true}}""", "C" },
        { """{"property": "Who", "people": {"is_not_empty": true}}""", "AB" },
        { $$$"""{"property": "Refs", "relation": {"contains": "{{{RowB}}}"}}""", "A" },
        { $$$"""{"property": "Refs", "relation": {"does_not_contain": "{{{RowB}}}"}}""", "BC" },
        { """{"property": "Refs", "relation": {"is_empty": true}}""", "BC" },
        { """{"property": "Refs", "relation": {"is_not_empty": true}}""", "A" },

        // Files.
        { """{"property": "Files", "files": {"is_empty": true}}""", "BC" },
        { """{"property": "Files", "files": {"is_not_empty": true}}""", "A" },

        // Formula by result type: rows whose formula gives another type never match.
        { """{"property": "FNum", "formula": {"number": {"greater_than": 5}}}""", "A" },
        { """{"property": "FText", "formula": {"string": {"contains": "ALP"}}}""", "A" },
        { """{"property": "FBool", "formula": {"checkbox": {"equals": false}}}""", "B" },
        { """{"property": "FDate", "formula": {"date": {"next_week": {}}}}""", "A" },
        { """{"property": "FDate", "formula": {"date": {"past_year": {}}}}""", "B" },
        { """{"property": "FNum", "formula": {"string": {"is_not_empty": true}}}""", "" },

        // Rollup: a number, a date, and any / every / none over an array rollup's items.
        { """{"property": "RSum", "rollup": {"number": {"greater_than": 5}}}""", "A" },
        { """{"property": "RDate", "rollup": {"date": {"on_or_after": "2026-01-01"}}}""", "A" },
        { """{"property": "RArr", "rollup": {"any": {"number": {"greater_than": 4}}}}""", "A" },
        { """{"property": "RArr", "rollup": {"every": {"number": {"less_than": 2}}}}""", "BC" },
        { """{"property": "RArr", "rollup": {"none": {"number": {"greater_than": 4}}}}""", "BC" },

        // Unique ID, created_by.
        { """{"property": "Ticket", "unique_id": {"equals": 2}}""", "B" },
        { """{"property": "Ticket", "unique_id": {"less_than_or_equal_to": 1}}""", "A" },
        { $$$"""{"property": "Creator", "created_by": {"contains": "{{{Demo.Ada}}}"}}""", "AC" },
        { $$$"""{"property": "Creator", "people": {"does_not_contain": "{{{Demo.Ada}}}"}}""", "B" },

        // created_time and last_edited_time: as properties and as timestamp filters, to the minute.
        { """{"property": "Created", "created_time": {"past_week": {}}}""", "AC" },
        { """{"property": "Created", "date": {"before": "2026-01-01"}}""", "B" },
        { """{"property": "Created", "created_time": {"equals": "2026-03-17T09:30:00.000Z"}}""", "A" },
        { """{"property": "Edited", "last_edited_time": {"on_or_before": "2026-02-01"}}""", "BC" },
        { """{"timestamp": "created_time", "created_time": {"on_or_after": "2026-03-17T09:30:00Z"}}""", "AC" },
        { """{"timestamp": "created_time", "created_time": {"before": "2026-01-01"}, "type": "created_time"}""", "B" },
        { """{"timestamp": "last_edited_time", "last_edited_time": {"after": "2026-03-01"}}""", "A" },
        { """{"timestamp": "last_edited_time", "last_edited_time": {"past_month": {}}}""", "A" },

        // Compound filters, nested to Notion's limit of two levels.
        { """{"and": [{"property": "Count", "number": {"greater_than": 1}}, {"property": "Done", "checkbox": {"equals": false}}]}""", "B" },
        { """{"or": [{"property": "Level", "select": {"equals": "High"}}, {"property": "Count", "number": {"is_empty": true}}]}""", "AC" },
        { """{"or": [{"and": [{"property": "Done", "checkbox": {"equals": false}}, {"property": "Labels", "multi_select": {"contains": "green"}}]}, {"property": "Name", "title": {"starts_with": "Alpha"}}]}""", "AB" },
        { """{"and": [{"or": [{"property": "Count", "number": {"equals": 3}}, {"property": "Count", "number": {"equals": 10}}]}, {"timestamp": "created_time", "created_time": {"past_year": {}}}]}""", "AB" },
        { """{"and": []}""", "ABC" },
        { """{"or": []}""", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachConditionMatchesItsRowsAndNoOthers(string filter, string expected)
    {
        await using var emulator = await StartAsync(new FakeTimeProvider(Wednesday));
        var reply = await emulator.PostAsync($"v1/data_sources/{await AddFixtureAsync(emulator)}/query", $$$"""{"filter": {{{filter}}}}""");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var matched = string.Concat(reply.Json["results"]!.AsArray().Select(r => RowNames[(string)r!["id"]!]).Order());
        Assert.Equal(expected, matched);
    }

    [Fact]
    public void EveryConditionHasAMatchingAndANonMatchingRowSomewhere()
    {
        // Guards the table above: a condition tested only where it matches everything (or nothing) proves little.
        var byCondition = Cases.Select(c => (Filter: JsonNode.Parse((string)c[0])!.AsObject(), Rows: (string)c[1]))
            .Where(c => !c.Filter.ContainsKey("and") && !c.Filter.ContainsKey("or"))
            .GroupBy(c => ConditionName(c.Filter));
        foreach (var group in byCondition)
        {
            Assert.True(group.Any(c => c.Rows.Length > 0), $"{group.Key} never matches a row");
            Assert.True(group.Any(c => c.Rows.Length < RowNames.Count), $"{group.Key} never leaves a row out");
        }

        // E.g. "number.greater_than", or "formula.number" for a formula filter.
        static string ConditionName(JsonObject filter)
        {
            var (key, condition) = filter.First(p => p.Value is JsonObject);
            return $"{key}.{condition!.AsObject().First().Key}";
        }
    }

    [Fact]
    public async Task RelativeDatesFollowTheEmulatorClock()
    {
        var clock = new FakeTimeProvider(Wednesday);
        await using var emulator = await StartAsync(clock);
        var query = $"v1/data_sources/{await AddFixtureAsync(emulator)}/query";
        const string nextWeek = """{"filter": {"property": "When", "date": {"next_week": {}}}}""";
        Assert.Single((await emulator.PostAsync(query, nextWeek)).Json["results"]!.AsArray());

        clock.Advance(TimeSpan.FromDays(3));
        Assert.Empty((await emulator.PostAsync(query, nextWeek)).Json["results"]!.AsArray());
        var pastWeek = (await emulator.PostAsync(query, """{"filter": {"property": "When", "date": {"past_week": {}}}}""")).Json["results"]!.AsArray();
        Assert.Equal([RowA, RowB], pastWeek.Select(r => (string)r!["id"]!));
    }

    [Theory]
    [InlineData("""{"property": "Count", "select": {"equals": "x"}}""", "database property number does not match filter select")]
    [InlineData("""{"property": "Level", "status": {"equals": "High"}}""", "database property select does not match filter status")]
    [InlineData("""{"property": "Name", "number": {"equals": 1}}""", "database property title does not match filter number")]
    [InlineData("""{"property": "Nope", "rich_text": {"contains": "x"}}""", "Could not find property with name or id: Nope")]
    [InlineData("""{"property": "Name", "title": {"resembles": "x"}}""", "body.filter.title.equals should be defined, instead was `undefined`.")]
    [InlineData("""{"property": "Count", "number": {"between": [1, 2]}}""", "body.filter.number.greater_than should be defined")]
    [InlineData("""{"property": "Done", "checkbox": {"is_empty": true}}""", "body.filter.checkbox.does_not_equal should be defined")]
    [InlineData("""{"property": "Level", "select": {"contains": "High"}}""", "body.filter.select.is_not_empty should be defined")]
    [InlineData("""{"property": "Labels", "multi_select": {"equals": "red"}}""", "body.filter.multi_select.does_not_contain should be defined")]
    [InlineData("""{"property": "When", "date": {"last_week": {}}}""", "body.filter.date.past_week should be defined")]
    [InlineData("""{"property": "Who", "people": {"equals": "me"}}""", "body.filter.people.contains should be defined")]
    [InlineData("""{"property": "FNum", "formula": {"text": {"equals": "x"}}}""", "body.filter.formula.string should be defined")]
    [InlineData("""{"property": "RArr", "rollup": {"some": {"number": {"equals": 1}}}}""", "body.filter.rollup.any should be defined")]
    [InlineData("""{"property": "Name"}""", "body.filter.title should be defined")]
    [InlineData("""{"proprety": "Name", "title": {"equals": "x"}}""", "body.filter.property should be defined")]
    [InlineData("""{"property": "Count", "number": {"equals": "10"}}""", "body.filter.number.equals should be a number, instead was `\"10\"`.")]
    [InlineData("""{"property": "Count", "number": {"is_empty": false}}""", "body.filter.number.is_empty should be `true`, instead was `false`.")]
    [InlineData("""{"property": "Done", "checkbox": {"equals": "yes"}}""", "body.filter.checkbox.equals should be a boolean")]
    [InlineData("""{"property": "When", "date": {"after": "soon"}}""", "body.filter.date.after should be an ISO 8601 date or date-time, or a relative date")]
    [InlineData("""{"property": "When", "date": {"past_week": {"days": 3}}}""", "body.filter.date.past_week should be an empty object")]
    [InlineData("""{"property": "Who", "people": {"contains": "ada"}}""", "body.filter.people.contains should be a valid uuid")]
    [InlineData("""{"property": "Level", "select": {"equals": 3}}""", "body.filter.select.equals should be a string or an array of strings")]
    [InlineData("""{"property": "Count", "number": {"greater_than": 1, "less_than": 5}}""", "body.filter.number should be an object with exactly one condition")]
    [InlineData("""{"timestamp": "deleted_time", "deleted_time": {"past_week": {}}}""", "body.filter.timestamp should be `\"created_time\"` or `\"last_edited_time\"`")]
    [InlineData("""{"or": [{"and": [{"or": [{"property": "Done", "checkbox": {"equals": true}}]}]}]}""", "body.filter.or[0].and[0].or should be not present")]
    [InlineData("""{"and": {"property": "Done", "checkbox": {"equals": true}}}""", "body.filter.and should be an array")]
    public async Task BadFiltersAreValidationErrorsNamingTheProblem(string filter, string expectedMessage)
    {
        await using var emulator = await StartAsync(new FakeTimeProvider(Wednesday));
        var reply = await emulator.PostAsync($"v1/data_sources/{await AddFixtureAsync(emulator)}/query", $$$"""{"filter": {{{filter}}}}""");
        Assert.Contains(expectedMessage, reply.AssertError(HttpStatusCode.BadRequest, "validation_error"));
    }

    [Fact]
    public async Task SortsBySeveralKeysInBothDirections()
    {
        await using var emulator = await StartAsync(new FakeTimeProvider(Wednesday));
        var dataSource = await AddFixtureAsync(emulator);
        var query = $"v1/data_sources/{dataSource}/query";
        await emulator.AdminAsync(HttpMethod.Post, $"data_sources/{dataSource}/rows", JsonNode.Parse("""
            {"rows": [{"id": "f1000000-0000-4000-8000-00000000000d", "createdTime": "2026-03-01T00:00:00Z", "properties": {"Name": "Delta", "Level": "High", "Count": 2}}]}
            """));
        var body = JsonNode.Parse("""
            {"sorts": [{"property": "Level", "direction": "ascending"}, {"property": "Count", "direction": "descending"},
                       {"timestamp": "created_time", "direction": "ascending"}]}
            """);
        var names = (await emulator.PostAsync(query, body)).Json["results"]!.AsArray().Select(r => RowName(r!)).ToList();
        // High before Low (option order), within High the larger Count first; C has neither, so it comes last.
        Assert.Equal(["A", "D", "B", "C"], names);

        body = JsonNode.Parse("""{"sorts": [{"timestamp": "last_edited_time", "direction": "descending"}, {"property": "Name", "direction": "ascending"}]}""");
        names = [.. (await emulator.PostAsync(query, body)).Json["results"]!.AsArray().Select(r => RowName(r!))];
        Assert.Equal(["A", "D", "C", "B"], names);
    }

    /// <summary>As Notion: a sort's property is its name exactly (or its ID); another case names no property.</summary>
    [Theory]
    [InlineData("level")]
    [InlineData("LEVEL")]
    [InlineData("Nope")]
    public async Task ASortPropertyInAnotherCaseIsAValidationError(string property)
    {
        await using var emulator = await StartAsync(new FakeTimeProvider(Wednesday));
        var body = new JsonObject { ["sorts"] = new JsonArray(new JsonObject { ["property"] = property, ["direction"] = "ascending" }) };
        var reply = await emulator.PostAsync($"v1/data_sources/{await AddFixtureAsync(emulator)}/query", body);
        Assert.Contains($"Could not find sort property with name or id: {property}", reply.AssertError(HttpStatusCode.BadRequest, "validation_error"));
    }

    [Theory]
    [InlineData("FNum", "descending", "ABC")]
    [InlineData("FNum", "ascending", "BAC")]
    [InlineData("RSum", "descending", "ABC")]
    [InlineData("FDate", "ascending", "BAC")]
    [InlineData("Ticket", "descending", "BAC")]
    [InlineData("Mail", "ascending", "ABC")]
    public async Task FormulaRollupAndOtherValuesSortByWhatTheyHold(string property, string direction, string expected)
    {
        await using var emulator = await StartAsync(new FakeTimeProvider(Wednesday));
        var body = new JsonObject { ["sorts"] = new JsonArray(new JsonObject { ["property"] = property, ["direction"] = direction }) };
        var rows = (await emulator.PostAsync($"v1/data_sources/{await AddFixtureAsync(emulator)}/query", body)).Json["results"]!.AsArray();
        Assert.Equal(expected, string.Concat(rows.Select(r => RowName(r!))));
    }

    private static string RowName(JsonNode row) => (string)row["id"]! switch
    {
        RowA => "A",
        RowB => "B",
        RowC => "C",
        _ => "D",
    };

    private static Task<TestEmulator> StartAsync(FakeTimeProvider clock) => TestEmulator.StartAsync(o => o.TimeProvider = clock);

    private static async Task<string> AddFixtureAsync(TestEmulator emulator) =>
        (string)(await emulator.AdminAsync(HttpMethod.Post, "databases", JsonNode.Parse(FixtureDatabase)))!["dataSources"]![0]!;
}
