using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace NotionPS.Emulator.Tests;

/// <summary>
/// A bounded storm on loopback: 8 clients, each on its own connections, write 2,000 pages at once. No write is
/// lost or made twice, and 429 comes only beyond the configured limit (a frozen fake clock makes the limit
/// exact). The time taken is written to the test output for the README, never asserted.
/// </summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Clients = 8;
    private const int WritesPerClient = 250;
    private const int Writes = Clients * WritesPerClient;

    [Fact]
    public async Task StormWithoutALimitLosesNoWriteAndDuplicatesNone()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var dataSource = await AddTargetAsync(emulator);

        var (replies, elapsed) = await StormAsync(emulator, dataSource);

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Reply.Status));
        Assert.Equal(Writes, replies.Select(r => (string)r.Reply.Json["id"]!).Distinct().Count());
        Assert.Equal(replies.Select(r => r.Name).Order(StringComparer.Ordinal), await StoredNamesAsync(emulator, dataSource));
        var stats = (await emulator.AdminAsync(HttpMethod.Get, "stats"))!["integrations"]![Demo.FullBotId]!;
        Assert.Equal(Writes, (int)stats["pagesCreated"]!);
        Assert.Equal(0, (int)stats["rateLimited"]!);
        output.WriteLine($"{Writes} writes from {Clients} clients, no limit: {elapsed.TotalMilliseconds:F0} ms ({Writes / elapsed.TotalSeconds:F0} writes/s)");
    }

    [Fact]
    public async Task StormAgainstTheLimitIsAnswered429OnlyBeyondIt()
    {
        const int burst = 500;
        var frozen = new FakeTimeProvider(new DateTimeOffset(2026, 3, 18, 12, 0, 0, TimeSpan.Zero));
        await using var emulator = await TestEmulator.StartAsync(o =>
        {
            o.TimeProvider = frozen;
            o.RateLimit = 3;
            o.RateLimitBurst = burst;
        });
        var dataSource = await AddTargetAsync(emulator);

        var (replies, elapsed) = await StormAsync(emulator, dataSource);

        var accepted = replies.Where(r => r.Reply.Status == HttpStatusCode.OK).ToList();
        var refused = replies.Where(r => r.Reply.Status != HttpStatusCode.OK).ToList();
        Assert.Equal(burst, accepted.Count);
        Assert.All(refused, r =>
        {
            r.Reply.AssertError(HttpStatusCode.TooManyRequests, "rate_limited");
            Assert.Equal("0", r.Reply.Headers.GetValues("Retry-After").Single());
        });
        await emulator.AdminAsync(HttpMethod.Put, "rate-limit", new JsonObject { ["requestsPerSecond"] = 0 });
        Assert.Equal(accepted.Select(r => r.Name).Order(StringComparer.Ordinal), await StoredNamesAsync(emulator, dataSource));
        var stats = (await emulator.AdminAsync(HttpMethod.Get, "stats"))!["integrations"]![Demo.FullBotId]!;
        Assert.Equal(burst, (int)stats["pagesCreated"]!);
        Assert.Equal(Writes - burst, (int)stats["rateLimited"]!);
        output.WriteLine($"{Writes} writes from {Clients} clients against a burst of {burst}: {accepted.Count} accepted, {refused.Count} answered 429, {elapsed.TotalMilliseconds:F0} ms");
    }

    private static async Task<string> AddTargetAsync(TestEmulator emulator) =>
        (string)(await emulator.AdminAsync(HttpMethod.Post, "databases", JsonNode.Parse($$"""
            {"title": "Storm", "sharedWith": ["{{Demo.FullBotId}}"], "dataSources": [{"properties": {"Name": {"type": "title"} } }]}
            """)))!["dataSources"]![0]!;

    /// <summary>Every client writes its share at once, each write naming its client and sequence number.</summary>
    private static async Task<(List<(string Name, Reply Reply)> Replies, TimeSpan Elapsed)> StormAsync(TestEmulator emulator, string dataSource)
    {
        var clock = Stopwatch.StartNew();
        var perClient = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async client =>
        {
            using var http = new HttpClient { BaseAddress = emulator.BaseUri };
            var replies = new List<(string, Reply)>();
            for (var i = 0; i < WritesPerClient; i++)
            {
                var name = $"client {client} write {i}";
                var body = new JsonObject
                {
                    ["parent"] = new JsonObject { ["data_source_id"] = dataSource },
                    ["properties"] = new JsonObject { ["Name"] = new JsonObject { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = name } }) } },
                };
                replies.Add((name, await TestEmulator.SendAsync(http, HttpMethod.Post, "v1/pages", body)));
            }

            return replies;
        }));
        return ([.. perClient.SelectMany(r => r)], clock.Elapsed);
    }

    private static async Task<List<string>> StoredNamesAsync(TestEmulator emulator, string dataSource)
    {
        var names = new List<string>();
        string? cursor = null;
        do
        {
            var page = (await emulator.PostAsync($"v1/data_sources/{dataSource}/query", new JsonObject { ["start_cursor"] = cursor })).Json;
            names.AddRange(page["results"]!.AsArray().Select(r => (string)r!["properties"]!["Name"]!["title"]![0]!["plain_text"]!));
            cursor = (string?)page["next_cursor"];
        }
        while (cursor is not null);

        return [.. names.Order(StringComparer.Ordinal)];
    }
}
