using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Files marked immutable with chattr: the one write failure that root (who runs the tests here) cannot bypass, as it
/// bypasses a read-only folder or file. Needs Linux, chattr and CAP_LINUX_IMMUTABLE.
/// </summary>
internal static class ImmutableFiles
{
    public static readonly bool Supported = Probe();

    /// <summary>Marks <paramref name="path"/> immutable (no write, rename or delete, even by root) or clears the mark.</summary>
    public static void Set(string path, bool immutable)
    {
        if (!TryChattr(path, immutable))
        {
            throw new InvalidOperationException($"chattr could not {(immutable ? "mark" : "unmark")} '{path}' immutable.");
        }
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var path = Path.Combine(Path.GetTempPath(), "notionps-immutable-probe-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, "probe");
        try
        {
            return TryChattr(path, true) && TryChattr(path, false);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static bool TryChattr(string path, bool immutable)
    {
        try
        {
            using var chattr = Process.Start(new ProcessStartInfo("chattr", [immutable ? "+i" : "-i", path]) { RedirectStandardError = true, UseShellExecute = false })!;
            chattr.WaitForExit();
            return chattr.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no chattr
        }
    }
}

/// <summary>A test that needs <see cref="ImmutableFiles"/>; skipped where files cannot be made immutable.</summary>
internal sealed class ImmutableFileFactAttribute : FactAttribute
{
    public ImmutableFileFactAttribute()
    {
        if (!ImmutableFiles.Supported)
        {
            Skip = "Files cannot be made immutable here (Linux with chattr and CAP_LINUX_IMMUTABLE is needed).";
        }
    }
}
