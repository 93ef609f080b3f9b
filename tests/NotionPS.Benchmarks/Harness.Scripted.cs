namespace NotionPS.Benchmarks;

/// <summary>
/// Workloads 6 to 11: pwsh/Workloads.ps1 in real pwsh 7.6.9 (the tool manifest's), one workload per fresh process,
/// against an emulator of their own with no limit (the script sets the limits each workload needs, seeds its own
/// data and counts its own requests around the measured part); the SDK's side where it has the same operation.
/// </summary>
internal sealed partial class Harness
{
    private const string NoPacing = "SDK not run: it has no per-minute or workspace pacing";

    private async Task RunScriptedAsync()
    {
        var budget = plan.IncludesSlow("6-budget");
        var workspace = plan.IncludesSlow("7-workspace");
        var declaredWorkspace = plan.IncludesSlow("7-workspace-declared");
        var blocks = plan.Includes("8-blocks");
        var sync = plan.Includes("9-sync");
        var upload = plan.Includes("10-upload");
        var export = plan.Includes("11-export");
        if (!budget && !workspace && !declaredWorkspace && !blocks && !sync && !upload && !export)
        {
            return;
        }

        await using var emulator = await Emulator.StartAsync(paths.EmulatorDll, new EmulatorSettings(0, BenchmarkPlan.Burst, 0));
        Console.WriteLine($"Emulator at {emulator.BaseUri} ({emulator.Settings}; workloads 6 and 7 set their own limits)");
        if (budget)
        {
            await RepeatAloneAsync($"6-budget read {plan.BudgetReadRows} rows, {BenchmarkPlan.RequestsPerMinute}/min", emulator,
                () => ScriptAsync(emulator, "6-budget-read"), BudgetFigures);
            await RepeatAloneAsync($"6-budget add {plan.BudgetWriteRows} rows, {BenchmarkPlan.RequestsPerMinute}/min", emulator,
                () => ScriptAsync(emulator, "6-budget-add"), BudgetFigures);
        }

        if (workspace)
        {
            await RepeatAloneAsync($"7-workspace two tokens, {BenchmarkPlan.WorkspaceBudget} per 60 s, {BenchmarkPlan.WorkspaceReadRows} rows each", emulator,
                () => ScriptAsync(emulator, "7-workspace"), WorkspaceFigures);
        }

        if (declaredWorkspace)
        {
            await RepeatAloneAsync($"7-workspace-declared two tokens, {BenchmarkPlan.WorkspaceBudget} per 60 s declared, {BenchmarkPlan.WorkspaceReadRows} rows each", emulator,
                () => ScriptAsync(emulator, "7-workspace-declared"), WorkspaceFigures);
        }

        if (blocks)
        {
            var workload = $"8-blocks write and read back a {BenchmarkPlan.Blocks}-block page";
            await RepeatAsync(workload, emulator,
                () => ScriptAsync(emulator, "8-blocks"),
                () => SdkAsync(emulator, "blocks", Emulator.TeamHomePageId, Invariant(BenchmarkPlan.Blocks)),
                (ps, sdk) =>
                {
                    report.Add(workload, "write: ms (New-NotionPage -Markdown / pages.create + blocks.children.append)", "@notionhq/client", ps.Figure("writeElapsedMs"), sdk.Figure("writeMs"));
                    report.Add(workload, "write: CPU time (ms)", "@notionhq/client", ps.Figure("writeCpuMs"), sdk.Figure("writeCpuMs"));
                    report.Add(workload, "read back: ms (Get-NotionPageContent -AsBlocks / blocks.children.list)", "@notionhq/client", ps.Figure("readElapsedMs"), sdk.Figure("readMs"));
                    report.Add(workload, "read back: CPU time (ms)", "@notionhq/client", ps.Figure("readCpuMs"), sdk.Figure("readCpuMs"));
                    report.Add(workload, "read back as Markdown: ms (Get-NotionPageContent)", "no SDK counterpart (it has no Markdown form)", ps.Figure("markdownElapsedMs"), null);
                    report.Add(workload, "read back as Markdown: CPU time (ms)", "no SDK counterpart (it has no Markdown form)", ps.Figure("markdownCpuMs"), null);
                    report.Add(workload, "requests (write + read)", "@notionhq/client", ps.Figure("requests"), sdk.Answered);
                    report.Add(workload, "blocks read back", "@notionhq/client", ps.Rows, sdk.Rows);
                    report.Add(workload, "allocated (MB), .NET only", "", (ps.AllocatedBytes ?? 0) / 1e6, null);
                });
        }

        if (sync)
        {
            var workload = $"9-sync {BenchmarkPlan.SyncRows} rows, {BenchmarkPlan.SyncChanged} changed";
            const string noSdk = "no SDK counterpart (it has no sync operation)";
            await RepeatAloneAsync(workload, emulator, () => ScriptAsync(emulator, "9-sync"), ps =>
            {
                report.Add(workload, "requests", "the minimum possible (one update per changed row)", ps.Figure("requests"), ps.Figure("minimumRequests"));
                report.Add(workload, "rows reported Updated", noSdk, ps.Figure("changedReported"), null);
                report.Add(workload, "ms", noSdk, ps.ElapsedMs, null);
                report.Add(workload, "CPU time (ms)", noSdk, ps.CpuMs, null);
                report.Add(workload, "allocated (MB), .NET only", noSdk, (ps.AllocatedBytes ?? 0) / 1e6, null);
            });
        }

        if (upload)
        {
            var file = UploadFile();
            try
            {
                var workload = $"10-upload {BenchmarkPlan.UploadMegabytes} MiB (Send-NotionFile / fileUploads, parts of 10 MiB)";
                await RepeatAsync(workload, emulator,
                    () => ScriptAsync(emulator, "10-upload", "-UploadPath", file),
                    () => SdkAsync(emulator, "upload", file),
                    (ps, sdk) =>
                    {
                        if (sdk.Failed != 0)
                        {
                            Console.WriteLine("  warning: the SDK's upload did not end uploaded.");
                        }

                        report.Add(workload, "MB/s (10^6 bytes)", "@notionhq/client", MegabytesPerSecond(ps), MegabytesPerSecond(sdk));
                        report.Add(workload, "CPU time (ms)", "@notionhq/client", ps.CpuMs, sdk.CpuMs);
                        report.Add(workload, "peak memory of the process (MB)", "@notionhq/client (a process doing only the upload)", ps.PeakBytes / 1e6, sdk.PeakBytes / 1e6);
                        report.Add(workload, "peak memory above the process's peak before (MB)", "@notionhq/client", PeakAboveBefore(ps), PeakAboveBefore(sdk));
                        report.Add(workload, "requests", "@notionhq/client", ps.Figure("requests"), sdk.Answered);
                        report.Add(workload, "allocated (MB), .NET only", "", (ps.AllocatedBytes ?? 0) / 1e6, null);
                    });
            }
            finally
            {
                File.Delete(file);
            }
        }

        if (export)
        {
            var workload = $"11-export {plan.ExportRows} rows to CSV";
            const string noSdk = "no SDK counterpart (it has no export operation)";
            await RepeatAloneAsync(workload, emulator, () => ScriptAsync(emulator, "11-export"), ps =>
            {
                report.Add(workload, "rows/s", noSdk, PerSecond(ps.Rows, ps), null);
                report.Add(workload, "rows in the CSV", noSdk, ps.Rows, null);
                report.Add(workload, "CPU time (ms)", noSdk, ps.CpuMs, null);
                report.Add(workload, "peak memory above the process's peak before (MB)", noSdk, PeakAboveBefore(ps), null);
                report.Add(workload, "allocated (MB), .NET only", noSdk, (ps.AllocatedBytes ?? 0) / 1e6, null);
                report.Add(workload, "requests", noSdk, ps.Figure("requests"), null);
            });
        }
    }

    private void BudgetFigures(RunResult ps)
    {
        var workload = ps.Named?["workload"].GetString() ?? throw new BenchmarkException("Workloads.ps1 named no workload.");
        report.Add(workload, "share of the per-minute budget (%; aim 98)", NoPacing, ps.Figure("shareOfBudget"), null);
        report.Add(workload, "429s drawn (aim: 0)", NoPacing, ps.RateLimited, null);
        report.Add(workload, "requests", NoPacing, ps.Figure("requests"), null);
        report.Add(workload, "rows", NoPacing, ps.Rows, null);
        report.Add(workload, "seconds", NoPacing, ps.ElapsedMs / 1000, null);
    }

    /// <summary>Workload 7, with or without -WorkspaceRequestsPerMinute: both tokens' 429s and the share of the workspace's budget.</summary>
    private void WorkspaceFigures(RunResult ps)
    {
        var workload = ps.Named?["workload"].GetString() ?? throw new BenchmarkException("Workloads.ps1 named no workload.");
        var rateLimited = ps.RateLimited + ps.Figure("otherTokenRateLimited");
        report.Add(workload, "rows read (both tokens)", NoPacing, ps.Rows, null);
        report.Add(workload, "requests (both tokens)", NoPacing, ps.Figure("requests") + ps.Figure("otherTokenRequests"), null);
        report.Add(workload, "429s drawn (both tokens)", NoPacing, rateLimited, null);
        report.Add(workload, "429s after the first", NoPacing, Math.Max(0, rateLimited - 1), null);
        report.Add(workload, "share of the workspace budget (%; aim 98)", NoPacing, ps.Figure("shareOfWorkspaceBudget"), null);
        report.Add(workload, "seconds", NoPacing, ps.ElapsedMs / 1000, null);
    }

    /// <summary>One workload of pwsh/Workloads.ps1 in a fresh pwsh, with this plan's sizes.</summary>
    private Task<RunResult> ScriptAsync(Emulator emulator, string workload, params string[] options) =>
        PwshAsync(PwshHost.Tool, emulator, "Workloads.ps1", [
            "-Only", workload,
            "-RequestsPerMinute", Invariant(BenchmarkPlan.RequestsPerMinute), "-BudgetReadRows", Invariant(plan.BudgetReadRows), "-BudgetWriteRows", Invariant(plan.BudgetWriteRows),
            "-WorkspaceBudget", Invariant(BenchmarkPlan.WorkspaceBudget), "-WorkspaceReadRows", Invariant(BenchmarkPlan.WorkspaceReadRows),
            "-Blocks", Invariant(BenchmarkPlan.Blocks), "-SyncRows", Invariant(BenchmarkPlan.SyncRows), "-SyncChanged", Invariant(BenchmarkPlan.SyncChanged),
            "-ExportRows", Invariant(plan.ExportRows), .. options]);

    /// <summary>The file both clients upload: random bytes (so nothing compresses), named .mp4 as a video a user would send.</summary>
    private string UploadFile()
    {
        var path = Path.Combine(paths.RepoRoot, "out", "benchmarks", $"upload-{BenchmarkPlan.UploadMegabytes}MiB.mp4");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var block = new byte[1 << 20];
        new Random(19).NextBytes(block);
        using var stream = File.Create(path);
        for (var i = 0; i < BenchmarkPlan.UploadMegabytes; i++)
        {
            stream.Write(block);
        }

        return path;
    }

    private static double PeakAboveBefore(RunResult result) => (result.PeakBytes - result.Figure("peakBytesBefore")) / 1e6;

    private static double MegabytesPerSecond(RunResult result) => result.Figure("bytes") / 1e6 / (result.ElapsedMs / 1000);
}
