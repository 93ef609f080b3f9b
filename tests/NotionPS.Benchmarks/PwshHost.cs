namespace NotionPS.Benchmarks;

/// <summary>
/// A real pwsh that the pwsh/*.ps1 workloads run in, each time as a fresh process: <c>dotnet</c> with the
/// arguments before the script's (the tool manifest's command, or a pwsh.dll), and the environment variables
/// it starts with besides the benchmark's own.
/// </summary>
internal sealed record PwshHost(string Name, string[] Prefix, IReadOnlyDictionary<string, string>? Environment = null)
{
    /// <summary>The repository's tool manifest (`dotnet tool restore` once): the dotnet-tool package, IL-only assemblies.</summary>
    public static readonly PwshHost Tool = new("pwsh 7.6.9", ["pwsh"]);

    /// <summary>The same pwsh with its assemblies compiled ReadyToRun, as Microsoft's packages ship them (see <see cref="ReadyToRunPwsh"/>).</summary>
    public static PwshHost ReadyToRun(string pwshDll) => new("pwsh 7.6.9 ReadyToRun", [pwshDll]);

    /// <summary>
    /// The tool's pwsh started with the runtime's dynamic PGO off (<c>DOTNET_TieredPGO=0</c>, a documented .NET
    /// setting a user can give pwsh; no module can change it once the process runs): in a fresh process the
    /// instrumented code and its probes cost a read more CPU than the rest of the tiering together (README).
    /// </summary>
    public static readonly PwshHost ToolWithoutTieredPgo = new("pwsh 7.6.9 DOTNET_TieredPGO=0", ["pwsh"], new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "0" });
}
