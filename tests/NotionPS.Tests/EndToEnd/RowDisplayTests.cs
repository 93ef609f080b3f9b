using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// How rows show at the prompt: each data source's rows are typed NotionPS.Row#&lt;data source ID&gt;, whose
/// display set (the columns) is registered with the real Update-TypeData, or carried by each row in a host
/// that lacks that cmdlet.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class RowDisplayTests(EmulatorFixture emulator) : RowsTestBase(emulator)
{
    private static string[] Shown(PSObject row) =>
        ((PSPropertySet)((PSMemberSet)row.Members["PSStandardMembers"].Value).Members["DefaultDisplayPropertySet"]).ReferencedPropertyNames.ToArray();

    /// <summary>The display set the session holds for a row type (registered by Update-TypeData), or null.</summary>
    private string[]? RegisteredDisplaySet(string typeName) =>
        Session.Run("(Get-TypeData -TypeName $name).DefaultDisplayPropertySet.ReferencedProperties", new Dictionary<string, object?> { ["name"] = typeName })
            .Output.Select(o => (string)o.BaseObject).ToArray() is { Length: > 0 } names ? names : null;

    private static bool CarriesItsOwnDisplaySet(PSObject row) => row.Members.Match("PSStandardMembers", PSMemberTypes.MemberSet).Count > 0;

    [Theory]
    [MemberData(nameof(Versions))]
    public void WithoutUpdateTypeDataEachRowCarriesItsColumnsAsItsDisplaySet(string version)
    {
        using var bare = Emulator.Prepared(ModuleSession.WithoutUpdateTypeData());
        Connect(version, bare);

        var result = bare.Run("Get-NotionDatabaseRow -DatabaseId $id", new Dictionary<string, object?> { ["id"] = TasksId });

        Assert.Empty(result.Errors);
        var row = result.Output.First();
        var dataSourceId = (string)row.Properties["DataSourceId"].Value;
        Assert.Equal(new[] { "NotionPS.Row#" + dataSourceId, "NotionPS.Row" }, row.TypeNames.Take(2));
        Assert.All(result.Output, each => Assert.True(CarriesItsOwnDisplaySet(each)));
        Assert.Contains("Name", Shown(row));
        Assert.Contains("Status", Shown(row));
        Assert.DoesNotContain("PageId", Shown(row));
        Assert.DoesNotContain("DataSourceId", Shown(row));
    }

    [Fact]
    public void WithUpdateTypeDataTheDisplaySetIsRegisteredPerDataSourceAndNotCarried()
    {
        Connect("2026-03-11");

        // Projects has two data sources, each with its own rows.
        var result = Session.Run("(Get-NotionDatabase $id).DataSources | Get-NotionDatabaseRow", new Dictionary<string, object?> { ["id"] = ProjectsId });

        Assert.Empty(result.Errors);
        Assert.True(result.Output.Count > 2, $"only {result.Output.Count} rows");
        Assert.All(result.Output, row => Assert.False(CarriesItsOwnDisplaySet(row)));
        var dataSources = result.Output.Select(row => (string)row.Properties["DataSourceId"].Value).Distinct().ToList();
        Assert.Equal(2, dataSources.Count);
        Assert.All(dataSources, id => Assert.NotNull(RegisteredDisplaySet("NotionPS.Row#" + id)));
        var columns = RegisteredDisplaySet("NotionPS.Row#" + dataSources[0])!;
        Assert.Contains("Name", columns);
        Assert.DoesNotContain("PageId", columns);
    }

    [Fact]
    public void RegisteringTouchesNoVariableOfTheCallerAndIgnoresItsWhatIfPreference()
    {
        Connect("2026-03-11");

        var result = Session.Run(
            "$TypeName = 'mine'; $Columns = 'Name', 'Due'; $WhatIfPreference = $true; $rows = Get-NotionDatabaseRow -DatabaseId $id; $WhatIfPreference = $false; $TypeName; $Columns; $rows[0].PSObject.TypeNames[0]",
            new Dictionary<string, object?> { ["id"] = TasksId });

        Assert.Empty(result.Errors);
        Assert.Equal(new object[] { "mine", "Name", "Due" }, result.Output.Take(3).Select(o => o.BaseObject));
        Assert.Contains("Name", RegisteredDisplaySet((string)result.Output[3].BaseObject) ?? []);
    }

    [Fact]
    public void AddedRowsShowTheSameWay()
    {
        Connect("2026-03-11");

        var result = Session.Run("@{ Name = 'One' }, @{ Name = 'Two' } | Add-NotionDatabaseRow -DatabaseId $id", new Dictionary<string, object?> { ["id"] = TasksId });

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Output.Count);
        Assert.All(result.Output, row => Assert.False(CarriesItsOwnDisplaySet(row)));
        Assert.Contains("Name", RegisteredDisplaySet("NotionPS.Row#" + result.Output[0].Properties["DataSourceId"].Value) ?? []);
    }

    /// <summary>
    /// Notion lists a page's title anywhere among its properties (its own examples list it last); a row of five columns or
    /// more shows as a list at the prompt, whose first line should say which row it is.
    /// </summary>
    [Fact]
    public async Task ARowShowsItsTitleFirstWhereverThePageListsIt()
    {
        var (_, dataSourceId) = await NewDatabaseAsync("Title last", (_, _) => new JsonObject
        {
            ["Estimate"] = new JsonObject { ["type"] = "number" },
            ["Notes"] = new JsonObject { ["type"] = "rich_text" },
            ["Done"] = new JsonObject { ["type"] = "checkbox" },
            ["Link"] = new JsonObject { ["type"] = "url" },
            ["Task"] = new JsonObject { ["type"] = "title" },
        });
        var pageId = (await SeedRowsAsync(dataSourceId, new[] { new JsonObject { ["properties"] = new JsonObject { ["Task"] = "Write the report", ["Estimate"] = 2, ["Notes"] = "n" } } }))[0];
        Connect("2026-03-11");
        var pageOrder = ((JsonObject)(await ApiGetAsync("v1/pages/" + pageId, "2026-03-11"))["properties"]!).Select(property => property.Key).ToList();

        var result = Session.Run(
            "Get-NotionDatabaseRow -DataSourceId $ds | Out-String -Width 80",
            Vars(("ds", dataSourceId)));

        Assert.Empty(result.Errors);
        Assert.NotEqual("Task", pageOrder[0]);
        var lines = Assert.Single(result.Output).BaseObject.ToString()!.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        Assert.StartsWith("Task", lines[0]);
        Assert.Contains("Write the report", lines[0]);
        Assert.Equal(new[] { "Task", "Estimate", "Notes", "Done", "Link" }, RegisteredDisplaySet("NotionPS.Row#" + dataSourceId));
    }
}
