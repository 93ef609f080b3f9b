using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Answers no PSCustomObject or string reader takes as they are: property names PowerShell reserves (psobject,
/// PSBase...) or that differ only in case, and lone surrogate escapes, planted in real answers with the emulator's
/// rewrite fault. Every read path reads them, and what it reads goes back where it came from.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class HostileAnswerTests : RowsTestBase
{
    private const string Version = "2026-03-11";

    /// <summary>Columns named like every member PowerShell reserves, in several cases.</summary>
    private static readonly string[] ReservedColumns = { "psobject", "PSBase", "psadapted", "PSExtended", "pstypenames" };

    /// <summary>Keys planted in a paragraph block: reserved ones, and two that differ only in case.</summary>
    private const string PlantedBlockKeys = "\"psobject\":1,\"PSTypeNames\":2,\"Kind\":\"upper\",\"kind\":\"lower\",";

    public HostileAnswerTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public async Task AColumnNamedLikeAReservedMemberIsShownWithColumnAndWrittenBack()
    {
        var (databaseId, _) = await NewDatabaseAsync("Reserved", Columns(ReservedColumns));
        Connect(Version);

        var result = Session.Run(
            "$row = Add-NotionDatabaseRow $db @{ Name = 'one'; psobject = 'x'; PSBase = 3 }\n" +
            "$row.'psadapted (column)' = 'through the row'\n" +
            "$null = $row | Set-NotionDatabaseRow\n" +
            "$read = Get-NotionDatabaseRow $db; $read; $read.psobject.Properties['psobject (column)'].Value",
            Vars(("db", databaseId)));

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Output.Count);
        var row = result.Output[0];
        Assert.Equal(ReservedColumns.Select(name => name + " (column)"), row.Properties.Select(p => p.Name).Where(name => name.EndsWith(" (column)", StringComparison.Ordinal)));
        Assert.Equal(("x", 3.0, "through the row"), ((string)row.Properties["psobject (column)"].Value, Convert.ToDouble(row.Properties["PSBase (column)"].Value), (string)row.Properties["psadapted (column)"].Value));
        Assert.Equal("x", result.Output[1].BaseObject);
    }

    [Fact]
    public async Task RawRowsKeepReservedAndCaseDifferingNamesAndPipeBack()
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Reserved raw", Columns(ReservedColumns.Append("name").ToArray()));
        await SeedRowsAsync(dataSourceId, new[] { new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Upper", ["name"] = "lower", ["psobject"] = "x" } } });
        Connect(Version);

        var result = Session.Run(
            "$raw = Get-NotionDatabaseRow $db -Raw\n" +
            "$raw.properties.GetType().Name\n" +
            "$raw.properties['Name'].title[0].plain_text; $raw.properties['name'].rich_text[0].plain_text; $raw.properties['psobject'].rich_text[0].plain_text\n" +
            "($raw | Get-NotionPage).PageId -eq $raw.id",
            Vars(("db", databaseId)));

        Assert.Empty(result.Errors);
        Assert.Equal(new object[] { "OrderedDictionary", "Upper", "lower", "x", true }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public async Task InvokeNotionApiGivesReservedAndCaseDifferingNamesThatConvertBackToTheSameJson()
    {
        var (_, dataSourceId) = await NewDatabaseAsync("Reserved API", Columns(ReservedColumns.Append("name").ToArray()));
        Connect(Version);

        var result = Session.Run("Invoke-NotionApi \"v1/data_sources/$ds\" | ConvertTo-Json -Depth 30 -Compress", Vars(("ds", dataSourceId)));

        Assert.Empty(result.Errors);
        var roundTripped = JsonNode.Parse((string)result.Output.Single().BaseObject);
        var answer = JsonNode.Parse(await GetAsync($"v1/data_sources/{dataSourceId}"));
        Assert.Superset(new HashSet<string>(ReservedColumns.Concat(new[] { "Name", "name" })), roundTripped!["properties"]!.AsObject().Select(p => p.Key).ToHashSet());
        Assert.True(JsonNode.DeepEquals(answer, roundTripped), roundTripped.ToJsonString());
    }

    [Fact]
    public async Task ABlockWithReservedOrCaseDifferingKeysReadsAsBlocksAndAsMarkdown()
    {
        Connect(Version);
        var page = NewPage("marker paragraph");
        await RewriteAsync("/v1/blocks/*/children", "\"paragraph\":{", "\"paragraph\":{" + PlantedBlockKeys);

        var result = Session.Run(
            "$block = Get-NotionPageContent $page -AsBlocks\n" +
            "$block.paragraph.GetType().Name; $block.paragraph['psobject']; $block.paragraph['Kind']; $block.paragraph['kind']; $block.paragraph.rich_text[0].plain_text\n" +
            "$block | ConvertTo-Json -Depth 30 -Compress\n" +
            "Get-NotionPageContent $page",
            Vars(("page", page)));

        Assert.Empty(result.Errors);
        Assert.Equal(new object[] { "OrderedDictionary", 1L, "upper", "lower", "marker paragraph" }, result.Output.Take(5).Select(o => o.BaseObject));
        Assert.Contains("\"paragraph\":{" + PlantedBlockKeys, (string)result.Output[5].BaseObject);
        Assert.Equal("marker paragraph", ((string)result.Output[6].BaseObject).Trim());
    }

    /// <summary>A read path, where its answer comes from, and a script that shows the strings it read (as text).</summary>
    public static TheoryData<string> ReadPaths => new() { "rows", "raw rows", "schema", "Invoke-NotionApi", "Markdown", "blocks", "comments", "block key" };

    private static readonly Dictionary<string, (string Method, string Path, string Find, string Replace, string Script, string Expected)> Paths = new()
    {
        ["rows"] = ("POST", "/v1/data_sources/*/query", "marker", "marker\\ud800", "Get-NotionDatabaseRow $db | ForEach-Object { $_.PSObject.Properties | ForEach-Object { \"$($_.Name)=$($_.Value)\" } }", "marker\uFFFD notes=marker\uFFFD text"),
        ["raw rows"] = ("POST", "/v1/data_sources/*/query", "marker", "\\udc00marker", "(Get-NotionDatabaseRow $db -Raw).properties.PSObject.Properties.Name", "\uFFFDmarker notes"),
        ["schema"] = ("GET", "/v1/data_sources/*", "marker", "marker\\ud800", "(Get-NotionDatabaseSchema $db).Columns.Name", "marker\uFFFD notes"),
        ["Invoke-NotionApi"] = ("GET", "/v1/pages/*", "marker", "marker\\ud800", "(Invoke-NotionApi \"v1/pages/$row\").properties.PSObject.Properties.Name", "marker\uFFFD notes"),
        ["Markdown"] = ("GET", "/v1/blocks/*/children", "marker", "marker\\ud800", "Get-NotionPageContent $page", "marker\uFFFD paragraph"),
        ["blocks"] = ("GET", "/v1/blocks/*/children", "marker", "marker\\ud800", "(Get-NotionPageContent $page -AsBlocks).paragraph.rich_text[0].plain_text", "marker\uFFFD paragraph"),
        ["comments"] = ("GET", "/v1/comments", "marker", "marker\\ud800", "(Get-NotionComment $page).Text", "marker\uFFFD comment"),
        ["block key"] = ("GET", "/v1/blocks/*/children", "\"paragraph\":{", "\"paragraph\":{\"x\\ud800\":1,", "(Get-NotionPageContent $page -AsBlocks).paragraph.PSObject.Properties.Name", "x\uFFFD"),
    };

    [Theory]
    [MemberData(nameof(ReadPaths))]
    public async Task ALoneSurrogateInAnAnswerIsReadAsTheReplacementCharacter(string readPath)
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Surrogates", new JsonObject { ["marker notes"] = new JsonObject { ["type"] = "rich_text" } });
        var row = (await SeedRowsAsync(dataSourceId, new[] { new JsonObject { ["properties"] = new JsonObject { ["Name"] = "marker text", ["marker notes"] = "marker text" } } })).Single();
        Connect(Version);
        var page = NewPage("marker paragraph");
        Assert.Empty(Session.Run("$null = Add-NotionComment $page -Text 'marker comment'", Vars(("page", page))).Errors);
        var (method, path, find, replace, script, expected) = Paths[readPath];
        await RewriteAsync(path, find, replace, method: method);

        var result = Session.Run(script, Vars(("db", databaseId), ("row", row), ("page", page)));

        Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors.Select(e => $"{e.FullyQualifiedErrorId}: {e}")));
        Assert.Contains(expected, result.Output.Select(o => o.ToString().Trim()));
    }

    private static JsonObject Columns(IEnumerable<string> names) =>
        new(names.Select(name => KeyValuePair.Create(name, (JsonNode?)new JsonObject { ["type"] = name == "PSBase" ? "number" : "rich_text" })));

    private string NewPage(string markdown)
    {
        var result = Session.Run("(New-NotionPage -ParentId $parent -Title 'Hostile answers' -Markdown $md).PageId", Vars(("parent", TeamHomeId), ("md", markdown)));
        Assert.Empty(result.Errors);
        return (string)result.Output.Single().BaseObject;
    }

    /// <summary>Every answer to a matching request from now on is rewritten (the test's reset clears the rule).</summary>
    private Task RewriteAsync(string path, string find, string replace, string method = "GET") =>
        AddFaultAsync(new JsonObject { ["kind"] = "rewrite", ["method"] = method, ["path"] = path, ["find"] = find, ["replace"] = replace, ["share"] = 1 });

    /// <summary>An answer as the emulator gives it, read past the module.</summary>
    private async Task<string> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Emulator.BaseUri, path));
        request.Headers.Add("Authorization", "Bearer " + EmulatorFixture.FullAccessToken);
        request.Headers.Add("Notion-Version", Version);
        using var response = await Emulator.Admin.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
