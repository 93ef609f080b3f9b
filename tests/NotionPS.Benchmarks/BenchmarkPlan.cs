namespace NotionPS.Benchmarks;

/// <summary>
/// The sizes of one run. The full run uses the counts (10,000 and 50,000 rows read, 3,000 read and
/// 300 added under the limit); --quick uses smaller ones and one repetition, to finish in a few minutes.
/// </summary>
internal sealed record BenchmarkPlan(
    bool Quick,
    int Repetitions,
    int ReadRows,
    int LargeReadRows,
    int LimitedReadRows,
    int WriteRows,
    string? Only)
{
    /// <summary>Notion's average: 3 requests per second per integration.</summary>
    public const double RequestsPerSecond = 3;

    /// <summary>The emulator's bucket: Notion allows short bursts over the average.</summary>
    public const int Burst = 10;

    /// <summary>Rows per page of a query (Notion's maximum, which both clients use).</summary>
    public const int PageSize = 100;

    public const int Runspaces = 4;

    public static readonly int[] LatenciesMs = [100, 600];

    public static BenchmarkPlan Create(bool quick, int? repetitions, string? only) => quick
        ? new BenchmarkPlan(true, repetitions ?? 1, ReadRows: 10_000, LargeReadRows: 20_000, LimitedReadRows: 3_000, WriteRows: 60, only)
        : new BenchmarkPlan(false, repetitions ?? 5, ReadRows: 10_000, LargeReadRows: 50_000, LimitedReadRows: 3_000, WriteRows: 300, only);

    /// <summary>Workload 5 (import, first call) is short and noisy: at least 7 alternating fresh processes in a full run.</summary>
    public int ImportRepetitions => Quick ? Repetitions : Math.Max(7, Repetitions);

    /// <summary>Whether a workload is in this run (--only matches the start of its name).</summary>
    public bool Includes(string workload) => Only == null || workload.StartsWith(Only, StringComparison.OrdinalIgnoreCase);
}
