using System.Net;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Tests;

public sealed class SearchTests
{
    [Fact]
    public async Task FindsSharedPagesAndDataSourcesByTitle()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = (await emulator.PostAsync("v1/search", new JsonObject { ["query"] = "tasks" })).Json;
        Assert.Equal("page_or_data_source", (string?)reply["type"]);
        var result = Assert.Single(reply["results"]!.AsArray());
        Assert.Equal("data_source", (string?)result!["object"]);
        Assert.Equal(Demo.TasksDataSource, (string?)result["id"]);
        Assert.NotNull(result["properties"]!["Status"]);
    }

    [Fact]
    public async Task NeverShowsWhatIsNotShared()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var everything = await SearchAllAsync(emulator, new JsonObject());
        Assert.DoesNotContain(everything, r => (string?)r["id"] == Demo.PrivateNotesDataSource);
        Assert.DoesNotContain(everything, r => ((string?)r["id"])!.StartsWith("e3000000", StringComparison.Ordinal));
        Assert.Contains(everything, r => (string?)r["id"] == Demo.MeetingNotesPage);
        Assert.Empty((await emulator.PostAsync("v1/search", new JsonObject { ["query"] = "Salary" })).Json["results"]!.AsArray());
    }

    [Theory]
    [InlineData("page", 2 + Demo.TaskRowCount + 3)]
    [InlineData("data_source", 3)]
    public async Task FiltersByObjectType(string type, int expected)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var filter = new JsonObject { ["filter"] = new JsonObject { ["property"] = "object", ["value"] = type } };
        var results = await SearchAllAsync(emulator, filter);
        Assert.Equal(expected, results.Count);
        Assert.All(results, r => Assert.Equal(type, (string?)r["object"]));
    }

    [Fact]
    public async Task PagesThroughResultsAndSortsByLastEdited()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var sort = new JsonObject { ["sort"] = new JsonObject { ["timestamp"] = "last_edited_time", ["direction"] = "ascending" } };
        var results = await SearchAllAsync(emulator, sort, pageSize: 4);
        Assert.Equal(20, results.Count);
        Assert.Equal(results.Count, results.Select(r => (string?)r["id"]).Distinct().Count());
        var times = results.Select(r => (string)r["last_edited_time"]!).ToList();
        Assert.Equal(times.Order(StringComparer.Ordinal), times);
    }

    private static async Task<List<JsonNode>> SearchAllAsync(TestEmulator emulator, JsonObject body, int pageSize = 100)
    {
        var results = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var request = (JsonObject)body.DeepClone();
            request["page_size"] = pageSize;
            if (cursor is not null)
            {
                request["start_cursor"] = cursor;
            }

            var reply = await emulator.PostAsync("v1/search", request);
            Assert.Equal(HttpStatusCode.OK, reply.Status);
            results.AddRange(reply.Json["results"]!.AsArray().Select(r => r!));
            cursor = (string?)reply.Json["next_cursor"];
            Assert.Equal(cursor is not null, (bool?)reply.Json["has_more"]);
        }
        while (cursor is not null);

        return results;
    }
}
