using System.Diagnostics;
using System.Globalization;

namespace NotionPS.Benchmarks;

/// <summary>
/// Runs every workload through NotionPS (a fresh process of this executable hosting the engine, or a fresh real
/// pwsh) and through @notionhq/client (a fresh Node process), alternating which goes first, against one emulator
/// process per setting; then prints the table and writes it as JSON under out/benchmarks.
/// </summary>
internal sealed partial class Harness
{
    private readonly BenchmarkPlan plan;
    private readonly Paths paths;
    private readonly Report report = new();

    /// <summary>The real pwsh builds workloads 1 and 5 run in besides the hosted engine: the tool's, the tool's with dynamic PGO off, and the ReadyToRun copy where it could be made.</summary>
    private readonly List<PwshHost> pwshHosts = [PwshHost.Tool, PwshHost.ToolWithoutTieredPgo];

    private Harness(BenchmarkPlan plan, Paths paths)
    {
        this.plan = plan;
        this.paths = paths;
    }

    public static async Task<int> RunAsync(BenchmarkPlan plan)
    {
        var paths = Paths.Locate();
        var node = await RunProcessAsync("node", ["--version"], paths.SdkDirectory, "node --version");
        if (!File.Exists(Path.Combine(paths.SdkDirectory, "node_modules", "@notionhq", "client", "package.json")))
        {
            Console.WriteLine("Installing @notionhq/client from the lock file (npm ci)...");
            await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund"], paths.SdkDirectory, "npm ci");
        }

        var machine = Machine.Describe(node.Trim());
        Console.WriteLine($"NotionPS benchmark ({(plan.Quick ? "quick" : "full")}, {plan.Repetitions} repetition(s)) on {machine}");
        var harness = new Harness(plan, paths);
        await harness.RunUnlimitedAsync();
        foreach (var latency in BenchmarkPlan.LatenciesMs)
        {
            await harness.RunRateLimitedAsync(latency);
        }

        await harness.RunScriptedAsync();

        Console.WriteLine();
        Console.WriteLine(harness.report.Table());
        var json = await harness.report.WriteJsonAsync(Path.Combine(paths.RepoRoot, "out", "benchmarks"), plan, machine);
        Console.WriteLine($"Written: {json}");
        return 0;
    }

    /// <summary>
    /// For profiling one NotionPS run on its own: an unlimited emulator with a data source of <paramref name="rows"/>
    /// seeded rows, kept up (with the command that runs the read workload printed) until Enter is pressed.
    /// </summary>
    public static async Task<int> ServeAsync(int rows)
    {
        var paths = Paths.Locate();
        await using var emulator = await Emulator.StartAsync(paths.EmulatorDll, new EmulatorSettings(0, BenchmarkPlan.Burst, 0));
        var dataSource = await emulator.CreateDataSourceAsync($"Read {rows}");
        await emulator.SeedRowsAsync(dataSource, rows);
        await emulator.WarmUpAsync(dataSource);
        var (file, prefix) = paths.Self;
        Console.WriteLine($"{file} {string.Join(' ', prefix)} --workload read --base-uri {emulator.BaseUri} --manifest {paths.ModuleManifest} --data-source {dataSource} --rps 0");
        Console.WriteLine($"dotnet pwsh -NoProfile -File {Path.Combine(paths.RepoRoot, "tests", "NotionPS.Benchmarks", "pwsh", "Read.ps1")} -Manifest {paths.ModuleManifest} -BaseUri {emulator.BaseUri} -DataSourceId {dataSource} -Token {Emulator.FullAccessToken}");
        Console.WriteLine("Serving; press Enter to stop.");
        await Task.Run(Console.ReadLine);
        return 0;
    }

    /// <summary>Workloads 1 and 5: no rate limit, no added latency.</summary>
    private async Task RunUnlimitedAsync()
    {
        var read = plan.Includes("1-read");
        var import = plan.Includes("5-import");
        if (!read && !import)
        {
            return;
        }

        if (await ReadyToRunPwsh.PrepareAsync(paths) is { } readyToRunPwsh)
        {
            pwshHosts.Add(PwshHost.ReadyToRun(readyToRunPwsh));
        }

        await using var emulator = await Emulator.StartAsync(paths.EmulatorDll, new EmulatorSettings(0, BenchmarkPlan.Burst, 0));
        Console.WriteLine($"Emulator at {emulator.BaseUri} ({emulator.Settings})");
        if (read)
        {
            foreach (var rows in new[] { plan.ReadRows, plan.LargeReadRows })
            {
                var dataSource = await emulator.CreateDataSourceAsync($"Read {rows}");
                await emulator.SeedRowsAsync(dataSource, rows);
                await emulator.WarmUpAsync(dataSource);
                var workload = $"1-read {rows / 1000}k, no limit";
                await RepeatAsync(workload, emulator,
                    () => ModuleAsync(emulator, "read", "--data-source", dataSource, "--rps", "0"),
                    () => SdkAsync(emulator, "read", dataSource),
                    (ps, sdk) => ReadFigures(workload, rows, ps, sdk, limited: false));

                // The same read in real pwsh (each build), against the SDK again (each pair alternating which goes first).
                foreach (var host in pwshHosts)
                {
                    var inPwsh = $"{workload}, {host.Name}";
                    await RepeatAsync(inPwsh, emulator,
                        () => PwshAsync(host, emulator, "Read.ps1", "-DataSourceId", dataSource),
                        () => SdkAsync(emulator, "read", dataSource),
                        (ps, sdk) => ReadFigures(inPwsh, rows, ps, sdk, limited: false));
                }
            }
        }

        if (import)
        {
            var emptyModule = EmptyModule.Create(Path.Combine(paths.RepoRoot, "out", "benchmarks", "EmptyBinaryModule"));
            await RepeatImportAsync("5-import, first call", emulator, emptyModule,
                (manifest, connect) => ModuleAsync(emulator, "import", "--manifest", manifest, connect ? "--connect" : "--bare-http"));
            foreach (var host in pwshHosts)
            {
                await RepeatImportAsync($"5-import, first call, {host.Name}", emulator, emptyModule,
                    (manifest, connect) => PwshAsync(host, emulator, "Import.ps1", "-Manifest", manifest, connect ? "-Connect" : "-BareHttp"));
            }
        }
    }

    /// <summary>
    /// Workload 5 in one kind of process: NotionPS's import and first Connect, and in a process of its own the empty
    /// binary module's import and a bare HttpClient's first users/me, against the SDK's package load and first users.me.
    /// </summary>
    /// <param name="import">Runs a fresh process importing the manifest, then connecting (true) or calling with a bare HttpClient (false).</param>
    private async Task RepeatImportAsync(string workload, Emulator emulator, string emptyModule, Func<string, bool, Task<RunResult>> import)
    {
        var pairs = 0;
        await RepeatAsync(workload, emulator,
            async () =>
            {
                // The empty module goes first every other time, as the two clients do.
                var emptyFirst = ++pairs % 2 == 0;
                var empty = emptyFirst ? await import(emptyModule, false) : null;
                var notionPs = await import(paths.ModuleManifest, true);
                empty ??= await import(emptyModule, false);
                return notionPs with { BaselineImportMs = empty.ImportMs, BaselineFirstCallMs = empty.FirstCallMs };
            },
            () => SdkAsync(emulator, "import"),
            (ps, sdk) =>
            {
                report.Add(workload, "Import-Module (ms)", "empty binary module", ps.ImportMs ?? 0, ps.BaselineImportMs);
                report.Add(workload, "Import-Module: CPU time (ms)", "", ps.CpuMs, null);
                report.Add(workload, "Import-Module: JIT compile time (ms)", "", ps.JitMs ?? 0, null);
                report.Add(workload, "load, NotionPS vs SDK package (ms)", "@notionhq/client", ps.ImportMs ?? 0, sdk.ImportMs);
                report.Add(workload, "first Connect / users.me (ms)", "@notionhq/client", ps.FirstCallMs ?? 0, sdk.FirstCallMs);
                report.Add(workload, "first Connect / bare HttpClient users/me (ms)", "bare HttpClient", ps.FirstCallMs ?? 0, ps.BaselineFirstCallMs);
            },
            plan.ImportRepetitions);
    }

    /// <summary>Workloads 2, 3 and 4 under Notion's 3 requests/s, with <paramref name="latencyMs"/> added to every answer.</summary>
    private async Task RunRateLimitedAsync(int latencyMs)
    {
        var read = plan.Includes("2-read");
        var write = plan.Includes("3-add");
        var parallel = plan.Includes("4-add");
        if (!read && !write && !parallel)
        {
            return;
        }

        await using var emulator = await Emulator.StartAsync(paths.EmulatorDll, new EmulatorSettings(BenchmarkPlan.RequestsPerSecond, BenchmarkPlan.Burst, latencyMs));
        Console.WriteLine($"Emulator at {emulator.BaseUri} ({emulator.Settings})");
        if (read)
        {
            var dataSource = await emulator.CreateDataSourceAsync("Limited read");
            await emulator.SeedRowsAsync(dataSource, plan.LimitedReadRows);
            var workload = $"2-read {plan.LimitedReadRows}, 3/s, {latencyMs} ms";
            await RepeatAsync(workload, emulator,
                () => ModuleAsync(emulator, "read", "--data-source", dataSource, "--rps", Invariant(BenchmarkPlan.RequestsPerSecond)),
                () => SdkAsync(emulator, "read", dataSource),
                (ps, sdk) => ReadFigures(workload, plan.LimitedReadRows, ps, sdk, limited: true));
        }

        if (write)
        {
            await RepeatWritesAsync($"3-add {plan.WriteRows}, 3/s, {latencyMs} ms", emulator, workers: 1);
        }

        if (parallel)
        {
            await RepeatWritesAsync($"4-add {plan.WriteRows} from {BenchmarkPlan.Runspaces} runspaces, 3/s, {latencyMs} ms", emulator, BenchmarkPlan.Runspaces);
        }
    }

    /// <summary>Each run adds to a data source of its own, then the rows are read back to count any lost or duplicated.</summary>
    private async Task RepeatWritesAsync(string workload, Emulator emulator, int workers)
    {
        var run = 0;
        async Task<RunResult> Checked(Func<string, string, Task<RunResult>> add)
        {
            var prefix = $"run{++run}";
            var dataSource = await emulator.CreateDataSourceAsync($"Add {prefix}");
            var result = await add(dataSource, prefix);
            var (lost, duplicated) = await emulator.CheckWrittenRowsAsync(dataSource, prefix, plan.WriteRows);
            return result with { Lost = lost, Duplicated = duplicated };
        }

        var rows = Invariant(plan.WriteRows);
        await RepeatAsync(workload, emulator,
            () => Checked((dataSource, prefix) => ModuleAsync(emulator, "write", "--data-source", dataSource, "--rps", Invariant(BenchmarkPlan.RequestsPerSecond),
                "--rows", rows, "--prefix", prefix, "--runspaces", Invariant(workers))),
            () => Checked((dataSource, prefix) => SdkAsync(emulator, "write", dataSource, rows, prefix, Invariant(workers))),
            (ps, sdk) =>
            {
                report.Add(workload, "rows/s (= creates/s)", "@notionhq/client", PerSecond(ps.Rows, ps), PerSecond(sdk.Rows, sdk));
                report.Add(workload, "requests/s answered, % of 3/s", "@notionhq/client", LimitShare(ps), LimitShare(sdk));
                report.Add(workload, "429s drawn", "@notionhq/client", ps.RateLimited, sdk.RateLimited);
                report.Add(workload, "rows lost", "@notionhq/client", ps.Lost, sdk.Lost);
                report.Add(workload, "rows duplicated", "@notionhq/client", ps.Duplicated, sdk.Duplicated);
                report.Add(workload, "rows refused (errors)", "@notionhq/client", ps.Failed, sdk.Failed);
            });
    }

    private void ReadFigures(string workload, int expectedRows, RunResult ps, RunResult sdk, bool limited)
    {
        if (ps.Rows != expectedRows || sdk.Rows != expectedRows)
        {
            Console.WriteLine($"  warning: {workload} read {ps.Rows} rows with NotionPS and {sdk.Rows} with the SDK; {expectedRows} expected.");
        }

        report.Add(workload, "rows/s", "@notionhq/client", PerSecond(ps.Rows, ps), PerSecond(sdk.Rows, sdk));
        if (limited)
        {
            var ceiling = BenchmarkPlan.RequestsPerSecond * BenchmarkPlan.PageSize;
            report.Add(workload, "% of the ceiling (300 rows/s)", "@notionhq/client", 100 * PerSecond(ps.Rows, ps) / ceiling, 100 * PerSecond(sdk.Rows, sdk) / ceiling);
            report.Add(workload, "requests/s answered, % of 3/s", "@notionhq/client", LimitShare(ps), LimitShare(sdk));
            report.Add(workload, "429s drawn", "@notionhq/client", ps.RateLimited, sdk.RateLimited);
            return;
        }

        report.Add(workload, "CPU time (ms)", "@notionhq/client", ps.CpuMs, sdk.CpuMs);
        report.Add(workload, "peak memory (MB)", "@notionhq/client", ps.PeakBytes / 1e6, sdk.PeakBytes / 1e6);
        report.Add(workload, "allocated (MB), .NET only", "", (ps.AllocatedBytes ?? 0) / 1e6, null);
        report.Add(workload, "gen2 GCs, .NET only", "", ps.Gen2Collections ?? 0, null);
        report.Add(workload, "JIT compile time during the read (ms), .NET only", "", ps.JitMs ?? 0, null);
    }

    /// <summary>Runs both sides <see cref="BenchmarkPlan.Repetitions"/> times, alternating which goes first, each from a full rate-limit bucket.</summary>
    private Task RepeatAsync(string workload, Emulator emulator, Func<Task<RunResult>> module, Func<Task<RunResult>> sdk, Action<RunResult, RunResult> record, int? repetitions = null) =>
        RepeatSidesAsync(workload, emulator, module, sdk, (ps, other) => record(ps, other!), repetitions ?? plan.Repetitions);

    /// <summary>A workload the SDK has no counterpart of: NotionPS alone, <see cref="BenchmarkPlan.Repetitions"/> times.</summary>
    private Task RepeatAloneAsync(string workload, Emulator emulator, Func<Task<RunResult>> module, Action<RunResult> record) =>
        RepeatSidesAsync(workload, emulator, module, null, (ps, _) => record(ps), plan.Repetitions);

    private async Task RepeatSidesAsync(string workload, Emulator emulator, Func<Task<RunResult>> module, Func<Task<RunResult>>? sdk, Action<RunResult, RunResult?> record, int count)
    {
        for (var repetition = 1; repetition <= count; repetition++)
        {
            Console.Write($"{workload}, repetition {repetition}/{count}: ");
            RunResult ps;
            RunResult? other = null;
            if (repetition % 2 == 1 || sdk == null)
            {
                ps = await CountingLimitedAsync(emulator, module);
                other = sdk == null ? null : await CountingLimitedAsync(emulator, sdk);
            }
            else
            {
                other = await CountingLimitedAsync(emulator, sdk);
                ps = await CountingLimitedAsync(emulator, module);
            }

            Console.WriteLine(other == null ? $"NotionPS {ps.ElapsedMs:0} ms" : $"NotionPS {ps.ElapsedMs:0} ms, SDK {other.ElapsedMs:0} ms");
            record(ps, other);

            // Times on a shared machine mean little without it: the 1-minute load average as each pair ends.
            if (LoadAverage() is { } load)
            {
                report.Add(workload, "load average (1 min) after the run", "", load, null);
            }
        }
    }

    private static double? LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;

    private static async Task<RunResult> CountingLimitedAsync(Emulator emulator, Func<Task<RunResult>> run)
    {
        await emulator.RefillBucketsAsync();
        var before = await emulator.CountersAsync();
        var result = await run();
        var after = await emulator.CountersAsync();
        var rateLimited = after.RateLimited - before.RateLimited;
        return result with { RateLimited = rateLimited, Answered = after.Requests - before.Requests - rateLimited - result.SetupRequests };
    }

    private async Task<RunResult> ModuleAsync(Emulator emulator, string workload, params string[] options)
    {
        var arguments = new List<string> { "--workload", workload, "--base-uri", emulator.BaseUri.ToString() };
        if (!options.Contains("--manifest"))
        {
            arguments.AddRange(["--manifest", paths.ModuleManifest]);
        }

        arguments.AddRange(options);
        var (file, prefix) = paths.Self;
        var output = await RunProcessAsync(file, [.. prefix, .. arguments], paths.RepoRoot, $"NotionPS {workload}");
        return RunResult.FromOutput(output, $"NotionPS {workload}");
    }

    /// <summary>A workload script of pwsh/ in a fresh real pwsh (the repository's tool manifest: `dotnet tool restore` once; or its ReadyToRun copy).</summary>
    private async Task<RunResult> PwshAsync(PwshHost host, Emulator emulator, string script, params string[] options)
    {
        var manifest = options.Contains("-Manifest") ? [] : new[] { "-Manifest", paths.ModuleManifest };
        string[] arguments = [.. host.Prefix, "-NoProfile", "-NonInteractive", "-File", Path.Combine(paths.RepoRoot, "tests", "NotionPS.Benchmarks", "pwsh", script),
            .. manifest, "-BaseUri", emulator.BaseUri.ToString(), "-Token", Emulator.FullAccessToken, .. options];
        var output = await RunProcessAsync("dotnet", arguments, paths.RepoRoot, $"{host.Name} {script}", host.Environment);
        return RunResult.FromOutput(output, $"{host.Name} {script}");
    }

    private async Task<RunResult> SdkAsync(Emulator emulator, string workload, params string[] options)
    {
        var baseUrl = emulator.BaseUri.ToString().TrimEnd('/');
        var output = await RunProcessAsync("node", ["workload.mjs", workload, baseUrl, Emulator.FullAccessToken, .. options], paths.SdkDirectory, $"SDK {workload}");
        return RunResult.FromOutput(output, $"SDK {workload}");
    }

    internal static async Task<string> RunProcessAsync(string file, IEnumerable<string> arguments, string workingDirectory, string what, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (environment != null)
        {
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new BenchmarkException($"{what} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new BenchmarkException($"{what} exited with {process.ExitCode}: {await error}{await output}");
        }

        return await output;
    }

    /// <summary>Requests answered (not 429) during the measured part of a run, per second, as a share of the limit.</summary>
    private static double LimitShare(RunResult result) => 100 * PerSecond(result.Answered, result) / BenchmarkPlan.RequestsPerSecond;

    private static double PerSecond(int count, RunResult result) => result.ElapsedMs == 0 ? 0 : count / (result.ElapsedMs / 1000);

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
