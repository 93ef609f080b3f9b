namespace NotionPS.Benchmarks;

/// <summary>
/// The sizes of one run. The full run uses the counts (10,000 and 50,000 rows read, 3,000 read and
/// 300 added under the limit, 6,000 read and 61 added under 30 requests a minute, 12,000 rows exported);
/// --quick uses smaller ones and one repetition, to finish in a few minutes.
/// </summary>
internal sealed record BenchmarkPlan(
    bool Quick,
    int Repetitions,
    int ReadRows,
    int LargeReadRows,
    int LimitedReadRows,
    int WriteRows,
    int BudgetReadRows,
    int BudgetWriteRows,
    int ExportRows,
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

    /// <summary>Workload 6's budget: Notion's 2026 per-minute limit as the emulator models it, small enough to reach in a short run.</summary>
    public const int RequestsPerMinute = 30;

    /// <summary>Workload 7: two tokens of one workspace, each reading this many rows (31 pages) under a budget of 60 per 60 s.</summary>
    public const int WorkspaceReadRows = 3_000;

    public const int WorkspaceBudget = 60;

    public const int Blocks = 1_000;

    public const int SyncRows = 1_000;

    public const int SyncChanged = 100;

    public const int UploadMegabytes = 45;

    public static BenchmarkPlan Create(bool quick, int? repetitions, string? only) => quick
        ? new BenchmarkPlan(true, repetitions ?? 1, ReadRows: 10_000, LargeReadRows: 20_000, LimitedReadRows: 3_000, WriteRows: 60,
            BudgetReadRows: 3_000, BudgetWriteRows: 31, ExportRows: 3_000, only)
        : new BenchmarkPlan(false, repetitions ?? 5, ReadRows: 10_000, LargeReadRows: 50_000, LimitedReadRows: 3_000, WriteRows: 300,
            BudgetReadRows: 6_000, BudgetWriteRows: 61, ExportRows: 12_000, only);

    /// <summary>Workload 5 (import, first call) is short and noisy: at least 7 alternating fresh processes in a full run.</summary>
    public int ImportRepetitions => Quick ? Repetitions : Math.Max(7, Repetitions);

    /// <summary>Whether a workload is in this run (--only matches the start of its name).</summary>
    public bool Includes(string workload) => Only == null || workload.StartsWith(Only, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Workloads 6 and 7 wait out Notion's minute windows (about 4 and 1 minutes a repetition): in a full run, and
    /// in a quick one only when --only names them.
    /// </summary>
    public bool IncludesSlow(string workload) => Only == null ? !Quick : Includes(workload);
}
