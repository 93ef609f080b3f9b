using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// How rows show at the prompt: each data source's rows are typed NotionPS.Row#&lt;data source ID&gt;, whose
/// display set (the columns) is registered once per command with Update-TypeData, or carried by each row
/// where that cmdlet is missing or refuses.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class RowDisplayTests(EmulatorFixture emulator) : RowsTestBase(emulator)
{
    private static string[] Shown(PSObject row) =>
        ((PSPropertySet)((PSMemberSet)row.Members["PSStandardMembers"].Value).Members["DefaultDisplayPropertySet"]).ReferencedPropertyNames.ToArray();

    /// <summary>A session with the Update-TypeData double, connected under the latest version.</summary>
    private ModuleSession ConnectedWithUpdateTypeData()
    {
        var session = Emulator.Prepared(new ModuleSession());
        UpdateTypeDataDouble.ImportInto(session);
        Connect("2026-03-11", session);
        return session;
    }

    private static List<string> TypeDataCalls(ModuleSession session) => session.Run("$TypeDataCalls").Output.Select(o => (string)o.BaseObject).ToList();

    private static bool CarriesItsOwnDisplaySet(PSObject row) => row.Members.Match("PSStandardMembers", PSMemberTypes.MemberSet).Count > 0;

    [Theory]
    [MemberData(nameof(Versions))]
    public void WithoutUpdateTypeDataEachRowCarriesItsColumnsAsItsDisplaySet(string version)
    {
        Connect(version);

        var result = Session.Run("Get-NotionDatabaseRow -DatabaseId $id", new Dictionary<string, object?> { ["id"] = TasksId });

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
    public void WithUpdateTypeDataTheDisplaySetIsRegisteredOncePerDataSourceAndNotCarried()
    {
        using var session = ConnectedWithUpdateTypeData();

        // Projects has two data sources, each with its own rows.
        var result = session.Run("(Get-NotionDatabase $id).DataSources | Get-NotionDatabaseRow", new Dictionary<string, object?> { ["id"] = ProjectsId });
        var calls = TypeDataCalls(session);

        Assert.Empty(result.Errors);
        Assert.True(result.Output.Count > 2, $"only {result.Output.Count} rows");
        Assert.All(result.Output, row => Assert.False(CarriesItsOwnDisplaySet(row)));
        var dataSources = result.Output.Select(row => (string)row.Properties["DataSourceId"].Value).Distinct().ToList();
        Assert.Equal(2, dataSources.Count);
        Assert.Equal(dataSources.Select(id => "NotionPS.Row#" + id), calls.Select(call => call.Split('=')[0]));
        var columns = calls[0].Split('=')[1].Split(',');
        Assert.Contains("Name", columns);
        Assert.DoesNotContain("PageId", columns);
    }

    [Fact]
    public void WhereUpdateTypeDataRefusesTheRowsCarryTheirDisplaySetAndNoErrorIsWritten()
    {
        using var session = ConnectedWithUpdateTypeData();
        session.Run("$RefuseTypeData = $true");

        var result = session.Run("Get-NotionDatabaseRow -DatabaseId $id", new Dictionary<string, object?> { ["id"] = TasksId });

        Assert.Empty(result.Errors);
        Assert.NotEmpty(result.Output);
        Assert.All(result.Output, row => Assert.True(CarriesItsOwnDisplaySet(row)));
        Assert.Contains("Name", Shown(result.Output[0]));
    }

    [Fact]
    public void RegisteringTouchesNoVariableOfTheCallerAndIgnoresItsWhatIfPreference()
    {
        using var session = ConnectedWithUpdateTypeData();

        var result = session.Run(
            "$TypeName = 'mine'; $Columns = 'Name', 'Due'; $WhatIfPreference = $true; $null = Get-NotionDatabaseRow -DatabaseId $id; $WhatIfPreference = $false; $TypeName; $Columns; $TypeDataCalls.Count",
            new Dictionary<string, object?> { ["id"] = TasksId });

        Assert.Empty(result.Errors);
        Assert.Equal(new object[] { "mine", "Name", "Due", 1 }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void AddedRowsShowTheSameWay()
    {
        using var session = ConnectedWithUpdateTypeData();

        var result = session.Run("@{ Name = 'One' }, @{ Name = 'Two' } | Add-NotionDatabaseRow -DatabaseId $id", new Dictionary<string, object?> { ["id"] = TasksId });
        var calls = TypeDataCalls(session);

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Output.Count);
        Assert.All(result.Output, row => Assert.False(CarriesItsOwnDisplaySet(row)));
        Assert.Equal("NotionPS.Row#" + result.Output[0].Properties["DataSourceId"].Value, Assert.Single(calls).Split('=')[0]);
    }
}
