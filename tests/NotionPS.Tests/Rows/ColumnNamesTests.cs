using System.Linq;
using NotionPS.Rows;
using Xunit;

namespace NotionPS.Tests.Rows;

public class ColumnNamesTests
{
    [Theory]
    [InlineData("Name", "Name")]
    [InlineData("Url", "Url (column)")]
    [InlineData("pageid", "pageid (column)")]
    [InlineData("LastEditedTime", "LastEditedTime (column)")]
    [InlineData("psobject", "psobject (column)")]
    [InlineData("PSTypeNames", "PSTypeNames (column)")]
    [InlineData("PSLike", "PSLike")]
    [InlineData("PSStandardMembers", "PSStandardMembers")]
    public void CollidingColumnsGetTheSuffix(string column, string shown) => Assert.Equal(shown, ColumnNames.OutputName(column));

    [Theory]
    [InlineData("Url (column)", false, false, "Url")]
    [InlineData("Url", true, false, null)]
    [InlineData("Url", false, true, null)]
    [InlineData("Url", false, false, "Url")]
    [InlineData("Notes (column)", false, false, "Notes (column)")]
    [InlineData("Notes", true, false, "Notes")]
    [InlineData("psobject (column)", true, false, "psobject")]
    [InlineData("PSBase", false, false, "PSBase")]
    public void InputNamesMapBackByTheRule(string input, bool isRow, bool hasColumnForm, string? column)
    {
        var names = hasColumnForm ? new[] { input, input + " (column)" } : new[] { input };

        Assert.Equal(column, ColumnNames.ColumnFor(input, names, isRow, new[] { "Name", "Notes", "Url", "psobject", "PSBase" }));
    }

    [Theory]
    [InlineData(new[] { "Name", "name" }, new[] { "Name", "name (column)" })]
    [InlineData(new[] { "name", "Name" }, new[] { "name (column)", "Name" })]
    [InlineData(new[] { "name", "NAME", "Name" }, new[] { "name (column 2)", "NAME", "Name (column)" })]
    [InlineData(new[] { "Name", "name", "name (column)" }, new[] { "Name", "name (column)", "name (column) (column)" })]
    [InlineData(new[] { "Url", "url" }, new[] { "Url (column)", "url (column 2)" })]
    [InlineData(new[] { "Notes", "Url" }, new[] { "Notes", "Url (column)" })]
    public void OfCaseTwinsTheFirstInOrdinalOrderKeepsItsName(string[] columns, string[] shown) => Assert.Equal(shown, ColumnNames.OutputNames(columns));

    [Theory]
    [InlineData("Name", "Name")]
    [InlineData("name (column)", "name")]
    [InlineData("NAME", null)]
    [InlineData("url (column 2)", "url")]
    [InlineData("Url (column)", "Url")]
    public void ARenamedCaseTwinMapsBackToItsColumn(string input, string? column)
    {
        var columns = new[] { "name", "Name", "Url", "url" };

        Assert.Equal(column, RowMapping.FindColumn(columns.ToDictionary(name => name, _ => "rich_text"), ColumnNames.ColumnFor(input, new[] { input }, false, columns) ?? string.Empty));
    }
}
