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

    private static RowShape ShapeOf(PageRow row, bool carriesDisplaySet = false) =>
        new(RowObjects.RowTypeName + "#ds1", row.Columns.Select(column => column.Key).ToArray(), carriesDisplaySet);

    [Fact]
    public void RowsOfOneShapeAreSeparateObjectsWithTheirOwnValues()
    {
        var first = Row("""{"Name":{"type":"title","title":[{"plain_text":"A"}]},"Size":{"type":"number","number":1}}""");
        var second = Row("""{"Name":{"type":"title","title":[{"plain_text":"B"}]},"Size":{"type":"number","number":2}}""");
        var shape = ShapeOf(first, carriesDisplaySet: true);

        var a = shape.ToPSObject(first);
        var b = shape.ToPSObject(second);
        a.Properties["Name"].Value = "changed";
        ((PSPropertySet)((PSMemberSet)a.Members["PSStandardMembers"].Value).Members["DefaultDisplayPropertySet"]).ReferencedPropertyNames.Add("Extra");

        Assert.Equal(("B", 2.0), ((string)b.Properties["Name"].Value, (double)b.Properties["Size"].Value));
        Assert.Equal(new[] { "Name", "Size" }, ((PSPropertySet)((PSMemberSet)b.Members["PSStandardMembers"].Value).Members["DefaultDisplayPropertySet"]).ReferencedPropertyNames);
        Assert.True(shape.Fits(second));
    }

    [Fact]
    public void ARowWithOtherColumnsDoesNotFit()
    {
        var shape = ShapeOf(Row("""{"Name":{"type":"title","title":[]}}"""));

        Assert.False(shape.Fits(Row("""{"Title":{"type":"title","title":[]}}""")));
        Assert.False(shape.Fits(Row("""{"Name":{"type":"title","title":[]},"Size":{"type":"number","number":1}}""")));
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

        var output = ShapeOf(row).ToPSObject(row);

        Assert.Equal(1.0, output.Properties[column + " (column)"].Value);
        Assert.Equal(new[] { column + " (column)" }, ShapeOf(row).Columns);
        Assert.IsAssignableFrom<PSMemberSet>(output.Members["psobject"]);
    }
}
