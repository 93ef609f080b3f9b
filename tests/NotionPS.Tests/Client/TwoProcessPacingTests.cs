using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Emulator;
using NotionPS.Tests.EndToEnd;
using Xunit;

namespace NotionPS.Tests.Client;

/// <summary>
/// Two senders of one token that share no limiter, as two processes do, writing rows against an emulator limited to the
/// rate each of them uses. One fake clock drives both senders and the emulator's limit: a sender's waits move it, and the
/// senders take turns, so in each turn both send at one instant (hence a bucket of two in the emulator, where Notion's
/// holds more). Counts only: how many 429s each half of the answers holds, and which rows exist. After adapting, a pair
/// of senders still meets the limit now and then as each raises its pace again (AIMD's saw-tooth), so the second half is
/// held to at most one 429 in 20 answers, not to none.
/// </summary>
public sealed class TwoProcessPacingTests
{
    private const int RowsPerSender = 60;

    [Fact]
    public async Task TwoSendersAtTheWholeLimitStopDrawing429sOnceTheirPacesAdaptAndLoseNoRow()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            Urls = "http://127.0.0.1:0", RateLimit = 3, RateLimitBurst = 2, RetryAfterSeconds = 1, TimeProvider = new FakeClockTime(clock),
        });
        var statuses = new List<int>();
        var logs = new[] { new RecordingLog(), new RecordingLog() };
        var senders = logs.Select(_ => NewSender(server.BaseUri, clock, statuses)).ToList();

        for (var row = 1; row <= RowsPerSender; row++)
        {
            for (var sender = 0; sender < senders.Count; sender++)
            {
                using (await senders[sender].CreatePageAsync(EmulatorFixture.TasksDataSourceId, Title($"adaptive {sender} {row}"), logs[sender], CancellationToken.None))
                {
                }
            }
        }

        // Without adaptation a third of the answers in either half are 429s (29 and 30 of 89 each when this test was written).
        var secondHalf = statuses.Skip(statuses.Count / 2).ToList();
        var (first, second) = (Count429s(statuses.Take(statuses.Count / 2)), Count429s(secondHalf));
        Assert.True(first > 0, "the two senders never drew a 429, so the test proved nothing");
        Assert.True(second * 20 <= secondHalf.Count, $"429s in the first half of the answers: {first}, in the second: {second} of {secondHalf.Count}");
        Assert.All(logs, log => Assert.Contains(log.VerboseLines, line => line.StartsWith("Pacing this token at ", StringComparison.Ordinal) && line.Contains("after a 429")));
        var expected = Enumerable.Range(0, senders.Count).SelectMany(sender => Enumerable.Range(1, RowsPerSender).Select(row => $"adaptive {sender} {row}"));
        Assert.Equal(expected.OrderBy(title => title, StringComparer.Ordinal), (await RowTitles(server.BaseUri)).OrderBy(title => title, StringComparer.Ordinal));
    }

    private static int Count429s(IEnumerable<int> statuses) => statuses.Count(status => status == 429);

    /// <summary>A client at the emulator's rate with a limiter (and pace) of its own, recording every answer's status.</summary>
    private static NotionClient NewSender(Uri baseUri, FakeClock clock, List<int> statuses) =>
        new(EmulatorFixture.Secure(EmulatorFixture.FullAccessToken), new NotionClientOptions { BaseUri = baseUri, RequestsPerSecond = 3 },
            clock, new RateLimiter(3, 1, clock), new StatusRecorder(statuses) { InnerHandler = new SocketsHttpHandler { UseProxy = false } });

    private static JsonObject Title(string text) =>
        new() { ["Name"] = new JsonObject { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = text } }) } };

    private static async Task<IReadOnlyList<string>> RowTitles(Uri baseUri)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = baseUri };
        http.DefaultRequestHeaders.Add("Authorization", "Bearer " + EmulatorFixture.FullAccessToken);
        http.DefaultRequestHeaders.Add("Notion-Version", NotionClientOptions.DefaultApiVersion);
        (await http.PutAsJsonAsync("__emulator/rate-limit", new { requestsPerSecond = 0 })).EnsureSuccessStatusCode();
        var titles = new List<string>();
        string? cursor = null;
        do
        {
            var query = new JsonObject { ["filter"] = new JsonObject { ["property"] = "Name", ["title"] = new JsonObject { ["starts_with"] = "adaptive " } } };
            if (cursor != null)
            {
                query["start_cursor"] = cursor;
            }

            using var response = await http.PostAsJsonAsync($"v1/data_sources/{EmulatorFixture.TasksDataSourceId}/query", query);
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.True(response.IsSuccessStatusCode, page.ToJsonString());
            titles.AddRange(page["results"]!.AsArray().Select(row => string.Concat(row!["properties"]!["Name"]!["title"]!.AsArray().Select(item => (string?)item!["plain_text"]))));
            cursor = (bool?)page["has_more"] == true ? (string?)page["next_cursor"] : null;
        }
        while (cursor != null);

        return titles;
    }

    private sealed class StatusRecorder(List<int> statuses) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            statuses.Add((int)response.StatusCode);
            return response;
        }
    }

    /// <summary>The emulator's time as the fake clock's, so its limit refills only as the senders' waits move the clock.</summary>
    private sealed class FakeClockTime(FakeClock clock) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => clock.UtcNow;
    }
}
