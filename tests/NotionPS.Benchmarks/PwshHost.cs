namespace NotionPS.Benchmarks;

/// <summary>
/// A real pwsh that the pwsh/*.ps1 workloads run in, each time as a fresh process: <c>dotnet</c> with the
/// arguments before the script's (the tool manifest's command, or a pwsh.dll).
/// </summary>
internal sealed record PwshHost(string Name, string[] Prefix)
{
    /// <summary>The repository's tool manifest (`dotnet tool restore` once): the dotnet-tool package, IL-only assemblies.</summary>
    public static readonly PwshHost Tool = new("pwsh 7.6.9", ["pwsh"]);

    /// <summary>The same pwsh with its assemblies compiled ReadyToRun, as Microsoft's packages ship them (see <see cref="ReadyToRunPwsh"/>).</summary>
    public static PwshHost ReadyToRun(string pwshDll) => new("pwsh 7.6.9 ReadyToRun", [pwshDll]);
}
