using System.Collections.Generic;
using System;
using System.Collections;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using NotionPS.Client;
using NotionPS.Cmdlets;
using NotionPS.Operations;
using NotionPS.Rows;
using Xunit;

namespace NotionPS.Tests.Cmdlets;

public class RowObjectsTests
{
    private static PageRow Row(string json)
    {
        using var document = JsonDocument.Parse(json);
        return PageRow.From(document.RootElement);
    }

    [Fact]
    public void ARowIsANotionPSRowWithItsOwnPropertiesFirst()
    {
        var row = PSObject.AsPSObject(RowObjects.ToOutput(Row("""
            {"object":"page","id":"p1","url":"https://www.notion.so/p1","created_time":"2026-01-01T10:00:00.000Z","last_edited_time":"2026-01-02T10:00:00.000Z",
             "parent":{"type":"data_source_id","data_source_id":"ds1","database_id":"db1"},
             "properties":{"Name":{"id":"title","type":"title","title":[{"plain_text":"A"}]},"Url":{"id":"u","type":"url","url":"https://example.com"}}}
            """), "NotionPS.Row#ds1", carriesDisplaySet: false));

        Assert.Equal(new[] { "NotionPS.Row#ds1", "NotionPS.Row" }, row.TypeNames.Take(2));
        Assert.Equal(new[] { "PageId", "DatabaseId", "DataSourceId", "Url", "CreatedTime", "LastEditedTime", "Name", "Url (column)" }, row.Properties.Select(p => p.Name));
        Assert.Equal(("p1", "db1", "ds1"), ((string)row.Properties["PageId"].Value, (string)row.Properties["DatabaseId"].Value, (string)row.Properties["DataSourceId"].Value));
        Assert.Equal("https://www.notion.so/p1", row.Properties["Url"].Value);
        Assert.Equal("https://example.com", row.Properties["Url (column)"].Value);
        Assert.Empty(row.Members.Match("PSStandardMembers", PSMemberTypes.MemberSet));
    }

    [Fact]
    public void ARowMayCarryItsOwnDisplaySet()
    {
        var row = PSObject.AsPSObject(RowObjects.ToOutput(Row("""{"object":"page","id":"p1","properties":{"Name":{"id":"title","type":"title","title":[]}}}"""), "NotionPS.Row#x", carriesDisplaySet: true));

        var display = (PSPropertySet)((PSMemberSet)row.Members["PSStandardMembers"].Value).Members["DefaultDisplayPropertySet"];
        Assert.Equal(new[] { "Name" }, display.ReferencedPropertyNames);
    }

    [Fact]
    public void UnderTheLegacyVersionTheDatabaseIsItsOwnDataSource()
    {
        var row = Row("""{"object":"page","id":"p1","parent":{"type":"database_id","database_id":"db1"},"properties":{}}""");

        Assert.Equal(("db1", "db1"), (row.DatabaseId, row.DataSourceId));
    }

    [Fact]
    public void TheMembersOfAHashtableAndOfAnObject()
    {
        var fromHashtable = RowObjects.Members(new PSObject(new Hashtable { ["Name"] = "A" }));
        var custom = new PSObject();
        custom.Properties.Add(new PSNoteProperty("Name", "B"));
        custom.Properties.Add(new PSNoteProperty("Tags", new object[] { new PSObject("x"), "y" }));

        var fromObject = RowObjects.Members(custom);

        Assert.Equal("A", fromHashtable.Single(m => m.Key == "Name").Value);
        Assert.Equal("B", fromObject.Single(m => m.Key == "Name").Value);
        Assert.Equal(new object[] { "x", "y" }, fromObject.Single(m => m.Key == "Tags").Value);
    }

    [Fact]
    public void APSCustomObjectValueBecomesAnOrderedDictionary()
    {
        var person = new PSObject();
        person.Properties.Add(new PSNoteProperty("Id", "u1"));

        var plain = Assert.IsType<OrderedDictionary>(Assert.IsType<object?[]>(RowObjects.Plain(new object[] { person }, "Value")).Single());

        Assert.Equal("u1", plain["id"]);
    }

    [Fact]
    public void AValueContainingItselfIsRefusedNamingWhereWhateverWrapsIt()
    {
        var table = new Hashtable { ["a"] = 1 };
        table["self"] = new PSObject(new object[] { "x", new PSObject(table) });
        var custom = new PSObject();
        custom.Properties.Add(new PSNoteProperty("back", new object[] { custom }));

        var fromTable = Assert.Throws<InputValueException>(() => RowObjects.Plain(table, "Notes"));
        var fromCustom = Assert.Throws<InputValueException>(() => RowObjects.Plain(custom, "Body"));

        Assert.Equal("NotionValueCyclic", fromTable.ErrorId);
        Assert.Equal("Notes.self[1]", fromTable.Path);
        Assert.Equal("Body.back[0]", fromCustom.Path);
    }

    [Fact]
    public void AValueSharedInTwoPlacesIsNotACycle()
    {
        var shared = new Hashtable { ["x"] = 1 };

        var plain = Assert.IsType<OrderedDictionary>(RowObjects.Plain(new Hashtable { ["a"] = shared, ["b"] = new[] { shared } }, "Body"));

        Assert.Equal(2, plain.Count);
    }

    [Theory]
    [InlineData(ValuePath.MaxNesting, true)]
    [InlineData(ValuePath.MaxNesting + 1, false)]
    [InlineData(100_000, false)]
    public void NestingIsConvertedUpToTheLimit(int levels, bool converted)
    {
        object value = "leaf";
        for (var i = 0; i < levels; i++)
        {
            value = new Hashtable { ["a"] = value };
        }

        if (converted)
        {
            Assert.NotNull(PlainValues.ToJson(RowObjects.Plain(value, "Body"), "Body"));
        }
        else
        {
            var error = Assert.Throws<InputValueException>(() => RowObjects.Plain(value, "Body"));
            Assert.Equal("NotionValueTooDeep", error.ErrorId);
            Assert.StartsWith("Body.a.a", error.Path, StringComparison.Ordinal);
        }
    }

    /// <summary>Forty levels of one array shared twice: no cycle, but 2^40 values written out.</summary>
    [Fact]
    public void AValueSharedExponentiallyOftenIsRefusedBeforeItExhaustsMemory()
    {
        object value = new object[] { 1 };
        for (var i = 0; i < 40; i++)
        {
            value = new[] { value, value };
        }

        var error = Assert.Throws<InputValueException>(() => RowObjects.Plain(value, "Body"));

        Assert.Equal("NotionValueTooLarge", error.ErrorId);
        Assert.StartsWith("Body[0][0]", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEndlessEnumerableIsRefusedBeforeItExhaustsMemory()
    {
        static IEnumerable<int> Endless()
        {
            while (true)
            {
                yield return 1;
            }
        }

        var error = Assert.Throws<InputValueException>(() => RowObjects.Plain(new Hashtable { ["Tags"] = Endless() }, "Body"));

        Assert.Equal("NotionValueTooLarge", error.ErrorId);
        Assert.StartsWith("Body.Tags[99999", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void NaNInABodyNamesWhere()
    {
        var error = Assert.Throws<InputValueException>(() => PlainValues.ToJson(new Hashtable { ["a"] = new object[] { 1, double.NaN } }, "Body"));

        Assert.Equal("NotionNumberNotFinite", error.ErrorId);
        Assert.Equal("Body.a[1]", error.Path);
    }

    [Fact]
    public void JsonBecomesPSCustomObjectsWithWholeNumbersAsLong()
    {
        using var document = JsonDocument.Parse("""{"a":1,"b":1.5,"c":[true,null,"x"],"d":{"e":"f"}}""");

        var value = Assert.IsType<PSObject>(RowObjects.FromJson(document.RootElement));

        Assert.Equal(1L, value.Properties["a"].Value);
        Assert.Equal(1.5, value.Properties["b"].Value);
        Assert.Equal(new object?[] { true, null, "x" }, value.Properties["c"].Value);
        Assert.Equal("f", ((PSObject)value.Properties["d"].Value).Properties["e"].Value);
    }

    [Theory]
    [InlineData("2026-03-11", """{"results":[{"object":"data_source","id":"ds1","name":"Tasks","parent":{"type":"database_id","database_id":"db1"}}]}""")]
    [InlineData("2022-06-28", """{"results":[{"object":"database","id":"db1","title":[{"plain_text":"Tasks"}]}]}""")]
    public void SearchResultsAreDatabasesUnderEitherVersion(string version, string json)
    {
        using var document = JsonDocument.Parse(json);

        var found = DatabaseSearch.Databases(ListPage.From(document.RootElement, "POST", "v1/data_sources/ds1/query"), version).Single();

        Assert.Equal(("db1", "Tasks"), found);
    }

    [Fact]
    public void JsonBecomesPSCustomObjectsAsInvokeRestMethodGivesIt()
    {
        using var document = JsonDocument.Parse("""{"s":"x","n":3,"d":1.5,"t":true,"f":false,"z":null,"o":{"a":[1,"b",{"c":null}],"e":[]}}""");

        var value = (PSObject)RowObjects.FromJson(document.RootElement)!;

        Assert.IsType<PSCustomObject>(value.BaseObject);
        Assert.Equal(new[] { "s", "n", "d", "t", "f", "z", "o" }, value.Properties.Select(p => p.Name));
        Assert.Equal(new object?[] { "x", 3L, 1.5, true, false, null }, value.Properties.Take(6).Select(p => p.Value));
        var inner = (PSObject)value.Properties["o"].Value;
        var array = Assert.IsType<object?[]>(inner.Properties["a"].Value);
        Assert.Equal(3, array.Length);
        Assert.Equal((1L, "b"), (array[0], array[1]));
        Assert.Equal(new[] { "c" }, ((PSObject)array[2]!).Properties.Select(p => p.Name));
        Assert.Empty(Assert.IsType<object?[]>(inner.Properties["e"].Value));
    }

    /// <summary>What Invoke-NotionApi gives goes back as its -Body unchanged, keys that differ only in case and reserved ones included.</summary>
    [Theory]
    [InlineData("""{"properties":{"Name":{"type":"title"},"name":{"type":"rich_text"},"psobject":{"a":[1,"x",null,true]}},"id":"p1"}""")]
    [InlineData("""{"id":"a","ID":"b","Id":{"iD":1,"Id":2}}""")]
    public void JsonGoesBackAsTheSameJson(string json)
    {
        using var document = JsonDocument.Parse(json);

        var written = PlainValues.ToJson(RowObjects.Plain(RowObjects.FromJson(document.RootElement), "Body"), "Body");

        Assert.Equal(json, written!.ToJsonString());
    }

    [Fact]
    public void JsonNamesPowerShellTakesAreAPSCustomObjectsProperties()
    {
        using var document = JsonDocument.Parse("""{"id":1,"PSLike":3,"psstandardmembers":4,"é":5,"e":6}""");

        var value = Assert.IsType<PSObject>(RowObjects.FromJson(document.RootElement));

        Assert.Equal(new[] { "id", "PSLike", "psstandardmembers", "é", "e" }, value.Properties.Select(p => p.Name));
    }

    /// <summary>
    /// Changed with the fix for reserved names: such an object was refused (ExtendedTypeSystemException), and of two
    /// keys that differ only in case the second replaced the first. It is now an ordered dictionary that keeps them all.
    /// </summary>
    [Theory]
    [InlineData("""{"id":1,"psobject":2}""")]
    [InlineData("""{"PSObject":1}""")]
    [InlineData("""{"x":1,"psbase":2}""")]
    [InlineData("""{"PSAdapted":1}""")]
    [InlineData("""{"psextended":1}""")]
    [InlineData("""{"PSTypeNames":1}""")]
    [InlineData("""{"Name":1,"name":2}""")]
    [InlineData("""{"id":1,"x":2,"ID":3}""")]
    [InlineData("""{"É":1,"é":2}""")]
    public void AnObjectWithAReservedOrCaseDifferingKeyIsAnOrderedDictionaryKeepingEveryKey(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var nested = JsonDocument.Parse($$"""{"outer":[{{json}}]}""");

        var value = Assert.IsType<OrderedDictionary>(RowObjects.FromJson(document.RootElement));
        var outer = Assert.IsType<PSObject>(RowObjects.FromJson(nested.RootElement));

        Assert.Equal(document.RootElement.EnumerateObject().Select(p => p.Name), value.Keys.Cast<string>());
        Assert.Equal(document.RootElement.EnumerateObject().Select(p => p.Value.GetInt64()), value.Values.Cast<long>());
        Assert.IsType<OrderedDictionary>(Assert.Single(Assert.IsType<object?[]>(outer.Properties["outer"].Value)));
    }
}
