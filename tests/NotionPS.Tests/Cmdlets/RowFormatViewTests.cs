using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace NotionPS.Tests.Cmdlets;

/// <summary>
/// The table views of the database types, read from the staged format file. Rows have no view on
/// purpose: their columns differ per database, so each row names its own default display set.
/// </summary>
public class RowFormatViewTests
{
    private static readonly XDocument Format = XDocument.Load(Path.Combine(TestPaths.RepoRoot, "out", "NotionPS", "NotionPS.format.ps1xml"));

    private static XElement ViewOf(string typeName) =>
        Format.Descendants("View").Single(view => view.Element("ViewSelectedBy")?.Element("TypeName")?.Value == typeName);

    [Fact]
    public void ADatabaseShowsItsTitleIdDataSourcesAndLastEdit()
    {
        var headers = ViewOf(typeof(NotionDatabase).FullName!).Descendants("TableColumnHeader").Select(header => header.Element("Label")?.Value);

        Assert.Equal(["Title", "DatabaseId", "DataSources", "LastEditedTime"], headers);
    }

    [Fact]
    public void AColumnShowsItsNameTypeAndOptions()
    {
        var headers = ViewOf(typeof(NotionDatabaseProperty).FullName!).Descendants("TableColumnHeader").Select(header => header.Element("Label")?.Value);

        Assert.Equal(["Name", "Type", "Options"], headers);
    }

    [Fact]
    public void RowsHaveNoFixedView() =>
        Assert.DoesNotContain(Format.Descendants("TypeName"), typeName => typeName.Value == "NotionPS.Row");
}
