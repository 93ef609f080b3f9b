using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// What the row tests share: a session connected to the emulator as "NotionPS Demo" under a chosen
/// API version, and fresh databases made through the admin API so tests never see each other's rows.
/// </summary>
public abstract class RowsTestBase : EmulatorTest
{
    public const string TeamHomeId = "4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8";
    public const string TasksId = "1a2b3c4d-5e6f-47a8-b9c0-d1e2f3a4b5c6";
    public const string ProjectsId = "5e6f7081-92a3-4db4-92f3-a4b5c6d7e8f9";
    public const string AdaId = "c1a55e00-0000-4000-8000-000000000001";
    public const string GraceId = "c1a55e00-0000-4000-8000-000000000002";

    protected RowsTestBase(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    /// <summary>The API versions NotionPS speaks, each of which the emulator answers in its own shape.</summary>
    public static IEnumerable<object[]> Versions => new[] { new object[] { "2026-03-11" }, new object[] { "2025-09-03" }, new object[] { "2022-06-28" } };

    /// <summary>The versions that address a database's data sources one by one (2022-06-28 reads a database as one).</summary>
    public static IEnumerable<object[]> DataSourceVersions => Versions.Where(version => (string)version[0] != "2022-06-28");

    /// <summary>A cell without its PowerShell wrapper: a date cell is a DateTime wrapped to write as ISO 8601 text.</summary>
    protected static object? Unwrapped(object? value) => value is System.Management.Automation.PSObject wrapped ? wrapped.BaseObject : value;

    /// <summary>A script's variables, by name.</summary>
    protected static Dictionary<string, object?> Vars(params (string Name, object? Value)[] pairs) => pairs.ToDictionary(p => p.Name, p => p.Value);

    /// <summary>What Tab offers at the end of a command line, through the engine's TabExpansion2.</summary>
    protected List<System.Management.Automation.CompletionResult> Complete(string line) =>
        ((System.Management.Automation.CommandCompletion)Session.Run("TabExpansion2 -inputScript $line -cursorColumn $line.Length", Vars(("line", line))).Output.Single().BaseObject)
            .CompletionMatches.ToList();

    /// <summary>Connects as the full-access demo integration (the session's current connection).</summary>
    protected void Connect(string apiVersion, ModuleSession? session = null)
    {
        var result = (session ?? Session).Run($"$null = Connect-NotionIntegration -Token $token -BaseUri $emu -ApiVersion {apiVersion}");
        if (result.Errors.Count > 0)
        {
            throw new InvalidOperationException("Connect failed: " + result.Errors[0]);
        }
    }

    /// <summary>
    /// Connects <paramref name="session"/> (the test's own by default) as the full-access demo integration through a new
    /// <see cref="RecordingProxy"/> in front of the emulator, without a rate limit; the test disposes of the proxy.
    /// </summary>
    protected RecordingProxy ConnectThroughProxy(ModuleSession? session = null)
    {
        var proxy = new RecordingProxy(Emulator.BaseUri);
        var result = (session ?? Session).Run("$null = Connect-NotionIntegration -Token $token -BaseUri $proxy -ApiVersion 2026-03-11 -RequestsPerSecond 0", Vars(("proxy", proxy.BaseUri.ToString())));
        Assert.Empty(result.Errors);
        return proxy;
    }

    /// <summary>
    /// A new database under Team Home with one data source of every writable column type and a relation
    /// to itself. Returns the database ID and the data source ID.
    /// </summary>
    protected Task<(string DatabaseId, string DataSourceId)> NewDatabaseAsync(string title, JsonObject? extraColumns = null) =>
        NewDatabaseAsync(title, (databaseId, dataSourceId) =>
        {
            var properties = new JsonObject
            {
                ["Name"] = new JsonObject { ["type"] = "title" },
                ["Notes"] = new JsonObject { ["type"] = "rich_text" },
                ["Estimate"] = new JsonObject { ["type"] = "number" },
                ["Priority"] = new JsonObject { ["type"] = "select", ["options"] = Options("High", "Low") },
                ["Status"] = new JsonObject { ["type"] = "status", ["options"] = Options("Not started", "Done") },
                ["Tags"] = new JsonObject { ["type"] = "multi_select", ["options"] = Options("a", "b", "c") },
                ["Due"] = new JsonObject { ["type"] = "date" },
                ["Done"] = new JsonObject { ["type"] = "checkbox" },
                ["Link"] = new JsonObject { ["type"] = "url" },
                ["Email"] = new JsonObject { ["type"] = "email" },
                ["Phone"] = new JsonObject { ["type"] = "phone_number" },
                ["Owner"] = new JsonObject { ["type"] = "people" },
                ["Related"] = new JsonObject { ["type"] = "relation", ["data_source_id"] = dataSourceId, ["database_id"] = databaseId },
                ["Created"] = new JsonObject { ["type"] = "created_time" },
            };
            foreach (var extra in extraColumns ?? new JsonObject())
            {
                properties[extra.Key] = extra.Value!.DeepClone();
            }

            return properties;
        });

    /// <summary>
    /// A new database under Team Home with one data source of exactly the columns <paramref name="properties"/> makes, in
    /// that order, given the new database ID and data source ID (for a relation to itself). Returns both IDs.
    /// </summary>
    protected async Task<(string DatabaseId, string DataSourceId)> NewDatabaseAsync(string title, Func<string, string, JsonObject> properties)
    {
        var databaseId = Guid.NewGuid().ToString();
        var dataSourceId = Guid.NewGuid().ToString();
        await Emulator.AdminPostAsync("databases", new JsonObject
        {
            ["id"] = databaseId,
            ["title"] = title,
            ["parent"] = TeamHomeId,
            ["dataSources"] = new JsonArray(new JsonObject { ["id"] = dataSourceId, ["name"] = title, ["properties"] = properties(databaseId, dataSourceId) }),
        });
        return (databaseId, dataSourceId);
    }

    /// <summary>Rows added straight into the emulator (no API calls); returns their page IDs.</summary>
    protected async Task<IReadOnlyList<string>> SeedRowsAsync(string dataSourceId, IEnumerable<JsonObject> rows)
    {
        var answer = await Emulator.AdminPostAsync($"data_sources/{dataSourceId}/rows", new JsonObject { ["rows"] = new JsonArray(rows.Select(r => (JsonNode)r).ToArray()) });
        return answer!["ids"]!.AsArray().Select(id => id!.GetValue<string>()).ToList();
    }

    protected Task AddFaultAsync(JsonObject rule) => Emulator.AdminPostAsync("faults", rule);

    protected async Task ClearFaultsAsync()
    {
        using var response = await Emulator.Admin.DeleteAsync("faults");
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Runs <paramref name="test"/> with the fault <paramref name="rule"/> armed, and clears every fault after, whatever happened.</summary>
    protected async Task WithFaultAsync(JsonObject rule, Func<Task> test)
    {
        await AddFaultAsync(rule);
        try
        {
            await test();
        }
        finally
        {
            await ClearFaultsAsync();
        }
    }

    /// <summary>How many fault rules are still armed (a rule with a count goes once it is spent).</summary>
    protected async Task<int> ArmedFaultsAsync() => JsonNode.Parse(await Emulator.Admin.GetStringAsync("faults"))!.AsArray().Count;

    /// <summary>How many requests a hold fault holds now with this method and path (as the request gave it).</summary>
    protected async Task<int> HeldAsync(string method, string path) =>
        JsonNode.Parse(await Emulator.Admin.GetStringAsync("holds"))!.AsArray().Count(held => (string?)held!["method"] == method && (string?)held["path"] == path);

    /// <summary>Lets the requests held with this method and path (a pattern, * for one segment) go on.</summary>
    protected Task ReleaseAsync(string method, string path) => Emulator.AdminPostAsync("holds/release", new JsonObject { ["method"] = method, ["path"] = path });

    /// <summary>Returns once <paramref name="seen"/> (a question to the emulator) is true: a gate on what the emulator saw, not on a time.</summary>
    protected static void WaitUntil(Func<Task<bool>> seen)
    {
        while (!seen().GetAwaiter().GetResult())
        {
            Thread.Yield();
        }
    }

    /// <summary>A new page under Team Home (shared with the demo integration through it), made through the admin API.</summary>
    protected async Task<string> NewPageAsync(string title) =>
        (string)(await Emulator.AdminPostAsync("pages", new JsonObject { ["title"] = title, ["parent"] = TeamHomeId }))["id"]!;

    /// <summary>An API answer read straight from the emulator as the full-access integration.</summary>
    protected async Task<JsonNode> ApiGetAsync(string path, string version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Emulator.BaseUri, path));
        request.Headers.Add("Authorization", "Bearer " + EmulatorFixture.FullAccessToken);
        request.Headers.Add("Notion-Version", version);
        using var response = await Emulator.Admin.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return body;
    }

    /// <summary>How many file uploads the emulator holds for the demo integration, every page of the list read.</summary>
    protected async Task<int> UploadCountAsync(string version)
    {
        var count = 0;
        string? cursor = null;
        do
        {
            var page = await ApiGetAsync("v1/file_uploads?page_size=100" + (cursor == null ? string.Empty : "&start_cursor=" + cursor), version);
            count += page["results"]!.AsArray().Count;
            cursor = (bool)page["has_more"]! ? (string?)page["next_cursor"] : null;
        }
        while (cursor != null);
        return count;
    }

    protected static JsonArray Options(params string[] names) =>
        new(names.Select(name => (JsonNode)new JsonObject { ["name"] = name, ["group"] = name == "Done" ? "Complete" : "To-do" }).ToArray());
}
