using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using NotionPS.Tests.Hosting;
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
/// A <see cref="ModuleSession"/> with, unless told otherwise, the SecretManagement double imported and
/// reset to no vaults; it keeps the text of every stream and error record for the token search.
/// </summary>
internal sealed class VaultSession : IDisposable
{
    public static readonly string DoubleModuleFolder = Path.Combine(TestPaths.RepoRoot, "tests", "SecretManagementDouble");

    private static readonly string DoubleManifest = Path.Combine(
        DoubleModuleFolder, "Microsoft.PowerShell.SecretManagement", "Microsoft.PowerShell.SecretManagement.psd1");

    private readonly ModuleSession session = new();
    private readonly List<string> streamText = new();

    public VaultSession(bool withSecretManagement = true)
    {
        if (withSecretManagement)
        {
            Run("Import-Module $manifest -ErrorAction Stop; Reset-SecretDouble", ("manifest", DoubleManifest));
        }
    }

    public ModuleSession Module => session;

    /// <summary>Runs a script that must not fail; returns its output.</summary>
    public IReadOnlyList<PSObject> Run(string script, params (string Name, object? Value)[] variables)
    {
        var result = Invoke(script, variables);
        Assert.True(result.Errors.Count == 0, "Unexpected error: " + string.Join(Environment.NewLine, result.Errors));
        return result.Output;
    }

    /// <summary>
    /// Runs a script that must stop with a terminating error (a statement-terminating one included:
    /// try/catch turns it into one that stops the script); returns its ErrorRecord.
    /// </summary>
    public ErrorRecord Terminates(string script, params (string Name, object? Value)[] variables)
    {
        var exception = Assert.ThrowsAny<RuntimeException>(() => Invoke("try {\n" + script + "\n} catch { throw }", variables));
        Record(exception.ErrorRecord);
        return exception.ErrorRecord;
    }

    /// <summary>Runs a script that must complete with non-terminating errors; returns them.</summary>
    public IReadOnlyList<ErrorRecord> WritesErrors(string script, out IReadOnlyList<PSObject> output, params (string Name, object? Value)[] variables)
    {
        var result = Invoke(script, variables);
        Assert.NotEmpty(result.Errors);
        output = result.Output;
        return result.Errors;
    }

    /// <summary>Everything any stream carried so far, error records in full, for searching for a secret.</summary>
    public string AllStreamText() => string.Join(Environment.NewLine, streamText);

    /// <summary>Ends the session without leaving a current connection: it is process-wide, and the next test may check there is none.</summary>
    public void Dispose()
    {
        session.Run("Disconnect-NotionIntegration");
        session.Dispose();
    }

    private ScriptResult Invoke(string script, (string Name, object? Value)[] variables)
    {
        var result = session.Run(script, variables.ToDictionary(v => v.Name, v => v.Value));
        foreach (var item in result.Output.Where(o => o != null))
        {
            streamText.Add(item.ToString());
            streamText.AddRange(item.Properties.Select(p => SafeValue(p)));
        }

        streamText.AddRange(result.Verbose.Select(r => r.Message));
        streamText.AddRange(result.Debug.Select(r => r.Message));
        streamText.AddRange(result.Warnings.Select(r => r.Message));
        streamText.AddRange(result.Information.Select(r => r.MessageData?.ToString() ?? string.Empty));
        foreach (var error in result.Errors)
        {
            Record(error);
        }

        return result;
    }

    private static string SafeValue(PSPropertyInfo property)
    {
        try
        {
            return property.Value?.ToString() ?? string.Empty;
        }
        catch (GetValueException)
        {
            return string.Empty;
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
