using System.Management.Automation;
using System.Threading.Tasks;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// A line the log pump writes that throws (here a warning under -WarningAction Stop) stops the command with
/// PowerShell's own stop, after its work ended. On an emulator of its own under a workspace ID of its own: a declared
/// budget holds for the rest of the process.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class LogPumpStopTests(IsolatedEmulatorFixture emulator) : EmulatorTest(emulator), IClassFixture<IsolatedEmulatorFixture>
{
    private const string ReadOnlyIntegration = "Read-only Reporter";

    [Fact]
    public async Task AWarningUnderWarningActionStopStopsTheCommandWithItAndNothingIsSentAfter()
    {
        await Emulator.RewriteUsersMeAsync("\"workspace_id\":\"9a8b", "\"workspace_id\":\"7a8b");
        Assert.Empty(Session.Run("$null = Connect-NotionIntegration -Token $token -BaseUri $emu -WorkspaceRequestsPerMinute 500").Errors);
        var before = (int)(await Emulator.IntegrationStatsAsync(ReadOnlyIntegration))["requests"]!;

        // The smaller declaration warns, from the connecting work, through the pump.
        var stop = RunExpectingTerminatingError("Connect-NotionIntegration -Token $readOnlyToken -BaseUri $emu -WorkspaceRequestsPerMinute 400 -WarningAction Stop");
        var after = (int)(await Emulator.IntegrationStatsAsync(ReadOnlyIntegration))["requests"]!;

        Assert.IsType<ActionPreferenceStopException>(stop.Exception);
        Assert.Equal("ActionPreferenceStop,NotionPS.Cmdlets.ConnectNotionIntegrationCommand", stop.FullyQualifiedErrorId);
        Assert.Contains("declared 500 requests per 60 s", stop.Exception.Message, System.StringComparison.Ordinal);

        // Only its users/me was sent, and the command stopped before making its connection the current one.
        Assert.Equal(before + 1, after);
        Assert.Equal("NotionPS Demo", Session.Run("(Get-NotionConnection).BotName").Output[0].BaseObject);
    }

    [Fact]
    public async Task AVerboseLineUnderAStopPreferenceStopsARetryingReadBeforeTheRetryIsSent()
    {
        Assert.Empty(Session.Run("$null = Connect-NotionIntegration -Token $token -BaseUri $emu").Errors);
        await Emulator.AdminPostAsync("faults", new { kind = "503", count = 1, method = "GET" });
        var before = (int)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["requests"]!;

        // The 503 is logged (with the retry it waits for) before the retry is sent.
        var stop = RunExpectingTerminatingError($"& {{ $VerbosePreference = [System.Management.Automation.ActionPreference]::Stop; Get-NotionDatabase -DatabaseId {EmulatorFixture.TasksDatabaseId} }}");
        var after = (int)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["requests"]!;

        Assert.IsType<ActionPreferenceStopException>(stop.Exception);
        Assert.Equal("ActionPreferenceStop,NotionPS.Cmdlets.GetNotionDatabaseCommand", stop.FullyQualifiedErrorId);
        Assert.Equal(before + 1, after);
    }

    [Fact]
    public void APreferenceSetAsTextInAScriptBlockIsHonouredAsPowerShellHonoursIt()
    {
        Assert.Empty(Session.Run("$null = Connect-NotionIntegration -Token $token -BaseUri $emu").Errors);

        // In a script block the assignment makes a local variable holding the text 'Continue', not an ActionPreference.
        var shown = Session.Run($"& {{ $VerbosePreference = 'Continue'; $null = Get-NotionDatabase -DatabaseId {EmulatorFixture.TasksDatabaseId} }}");
        var hidden = Session.Run($"& {{ $VerbosePreference = 'SilentlyContinue'; $null = Get-NotionDatabase -DatabaseId {EmulatorFixture.TasksDatabaseId} }}");

        Assert.Empty(shown.Errors);
        Assert.Contains(shown.Verbose, line => line.Message.StartsWith("GET ", System.StringComparison.Ordinal));
        Assert.Empty(hidden.Verbose);
    }
}
