using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations;
using NotionPS.Rows;
using Xunit;

namespace NotionPS.Tests.Operations;

/// <summary>How a sync plans: by key, by value (as each column's type means it), only the columns that differ.</summary>
public class SyncPlannerTests
{
    private const string Ada = "c1a55e00-0000-4000-8000-000000000001";
    private const string Grace = "c1a55e00-0000-4000-8000-000000000002";

    private static readonly DataSourceSchema Schema = DataSourceSchema.From(JsonDocument.Parse(
        """
        {"object":"data_source","id":"ds1","name":"Assets","parent":{"type":"database_id","database_id":"db1"},"properties":{
          "Tag":{"id":"t","type":"title","title":{}},"Count":{"id":"n","type":"number","number":{}},"Labels":{"id":"m","type":"multi_select","multi_select":{}},
          "Due":{"id":"d","type":"date","date":{}},"Owner":{"id":"p","type":"people","people":{}},"Done":{"id":"c","type":"checkbox","checkbox":{}},
          "Notes":{"id":"r","type":"rich_text","rich_text":{}},"Kind":{"id":"s","type":"select","select":{}},"Edited":{"id":"e","type":"last_edited_time","last_edited_time":{}}}}
        """).RootElement.Clone());

    /// <summary>A row as Notion's page object has it.</summary>
    private static PageRow Page(string id, string tag, double? count = 3, string due = "2026-01-31T09:30:00.000Z", string[]? labels = null, string[]? owners = null, string? kind = "Laptop")
    {
        static JsonObject Text(string text) => new() { ["type"] = "text", ["text"] = new JsonObject { ["content"] = text }, ["plain_text"] = text };
        var page = new JsonObject
        {
            ["object"] = "page",
            ["id"] = id,
            ["properties"] = new JsonObject
            {
                ["Tag"] = new JsonObject { ["type"] = "title", ["title"] = new JsonArray(Text(tag)) },
                ["Count"] = new JsonObject { ["type"] = "number", ["number"] = count },
                ["Labels"] = new JsonObject { ["type"] = "multi_select", ["multi_select"] = new JsonArray((labels ?? new[] { "a", "b" }).Select(name => (JsonNode)new JsonObject { ["name"] = name }).ToArray()) },
                ["Due"] = new JsonObject { ["type"] = "date", ["date"] = new JsonObject { ["start"] = due } },
                ["Owner"] = new JsonObject
                {
                    ["type"] = "people",
                    ["people"] = new JsonArray((owners ?? new[] { Ada }).Select(owner => (JsonNode)new JsonObject
                    {
                        ["object"] = "user", ["id"] = owner, ["person"] = new JsonObject { ["email"] = owner == Ada ? "ada@acme.example" : "grace@acme.example" },
                    }).ToArray()),
                },
                ["Done"] = new JsonObject { ["type"] = "checkbox", ["checkbox"] = true },
                ["Notes"] = new JsonObject { ["type"] = "rich_text", ["rich_text"] = new JsonArray() },
                ["Kind"] = new JsonObject { ["type"] = "select", ["select"] = kind == null ? null : new JsonObject { ["name"] = kind } },
                ["Edited"] = new JsonObject { ["type"] = "last_edited_time", ["last_edited_time"] = "2026-01-01T00:00:00.000Z" },
            },
        };
        return PageRow.From(JsonDocument.Parse(page.ToJsonString()).RootElement.Clone());
    }

    private static List<KeyValuePair<string, object?>> Input(params (string Name, object? Value)[] members) =>
        members.Select(member => new KeyValuePair<string, object?>(member.Name, member.Value)).ToList();

    private static SyncPlanner Planner(IEnumerable<PageRow> rows, IReadOnlyCollection<string>? columns = null, Func<string, string?>? lookUp = null) =>
        new(Schema, "Tag", columns, rows, lookUp ?? (email => throw new InvalidOperationException($"No lookup expected for {email}.")), ignoreUnknown: false);

    public static IEnumerable<object[]> SameValueWrittenOtherwise => new[]
    {
        new object[] { "Count", "3" },
        new object[] { "Count", "3,0" },
        new object[] { "Count", 3m },
        new object[] { "Labels", "b; a" },
        new object[] { "Labels", new[] { "b", "a", "a" } },
        new object[] { "Due", "2026-01-31T11:30:00+02:00" },
        new object[] { "Due", new DateTime(2026, 1, 31, 9, 30, 0, DateTimeKind.Utc) },
        new object[] { "Owner", "ada@acme.example" },
        new object[] { "Owner", Ada.Replace("-", string.Empty).ToUpperInvariant() },
        new object[] { "Owner", new NotionUser(Ada) },
        new object[] { "Done", "yes" },
        new object[] { "Notes", "" },
        new object[] { "Notes", null! },
        new object[] { "Kind", " Laptop " },
        new object[] { "Edited", "anything: Notion computes it" },
    };

    [Theory]
    [MemberData(nameof(SameValueWrittenOtherwise))]
    public void TheSameValueWrittenOtherwiseIsUnchanged(string column, object? value)
    {
        var step = Planner(new[] { Page("p1", "A-1") }).Compare(1, Input(("Tag", "A-1"), (column, value)), RowSource.Given);

        Assert.Equal(SyncAction.Unchanged, step.Action);
        Assert.Equal("p1", step.PageId);
    }

    public static IEnumerable<object[]> AnotherValue => new[]
    {
        new object[] { "Count", "4", "3", "4" },
        new object[] { "Count", "", "3", "(empty)" },
        new object[] { "Labels", "a", "a; b", "a" },
        new object[] { "Due", "2026-01-31", "2026-01-31T09:30:00.000Z", "2026-01-31" },
        new object[] { "Due", "2026-01-31T09:31:00Z", "2026-01-31T09:30:00.000Z", "2026-01-31T09:31:00Z" },
        new object[] { "Owner", "grace@acme.example", "ada@acme.example", "grace@acme.example" },
        new object[] { "Done", "no", "True", "no" },
        new object[] { "Kind", "laptop", "Laptop", "laptop" },
    };

    [Theory]
    [MemberData(nameof(AnotherValue))]
    public void AnotherValueUpdatesThatColumnOnly(string column, object value, string oldText, string newText)
    {
        var rows = new[] { Page("p1", "A-1"), Page("p2", "B-2", owners: new[] { Grace }) };

        // Count as well, unchanged, unless it is the column changed: two properties naming one column fail the input.
        var input = column == "Count" ? Input(("Tag", "A-1"), (column, value)) : Input(("Tag", "A-1"), ("Count", 3), (column, value));

        var step = Planner(rows).Compare(1, input, RowSource.Given);

        Assert.Equal(SyncAction.Update, step.Action);
        Assert.Equal(new[] { column }, step.Properties!.Select(property => property.Key));
        var change = Assert.Single(step.Changes);
        Assert.Equal((column, oldText, newText), (change.Column, change.OldText, change.NewText));
    }

    [Fact]
    public void AKeyNoRowHasIsAnAddOfEveryColumnAndTheKeyIsComparedByValue()
    {
        var planner = Planner(new[] { Page("p1", "3") });

        var add = planner.Compare(1, Input(("Tag", "A-9"), ("Count", "7")), RowSource.Given);
        var numberKey = planner.Compare(2, Input(("tag", 3)), RowSource.Given);

        Assert.Equal(SyncAction.Add, add.Action);
        Assert.Equal(new[] { "Tag", "Count" }, add.Properties!.Select(property => property.Key));
        Assert.Equal(SyncAction.Unchanged, numberKey.Action);
    }

    [Fact]
    public void OnlyThePropertyColumnsAreComparedAndTheOthersIgnored()
    {
        var step = Planner(new[] { Page("p1", "A-1") }, columns: new[] { "Kind" })
            .Compare(1, Input(("Tag", "A-1"), ("Count", 99), ("Kind", "Phone"), ("NoSuchColumn", "x")), RowSource.Given);

        Assert.Equal(SyncAction.Update, step.Action);
        Assert.Equal(new[] { "Kind" }, step.Properties!.Select(property => property.Key));
    }

    [Fact]
    public void AnAddressNoRowShowsIsLookedUpOnce()
    {
        var asked = new List<string>();
        var planner = Planner(new[] { Page("p1", "A-1") }, lookUp: email => { asked.Add(email); return Grace; });

        var step = planner.Compare(1, Input(("Tag", "A-1"), ("Owner", "ada@acme.example; someone@acme.example")), RowSource.Given);

        Assert.Equal(new[] { "someone@acme.example" }, asked);
        Assert.Equal(SyncAction.Update, step.Action);
    }

    [Fact]
    public void NoKeyOrABadValueFailsThatInputOnlyAndABadValueKeepsItsKey()
    {
        var planner = Planner(new[] { Page("p1", "A-1") });

        var noKey = planner.Compare(1, Input(("Count", 1)), RowSource.Given);
        var blankKey = planner.Compare(2, Input(("Tag", "  ")), RowSource.Given);
        var badValue = planner.Compare(3, Input(("Tag", "A-1"), ("Count", "lots")), RowSource.Given);

        Assert.Equal(NotionErrorIds.NotionSyncKeyMissing, Assert.IsType<SyncKeyException>(noKey.Error).ErrorId);
        Assert.Equal(NotionErrorIds.NotionSyncKeyMissing, Assert.IsType<SyncKeyException>(blankKey.Error).ErrorId);
        Assert.Equal(SyncAction.Failed, badValue.Action);
        Assert.Equal("A-1", badValue.Key!.Text);
        Assert.IsType<RowValueException>(badValue.Error);
    }

    [Fact]
    public void DuplicateKeysInNotionStopThePlannerAndInTheInputThePlan()
    {
        var inNotion = Assert.Throws<SyncKeyException>(() => Planner(new[] { Page("p1", "A-1"), Page("p2", "A-1 "), Page("p3", "B"), Page("p4", "") , Page("p5", "") }));
        Assert.Equal(NotionErrorIds.NotionSyncDuplicateNotionKey, inNotion.ErrorId);
        Assert.Equal(new[] { "A-1" }, inNotion.Keys);
        Assert.Equal("\"Assets\" has more than one row with the same 'Tag': Row p1 (key \"A-1\") and Row p2 (key \"A-1 \"). Nothing was written.", inNotion.Message);

        var planner = Planner(new[] { Page("p1", "A-1") });
        var plan = new SyncPlan("Tag");
        plan.Add(planner.Compare(1, Input(("Tag", "X")), RowSource.Given));
        plan.Add(planner.Compare(2, Input(("Tag", " X")), RowSource.Given));
        var inInput = Assert.Throws<SyncKeyException>(() => plan.Finish(planner, deleteMissing: true));
        Assert.Equal(NotionErrorIds.NotionSyncDuplicateInputKey, inInput.ErrorId);
        Assert.Equal("The input has more than one row with the same 'Tag': Row 1 (key \"X\") and Row 2 (key \" X\"). Nothing was written.", inInput.Message);
    }

    /// <summary>A key is output trimmed, as it is compared (a CSV cell ' K1 ' is the key K1), while its label keeps the spelling given.</summary>
    [Fact]
    public void AKeyIsOutputTrimmedAndLabelledAsGiven()
    {
        var planner = Planner(Array.Empty<PageRow>());

        var add = planner.Compare(1, Input(("Tag", " K1 ")), RowSource.Given);

        Assert.Equal("K1", add.Key!.Text);
        Assert.Equal("K1", add.Key.ToString());
        Assert.Equal("Row 1 (key \" K1 \")", add.Label);
    }

    /// <summary>
    /// A key given twice is named as each input spells it, with each input's position: '7' and '7.0' are one number, and
    /// the message said only '7.0' (the later spelling), which the user could not find beside the '7' they also typed.
    /// </summary>
    [Fact]
    public void ADuplicateInputKeyNamesEveryInputAsItSpellsTheKey()
    {
        var planner = new SyncPlanner(Schema, "Count", null, Array.Empty<PageRow>(), email => null, ignoreUnknown: false);
        var plan = new SyncPlan("Count");
        var inputs = new object?[] { "7", 1, "7.0", "1,0", 2, 7 };
        for (var i = 0; i < inputs.Length; i++)
        {
            plan.Add(planner.Compare(i + 1, Input(("Tag", $"T{i}"), ("Count", inputs[i])), RowSource.Given));
        }

        var error = Assert.Throws<SyncKeyException>(() => plan.Finish(planner, deleteMissing: false));

        Assert.Equal(NotionErrorIds.NotionSyncDuplicateInputKey, error.ErrorId);
        Assert.Equal(new[] { "7", "1" }, error.Keys);
        Assert.Equal(
            "The input has more than one row with the same 'Count': Row 1 (key \"7\"), Row 3 (key \"7.0\") and Row 6 (key \"7\"); Row 2 (key \"1\") and Row 4 (key \"1,0\"). Nothing was written.",
            error.Message);
    }

    [Fact]
    public void DeleteMissingWithNoKeyedInputRefusesToTrashEveryRow()
    {
        var planner = Planner(new[] { Page("p1", "A-1") });
        var plan = new SyncPlan("Tag");
        plan.Add(planner.Compare(1, Input(("Count", 1)), RowSource.Given));
        var keep = new SyncPlan("Tag");

        var error = Assert.Throws<SyncKeyException>(() => plan.Finish(planner, deleteMissing: true));
        keep.Finish(planner, deleteMissing: false);

        Assert.Equal(NotionErrorIds.NotionSyncNoInput, error.ErrorId);
        Assert.Empty(keep.Steps);
    }

    [Fact]
    public void DeleteMissingTrashesRowsWhoseKeyNoInputHasButNotRowsWithoutAKey()
    {
        var planner = Planner(new[] { Page("p1", "A-1"), Page("p2", "B-2"), Page("p3", "C-3"), Page("p4", "") });
        var plan = new SyncPlan("Tag");
        plan.Add(planner.Compare(1, Input(("Tag", "A-1")), RowSource.Given));
        plan.Add(planner.Compare(2, Input(("Tag", "B-2"), ("Count", "lots")), RowSource.Given));

        plan.Finish(planner, deleteMissing: true);

        Assert.Equal(new[] { "p3" }, plan.Steps.Where(step => step.Action == SyncAction.Trash).Select(step => step.PageId));
        Assert.Equal(1, planner.RowsWithoutKey);
        Assert.Equal("0 add, 0 update, 1 unchanged, 1 trash (1 inputs failed)", plan.Summary());
    }

    [Fact]
    public void ANewOptionGivenInTwoSpellingsIsPlannedInTheFirst()
    {
        var planner = Planner(Array.Empty<PageRow>());

        var first = planner.Compare(1, Input(("Tag", "x1"), ("Kind", "Phone"), ("Labels", "new")), RowSource.Given);
        var second = planner.Compare(2, Input(("Tag", "x2"), ("Kind", "PHONE"), ("Labels", "NEW; New")), RowSource.Given);

        Assert.Equal("""{"select":{"name":"Phone"}}""", first.Properties!["Kind"]!.ToJsonString());
        Assert.Equal("""{"select":{"name":"Phone"}}""", second.Properties!["Kind"]!.ToJsonString());
        Assert.Equal("""{"multi_select":[{"name":"new"}]}""", second.Properties!["Labels"]!.ToJsonString());
    }

    [Fact]
    public void AnOptionKeyMatchesTheRowHoldingTheOptionInAnotherCase()
    {
        var schema = DataSourceSchema.From(JsonDocument.Parse(
            """
            {"object":"data_source","id":"ds2","name":"Kinds","parent":{"type":"database_id","database_id":"db2"},"properties":{
              "Tag":{"id":"t","type":"title","title":{}},"Kind":{"id":"s","type":"select","select":{"options":[{"name":"Laptop"}]}}}}
            """).RootElement.Clone());
        var row = PageRow.From(JsonDocument.Parse(
            """{"object":"page","id":"p1","properties":{"Tag":{"type":"title","title":[]},"Kind":{"type":"select","select":{"name":"Laptop"}}}}""").RootElement.Clone());
        var planner = new SyncPlanner(schema, "Kind", null, new[] { row }, email => null, ignoreUnknown: false);

        var step = planner.Compare(1, Input(("Kind", "LAPTOP")), RowSource.Given);

        Assert.Equal((SyncAction.Unchanged, "p1"), (step.Action, step.PageId));
    }

    /// <summary>Assets with case-twin columns Note and note, so NOTE names neither.</summary>
    private static readonly DataSourceSchema TwinSchema = DataSourceSchema.From(JsonDocument.Parse(
        """
        {"object":"data_source","id":"ds2","name":"Twins","parent":{"type":"database_id","database_id":"db2"},"properties":{
          "Tag":{"id":"t","type":"title","title":{}},"Note":{"id":"a","type":"rich_text","rich_text":{}},"note":{"id":"b","type":"rich_text","rich_text":{}}}}
        """).RootElement.Clone());

    /// <summary>
    /// An input that fails on a name matching case twins still has the key it gives, wherever that name stands and with
    /// -Property or without, so -DeleteMissing keeps its row (it used to fail before its key was read, and trash it).
    /// </summary>
    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public void AnInputFailingOnAnAmbiguousNameKeepsItsKeyAndSoItsRow(bool ambiguousFirst, bool withProperty)
    {
        var planner = new SyncPlanner(TwinSchema, "Tag", withProperty ? new[] { "Note" } : null, new[] { Page("p1", "A-1"), Page("p2", "B-2") }, email => null, ignoreUnknown: false);
        var plan = new SyncPlan("Tag");
        var members = ambiguousFirst ? Input(("NOTE", "x"), ("Tag", "A-1")) : Input(("Tag", "A-1"), ("NOTE", "x"));

        var step = planner.Compare(1, members, RowSource.Given);
        plan.Add(step);
        plan.Finish(planner, deleteMissing: true);

        Assert.Equal(NotionErrorIds.NotionColumnAmbiguous, Assert.IsType<ColumnAmbiguousException>(step.Error).ErrorId);
        Assert.Equal("A-1", step.Key!.Text);
        Assert.Equal(new[] { "p2" }, plan.Steps.Where(s => s.Action == SyncAction.Trash).Select(s => s.PageId));
    }

    /// <summary>Two properties naming the key column fail their input, and neither key's row is trashed.</summary>
    [Fact]
    public void TwoPropertiesNamingTheKeyFailTheInputAndKeepBothRows()
    {
        var planner = Planner(new[] { Page("p1", "A-1"), Page("p2", "B-2"), Page("p3", "C-3") });
        var plan = new SyncPlan("Tag");

        var step = planner.Compare(1, Input(("Tag", "A-1"), ("TAG", "B-2")), RowSource.Given);
        plan.Add(step);
        plan.Finish(planner, deleteMissing: true);

        Assert.Equal(NotionErrorIds.NotionColumnAmbiguous, Assert.IsType<ColumnAmbiguousException>(step.Error).ErrorId);
        Assert.Equal(new[] { "p3" }, plan.Steps.Where(s => s.Action == SyncAction.Trash).Select(s => s.PageId));
    }
}
