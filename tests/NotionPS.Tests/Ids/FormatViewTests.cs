using System.IO;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Xml.Linq;
using Xunit;

namespace NotionPS.Tests.Ids;

/// <summary>
/// The table view for NotionDatabaseId: the staged format file is loaded as the engine would load it,
/// then the view is read from it.
/// </summary>
public class FormatViewTests
{
    private static readonly string FormatPath = Path.Combine(TestPaths.RepoRoot, "out", "NotionPS", "NotionPS.format.ps1xml");

    [Fact]
    public void FormatFileLoadsIntoTheEngine()
    {
        var exception = Record.Exception(() => new FormatTable([FormatPath]));

        Assert.Null(exception);
    }

    [Fact]
    public void NotionDatabaseIdHasATableViewOfItsIdAndItsTitleInTheRestOfTheWidth()
    {
        var view = XDocument.Load(FormatPath).Descendants("View")
            .Single(candidate => candidate.Element("ViewSelectedBy")?.Element("TypeName")?.Value == typeof(NotionDatabaseId).FullName);

        var columns = view.Descendants("TableColumnItem").Select(item => item.Element("PropertyName")?.Value);
        Assert.Equal(["DatabaseId", "Title"], columns);
        Assert.All(columns, name => Assert.NotNull(typeof(NotionDatabaseId).GetProperty(name!)));
        Assert.Null(view.Descendants("TableColumnHeader").Last().Element("Width"));
    }
}
