using System.Linq;
using System.Xml.Linq;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// The views of pages, schemas and schema columns: which columns the format file gives them, and what the prompt
/// shows once the engine renders them (the script-block columns can only be checked that way).
/// </summary>
[Collection(EmulatorCollection.Name)]
public class PageAndSchemaFormatViewTests : RowsTestBase
{
    private static readonly XDocument Format = XDocument.Load(System.IO.Path.Combine(TestPaths.RepoRoot, "out", "NotionPS", "NotionPS.format.ps1xml"));

    public PageAndSchemaFormatViewTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private static XElement ViewOf(string typeName) =>
        Format.Descendants("View").Single(view => view.Element("ViewSelectedBy")?.Element("TypeName")?.Value == typeName);

    [Fact]
    public void APageFormatViewIsATableOfTitleIdParentTypeAndLastEdit()
    {
        var columns = ViewOf(typeof(NotionPage).FullName!).Descendants("TableColumnItem").Select(item => item.Element("PropertyName")?.Value).ToList();

        Assert.Equal(["Title", "PageId", "ParentType", "LastEditedTime"], columns);
        Assert.All(columns, name => Assert.NotNull(typeof(NotionPage).GetProperty(name!)));
    }

    [Fact]
    public void ASchemaFormatViewIsAListWithOneColumnALineAndAColumnIsATableRow()
    {
        var schemaView = ViewOf(typeof(NotionDatabaseSchema).FullName!);
        var columnView = ViewOf(typeof(NotionSchemaColumn).FullName!);

        Assert.NotNull(schemaView.Element("ListControl"));
        Assert.Equal(["Title", "DatabaseId", "DataSourceId", "Columns"],
            schemaView.Descendants("ListItem").Select(item => item.Element("PropertyName")?.Value ?? item.Element("Label")?.Value));
        Assert.Equal(["Name", "Type", "Id", "Settings"], columnView.Descendants("TableColumnHeader").Select(header => header.Element("Label")?.Value));
    }

    [Fact]
    public void AtThePromptPagesSchemasAndColumnsReadWellThroughTheirFormatViews()
    {
        Connect("2026-03-11");

        var shown = Session.Run(
            """
            $database = New-NotionDatabase -ParentId $teamHome -Title 'Format view' -Property ([ordered]@{
                Stage = @{ Type = 'select'; Options = 'Planned', 'Shipped (green)' }
                Price = @{ Type = 'number'; NumberFormat = 'euro' }
            })
            $schema = Get-NotionDatabaseSchema -DatabaseId $database.DatabaseId
            $page = Get-NotionPage -PageId $teamHome
            ($page | Out-String -Width 200), ($schema | Out-String -Width 200), ($schema.Columns | Out-String -Width 200)
            """,
            Vars(("teamHome", TeamHomeId)));

        Assert.Empty(shown.Errors);
        var (page, schema, columns) = (shown.Output[0].ToString(), shown.Output[1].ToString(), shown.Output[2].ToString());
        var pageHeader = page.Split('\n').Select(line => line.Trim()).First(line => line.Length > 0);
        Assert.Matches(@"^Title\s+PageId\s+ParentType\s+LastEditedTime$", pageHeader);
        Assert.Contains(TeamHomeId, page);
        Assert.Matches(@"Columns\s+:\s+Name \(title\)\s*\r?\n\s+Stage \(select\)\s*\r?\n\s+Price \(number\)", schema);
        Assert.Matches(@"Stage\s+select\s+\S+\s+Planned, Shipped", columns);
        Assert.Matches(@"Price\s+number\s+\S+\s+euro", columns);
        Assert.DoesNotContain("RollupFunction", columns);
    }
}
