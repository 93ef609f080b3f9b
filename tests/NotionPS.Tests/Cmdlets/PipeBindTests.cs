using System;
using System.Collections;
using System.Management.Automation;
using System.Text.Json;
using NotionPS.Cmdlets;
using NotionPS.Ids;
using NotionPS.Rows;
using Xunit;

namespace NotionPS.Tests.Cmdlets;

/// <summary>What the database and page pipe binds make of each kind of input, and that none of them throws.</summary>
public class PipeBindTests
{
    private const string DatabaseId = "1a2b3c4d-5e6f-47a8-b9c0-d1e2f3a4b5c6";
    private const string DataSourceId = "2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d";
    private const string PageId = "92a3b4c5-d6e7-4f18-86d7-e8f9a0b1c2d3";
    private const string TasksLink = "https://www.notion.so/acme/Tasks-1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6?v=aaaabbbbccccddddeeeeffff00001111";

    private static PSObject Row()
    {
        using var document = JsonDocument.Parse("""
            {"object":"page","id":"PAGEID","url":"https://www.notion.so/Buy-milk-92a3b4c5d6e74f1886d7e8f9a0b1c2d3","created_time":"2026-01-01T10:00:00.000Z","last_edited_time":"2026-01-02T10:00:00.000Z",
             "parent":{"type":"data_source_id","data_source_id":"DATASOURCEID","database_id":"DATABASEID"},
             "properties":{"Name":{"id":"title","type":"title","title":[{"plain_text":"Buy milk"}]}}}
            """.Replace("PAGEID", PageId).Replace("DATASOURCEID", DataSourceId).Replace("DATABASEID", DatabaseId));
        return PSObject.AsPSObject(RowObjects.ToOutput(PageRow.From(document.RootElement), "NotionPS.Row#" + DataSourceId, carriesDisplaySet: false));
    }

    private static PSObject Custom(params (string Name, object? Value)[] properties)
    {
        var custom = new PSObject();
        foreach (var (name, value) in properties)
        {
            custom.Properties.Add(new PSNoteProperty(name, value));
        }

        return custom;
    }

    private static void AssertDatabase(NotionDatabaseBind bind, string databaseId)
    {
        Assert.Null(bind.Rejection);
        Assert.Equal(databaseId, bind.Target!.DatabaseId);
        Assert.Null(bind.Target.DataSourceId);
    }

    private static void AssertRejected(NotionDatabaseBind bind, string expectedText)
    {
        Assert.Null(bind.Target);
        Assert.Contains(expectedText, bind.Rejection);
    }

    [Theory]
    [InlineData(DatabaseId)]
    [InlineData("1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6")]
    [InlineData(TasksLink)]
    public void AnIdOrLinkIsTheDatabaseReadOnce(string input)
    {
        var bind = new NotionDatabaseBind(input);

        AssertDatabase(bind, DatabaseId);
        Assert.Same(input, bind.Input);
        Assert.Equal(DatabaseId, bind.ToString());
    }

    [Theory]
    [InlineData("bad", "'bad' is not a Notion link or ID")]
    [InlineData("", "No URL or ID was given")]
    [InlineData(null, "No URL or ID was given")]
    [InlineData("https://www.notion.so/acme/Tasks?v=aaaabbbbccccddddeeeeffff00001111", "holds only a view ID")]
    [InlineData("1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6 2b3c4d5e6f704a819c0d1e2f3a4b5c6d", "holds 2 IDs")]
    public void ABadStringIsRejectedWithTheParsersMessageAndNothingIsThrown(string? input, string expectedText)
    {
        var bind = new NotionDatabaseBind(input);

        AssertRejected(bind, expectedText);
        Assert.Equal(input, bind.Input);
    }

    [Fact]
    public void AWrappedStringIsTheStringItself()
    {
        var bind = new NotionDatabaseBind(new PSObject(DatabaseId));

        AssertDatabase(bind, DatabaseId);
        Assert.Equal(DatabaseId, Assert.IsType<string>(bind.Input));
    }

    [Fact]
    public void TheModulesOwnObjectsNameTheirDatabase()
    {
        AssertDatabase(new NotionDatabaseBind(new NotionDatabaseId(DatabaseId, null, null, TasksLink)), DatabaseId);
        AssertDatabase(new NotionDatabaseBind(new NotionDatabase(DatabaseId, "Tasks", null, null, null, Array.Empty<NotionDataSource>())), DatabaseId);
        AssertDatabase(new NotionDatabaseBind(new PSObject(new NotionDatabaseId(DatabaseId, null, null, TasksLink))), DatabaseId);
    }

    [Fact]
    public void ADataSourceIsExactAndKeepsItsDatabase()
    {
        var bind = new NotionDatabaseBind(new NotionDataSource(DataSourceId, "Tasks", DatabaseId));

        Assert.Equal((DatabaseId, DataSourceId), (bind.Target!.DatabaseId, bind.Target.DataSourceId));
        Assert.Equal(DataSourceId, bind.ToString());
    }

    [Fact]
    public void ARowNamesItsDataSourceNotThePageItsUrlLinksTo()
    {
        var row = Row();

        var bind = new NotionDatabaseBind(row);

        Assert.Equal((DatabaseId, DataSourceId), (bind.Target!.DatabaseId, bind.Target.DataSourceId));
        Assert.Same(row, bind.Input);
    }

    [Theory]
    [InlineData("Link")]
    [InlineData("Href")]
    [InlineData("Url")]
    [InlineData("DatabaseId")]
    public void AnObjectWithALinkOrIdPropertyNamesTheDatabase(string property)
    {
        AssertDatabase(new NotionDatabaseBind(Custom((property, TasksLink))), DatabaseId);
    }

    [Fact]
    public void AnEmptyDataSourceColumnOfACsvRowFallsThroughToItsDatabase()
    {
        AssertDatabase(new NotionDatabaseBind(Custom(("DataSourceId", ""), ("DatabaseId", DatabaseId))), DatabaseId);
    }

    [Fact]
    public void ABadDataSourceIdIsRejectedEvenBesideAGoodDatabase()
    {
        AssertRejected(new NotionDatabaseBind(Custom(("DataSourceId", "nope"), ("DatabaseId", DatabaseId))), "'nope' is not a Notion link or ID");
    }

    [Fact]
    public void AnObjectWithNoneOfThePropertiesIsRejectedByItsType()
    {
        AssertRejected(new NotionDatabaseBind(Custom(("Title", "Tasks"))), "An object of type System.Management.Automation.PSCustomObject has no DatabaseId, DataSourceId, Url, Link or Href property");
    }

    [Fact]
    public void AHashtableIsReadByItsKeysInAnyCase()
    {
        var bind = (NotionDatabaseBind)LanguagePrimitives.ConvertTo(new Hashtable { ["databaseid"] = DatabaseId }, typeof(NotionDatabaseBind));

        AssertDatabase(bind, DatabaseId);
        Assert.IsType<Hashtable>(bind.Input);
    }

    [Fact]
    public void PowerShellConvertsValuesNoConstructorTakes()
    {
        AssertDatabase((NotionDatabaseBind)LanguagePrimitives.ConvertTo(Guid.Parse(DatabaseId), typeof(NotionDatabaseBind)), DatabaseId);
        AssertRejected((NotionDatabaseBind)LanguagePrimitives.ConvertTo(42, typeof(NotionDatabaseBind)), "'42' is not a Notion link or ID");
        AssertRejected((NotionDatabaseBind)LanguagePrimitives.ConvertTo(new object(), typeof(NotionDatabaseBind)), "An object of type System.Object has no");
    }

    [Fact]
    public void ADataSourceIdStringIsADataSourceWithoutItsDatabase()
    {
        var bind = NotionDatabaseBind.ForDataSourceId(DataSourceId);

        Assert.Equal((null, DataSourceId), (bind.Target!.DatabaseId, bind.Target.DataSourceId));
        AssertRejected(NotionDatabaseBind.ForDataSourceId("bad"), "'bad' is not a Notion link or ID");
    }

    [Fact]
    public void ATargetNeedsAnId()
    {
        Assert.Throws<ArgumentException>(() => DatabaseTarget.Database(string.Empty));
        Assert.Equal(DataSourceId, DatabaseTarget.DataSource(DataSourceId, DatabaseId).ToString());
        Assert.Equal(DatabaseId, DatabaseTarget.Database(DatabaseId).ToString());
    }

    [Fact]
    public void APageIdOrLinkIsThePage()
    {
        Assert.Equal(PageId, new NotionPageBind(PageId.Replace("-", string.Empty)).PageId);
        Assert.Equal(PageId, new NotionPageBind("https://www.notion.so/Buy-milk-92a3b4c5d6e74f1886d7e8f9a0b1c2d3").PageId);
    }

    [Fact]
    public void APeekLinkNamesTheRowOpenInIt()
    {
        var bind = new NotionPageBind(TasksLink + "&p=92a3b4c5d6e74f1886d7e8f9a0b1c2d3");

        Assert.Equal(PageId, bind.PageId);
    }

    [Fact]
    public void ARowIsItsPageAndKnowsItsDataSource()
    {
        var bind = new NotionPageBind(Row());

        Assert.Equal((PageId, DataSourceId), (bind.PageId, bind.DataSourceId));
        Assert.Null(bind.Rejection);
    }

    [Fact]
    public void APageObjectIsReadByPageIdThenId()
    {
        Assert.Equal(PageId, new NotionPageBind(Custom(("Id", PageId), ("Url", TasksLink))).PageId);
        Assert.Equal(PageId, ((NotionPageBind)LanguagePrimitives.ConvertTo(new Hashtable { ["PAGEID"] = PageId }, typeof(NotionPageBind))).PageId);
    }

    [Theory]
    [InlineData("bad", "'bad' is not a Notion link or ID")]
    [InlineData(null, "No URL or ID was given")]
    public void ABadPageIsRejectedAndNothingIsThrown(string? input, string expectedText)
    {
        var bind = new NotionPageBind(input);

        Assert.Null(bind.PageId);
        Assert.Contains(expectedText, bind.Rejection);
        Assert.Contains("has no PageId, Id, Url, Link or Href property", new NotionPageBind(Custom(("Title", "x"))).Rejection);
    }
    [Theory]
    [InlineData(PageId, nameof(PageParentKind.Unknown), PageId)]
    [InlineData(TasksLink, nameof(PageParentKind.Database), DatabaseId)]
    [InlineData(TasksLink + "&p=92a3b4c5d6e74f1886d7e8f9a0b1c2d3&pm=s", nameof(PageParentKind.Page), PageId)]
    public void AParentGivenAsTextHasTheKindItsLinkSays(string input, string kind, string id)
    {
        var parent = new NotionParentBind(input).Parent!;

        Assert.Equal((kind, id), (parent.Kind.ToString(), parent.Id));
    }

    [Fact]
    public void AParentGivenAsAnObjectHasItsKindAndARowIsAPage()
    {
        var dataSource = new NotionParentBind(PSObject.AsPSObject(new Hashtable { ["DataSourceId"] = DataSourceId, ["DatabaseId"] = DatabaseId })).Parent!;
        var database = new NotionParentBind(Custom(("DatabaseId", DatabaseId))).Parent!;
        var row = new NotionParentBind(Row()).Parent!;

        Assert.Equal((PageParentKind.DataSource, DataSourceId), (dataSource.Kind, dataSource.Id));
        Assert.Equal((PageParentKind.Database, DatabaseId), (database.Kind, database.Id));
        Assert.Equal((PageParentKind.Page, PageId), (row.Kind, row.Id));
    }

    [Fact]
    public void AParentThatNamesNothingKeepsItsRejection()
    {
        var bind = new NotionParentBind(Custom(("Name", "x")));

        Assert.Null(bind.Parent);
        Assert.Contains("has no PageId, DataSourceId, DatabaseId", bind.Rejection);
    }
}
