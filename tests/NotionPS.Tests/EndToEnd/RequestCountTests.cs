using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Each row cmdlet sends the fewest requests its work needs (under Notion's 3 requests/s every one counts): the
/// requests a command sent, from its -Verbose lines, checked against the emulator's count for the integration, so a
/// request the log does not show still counts.
/// </summary>
[Collection(EmulatorCollection.Name)]
public partial class RequestCountTests : RowsTestBase
{
    public RequestCountTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private static bool IsLegacy(string version) => version == "2022-06-28";

    /// <summary>The requests that choose the data source of a database given by its ID: the database, then (2025-09-03 on) the data source.</summary>
    private static List<string> Resolve(string version, string databaseId, string dataSourceId) => IsLegacy(version)
        ? new List<string> { "GET v1/databases/" + databaseId }
        : new List<string> { "GET v1/databases/" + databaseId, "GET v1/data_sources/" + dataSourceId };

    private static string Query(string version, string databaseId, string dataSourceId) =>
        IsLegacy(version) ? $"POST v1/databases/{databaseId}/query" : $"POST v1/data_sources/{dataSourceId}/query";

    /// <summary>
    /// Connects without a rate limit, as the benchmark does: a read whose first page has more after it then always
    /// asks for the newest row (page_size 1) to decide whether to read in slices side by side, a request that under a
    /// limit is sent only when a page's round trip is longer than the limit's interval.
    /// </summary>
    private void ConnectUnlimited(string version)
    {
        var result = Session.Run($"$null = Connect-NotionIntegration -Token $token -BaseUri $emu -ApiVersion {version} -RequestsPerSecond 0");
        Assert.Empty(result.Errors);
    }

    private static JsonObject Row(int i) => new() { ["properties"] = new JsonObject { ["Name"] = $"R{i:000}", ["Notes"] = $"Note {i}" } };

    /// <summary>Runs a script (its cmdlets with -Verbose); the requests it sent as "METHOD path", in the order they were answered.</summary>
    private async Task<List<string>> RequestsOfAsync(string script, Dictionary<string, object?> vars)
    {
        var (sent, result) = await RequestsAndResultOfAsync(script, vars);
        Assert.Empty(result.Errors);
        return sent;
    }

    /// <summary>As <see cref="RequestsOfAsync"/>, for a script whose errors the test checks itself.</summary>
    private async Task<(List<string> Sent, ScriptResult Result)> RequestsAndResultOfAsync(string script, Dictionary<string, object?> vars)
    {
        var before = await RequestCountAsync();

        var result = Session.Run(script, vars);

        var sent = SentBy(result);
        Assert.Equal(sent.Count, await RequestCountAsync() - before);
        return (sent, result);
    }

    /// <summary>The requests a script ran with -Verbose sent, as "METHOD path", from its -Verbose lines.</summary>
    internal static List<string> SentBy(ScriptResult result) =>
        result.Verbose.Select(line => line.Message).Where(message => message.Contains(" -> ", StringComparison.Ordinal))
            .Select(message => message.Split(' ')).Where(words => words[0] is "GET" or "POST" or "PATCH" or "DELETE")
            .Select(words => words[0] + " " + words[1]).ToList();

    /// <summary>How many requests the emulator has answered for the integration the tests connect as.</summary>
    private async Task<long> RequestCountAsync() => (long)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["requests"]!;

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task AnExportReadsTheDataSourceOnce(string version)
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Export requests " + version);
        await SeedRowsAsync(dataSourceId, Enumerable.Range(1, 3).Select(Row));
        Connect(version);
        var folder = Directory.CreateTempSubdirectory("notionps-requests-").FullName;

        var sent = await RequestsOfAsync("Export-NotionDatabase $db (Join-Path $folder rows.csv) -Verbose; Export-NotionDatabase $db (Join-Path $folder rows.json) -Verbose",
            Vars(("db", databaseId), ("folder", folder)));

        var once = Resolve(version, databaseId, dataSourceId).Append(Query(version, databaseId, dataSourceId)).ToList();
        Assert.Equal(once.Concat(once), sent);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(folder, "rows.csv")).Length - 1);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ARowsReadSendsOneQueryAPageAndTheNewestRowProbeAndTheFirstPageOnlyOne(string version)
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Read requests " + version);
        await SeedRowsAsync(dataSourceId, Enumerable.Range(1, 150).Select(Row));
        ConnectUnlimited(version);

        var all = await RequestsOfAsync("$null = Get-NotionDatabaseRow -DatabaseId $db -Verbose", Vars(("db", databaseId)));
        var first = await RequestsOfAsync("$null = Get-NotionDatabaseRow -DatabaseId $db -First 5 -Verbose", Vars(("db", databaseId)));

        var query = Query(version, databaseId, dataSourceId);
        Assert.Equal(Resolve(version, databaseId, dataSourceId).Concat(Enumerable.Repeat(query, 3)), all);
        Assert.Equal(Resolve(version, databaseId, dataSourceId).Append(query), first);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task AddingRowsChoosesTheDataSourceOnceAndSendsOneRequestARow(string version)
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Add requests " + version);
        Connect(version);

        var sent = await RequestsOfAsync("1..3 | ForEach-Object { [pscustomobject]@{ Name = \"R$_\" } } | Add-NotionDatabaseRow -DatabaseId $db -Verbose", Vars(("db", databaseId)));

        Assert.Equal(Resolve(version, databaseId, dataSourceId), sent.Take(sent.Count - 3));
        Assert.Equal(new[] { "POST v1/pages", "POST v1/pages", "POST v1/pages" }, sent.Skip(sent.Count - 3));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task SettingRowsReadsTheSchemaOnceForAllTheRowsOfADataSource(string version)
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Set requests " + version);
        var ids = await SeedRowsAsync(dataSourceId, Enumerable.Range(1, 3).Select(Row));
        Connect(version);

        var byPageId = await RequestsOfAsync("$ids | ForEach-Object { [pscustomobject]@{ PageId = $_; Notes = 'By ID' } } | Set-NotionDatabaseRow -Verbose", Vars(("ids", ids.ToArray())));
        Assert.Empty(Session.Run("$rows = Get-NotionDatabaseRow -DatabaseId $db; $rows | ForEach-Object { $_.Notes = 'By row' }", Vars(("db", databaseId))).Errors);
        var byRow = await RequestsOfAsync("$rows | Set-NotionDatabaseRow -Verbose", Vars());

        var schema = IsLegacy(version) ? "GET v1/databases/" + databaseId : "GET v1/data_sources/" + dataSourceId;
        var patches = ids.Select(id => "PATCH v1/pages/" + id).ToList();
        Assert.Equal(ids.Select(id => "GET v1/pages/" + id).Append(schema).Concat(patches).Order(), byPageId.Order());
        Assert.Equal(new[] { schema }.Concat(patches).Order(), byRow.Order());
    }

    /// <summary>
    /// Workload 9 of the benchmark, without a rate limit as it runs: 1,000 rows synced by -DataSourceId with the first
    /// 100 given new notes. Checks the last 100 requests are those rows' changes; the requests before them.
    /// </summary>
    private async Task<List<string>> RequestsBeforeTheChangesOfASyncAsync(string version, string source, IReadOnlyList<string> ids)
    {
        ConnectUnlimited(version);
        var input = Enumerable.Range(1, 1000).Select(i => PSObject.AsPSObject(new { Name = $"R{i:000}", Notes = i <= 100 ? "Changed" : $"Note {i}" })).ToArray();

        var sent = await RequestsOfAsync("$rows | Sync-NotionDatabaseRow -DataSourceId $source -Key Name -Property Notes -Verbose", Vars(("rows", input), ("source", source)));

        Assert.Equal(ids.Take(100).Select(id => "PATCH v1/pages/" + id).Order(), sent.Skip(sent.Count - 100).Order());
        return sent.Take(sent.Count - 100).ToList();
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ASyncReadsTheRowsOnceAndWritesOnlyTheChangedOnes(string version)
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Sync requests " + version);
        var ids = await SeedRowsAsync(dataSourceId, Enumerable.Range(1, 1000).Select(Row));

        var reads = await RequestsBeforeTheChangesOfASyncAsync(version, IsLegacy(version) ? databaseId : dataSourceId, ids);

        // The data source, its 10 pages of rows and the newest-row probe (the rows are all of one minute: no cut).
        var schema = IsLegacy(version) ? "GET v1/databases/" + databaseId : "GET v1/data_sources/" + dataSourceId;
        Assert.Equal(new[] { schema }.Concat(Enumerable.Repeat(Query(version, databaseId, dataSourceId), 11)), reads);
    }

    [Fact]
    public async Task ASyncOfRowsCreatedOverMinutesReadsThemInTwoSlicesForOneMoreQuery()
    {
        // As workload 9 seeds them: a row a second, so the first page's 100 rows tell the read to cut the rest in two.
        var (_, dataSourceId) = await NewDatabaseAsync("Sync slices");
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var ids = await SeedRowsAsync(dataSourceId, Enumerable.Range(1, 1000).Select(i =>
        {
            var row = Row(i);
            row["createdTime"] = start.AddSeconds(i).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
            return row;
        }));

        var reads = await RequestsBeforeTheChangesOfASyncAsync("2026-03-11", dataSourceId, ids);

        // The 113 of workload 9: the data source, 10 pages of rows plus the part page that ends the first slice and
        // the newest-row probe that decided the cut, then the 100 changes.
        Assert.Equal(new[] { "GET v1/data_sources/" + dataSourceId }.Concat(Enumerable.Repeat($"POST v1/data_sources/{dataSourceId}/query", 12)), reads);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task AnAccessTestReadsTheDatabaseAndItsDataSourceOnceEach(string version)
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Access requests " + version);
        Connect(version);

        var sent = await RequestsOfAsync("$null = Test-NotionDatabaseAccess $db -Verbose", Vars(("db", databaseId)));

        Assert.Equal(Resolve(version, databaseId, dataSourceId).Append(Query(version, databaseId, dataSourceId)), sent);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task AnImportThatCreatesColumnsTakesTheNewSchemaFromTheChangesAnswer(string version)
    {
        var (fromId, fromSource) = await NewDatabaseAsync("Import from " + version, new JsonObject { ["Extra"] = new JsonObject { ["type"] = "rich_text" } });
        await SeedRowsAsync(fromSource, Enumerable.Range(1, 2).Select(Row));
        var (toId, toSource) = await NewDatabaseAsync("Import to " + version);
        Connect(version);
        var backup = Path.Combine(Directory.CreateTempSubdirectory("notionps-requests-").FullName, "backup.json");
        Assert.Empty(Session.Run("Export-NotionDatabase $from $backup", Vars(("from", fromId), ("backup", backup))).Errors);

        var sent = await RequestsOfAsync("Import-NotionDatabase -Path $backup -DatabaseId $to -CreateMissingColumns -Verbose", Vars(("backup", backup), ("to", toId)));

        var change = IsLegacy(version) ? "PATCH v1/databases/" + toId : "PATCH v1/data_sources/" + toSource;
        Assert.Equal(Resolve(version, toId, toSource).Append(change).Append("POST v1/pages").Append("POST v1/pages"), sent);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ARowMadeByNewNotionPageUnderABareDatabaseIdReadsTheDataSourceOnce(string version)
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("New row requests " + version);
        Connect(version);

        var sent = await RequestsOfAsync("$null = New-NotionPage -ParentId $db -Title 'Row' -Property @{ Notes = 'n' } -Verbose", Vars(("db", databaseId)));

        Assert.Equal(Resolve(version, databaseId, dataSourceId).Append("POST v1/pages"), sent);
    }

    [Theory]
    [MemberData(nameof(DataSourceVersions))]
    public async Task ARowMadeByNewNotionPageUnderABareDataSourceIdReadsTheDataSourceOnce(string version)
    {
        var (_, dataSourceId) = await NewDatabaseAsync("New row by data source " + version);
        Connect(version);

        var sent = await RequestsOfAsync("$null = New-NotionPage -ParentId $source -Title 'Row' -Property @{ Notes = 'n' } -Verbose", Vars(("source", dataSourceId)));

        // The ID is asked about as a database, then as a page (both not found), then as a data source.
        Assert.Equal(new[] { "GET v1/databases/" + dataSourceId, "GET v1/pages/" + dataSourceId, "GET v1/data_sources/" + dataSourceId, "POST v1/pages" }, sent);
    }
}
