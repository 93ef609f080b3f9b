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
public class RequestCountTests : RowsTestBase
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

    private static JsonObject Row(int i) => new() { ["properties"] = new JsonObject { ["Name"] = $"R{i:000}", ["Notes"] = $"Note {i}" } };

    /// <summary>Runs a script (its cmdlets with -Verbose); the requests it sent as "METHOD path", in the order they were answered.</summary>
    private async Task<List<string>> RequestsOfAsync(string script, Dictionary<string, object?> vars)
    {
        var before = (long)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["requests"]!;

        var result = Session.Run(script, vars);

        Assert.Empty(result.Errors);
        var sent = result.Verbose.Select(line => line.Message).Where(message => message.Contains(" -> ", StringComparison.Ordinal))
            .Select(message => message.Split(' ')).Where(words => words[0] is "GET" or "POST" or "PATCH" or "DELETE")
            .Select(words => words[0] + " " + words[1]).ToList();
        Assert.Equal(sent.Count, (long)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["requests"]! - before);
        return sent;
    }

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
}
