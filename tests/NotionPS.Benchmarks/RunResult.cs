using System.Text.Json;
using System.Text.Json.Serialization;

namespace NotionPS.Benchmarks;

/// <summary>What one workload run reports, from either side (the .NET child or the Node script), as one JSON line.</summary>
internal sealed record RunResult
{
    private const string Prefix = "RESULT ";

    public double ElapsedMs { get; init; }

    public double CpuMs { get; init; }

    public long PeakBytes { get; init; }

    public long? AllocatedBytes { get; init; }

    public int? Gen2Collections { get; init; }

    /// <summary>.NET only: time the JIT spent compiling during the measured part (the read, or Import-Module), all threads.</summary>
    public double? JitMs { get; init; }

    public int Rows { get; init; }

    public int Failed { get; init; }

    public double? ImportMs { get; init; }

    public double? FirstCallMs { get; init; }

    /// <summary>Filled in by the harness for workload 5: the empty binary module's import, in a process of its own.</summary>
    public double? BaselineImportMs { get; init; }

    /// <summary>Filled in by the harness for workload 5: a bare HttpClient's first users/me in the empty module's process.</summary>
    public double? BaselineFirstCallMs { get; init; }

    /// <summary>Requests made before the measured part (NotionPS: one Connect per runspace), left out of <see cref="Answered"/>.</summary>
    public int SetupRequests { get; init; }

    /// <summary>Filled in by the harness from the emulator's counters: 429s drawn during the run.</summary>
    public int RateLimited { get; init; }

    /// <summary>Filled in by the harness from the emulator's counters: requests answered other than 429 while measured.</summary>
    public int Answered { get; init; }

    /// <summary>Filled in by the harness after a write: rows missing from, and rows twice in, the data source.</summary>
    public int Lost { get; init; }

    public int Duplicated { get; init; }

    /// <summary>The figures a workload reports beyond these (pwsh/Workloads.ps1's requests, writeMs, shareOfBudget...), by name.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Named { get; init; }

    /// <summary>A named figure the workload must have reported.</summary>
    public double Figure(string name) =>
        Named != null && Named.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : throw new BenchmarkException($"The result has no figure '{name}': {JsonSerializer.Serialize(this, JsonSerializerOptions.Web)}");

    public static string Line(RunResult result) => Prefix + JsonSerializer.Serialize(result, JsonSerializerOptions.Web);

    /// <summary>The result line among a child's output lines (its last, where it printed several).</summary>
    public static RunResult FromOutput(string output, string what)
    {
        var line = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal))
            ?? throw new BenchmarkException($"{what} printed no result. Output: {output}");
        try
        {
            return JsonSerializer.Deserialize<RunResult>(line[Prefix.Length..], JsonSerializerOptions.Web)
                ?? throw new BenchmarkException($"{what} printed an empty result.");
        }
        catch (JsonException ex)
        {
            throw new BenchmarkException($"{what} printed a result the harness cannot read ({ex.Message}): {line}");
        }
    }
}
