using System;
using NotionPS.Tests.Hosting;

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
    }

    protected EmulatorFixture Emulator { get; }

    protected ModuleSession Session { get; }

    public void Dispose()
    {
        Session.Run("Disconnect-NotionIntegration");
        Session.Dispose();
        Emulator.ResetAsync().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }
}
