using System;
using System.Collections;
using System.Management.Automation;
using NotionPS.Cmdlets;
using NotionPS.Ids;
using Xunit;

namespace NotionPS.Tests.Cmdlets;

/// <summary>What New-NotionPage's -ParentId makes of each kind of input: which object, and what kind it says it is.</summary>
public class ParentBindTests
{
    private const string DatabaseId = "1a2b3c4d-5e6f-47a8-b9c0-d1e2f3a4b5c6";
    private const string DataSourceId = "2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d";
    private const string PageId = "92a3b4c5-d6e7-4f18-86d7-e8f9a0b1c2d3";

    public static TheoryData<object, string, string> Inputs() => new()
    {
        { DatabaseId, DatabaseId, nameof(PageParentKind.Unknown) },
        { "https://www.notion.so/acme/Tasks-1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6?v=aaaabbbbccccddddeeeeffff00001111&p=92a3b4c5d6e74f1886d7e8f9a0b1c2d3", PageId, nameof(PageParentKind.Page) },
        { new NotionDataSource(DataSourceId, "Tasks", DatabaseId), DataSourceId, nameof(PageParentKind.DataSource) },
        { new Hashtable { ["DatabaseId"] = DatabaseId }, DatabaseId, nameof(PageParentKind.Database) },
        { new Hashtable { ["PageId"] = PageId, ["DataSourceId"] = DataSourceId, ["DatabaseId"] = DatabaseId }, PageId, nameof(PageParentKind.Page) },
        { new Hashtable { ["Url"] = "https://www.notion.so/Meeting-Notes-92a3b4c5d6e74f1886d7e8f9a0b1c2d3" }, PageId, nameof(PageParentKind.Unknown) },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void ReadsTheParentAndItsKind(object input, string id, string kind)
    {
        var bind = new NotionParentBind(PSObject.AsPSObject(input));

        Assert.Null(bind.Rejection);
        Assert.Equal(Guid.Parse(id), Guid.Parse(bind.Parent!.Id));
        Assert.Equal(kind, bind.Parent!.Kind.ToString());
    }

    [Fact]
    public void AnObjectWithoutAnIdIsRejectedWithWhatToPass()
    {
        var bind = new NotionParentBind(PSObject.AsPSObject(new Hashtable { ["Name"] = "x" }));

        Assert.Null(bind.Parent);
        Assert.Contains("PageId, DataSourceId, DatabaseId", bind.Rejection, StringComparison.Ordinal);
    }
}
