using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>Faults from the emulator's switch, Ctrl+C, secrecy of the token, and one rate limit shared by runspaces.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class ResilienceTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    [Theory]
    [InlineData("429")]
    [InlineData("529")]
    [InlineData("500")]
    [InlineData("502")]
    [InlineData("503")]
    [InlineData("504")]
    [InlineData("abort")]
    public async Task AStormOfFaultsOnReadsStillGivesTheRightResultsWithRetriesInVerbose(string kind)
    {
        Session.Run("$null = Connect-NotionIntegration -Token $token -BaseUri $emu");
        await Emulator.AdminPostAsync("faults", new { kind, count = 3, method = "GET" });

        var result = Session.Run(
            $"Test-NotionDatabaseAccess -DatabaseId '{EmulatorFixture.TasksDatabaseId}', '{EmulatorFixture.PrivateNotesDatabaseId}' -Verbose");

        Assert.Empty(result.Errors);
        Assert.Equal(
            new[] { NotionDatabaseAccessStatus.Accessible, NotionDatabaseAccessStatus.NotShared },
            result.OutputOf<NotionDatabaseAccess>().Select(access => access.Status));
        Assert.Equal(3, result.Verbose.Count(line => line.Message.Contains("; retry ")));
        Assert.Equal(3, (int)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["faultsInjected"]!);
    }

    [Theory]
    [InlineData("500")]
    [InlineData("503")]
    [InlineData("abort")]
    public async Task AWriteThatMayHaveReachedNotionIsNotRepeated(string kind)
    {
        Session.Run("$null = Connect-NotionIntegration -Token $token -BaseUri $emu");
        await Emulator.AdminPostAsync("faults", new { kind, count = 1, method = "POST", path = "/v1/pages" });

        var result = Session.Run(
            $"Test-NotionDatabaseAccess -DatabaseId '{EmulatorFixture.TasksDatabaseId}' -IncludeWrite -Confirm:$false -Verbose");

        var access = Assert.Single(result.OutputOf<NotionDatabaseAccess>());
        Assert.Equal(NotionDatabaseAccessStatus.Error, access.Status);
        Assert.Contains("POST v1/pages", access.Message);
        Assert.Single(result.Verbose, line => line.Message.StartsWith("POST v1/pages"));
        Assert.DoesNotContain(result.Verbose, line => line.Message.Contains("; retry "));
    }

    [Fact]
    public async Task RetriesGiveUpAfterMaximumRetryCountWithAClearError()
    {
        Session.Run("$null = Connect-NotionIntegration -Token $token -BaseUri $emu -MaximumRetryCount 2");
        await Emulator.AdminPostAsync("faults", new { kind = "503", count = 10, method = "GET" });

        var result = Session.Run($"Get-NotionDatabaseId -Url '{EmulatorFixture.TasksDatabaseId}' -Resolve -Verbose");

        var error = Assert.Single(result.Errors);
        Assert.Equal("NotionServerError,NotionPS.Cmdlets.GetNotionDatabaseIdCommand", error.FullyQualifiedErrorId);
        Assert.Contains("503 service_unavailable", error.Exception.Message);
        Assert.Equal(2, result.Verbose.Count(line => line.Message.Contains("; retry ")));
    }

    [Fact]
    public async Task ARequestWithNoAnswerTimesOutWithAClearError()
    {
        Session.Run("$null = Connect-NotionIntegration -Token $token -BaseUri $emu -TimeoutSec 1 -MaximumRetryCount 0");
        await Emulator.AdminPostAsync("faults", new { kind = "stall", count = 1, stallMs = 10_000 });

        var result = Session.Run($"Get-NotionDatabaseId -Url '{EmulatorFixture.TasksDatabaseId}' -Resolve");

        var error = Assert.Single(result.Errors);
        Assert.Equal("NotionTimeout,NotionPS.Cmdlets.GetNotionDatabaseIdCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Contains("-TimeoutSec", error.ErrorDetails.Message);
    }

    [Fact]
    public async Task CtrlCStopsAtOnceDuringARetryAfterWait()
    {
        // Its own integration: the minute-long pause it draws must not hold back the other tests' token.
        await Emulator.AdminPostAsync("integrations", new { name = "Patient", token = "demo-token-patient", capabilities = new[] { "read" } });
        Session.Run("$patient = [securestring]::new(); 'demo-token-patient'.ToCharArray() | ForEach-Object { $patient.AppendChar($_) }; $null = Connect-NotionIntegration -Token $patient -BaseUri $emu");
        await Emulator.SetRateLimitAsync(0, 1, retryAfterSeconds: 60);
        await Emulator.AdminPostAsync("faults", new { kind = "429", count = 1 });

        using var ps = Session.CreatePowerShell();
        ps.AddScript($"Test-NotionDatabaseAccess -DatabaseId '{EmulatorFixture.TasksDatabaseId}' -Verbose");
        var retryAnnounced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ps.Streams.Verbose.DataAdded += (_, _) =>
        {
            if (ps.Streams.Verbose.Any(line => line.Message.Contains("retry 1 of 5 in 60.0 s")))
            {
                retryAnnounced.TrySetResult();
            }
        };
        var running = ps.BeginInvoke();
        await retryAnnounced.Task.WaitAsync(TimeSpan.FromMinutes(1));

        // A minute-long Retry-After: Stop() returns before it only because the wait was cancelled.
        await Task.Factory.FromAsync(ps.BeginStop(null, null), ps.EndStop).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
    }

    [Fact]
    public async Task TheTokenAppearsInNoStreamNoOutputAndNoErrorRecord()
    {
        await Emulator.AdminPostAsync("faults", new { kind = "429", count = 1, method = "GET" });

        var result = Session.Run(
            "$DebugPreference = 'Continue'; $VerbosePreference = 'Continue'; $InformationPreference = 'Continue'; " +
            "$c = Connect-NotionIntegration -Token $token -BaseUri $emu -Verbose -Debug; $c; " +
            "$urls | Get-NotionDatabaseId -Resolve -Verbose -Debug; " +
            "$urls | Get-NotionDatabaseId | Test-NotionDatabaseAccess -IncludeWrite -Confirm:$false -Verbose -Debug; " +
            "Get-NotionConnection; " +
            "Test-NotionDatabaseAccess -DatabaseId 'not an id' -Verbose -Debug",
            new Dictionary<string, object?> { ["urls"] = new[] { EmulatorFixture.TasksUrl, EmulatorFixture.PrivateNotesUrl, EmulatorFixture.MeetingNotesPageId } });

        Assert.NotEmpty(result.Debug);
        Assert.Contains(result.Debug, line => line.Message.Contains("response body"));
        Assert.NotEmpty(result.Errors);
        var everything = new List<string>();
        everything.AddRange(result.Output.Select(o => o.ToString()));
        everything.AddRange(result.Output.SelectMany(o => o.Properties.Select(p => Convert.ToString(p.Value) ?? string.Empty)));
        everything.AddRange(result.Verbose.Select(v => v.Message));
        everything.AddRange(result.Debug.Select(d => d.Message));
        everything.AddRange(result.Warnings.Select(w => w.Message));
        everything.AddRange(result.Information.Select(i => Convert.ToString(i.MessageData) ?? string.Empty));
        everything.AddRange(result.Errors.SelectMany(e => new[] { e.ToString(), e.Exception.ToString(), e.ErrorDetails?.Message ?? string.Empty, e.ErrorDetails?.RecommendedAction ?? string.Empty, Convert.ToString(e.TargetObject) ?? string.Empty }));

        Assert.DoesNotContain(everything, text => text.Contains(EmulatorFixture.FullAccessToken));
    }

    /// <summary>
    /// Four runspaces work at once through one token. The emulator holds them to the module's own rate
    /// with a Notion-like burst; sharing one limiter, together they draw no 429.
    /// </summary>
    [Fact]
    public async Task RunspacesSharingATokenShareOneRateLimitAndDrawNo429()
    {
        await Emulator.SetRateLimitAsync(requestsPerSecond: 3, burst: 10, retryAfterSeconds: 1);
        var sessions = Enumerable.Range(0, 4).Select(_ => Emulator.NewSession()).ToList();
        try
        {
            var work = sessions.Select(other => Task.Run(() => other.Run(
                $"$null = Connect-NotionIntegration -Token $token -BaseUri $emu -RequestsPerSecond 3; 1..3 | ForEach-Object {{ Test-NotionDatabaseAccess -DatabaseId '{EmulatorFixture.TasksDatabaseId}' -Verbose }}"))).ToList();
            var results = await Task.WhenAll(work);

            Assert.All(results, result => Assert.Equal(3, result.OutputOf<NotionDatabaseAccess>().Count(access => access.Status == NotionDatabaseAccessStatus.Accessible)));
            Assert.All(results, result => Assert.DoesNotContain(result.Verbose, line => line.Message.Contains("429")));
            var counters = await Emulator.IntegrationStatsAsync("NotionPS Demo");
            Assert.Equal(4 * (1 + 3 * 3), (int)counters["requests"]!);
            Assert.Equal(0, (int)counters["rateLimited"]!);
        }
        finally
        {
            sessions.ForEach(other => other.Dispose());
        }
    }
}
