using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NotionPS.Benchmarks;

/// <summary>
/// The Release-built emulator in a process of its own (so its CPU and memory never count against either
/// client), on a free loopback port, driven through its admin API (src/NotionPS.Emulator/README.md).
/// </summary>
internal sealed partial class Emulator : IAsyncDisposable
{
    public const string FullAccessToken = "demo-token-full-access";
    private const string ReadOnlyToken = "demo-token-read-only";
    private const string FullAccessBotId = "b0b0b0b0-0000-4000-8000-000000000001";
    public const string TeamHomePageId = "4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8";
    private const int SeedChunk = 5000;

    private readonly Process process;
    private readonly HttpClient http;

    private Emulator(Process process, Uri baseUri, EmulatorSettings settings)
    {
        this.process = process;
        BaseUri = baseUri;
        Settings = settings;
        http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(5) };
    }

    public Uri BaseUri { get; }

    public EmulatorSettings Settings { get; }

    public static async Task<Emulator> StartAsync(string emulatorDll, EmulatorSettings settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            emulatorDll, "--urls", "http://127.0.0.1:0", "--rate-limit", settings.RequestsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--rate-limit-burst", settings.Burst.ToString(System.Globalization.CultureInfo.InvariantCulture), "--retry-after", "1",
            "--latency-ms", settings.LatencyMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new BenchmarkException("The emulator did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                // Keep draining its output so a chatty log never blocks it.
                _ = process.StandardOutput.ReadToEndAsync();
                return new Emulator(process, new Uri(match.Groups[1].Value.TrimEnd('/') + "/"), settings);
            }
        }

        throw new BenchmarkException($"The emulator exited with {process.ExitCode} before listening.");
    }

    /// <summary>A database under Team Home, shared with both demo integrations, with the benchmark schema and no rows.</summary>
    public async Task<string> CreateDataSourceAsync(string title)
    {
        var database = new JsonObject
        {
            ["title"] = title,
            ["parent"] = TeamHomePageId,
            ["sharedWith"] = new JsonArray("NotionPS Demo", "Read-only Reporter"),
            ["dataSources"] = new JsonArray(new JsonObject { ["name"] = title, ["properties"] = SeedRows.Schema() }),
        };
        var created = await AdminAsync(HttpMethod.Post, "databases", database);
        return created!["dataSources"]![0]!.GetValue<string>();
    }

    /// <summary>Adds rows through the admin API in chunks (created one second apart: 60 to a minute).</summary>
    public async Task SeedRowsAsync(string dataSourceId, int count)
    {
        for (var first = 0; first < count; first += SeedChunk)
        {
            var rows = SeedRows.Rows(first, Math.Min(SeedChunk, count - first));
            await AdminAsync(HttpMethod.Post, $"data_sources/{dataSourceId}/rows", new JsonObject { ["rows"] = rows });
        }
    }

    /// <summary>Fills every integration's bucket again, so each run starts from the same state.</summary>
    public Task RefillBucketsAsync() =>
        AdminAsync(HttpMethod.Put, "rate-limit", new JsonObject { ["requestsPerSecond"] = Settings.RequestsPerSecond, ["burst"] = Settings.Burst, ["retryAfterSeconds"] = 1 });

    /// <summary>API requests, and 429s among them, answered so far to the benchmark's integration.</summary>
    public async Task<(int Requests, int RateLimited)> CountersAsync()
    {
        var stats = (await AdminAsync(HttpMethod.Get, "stats", null))!["integrations"]![FullAccessBotId]!;
        return (stats["requests"]!.GetValue<int>(), stats["rateLimited"]!.GetValue<int>());
    }

    /// <summary>
    /// Reads every row of a data source as the read-only integration, untimed: before the measured runs, so
    /// that neither client's first run pays for the emulator's own start (its code compiled on first use).
    /// </summary>
    public Task WarmUpAsync(string dataSourceId) => ReadAllRowsAsync(dataSourceId, _ => { });

    private async Task ReadAllRowsAsync(string dataSourceId, Action<JsonNode> eachRow)
    {
        string? cursor = null;
        do
        {
            var body = new JsonObject { ["page_size"] = 100 };
            if (cursor != null)
            {
                body["start_cursor"] = cursor;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, $"v1/data_sources/{dataSourceId}/query") { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ReadOnlyToken);
            request.Headers.Add("Notion-Version", "2025-09-03");
            using var response = await http.SendAsync(request);
            var page = await ReadJsonAsync(response, "reading the rows back");
            foreach (var row in page["results"]!.AsArray())
            {
                eachRow(row!);
            }

            cursor = page["has_more"]!.GetValue<bool>() ? page["next_cursor"]!.GetValue<string>() : null;
        }
        while (cursor != null);
    }

    /// <summary>
    /// Reads a data source back as the read-only integration (its own rate-limit bucket) and counts the rows
    /// named <c>prefix-1 .. prefix-expected</c> that are missing, and that are there more than once.
    /// </summary>
    public async Task<(int Lost, int Duplicated)> CheckWrittenRowsAsync(string dataSourceId, string prefix, int expected)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        await ReadAllRowsAsync(dataSourceId, row =>
        {
            var name = row["properties"]!["Name"]!["title"]!.AsArray().Select(text => text!["plain_text"]!.GetValue<string>()).Aggregate(string.Empty, string.Concat);
            seen[name] = seen.GetValueOrDefault(name) + 1;
        });

        var lost = Enumerable.Range(1, expected).Count(seq => !seen.ContainsKey($"{prefix}-{seq}"));
        var duplicated = seen.Values.Sum(times => times - 1);
        return (lost, duplicated);
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task<JsonNode?> AdminAsync(HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, "__emulator/" + path);
        if (body != null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode == System.Net.HttpStatusCode.NoContent ? null : await ReadJsonAsync(response, $"{method} /__emulator/{path}");
    }

    private static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchmarkException($"The emulator refused {what}: {(int)response.StatusCode} {text}");
        }

        return JsonNode.Parse(text) ?? throw new BenchmarkException($"The emulator answered {what} with nothing.");
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex ListeningLine();
}

/// <summary>How an emulator process is started: its rate limit (0 = off), bucket size and added latency.</summary>
internal sealed record EmulatorSettings(double RequestsPerSecond, int Burst, int LatencyMs)
{
    public override string ToString() =>
        RequestsPerSecond == 0 ? $"no rate limit, {LatencyMs} ms latency" : $"{RequestsPerSecond} req/s (burst {Burst}), {LatencyMs} ms latency";
}
