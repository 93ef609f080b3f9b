using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using NotionPS.Cmdlets;
using NotionPS.Rows;
using Xunit;

namespace NotionPS.Tests.Cmdlets;

public class RowShapeTests
{
    private static PageRow Row(string properties)
    {
        using var document = JsonDocument.Parse("""{"object":"page","id":"p1","parent":{"type":"data_source_id","data_source_id":"ds1","database_id":"db1"},"properties":""" + properties + "}");
        return PageRow.From(document.RootElement);
    }

    // Each test's own types: the process-wide RowTypes.Shared stops making types after 256 shapes, which the end-to-end
    // tests in the same process may already have used, and past it rows are PSCustomObjects.
    private readonly RowTypes ownTypes = new(mostTypes: 16);

    private RowShape ShapeOf(PageRow row, bool carriesDisplaySet = false, RowTypes? rowTypes = null) =>
        new(RowObjects.RowTypeName + "#ds1", row, carriesDisplaySet, rowTypes ?? ownTypes);

    private static PSObject Output(RowShape shape, PageRow row) => PSObject.AsPSObject(shape.ToOutput(row));

    [Fact]
    public void RowsOfOneShapeAreSeparateObjectsWithTheirOwnValues()
    {
        var first = Row("""{"Name":{"type":"title","title":[{"plain_text":"A"}]},"Size":{"type":"number","number":1}}""");
        var second = Row("""{"Name":{"type":"title","title":[{"plain_text":"B"}]},"Size":{"type":"number","number":2}}""");
        var shape = ShapeOf(first, carriesDisplaySet: true);

        var a = Output(shape, first);
        var b = Output(shape, second);
        a.Properties["Name"].Value = "changed";
        ((PSPropertySet)((PSMemberSet)a.Members["PSStandardMembers"].Value).Members["DefaultDisplayPropertySet"]).ReferencedPropertyNames.Add("Extra");

        Assert.Equal(("B", 2.0), ((string)b.Properties["Name"].Value, (double)b.Properties["Size"].Value));
        Assert.Equal("changed", a.Properties["Name"].Value);
        Assert.Equal(new[] { "Name", "Size" }, ((PSPropertySet)((PSMemberSet)b.Members["PSStandardMembers"].Value).Members["DefaultDisplayPropertySet"]).ReferencedPropertyNames);
        Assert.True(shape.Fits(second));
    }

    [Fact]
    public void ARowIsOfATypeOfItsDataSourceWhosePropertiesAreTheRowsOwnThenItsColumns()
    {
        var row = Row("""{"Name":{"type":"title","title":[{"plain_text":"A"}]},"Size":{"type":"number","number":1}}""");

        var output = ShapeOf(row).ToOutput(row);

        var type = Assert.IsAssignableFrom<NotionPS.Row>(output).GetType();
        Assert.Equal("NotionPS.Row#ds1", type.FullName);
        Assert.Equal(new[] { "PageId", "DatabaseId", "DataSourceId", "Url", "CreatedTime", "LastEditedTime", "Name", "Size" }, type.GetProperties().Select(p => p.Name));
        Assert.Equal(new[] { "NotionPS.Row#ds1", "NotionPS.Row" }, PSObject.AsPSObject(output).TypeNames.Take(2));
        Assert.Equal(("p1", "A", 1.0), ((string)type.GetProperty("PageId")!.GetValue(output)!, (string)type.GetProperty("Name")!.GetValue(output)!, (double)type.GetProperty("Size")!.GetValue(output)!));
    }

    [Fact]
    public void ShapesOfOneDataSourceWithOtherColumnsAreTypesOfTheSameNameAndEachKeepsItsOwn()
    {
        var rowTypes = new RowTypes(mostTypes: 8);
        var before = Row("""{"Name":{"type":"title","title":[{"plain_text":"A"}]}}""");
        var after = Row("""{"Name":{"type":"title","title":[{"plain_text":"B"}]},"Added":{"type":"checkbox","checkbox":true}}""");

        var first = ShapeOf(before, rowTypes: rowTypes).ToOutput(before);
        var second = ShapeOf(after, rowTypes: rowTypes).ToOutput(after);
        var again = ShapeOf(before, rowTypes: rowTypes).ToOutput(before);

        Assert.Equal(first.GetType().FullName, second.GetType().FullName);
        Assert.NotEqual(first.GetType(), second.GetType());
        Assert.Same(first.GetType(), again.GetType());
        Assert.Equal(true, PSObject.AsPSObject(second).Properties["Added"].Value);
        Assert.Null(PSObject.AsPSObject(first).Properties["Added"]);
    }

    [Fact]
    public void PastTheMostTypesRowsArePSCustomObjectsOfTheSameProperties()
    {
        var rowTypes = new RowTypes(mostTypes: 1);
        var one = Row("""{"One":{"type":"number","number":1}}""");
        var two = Row("""{"Two":{"type":"number","number":2}}""");

        var typed = ShapeOf(one, rowTypes: rowTypes).ToOutput(one);
        var custom = Assert.IsType<PSObject>(ShapeOf(two, rowTypes: rowTypes).ToOutput(two));

        Assert.IsAssignableFrom<NotionPS.Row>(typed);
        Assert.IsType<PSCustomObject>(custom.BaseObject);
        Assert.Equal(new[] { "NotionPS.Row#ds1", "NotionPS.Row" }, custom.TypeNames.Take(2));
        Assert.Equal(2.0, custom.Properties["Two"].Value);
    }

    /// <summary>A NUL is a valid JSON name but no metadata name: such a row is a PSCustomObject with the name as Notion gave it.</summary>
    [Fact]
    public void AColumnNameATypeCannotHoldKeepsItsNameOnAPSCustomObject()
    {
        var row = Row("""{"nul \u0000 inside":{"type":"number","number":1}}""");

        var output = Output(ShapeOf(row, rowTypes: new RowTypes(mostTypes: 8)), row);

        Assert.IsType<PSCustomObject>(output.BaseObject);
        Assert.Equal(1.0, output.Properties["nul \0 inside"].Value);
    }

    /// <summary>Metadata holds names as UTF-8, which a lone surrogate does not survive (answers have theirs replaced before they are read; a type is never made of one).</summary>
    [Fact]
    public void NoTypeIsMadeWhoseNamesWouldNotComeBackAsGiven()
    {
        var rowTypes = new RowTypes(mostTypes: 8);

        Assert.Null(rowTypes.For("NotionPS.Row#x", new[] { "PageId", "lone \ud800 surrogate" }));
        Assert.NotNull(rowTypes.For("NotionPS.Row#x", new[] { "PageId", "emoji \ud83d\ude00 pair" }));
    }

    [Fact]
    public void AShapeRefusedTakesNoneOfTheTypesAllowed()
    {
        var rowTypes = new RowTypes(mostTypes: 1);

        Assert.Null(rowTypes.For("NotionPS.Row#x", new[] { "PageId", "nul \0 inside" }));
        Assert.NotNull(rowTypes.For("NotionPS.Row#x", new[] { "PageId", "Name" }));
        Assert.Null(rowTypes.For("NotionPS.Row#x", new[] { "PageId", "Other" }));
    }

    [Fact]
    public void ADateAssignedToARowIsWrappedAsADateReadIs()
    {
        var row = Row("""{"Due":{"type":"date","date":{"start":"2026-03-01"}}}""");
        var output = Output(ShapeOf(row), row);

        output.Properties["Due"].Value = new DateTime(2026, 4, 5, 6, 7, 8, DateTimeKind.Utc);

        var cell = Assert.IsType<PSObject>(output.Properties["Due"].Value);
        Assert.IsType<DateTime>(cell.BaseObject);
        Assert.Equal("2026-04-05T06:07:08.000Z", cell.ToString());
    }

    [Fact]
    public void AWrappedListInARowsTextIsItsTypeNameAsPowerShellWritesIt()
    {
        var row = Row("""{"Name":{"type":"title","title":[{"plain_text":"A"}]}}""");
        var output = (NotionPS.Row)ShapeOf(row).ToOutput(row);
        var list = new object[] { "x", null! };
        list[1] = output;

        output.GetType().GetProperty("Name")!.SetValue(output, new PSObject(list));

        Assert.EndsWith("; Name=System.Object[]}", output.ToString());
    }

    [Fact]
    public void ACopyOfARowHasItsOwnValues()
    {
        var row = Row("""{"Name":{"type":"title","title":[{"plain_text":"A"}]}}""");
        var original = Output(ShapeOf(row), row);

        var copy = original.Copy();
        copy.Properties["Name"].Value = "changed";

        Assert.Equal("A", original.Properties["Name"].Value);
        Assert.Equal("changed", copy.Properties["Name"].Value);
        Assert.Same(original.BaseObject.GetType(), copy.BaseObject.GetType());
    }

    [Fact]
    public void ARowAsTextIsItsPropertiesAsAPSCustomObjectShowsThem()
    {
        var row = Row("""{"Name":{"type":"title","title":[{"plain_text":"A"}]},"Size":{"type":"number","number":2.5},"Due":{"type":"date","date":{"start":"2026-03-01"}},"Empty":{"type":"number","number":null}}""");

        var text = ShapeOf(row).ToOutput(row).ToString();

        Assert.Equal("@{PageId=p1; DatabaseId=db1; DataSourceId=ds1; Url=; CreatedTime=; LastEditedTime=; Name=A; Size=2.5; Due=2026-03-01; Empty=}", text);
    }

    [Fact]
    public void ARowWithOtherColumnsDoesNotFit()
    {
        var shape = ShapeOf(Row("""{"Name":{"type":"title","title":[]}}"""));

        Assert.False(shape.Fits(Row("""{"Title":{"type":"title","title":[]}}""")));
        Assert.False(shape.Fits(Row("""{"Name":{"type":"title","title":[]},"Size":{"type":"number","number":1}}""")));
    }

    /// <summary>
    /// A page object lists its title anywhere (Notion's own examples list it last), so a row of eight columns showed as a list
    /// with its title at the bottom, and a table cut it off. The title comes first, as in Notion's table; the rest keep their order.
    /// </summary>
    [Fact]
    public void TheTitleIsTheFirstColumnShownAndTheFirstAfterThePagesOwnProperties()
    {
        var row = Row("""{"Size":{"type":"number","number":2},"Tags":{"type":"multi_select","multi_select":[]},"Name":{"type":"title","title":[{"plain_text":"A"}]},"Notes":{"type":"rich_text","rich_text":[]}}""");

        var shape = ShapeOf(row, carriesDisplaySet: true);
        var output = Output(shape, row);

        Assert.Equal(new[] { "Name", "Size", "Tags", "Notes" }, shape.Columns);
        Assert.Equal(new[] { "Name", "Size", "Tags", "Notes" }, ((PSPropertySet)((PSMemberSet)output.Members["PSStandardMembers"].Value).Members["DefaultDisplayPropertySet"]).ReferencedPropertyNames);
        Assert.Equal(new[] { "PageId", "DatabaseId", "DataSourceId", "Url", "CreatedTime", "LastEditedTime", "Name", "Size", "Tags", "Notes" }, output.Properties.Select(property => property.Name));
        Assert.Equal(("A", 2.0), ((string)output.Properties["Name"].Value, (double)output.Properties["Size"].Value));
        Assert.Equal(2, row.TitleColumn);
    }

    [Fact]
    public void ARowWhoseTitleIsAnotherColumnOfTheSameNamesDoesNotFit()
    {
        var shape = ShapeOf(Row("""{"A":{"type":"title","title":[]},"B":{"type":"rich_text","rich_text":[]}}"""));

        Assert.False(shape.Fits(Row("""{"A":{"type":"rich_text","rich_text":[]},"B":{"type":"title","title":[]}}""")));
        Assert.True(shape.Fits(Row("""{"A":{"type":"title","title":[{"plain_text":"x"}]},"B":{"type":"rich_text","rich_text":[]}}""")));
    }

    /// <summary>
    /// Changed with the fix for reserved names: PowerShell refused such a column (ExtendedTypeSystemException) and the
    /// read failed. It is now renamed as a column named like a row's own property is, and the row keeps PowerShell's member.
    /// </summary>
    [Theory]
    [InlineData("PSObject")]
    [InlineData("psbase")]
    [InlineData("PSAdapted")]
    [InlineData("psextended")]
    [InlineData("PSTypeNames")]
    public void AColumnNamedLikeAMemberPowerShellKeepsIsShownWithColumn(string column)
    {
        var row = Row($$$"""{"{{{column}}}":{"type":"number","number":1}}""");

        var output = Output(ShapeOf(row), row);

        Assert.Equal(1.0, output.Properties[column + " (column)"].Value);
        Assert.Equal(new[] { column + " (column)" }, ShapeOf(row).Columns);
        Assert.IsAssignableFrom<PSMemberSet>(output.Members["psobject"]);
    }
}
