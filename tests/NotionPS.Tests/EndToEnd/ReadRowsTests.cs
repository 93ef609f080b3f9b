using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>Find-NotionDatabase, Get-NotionDatabase and Get-NotionDatabaseRow against the emulator's demo workspace.</summary>
[Collection(EmulatorCollection.Name)]
public class ReadRowsTests : RowsTestBase
{
    public ReadRowsTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void FindsDatabasesByTitleWithTheirDataSources(string version)
    {
        Connect(version);

        var result = Session.Run("Find-NotionDatabase Tasks");

        Assert.Empty(result.Errors);
        var tasks = Assert.Single(result.OutputOf<NotionDatabase>(), database => database.DatabaseId == TasksId);
        Assert.Equal("Tasks", tasks.Title);
        Assert.Single(tasks.DataSources);
    }

    [Theory]
    [InlineData("2026-03-11", 2)]
    [InlineData("2025-09-03", 2)]
    [InlineData("2022-06-28", 1)]
    public async Task GetsTheSchemaOfEachDataSource(string version, int requests)
    {
        Connect(version);
        var before = (int)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["requests"]!;

        var database = Assert.Single(Session.Run("Get-NotionDatabase $id", new Dictionary<string, object?> { ["id"] = TasksId }).OutputOf<NotionDatabase>());

        // The database, then its data source's schema; under 2022-06-28 the database carries its schema itself.
        Assert.Equal(requests, (int)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["requests"]! - before);

        var columns = database.DataSources.Single().Properties;
        Assert.Equal("select", columns.Single(c => c.Name == "Priority").Type);
        Assert.Contains("High", columns.Single(c => c.Name == "Priority").Options);
        Assert.Equal("formula", columns.Single(c => c.Name == "Score").Type);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void RowsArePlainValuesNamedNotionPSRow(string version)
    {
        Connect(version);

        var result = Session.Run("Get-NotionDatabaseRow -DatabaseId $id", new Dictionary<string, object?> { ["id"] = TasksId });

        Assert.Empty(result.Errors);
        Assert.True(result.Output.Count >= 10, $"only {result.Output.Count} rows");
        var row = result.Output.Single(r => (string)r.Properties["Name"].Value == "Write the quick-start guide");
        Assert.Equal("NotionPS.Row", row.TypeNames[1]);
        Assert.Equal("e1000000-0000-4000-8000-000000000001", row.Properties["PageId"].Value);
        Assert.Equal(TasksId, row.Properties["DatabaseId"].Value);
        Assert.Equal("In progress", row.Properties["Status"].Value);
        Assert.Contains("docs", Assert.IsType<MultiValue>(row.Properties["Tags"].Value));
        Assert.IsType<bool>(row.Properties["Done"].Value);
        Assert.Equal(AdaId, Assert.IsType<NotionUserList>(row.Properties["Owner"].Value)[0].Id);
        Assert.IsType<MultiValue>(row.Properties["Related"].Value);
        Assert.Equal(new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc), Unwrapped(row.Properties["Created"].Value));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void ARowAtThePromptShowsItsColumnsAsPlainValuesAndNoIds(string version)
    {
        var host = new TextCaptureHost();
        using var console = Emulator.NewSession(host);
        Connect(version, console);

        var result = console.Run("Get-NotionDatabaseRow -DatabaseId $id -First 1 | Out-Default; Disconnect-NotionIntegration", new Dictionary<string, object?> { ["id"] = TasksId });

        Assert.Empty(result.Errors);
        // The engine colours list labels with ANSI escapes, as a terminal shows them.
        var lines = Regex.Replace(host.Text, "\u001b\\[[0-9;]*m", string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var shown = lines.Select(line => line.Split(" : ", 2)).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0].Trim(), pair => pair[1]);
        Assert.Equal(
            new[] { "Name", "Status", "Priority", "Tags", "Due", "Done", "Estimate", "Notes", "Link", "Email", "Phone", "Owner", "Related", "Score", "Total", "Created", "Edited" },
            shown.Keys);
        Assert.Equal("Write the quick-start guide", shown["Name"]);
        Assert.Equal("{docs}", shown["Tags"]);
        Assert.Equal("{Ada Lovelace}", shown["Owner"]);
        Assert.Equal("False", shown["Done"]);
        Assert.StartsWith("{e1000000-", shown["Related"]);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void PagesWithFirstAndSkip(string version)
    {
        Connect(version);
        var variables = new Dictionary<string, object?> { ["id"] = TasksId };
        var all = Session.Run("Get-NotionDatabaseRow -DatabaseId $id", variables).Output.Select(r => r.Properties["PageId"].Value).ToList();

        var page = Session.Run("Get-NotionDatabaseRow -DatabaseId $id -Skip 2 -First 3", variables).Output.Select(r => r.Properties["PageId"].Value).ToList();

        Assert.Equal(all.Skip(2).Take(3), page);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void FiltersInNotionsShapeAndInTheShortForm(string version)
    {
        Connect(version);
        var variables = new Dictionary<string, object?> { ["id"] = TasksId };

        var byFilter = Session.Run("Get-NotionDatabaseRow -DatabaseId $id -Filter @{ property = 'Priority'; select = @{ equals = 'High' } }", variables);
        var byWhere = Session.Run("Get-NotionDatabaseRow -DatabaseId $id -Where @{ priority = 'High' }", variables);

        Assert.Empty(byFilter.Errors);
        Assert.NotEmpty(byFilter.Output);
        Assert.All(byFilter.Output, row => Assert.Equal("High", row.Properties["Priority"].Value));
        Assert.Equal(byFilter.Output.Select(r => r.Properties["PageId"].Value), byWhere.Output.Select(r => r.Properties["PageId"].Value));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void SortsByAColumn(string version)
    {
        Connect(version);

        var names = Session.Run("Get-NotionDatabaseRow -DatabaseId $id -Sort Name", new Dictionary<string, object?> { ["id"] = TasksId })
            .Output.Select(r => (string)r.Properties["Name"].Value).ToList();

        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), names);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void RawGivesTheApisPageObjects(string version)
    {
        Connect(version);

        var result = Session.Run("Get-NotionDatabaseRow -DatabaseId $id -First 1 -Raw", new Dictionary<string, object?> { ["id"] = TasksId });

        var page = Assert.Single(result.Output);
        Assert.Equal("page", page.Properties["object"].Value);
        Assert.NotNull(page.Properties["properties"].Value);
    }

    [Theory]
    [MemberData(nameof(DataSourceVersions))]
    public void ADatabaseWithSeveralDataSourcesListsThem(string version)
    {
        Connect(version);

        var result = Session.Run("Get-NotionDatabaseRow -DatabaseId $id", new Dictionary<string, object?> { ["id"] = ProjectsId });

        var error = Assert.Single(result.Errors);
        Assert.Equal("NotionDatabaseHasSeveralDataSources,NotionPS.Cmdlets.GetNotionDatabaseRowCommand", error.FullyQualifiedErrorId);
        Assert.Contains("\"Active\" (6f708192-a3b4-4ec5-93a4-b5c6d7e8f9a0)", error.ErrorDetails.Message);
        Assert.Contains("\"Archive\"", error.ErrorDetails.Message);
        Assert.Contains("-DataSourceId", error.ErrorDetails.Message);
    }

    [Theory]
    [MemberData(nameof(DataSourceVersions))]
    public void ReadsOneOfSeveralDataSourcesByItsId(string version)
    {
        Connect(version);

        var result = Session.Run("Get-NotionDatabaseRow -DataSourceId 6f708192-a3b4-4ec5-93a4-b5c6d7e8f9a0");

        Assert.Empty(result.Errors);
        Assert.All(result.Output, row => Assert.Equal("6f708192-a3b4-4ec5-93a4-b5c6d7e8f9a0", row.Properties["DataSourceId"].Value));
    }

    [Fact]
    public void ABadOrUnknownDataSourceGetsOneErrorAndTheNextInputIsStillRead()
    {
        // By data source ID the first page is asked for along with the data source: a failed one must not
        // add a second error, nor keep the next input from being read.
        Connect("2026-03-11");
        const string script = """
            [pscustomobject]@{ DataSourceId = 'not an id' },
            [pscustomobject]@{ DataSourceId = '00000000-0000-4000-8000-00000000dead' },
            [pscustomobject]@{ DataSourceId = '6f708192-a3b4-4ec5-93a4-b5c6d7e8f9a0' } | Get-NotionDatabaseRow
            """;

        var result = Session.Run(script);

        Assert.Equal(
            new[] { "InvalidNotionUrl,NotionPS.Cmdlets.GetNotionDatabaseRowCommand", "NotionObjectNotFound,NotionPS.Cmdlets.GetNotionDatabaseRowCommand" },
            result.Errors.Select(error => error.FullyQualifiedErrorId));
        Assert.NotEmpty(result.Output);
        Assert.All(result.Output, row => Assert.Equal("6f708192-a3b4-4ec5-93a4-b5c6d7e8f9a0", row.Properties["DataSourceId"].Value));
    }

    [Fact]
    public void UnderTheLegacyVersionADatabaseWithSeveralDataSourcesNamesThemAndTheVersionThatReadsThem()
    {
        Connect("2022-06-28");
        var variables = new Dictionary<string, object?> { ["id"] = ProjectsId };

        var errors = new[]
        {
            Session.Run("Get-NotionDatabaseRow -DatabaseId $id", variables),
            Session.Run("Get-NotionDatabase $id", variables),
            Session.Run("try { @{ Name = 'New' } | Add-NotionDatabaseRow -DatabaseId $id } catch { $_ }", variables),
        }.Select(result => Assert.Single(result.Errors.Concat(result.Output.Select(o => o.BaseObject).OfType<ErrorRecord>()))).ToList();

        Assert.All(errors, error =>
        {
            Assert.StartsWith("NotionDatabaseHasSeveralDataSources,", error.FullyQualifiedErrorId);
            Assert.Contains("6f708192-a3b4-4ec5-93a4-b5c6d7e8f9a0, 708192a3-b4c5-4fd6-a4b5-c6d7e8f9a0b1", error.ErrorDetails.Message);
            Assert.Contains("-ApiVersion 2025-09-03", error.ErrorDetails.RecommendedAction);
        });
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task SixtyRelationValuesAreReadInFull(string version)
    {
        Connect(version);
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Hub " + version);
        var targets = await SeedRowsAsync(dataSourceId, Enumerable.Range(1, 60).Select(i => new JsonObject { ["properties"] = new JsonObject { ["Name"] = $"Target {i}" } }));

        var added = Session.Run("Add-NotionDatabaseRow -DatabaseId $db -InputObject @{ Name = 'Hub'; Related = $targets }", new Dictionary<string, object?> { ["db"] = databaseId, ["targets"] = targets.ToArray() });
        var read = Session.Run("Get-NotionDatabaseRow -DatabaseId $db -Where @{ Name = 'Hub' }", new Dictionary<string, object?> { ["db"] = databaseId });

        Assert.Empty(added.Errors);
        Assert.Equal(targets, Assert.IsType<MultiValue>(Assert.Single(added.Output).Properties["Related"].Value));
        Assert.Empty(read.Errors);
        Assert.Equal(targets, Assert.IsType<MultiValue>(Assert.Single(read.Output).Properties["Related"].Value));
    }

    /// <remarks>
    /// Once per query endpoint (data sources, and databases under 2022-06-28): the windows are the client's
    /// own logic, the same under every version, and each run takes some 300 queries of the emulator.
    /// </remarks>
    [Theory]
    [InlineData("2026-03-11")]
    [InlineData("2022-06-28")]
    public async Task TwentyFiveThousandRowsAreReadPastTheCapEachExactlyOnceButNotWithACustomSort(string version)
    {
        Connect(version);
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Past the cap " + version);
        var firstMinute = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        // Seven rows a minute over some 3,600 minutes: the cap cuts through a minute, whose rows the next window reads again.
        var seeded = await SeedRowsAsync(dataSourceId, Enumerable.Range(0, 25_000).Select(i => new JsonObject
        {
            ["createdTime"] = firstMinute.AddMinutes(i / 7).ToString("o", CultureInfo.InvariantCulture),
            ["properties"] = new JsonObject { ["Name"] = $"Row {i}", ["Estimate"] = i % 100 },
        }));
        var variables = new Dictionary<string, object?> { ["db"] = databaseId };

        var all = Session.Run("Get-NotionDatabaseRow -DatabaseId $db", variables);
        var sorted = Session.Run("Get-NotionDatabaseRow -DatabaseId $db -Sort Estimate", variables);

        Assert.Empty(all.Errors);
        var ids = all.Output.Select(row => (string)row.Properties["PageId"].Value).ToList();
        Assert.Equal(25_000, ids.Count);
        Assert.Equal(25_000, ids.Distinct().Count());
        Assert.Equal(seeded, ids);
        Assert.Equal(10_000, sorted.Output.Count);
        var error = Assert.Single(sorted.Errors);
        Assert.Equal("NotionQueryCapReached,NotionPS.Cmdlets.GetNotionDatabaseRowCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
        Assert.Contains("stopped after 10000 rows", error.Exception.Message);
        Assert.Contains("Leave out -Sort", error.Exception.Message);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void DatabasesAndTheirDataSourcesPipeIntoTheRowReader(string version)
    {
        Connect(version);
        var variables = new Dictionary<string, object?> { ["id"] = TasksId };
        var all = Session.Run("Get-NotionDatabaseRow -DatabaseId $id", variables).Output.Select(row => row.Properties["PageId"].Value).ToList();

        var fromFind = Session.Run("Find-NotionDatabase Tasks | Get-NotionDatabaseRow");
        var fromDataSource = Session.Run("(Get-NotionDatabase $id).DataSources | Get-NotionDatabaseRow", variables);

        Assert.True(all.Count >= 10, $"only {all.Count} rows");
        Assert.Empty(fromFind.Errors);
        Assert.Equal(all, fromFind.Output.Select(row => row.Properties["PageId"].Value));
        Assert.Empty(fromDataSource.Errors);
        Assert.Equal(all, fromDataSource.Output.Select(row => row.Properties["PageId"].Value));
    }

    [Theory]
    [MemberData(nameof(DataSourceVersions))]
    public void EachDataSourceOfADatabasePipesIntoTheRowReader(string version)
    {
        Connect(version);

        var fromDataSources = Session.Run("(Get-NotionDatabase $id).DataSources | Get-NotionDatabaseRow", new Dictionary<string, object?> { ["id"] = ProjectsId });

        Assert.Empty(fromDataSources.Errors);
        Assert.Equal(2, fromDataSources.Output.Select(row => row.Properties["DataSourceId"].Value).Distinct().Count());
    }

    [Fact]
    public void IncludeTotalCountCountsTheRows()
    {
        Connect("2026-03-11");
        var variables = new Dictionary<string, object?> { ["id"] = TasksId };
        var all = Session.Run("Get-NotionDatabaseRow -DatabaseId $id", variables).Output.Count;

        var result = Session.Run("Get-NotionDatabaseRow -DatabaseId $id -IncludeTotalCount", variables);

        var total = result.Output.Last();
        Assert.Equal(all + 1, result.Output.Count);
        Assert.Equal((ulong)all, Assert.IsType<ulong>(total.BaseObject));
    }

    [Fact]
    public void ReportsProgressPageByPageAndCompletes()
    {
        Connect("2026-03-11");
        using var ps = Session.CreatePowerShell();
        ps.AddCommand("Get-NotionDatabaseRow").AddParameter("DatabaseId", TasksId);

        var rows = ps.Invoke();

        var progress = ps.Streams.Progress.ToList();
        Assert.Contains(progress, record => record.StatusDescription == $"{rows.Count} rows read");
        Assert.Equal(ProgressRecordType.Completed, progress.Last().RecordType);
        Assert.Contains("Tasks", progress[0].Activity);
    }

    [Fact]
    public async Task TextOfMoreThanTwentyFiveItemsIsReadInFull()
    {
        Connect("2026-03-11");
        var (databaseId, _) = await NewDatabaseAsync("Long text");
        var notes = string.Concat(Enumerable.Range(0, 12_000).Select(i => $"word{i % 10:0} ")).Substring(0, 60_000);

        var added = Session.Run("Add-NotionDatabaseRow -DatabaseId $db -InputObject @{ Name = 'Long'; Notes = $notes }", new Dictionary<string, object?> { ["db"] = databaseId, ["notes"] = notes });
        var itemsInPageObject = Session.Run("(Get-NotionDatabaseRow -DatabaseId $db -Raw).properties.Notes.rich_text.Count", new Dictionary<string, object?> { ["db"] = databaseId });
        var read = Session.Run("Get-NotionDatabaseRow -DatabaseId $db", new Dictionary<string, object?> { ["db"] = databaseId });

        Assert.Empty(added.Errors);
        // Notion cuts a page object's text only at 25 page or person mentions (issue 12): all 30 plain-text items come.
        Assert.Equal(30, Assert.Single(itemsInPageObject.Output).BaseObject);
        Assert.Equal(notes, Assert.Single(read.Output).Properties["Notes"].Value);
    }

    [Fact]
    public void InvokeNotionApiCallsAnyEndpoint()
    {
        Connect("2026-03-11");

        var me = Assert.Single(Session.Run("Invoke-NotionApi v1/users/me").Output);
        var search = Assert.Single(Session.Run("Invoke-NotionApi -Method POST -Path /v1/search -Body '{\"query\":\"Tasks\"}'").Output);
        var foreign = Session.Run("Invoke-NotionApi https://elsewhere.example/v1/users/me");
        var badBody = Session.Run("try { Invoke-NotionApi -Method POST -Path v1/search -Body '{not json' } catch { $_ }");

        Assert.Equal("bot", me.Properties["type"].Value);
        Assert.Equal("NotionPS Demo", me.Properties["name"].Value);
        Assert.Equal("list", search.Properties["object"].Value);
        Assert.StartsWith("NotionForeignUrl,", Assert.Single(foreign.Errors).FullyQualifiedErrorId);
        Assert.StartsWith("NotionInvalidBody,", Assert.IsType<ErrorRecord>(Assert.Single(badBody.Output).BaseObject).FullyQualifiedErrorId);
    }
}
