using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Xunit;

namespace NotionPS.Tests.Vaults;

/// <summary>
/// The vault tests share the SecretManagement double's process-wide store (and, for completion, the
/// process's PSModulePath), so they run one at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class VaultCollection
{
    public const string Name = "SecretManagement double";
}

/// <summary>
/// A hosted session with the staged NotionPS module and, unless told otherwise, the SecretManagement
/// double, reset to no vaults.
/// </summary>
internal sealed class VaultSession : IDisposable
{
    public static readonly string DoubleModuleFolder = Path.Combine(TestPaths.RepoRoot, "tests", "SecretManagementDouble");

    private static readonly string DoubleManifest = Path.Combine(
        DoubleModuleFolder, "Microsoft.PowerShell.SecretManagement", "Microsoft.PowerShell.SecretManagement.psd1");

    private static readonly string NotionManifest = Path.Combine(TestPaths.RepoRoot, "out", "NotionPS", "NotionPS.psd1");

    private readonly List<string> streamText = new();

    public VaultSession(bool withSecretManagement = true)
    {
        PowerShell = PowerShell.Create(InitialSessionState.CreateDefault2());
        Run("Import-Module $args[0] -ErrorAction Stop", NotionManifest);
        if (withSecretManagement)
        {
            Run("Import-Module $args[0] -ErrorAction Stop; Reset-SecretDouble", DoubleManifest);
        }
    }

    public PowerShell PowerShell { get; }

    /// <summary>Runs a script that must not fail; returns its output.</summary>
    public Collection<PSObject> Run(string script, params object[] arguments)
    {
        var output = Invoke(script, arguments);
        Assert.True(PowerShell.Streams.Error.Count == 0, "Unexpected error: " + string.Join(Environment.NewLine, PowerShell.Streams.Error));
        return output;
    }

    /// <summary>
    /// Runs a script that must stop with a terminating error (a statement-terminating one included:
    /// try/catch turns it into one that stops the script); returns its ErrorRecord.
    /// </summary>
    public ErrorRecord Terminates(string script, params object[] arguments)
    {
        var exception = Assert.ThrowsAny<RuntimeException>(() => Invoke("try {\n" + script + "\n} catch { throw }", arguments));
        Record(exception.ErrorRecord);
        return exception.ErrorRecord;
    }

    /// <summary>Runs a script that must complete with non-terminating errors; returns them.</summary>
    public IReadOnlyList<ErrorRecord> WritesErrors(string script, out Collection<PSObject> output, params object[] arguments)
    {
        output = Invoke(script, arguments);
        Assert.NotEmpty(PowerShell.Streams.Error);
        return PowerShell.Streams.Error.ToList();
    }

    /// <summary>Everything any stream carried so far, error records in full, for searching for a secret.</summary>
    public string AllStreamText() => string.Join(Environment.NewLine, streamText);

    public void Dispose() => PowerShell.Dispose();

    private Collection<PSObject> Invoke(string script, object[] arguments)
    {
        PowerShell.Commands.Clear();
        PowerShell.Streams.ClearStreams();
        PowerShell.AddScript(script);
        foreach (var argument in arguments)
        {
            PowerShell.AddArgument(argument);
        }

        try
        {
            var output = PowerShell.Invoke();
            streamText.AddRange(output.Select(o => o?.ToString() ?? string.Empty));
            return output;
        }
        finally
        {
            var streams = PowerShell.Streams;
            streamText.AddRange(streams.Verbose.Select(r => r.Message));
            streamText.AddRange(streams.Debug.Select(r => r.Message));
            streamText.AddRange(streams.Warning.Select(r => r.Message));
            streamText.AddRange(streams.Information.Select(r => r.MessageData?.ToString() ?? string.Empty));
            foreach (var error in streams.Error)
            {
                Record(error);
            }
        }
    }

    private void Record(ErrorRecord error)
    {
        streamText.Add(error.ToString());
        streamText.Add(error.FullyQualifiedErrorId);
        streamText.Add(error.ErrorDetails?.Message ?? string.Empty);
        streamText.Add(error.ErrorDetails?.RecommendedAction ?? string.Empty);
        streamText.Add(error.TargetObject?.ToString() ?? string.Empty);
        for (var exception = error.Exception; exception != null; exception = exception.InnerException)
        {
            streamText.Add(exception.ToString());
        }
    }
}
