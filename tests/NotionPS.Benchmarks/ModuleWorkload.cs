using System.Collections;
using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;

namespace NotionPS.Benchmarks;

/// <summary>
/// One NotionPS workload in this fresh process, in the engine a PowerShell 7.6 user has: import the staged
/// module, connect, run the workload, then print one <c>RESULT {json}</c> line. Elapsed and CPU time cover
/// the workload alone; peak memory is the process's, as for the Node side.
/// </summary>
internal static class ModuleWorkload
{
    public static int Run(Arguments arguments)
    {
        var kind = arguments.Value("workload");
        var baseUri = arguments.Value("base-uri");
        var result = kind switch
        {
            "read" => Read(arguments.Value("manifest"), baseUri, arguments.Value("data-source"), arguments.Double("rps")),
            "write" => Write(arguments.Value("manifest"), baseUri, arguments.Value("data-source"), arguments.Double("rps"),
                arguments.Int("rows"), arguments.Value("prefix"), arguments.Int("runspaces")),
            "import" => Import(arguments.Value("manifest"), baseUri, arguments.Has("connect"), arguments.Has("bare-http")),
            _ => throw new BenchmarkException($"Unknown workload '{kind}'."),
        };
        Console.WriteLine(RunResult.Line(result));
        return 0;
    }

    private static RunResult Read(string manifest, string baseUri, string dataSourceId, double requestsPerSecond)
    {
        using var shell = ConnectedShell(manifest, baseUri, requestsPerSecond);
        shell.AddCommand("Get-NotionDatabaseRow").AddParameter("DataSourceId", dataSourceId)
            .AddCommand(CountRowsCommand.Name);
        return Measure(() => shell.Invoke<int>().Single(), () => shell.Streams.Error.Count) with { SetupRequests = 1 };
    }

    /// <summary>Adds rows from one runspace, or split over several that share the token's limiter, all started together.</summary>
    private static RunResult Write(string manifest, string baseUri, string dataSourceId, double requestsPerSecond, int rows, string prefix, int runspaces)
    {
        var shells = Enumerable.Range(0, runspaces).Select(_ => ConnectedShell(manifest, baseUri, requestsPerSecond)).ToList();
        try
        {
            var inputs = shells.Select((shell, index) =>
            {
                shell.AddCommand("Add-NotionDatabaseRow").AddParameter("DataSourceId", dataSourceId).AddCommand(CountRowsCommand.Name);
                var input = new PSDataCollection<Hashtable>(RowsForRunspace(rows, prefix, index, runspaces));
                input.Complete();
                return input;
            }).ToList();

            return Measure(
                () =>
                {
                    var running = shells.Select((shell, index) => Task.Factory.FromAsync(shell.BeginInvoke(inputs[index]), shell.EndInvoke)).ToArray();
                    Task.WaitAll(running);
                    return running.Sum(task => task.Result.Select(item => (int)item.BaseObject).Single());
                },
                () => shells.Sum(shell => shell.Streams.Error.Count)) with { SetupRequests = runspaces };
        }
        finally
        {
            shells.ForEach(shell => shell.Dispose());
        }
    }

    /// <summary>The same rows the SDK script writes (name, number, select, checkbox, text), numbered 1..rows.</summary>
    private static IEnumerable<Hashtable> RowsForRunspace(int rows, string prefix, int runspace, int runspaces)
    {
        for (var seq = runspace + 1; seq <= rows; seq += runspaces)
        {
            yield return new Hashtable
            {
                ["Name"] = $"{prefix}-{seq}",
                ["Seq"] = seq,
                ["Status"] = new[] { "Todo", "Doing", "Done" }[seq % 3],
                ["Done"] = seq % 2 == 0,
                ["Notes"] = "Added by the NotionPS benchmark",
            };
        }
    }

    /// <summary>
    /// Workload 5: the engine is started and warmed first, so the figure is Import-Module alone (cold, as in a
    /// fresh pwsh); then, for NotionPS, the first Connect-NotionIntegration (one users/me call), or, beside the
    /// empty module, the same users/me call made with a bare HttpClient: what any .NET client pays for its
    /// first request in a fresh process, so the difference is the module's own.
    /// </summary>
    private static RunResult Import(string manifest, string baseUri, bool connect, bool bareHttp)
    {
        using var shell = PowerShell.Create(InitialSessionState.CreateDefault2());
        shell.AddCommand("Get-Command").AddParameter("Name", "Import-Module").Invoke();
        shell.Commands.Clear();

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var import = Stopwatch.StartNew();
        shell.AddCommand("Import-Module").AddParameter("Name", manifest).Invoke();
        import.Stop();
        var jitMs = (System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds;
        process.Refresh();
        var importCpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        ThrowOnErrors(shell, "Import-Module");

        double? firstCallMs = null;
        if (connect)
        {
            shell.Commands.Clear();
            var firstCall = Stopwatch.StartNew();
            Connect(shell, baseUri, requestsPerSecond: 0);
            firstCallMs = firstCall.Elapsed.TotalMilliseconds;
        }
        else if (bareHttp)
        {
            var firstCall = Stopwatch.StartNew();
            BareUsersMe(baseUri);
            firstCallMs = firstCall.Elapsed.TotalMilliseconds;
        }

        return new RunResult { ElapsedMs = import.Elapsed.TotalMilliseconds, ImportMs = import.Elapsed.TotalMilliseconds, CpuMs = importCpuMs, JitMs = jitMs, FirstCallMs = firstCallMs, PeakBytes = PeakWorkingSet() };
    }

    private static void BareUsersMe(string baseUri) => BareUsersMeAsync(baseUri).GetAwaiter().GetResult();

    private static async Task BareUsersMeAsync(string baseUri)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseProxy = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(baseUri), "v1/users/me"));
        request.Headers.Add("Authorization", "Bearer " + Emulator.FullAccessToken);
        request.Headers.Add("Notion-Version", "2026-03-11");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = await System.Text.Json.JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
    }

    private static PowerShell ConnectedShell(string manifest, string baseUri, double requestsPerSecond)
    {
        var state = InitialSessionState.CreateDefault2();
        state.Commands.Add(new SessionStateCmdletEntry(CountRowsCommand.Name, typeof(CountRowsCommand), null));
        var shell = PowerShell.Create(state);
        shell.AddCommand("Import-Module").AddParameter("Name", manifest).Invoke();
        ThrowOnErrors(shell, "Import-Module");
        shell.Commands.Clear();
        Connect(shell, baseUri, requestsPerSecond);
        shell.Commands.Clear();
        return shell;
    }

    private static void Connect(PowerShell shell, string baseUri, double requestsPerSecond)
    {
        var token = new SecureString();
        foreach (var c in Emulator.FullAccessToken)
        {
            token.AppendChar(c);
        }

        shell.AddCommand("Connect-NotionIntegration").AddParameter("Token", token).AddParameter("BaseUri", new Uri(baseUri))
            .AddParameter("RequestsPerSecond", requestsPerSecond).Invoke();
        ThrowOnErrors(shell, "Connect-NotionIntegration");
    }

    private static void ThrowOnErrors(PowerShell shell, string step)
    {
        if (shell.HadErrors)
        {
            throw new BenchmarkException($"{step} failed: {string.Join("; ", shell.Streams.Error.Select(error => error.ToString()))}");
        }
    }

    private static RunResult Measure(Func<int> workload, Func<int> errorCount)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var gen2Before = GC.CollectionCount(2);
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var stopwatch = Stopwatch.StartNew();
        var rows = workload();
        stopwatch.Stop();
        process.Refresh();
        return new RunResult
        {
            ElapsedMs = stopwatch.Elapsed.TotalMilliseconds,
            CpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds,
            PeakBytes = PeakWorkingSet(),
            AllocatedBytes = GC.GetTotalAllocatedBytes() - allocatedBefore,
            Gen2Collections = GC.CollectionCount(2) - gen2Before,
            JitMs = (System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds,
            Rows = rows,
            Failed = errorCount(),
        };
    }

    private static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
