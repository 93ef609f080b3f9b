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
    [InlineData("--now", "31.01.2025", "--now needs an ISO 8601 date or date-time such as 2025-01-31T10:00:00Z")]
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

    [Fact]
    public async Task TheBannerNamesTheDemoTokensOnlyForTheDemoWorkspace()
    {
        var demo = await BannerAsync();
        Assert.Contains("demo-token-full-access", demo);

        var seed = Path.Combine(Path.GetTempPath(), $"notionps-seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(seed, """{"integrations": [{"name": "Own", "token": "own-token"}]}""");
        try
        {
            var seeded = await BannerAsync("--seed", seed);
            Assert.DoesNotContain("demo-token", seeded);
            Assert.Contains(seed, seeded);
        }
        finally
        {
            File.Delete(seed);
        }
    }

    [Fact]
    public async Task NowStartsTheClockAtTheGivenInstant()
    {
        using var process = Start("--urls", "http://127.0.0.1:0", "--rate-limit", "0", "--now", "2025-01-31T10:00:00Z");
        try
        {
            var baseUri = await ListeningAddressAsync(process);
            using var http = new HttpClient();
            var clock = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync(new Uri(baseUri, "__emulator/clock")))!;
            // The clock runs on from the given instant; the test asks only for the day it was set to.
            Assert.StartsWith("2025-01-31T10:", (string?)clock["now"]);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>What the emulator prints up to and including the line after its address.</summary>
    private static async Task<string> BannerAsync(params string[] arguments)
    {
        using var process = Start(["--urls", "http://127.0.0.1:0", .. arguments]);
        try
        {
            await ListeningAddressAsync(process);
            return await process.StandardOutput.ReadLineAsync() ?? "";
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    private static async Task<Uri> ListeningAddressAsync(Process process)
    {
        // Only a guard against hanging the suite if the address never comes; nothing is measured.
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        const string marker = "listening on ";
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(giveUp.Token)
                ?? throw new InvalidOperationException($"The emulator stopped: {await process.StandardError.ReadToEndAsync()}");
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                return new Uri(line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim());
            }
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
