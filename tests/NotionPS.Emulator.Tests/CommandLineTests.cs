using System.Diagnostics;

namespace NotionPS.Emulator.Tests;

/// <summary>The emulator as a user starts it: the built program, its options and its warnings.</summary>
public sealed class CommandLineTests
{
    private static readonly string EmulatorDll = typeof(EmulatorServer).Assembly.Location;

    [Theory]
    [InlineData("--rate-limit", "fast", "--rate-limit needs a number")]
    [InlineData("--latency-ms", "-5", "--latency-ms cannot be negative")]
    [InlineData("--colour", "blue", "Unknown option --colour")]
    public async Task BadOptionsExitWithUsage(string option, string value, string expected)
    {
        using var process = Start(option, value);
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(2, process.ExitCode);
        Assert.Contains(expected, errors);
        Assert.Contains("--rate-limit-burst", errors);
    }

    [Fact]
    public async Task WarnsWhenListeningBeyondLoopback()
    {
        using var process = Start("--urls", "http://0.0.0.0:0", "--rate-limit", "0");
        // Only a guard against hanging the suite if the warning never comes; nothing is measured.
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            var output = "";
            while (!(output.Contains("listening on", StringComparison.Ordinal) && output.Contains("beyond this machine", StringComparison.Ordinal)))
            {
                var line = await process.StandardOutput.ReadLineAsync(giveUp.Token) ?? throw new InvalidOperationException($"The emulator stopped: {output}");
                output += line + "\n";
            }
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    private static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(EmulatorDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }
}
