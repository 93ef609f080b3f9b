using System;
using System.Collections.Generic;
using System.Management.Automation;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// A test class against the shared emulator: a fresh hosted session per test, and afterwards no
/// current connection left behind (it is process-wide) and the emulator back to its demo workspace.
/// </summary>
public abstract class EmulatorTest : IDisposable
{
    protected EmulatorTest(EmulatorFixture emulator)
    {
        Emulator = emulator;
        Session = emulator.NewSession();

        // The current connection is process-wide: a test outside this base (a help example, say) may have left one.
        Session.Run("Disconnect-NotionIntegration");
    }

    protected EmulatorFixture Emulator { get; }

    protected ModuleSession Session { get; }

    /// <summary>Runs a script that must stop with a terminating error (try/catch sees only those) and returns it.</summary>
    protected ErrorRecord RunExpectingTerminatingError(string script, IReadOnlyDictionary<string, object?>? variables = null)
    {
        var result = Session.Run($"try {{ {script} }} catch {{ $_ }}", variables);
        return Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
    }

    public void Dispose()
    {
        Session.Run("Disconnect-NotionIntegration");
        Session.Dispose();
        Emulator.ResetAsync().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }
}
