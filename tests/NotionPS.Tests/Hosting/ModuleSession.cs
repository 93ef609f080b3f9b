using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;

namespace NotionPS.Tests.Hosting;

/// <summary>
/// A runspace of PowerShell 7.6.9 (Microsoft.PowerShell.SDK: the engine and the modules pwsh ships) with
/// the staged module (out/NotionPS) imported, as a user's session would have it. Scripts run in one shared runspace, so variables and the module's
/// session state carry over from one <see cref="Run"/> to the next. Not thread-safe: one test at a time.
/// </summary>
public sealed class ModuleSession : IDisposable
{
    public static string ManifestPath { get; } = Path.Combine(TestPaths.RepoRoot, "out", "NotionPS", "NotionPS.psd1");

    private readonly Runspace runspace;

    public ModuleSession()
        : this(null, InitialSessionState.CreateDefault2())
    {
    }

    /// <summary>A session whose Out-Host writes to <paramref name="host"/> (see <see cref="TextCaptureHost"/>).</summary>
    public static ModuleSession WithHost(PSHost host) => new(host, InitialSessionState.CreateDefault2());

    /// <summary>
    /// A session of a host that lacks Update-TypeData: the engine's core commands only, as with the bare
    /// System.Management.Automation package. Update-TypeData is in Microsoft.PowerShell.Utility, which
    /// such a session never loads, since it loads no module by itself.
    /// </summary>
    public static ModuleSession WithoutUpdateTypeData()
    {
        var state = InitialSessionState.CreateDefault2();
        state.Variables.Add(new SessionStateVariableEntry("PSModuleAutoLoadingPreference", PSModuleAutoLoadingPreference.None, string.Empty));
        return new ModuleSession(null, state);
    }

    private ModuleSession(PSHost? host, InitialSessionState state)
    {
        // CreateDefault2: CreateDefault needs a console host the test process does not have.
        runspace = host == null
            ? RunspaceFactory.CreateRunspace(state)
            : RunspaceFactory.CreateRunspace(host, state);
        runspace.Open();
        using var import = CreatePowerShell();
        import.AddCommand("Import-Module").AddParameter("Name", ManifestPath).AddParameter("ErrorAction", "Stop");
        import.Invoke();
    }

    /// <summary>
    /// Runs a script and collects everything it wrote. Terminating errors are thrown as they would
    /// reach a host (RuntimeException and its kin); non-terminating ones are in <see cref="ScriptResult.Errors"/>.
    /// </summary>
    /// <param name="script">PowerShell source, run in the session's global scope.</param>
    /// <param name="variables">Variables to set first, so values need no quoting inside the script.</param>
    public ScriptResult Run(string script, IReadOnlyDictionary<string, object?>? variables = null)
    {
        foreach (var variable in variables ?? new Dictionary<string, object?>())
        {
            runspace.SessionStateProxy.SetVariable(variable.Key, variable.Value);
        }

        using var ps = CreatePowerShell();
        ps.AddScript(script);
        var output = ps.Invoke();
        return new ScriptResult(
            output.ToList(),
            ps.Streams.Error.ToList(),
            ps.Streams.Warning.ToList(),
            ps.Streams.Verbose.ToList(),
            ps.Streams.Debug.ToList(),
            ps.Streams.Information.ToList());
    }

    /// <summary>
    /// A PowerShell instance on this session's runspace, for what <see cref="Run"/> does not cover:
    /// BeginInvoke and Stop (Ctrl+C), or commands added with parameters instead of a script.
    /// </summary>
    public PowerShell CreatePowerShell()
    {
        var ps = PowerShell.Create();
        ps.Runspace = runspace;
        return ps;
    }

    public void Dispose() => runspace.Dispose();
}
