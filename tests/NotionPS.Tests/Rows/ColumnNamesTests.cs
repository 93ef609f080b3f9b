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

        Assert.Equal(column, ColumnNames.ColumnFor(input, names, isRow));
    }
}
