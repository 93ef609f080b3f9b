using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NotionPS.Emulator;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.Help;

/// <summary>
/// The demo walk (tools/Demo/Start-NotionDemo.ps1) that `build.ps1 -Task Demo` runs, run here in the
/// hosted engine against an emulator with its default options (Notion's rate limit on), with a host
/// that keeps what the walk shows, as a terminal would show it.
/// </summary>
public sealed class DemoWalkTests : IClassFixture<DemoWalkTests.Walk>
{
    private readonly Walk walk;

    public DemoWalkTests(Walk walk) => this.walk = walk;

    /// <summary>Walks once for the whole class; the facts below read what it did and showed.</summary>
    public sealed class Walk : IAsyncLifetime
    {
        private static readonly string WalkScript = Path.Combine(TestPaths.RepoRoot, "tools", "Demo", "Start-NotionDemo.ps1");

        public ScriptResult? Result { get; private set; }

        /// <summary>The screen, without the ANSI colours the engine gives table headers.</summary>
        public string Shown { get; private set; } = string.Empty;

        public IReadOnlyList<string> Lines => Shown.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public async Task InitializeAsync()
        {
            await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Urls = "http://127.0.0.1:0" });
            var console = new TextCaptureHost();
            using var session = ModuleSession.WithHost(console);
            Result = session.Run(
                "& $walk -BaseUri $baseUri; Get-NotionConnection; Disconnect-NotionIntegration",
                new Dictionary<string, object?> { ["walk"] = WalkScript, ["baseUri"] = emulator.BaseUri });
            Shown = Regex.Replace(console.Text, "\u001b\\[[0-9;]*m", string.Empty);
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }

    [Fact]
    public void WalksWithoutErrorsAndLeavesTheDemoConnectionCurrent()
    {
        Assert.Empty(walk.Result!.Errors);
        var connection = Assert.IsType<NotionConnection>(Assert.Single(walk.Result.Output).BaseObject);
        Assert.Equal("NotionPS Demo", connection.BotName);
    }

    [Fact]
    public void ShowsTheStepsInTheOrderTheyAreWalked()
    {
        var steps = walk.Lines.Where(line => line.StartsWith("Step ", StringComparison.Ordinal)).Select(line => line[..6]);

        Assert.Equal(["Step 1", "Step 3", "Step 2"], steps);
    }

    [Fact]
    public void ShowsTheConnectionAsATableRow()
    {
        Assert.Contains(walk.Lines, line => line.StartsWith("TokenKind", StringComparison.Ordinal) && line.Contains("WorkspaceName", StringComparison.Ordinal) && line.EndsWith("BotName", StringComparison.Ordinal));
        Assert.Contains(walk.Lines, line => line.StartsWith("InternalConnection", StringComparison.Ordinal) && line.Contains("Acme Demo", StringComparison.Ordinal) && line.EndsWith("NotionPS Demo", StringComparison.Ordinal));
    }

    [Fact]
    public void ShowsTheIdsOfTheDemoUrlsOneLineEachWithoutRepeatingTheLinks()
    {
        Assert.Contains(walk.Lines, line => line.StartsWith("DatabaseId", StringComparison.Ordinal) && line.EndsWith("Title", StringComparison.Ordinal));
        Assert.Single(walk.Lines, line => line == "1a2b3c4d-5e6f-47a8-b9c0-d1e2f3a4b5c6");
        Assert.Single(walk.Lines, line => line == "3c4d5e6f-7081-4b92-a0d1-e2f3a4b5c6d7");
    }

    [Fact]
    public void ShowsTasksAccessibleAndPrivateNotesNotSharedWithTheRemedy()
    {
        Assert.Single(walk.Lines, line => line.StartsWith("Tasks ", StringComparison.Ordinal) && line.Contains("Accessible", StringComparison.Ordinal));
        Assert.Single(walk.Lines, line => line.StartsWith("3c4d5e6f-7081-4b92-a0d1-e2f3a4b5c6d7", StringComparison.Ordinal) && line.Contains("NotShared", StringComparison.Ordinal));
        // The Message column wraps mid-word at the screen's width: compare without any whitespace.
        var compact = Regex.Replace(walk.Shown, "\\s+", string.Empty);
        Assert.Contains("click•••inthetoprightcorner,atthebottomofthepop-upclickAddconnections", compact, StringComparison.Ordinal);
        Assert.Contains("select\"NotionPSDemo\"", compact, StringComparison.Ordinal);
    }

    [Fact]
    public void SaysWhatToDoInFullForTheDatabaseThatIsNotShared()
    {
        var remedy = Assert.Single(walk.Lines, line => line.StartsWith("What to do for ", StringComparison.Ordinal));

        Assert.StartsWith("What to do for 3c4d5e6f-7081-4b92-a0d1-e2f3a4b5c6d7 (NotShared): ", remedy, StringComparison.Ordinal);
        Assert.Contains("Add connections", remedy, StringComparison.Ordinal);
    }
}
