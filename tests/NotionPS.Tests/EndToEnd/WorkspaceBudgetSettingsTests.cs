using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// -WorkspaceRequestsPerMinute as a setting: its range, a token whose workspace Notion does not name, and two
/// declarations that differ. On an emulator of its own: a declared budget holds for the rest of the process.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class WorkspaceBudgetSettingsTests(IsolatedEmulatorFixture emulator) : EmulatorTest(emulator), IClassFixture<IsolatedEmulatorFixture>
{
    private const string AdaPat = "demo-token-pat-ada";

    [Theory]
    [InlineData("Connect-NotionIntegration", "0")]
    [InlineData("Connect-NotionIntegration", "-1")]
    [InlineData("Connect-NotionIntegration", "60001")]
    [InlineData("Register-NotionIntegration -Name Demo", "0")]
    public void ABudgetOutsideOneTo60000IsRefusedAtBinding(string command, string budget)
    {
        var error = RunExpectingTerminatingError($"{command} -Token $token -BaseUri $emu -WorkspaceRequestsPerMinute {budget}");

        var cmdlet = command.Split(' ')[0].Replace("-", string.Empty);
        Assert.Equal($"ParameterArgumentValidationError,NotionPS.Cmdlets.{cmdlet}Command", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Empty(Session.Run("Get-NotionConnection").Output);
    }

    [Fact]
    public void ATokenWhoseUsersMeNamesNoWorkspaceIsAClearErrorAndNotConnected()
    {
        var error = RunExpectingTerminatingError(
            "Connect-NotionIntegration -Token $ada -BaseUri $emu -WorkspaceRequestsPerMinute 100",
            new Dictionary<string, object?> { ["ada"] = EmulatorFixture.Secure(AdaPat) });

        Assert.Equal("NotionWorkspaceUnknown,NotionPS.Cmdlets.ConnectNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("-WorkspaceRequestsPerMinute 100 needs the token's workspace, but Notion's users/me answer for Ada Lovelace's personal access token names none", error.ErrorDetails.Message);
        Assert.Contains("give it -RequestsPerMinute at or below the workspace's budget instead", error.ErrorDetails.RecommendedAction);
        Assert.Empty(Session.Run("Get-NotionConnection").Output);

        // Without the setting the same token connects, as before.
        Assert.Single(Session.Run("Connect-NotionIntegration -Token $ada -BaseUri $emu", new Dictionary<string, object?> { ["ada"] = EmulatorFixture.Secure(AdaPat) }).OutputOf<NotionConnection>());
    }

    [Fact]
    public void DifferingDeclarationsPaceTheWholeWorkspaceAtTheSmallerAndSaySo()
    {
        var first = Session.Run("Connect-NotionIntegration -Token $token -BaseUri $emu -WorkspaceRequestsPerMinute 500 -Verbose");
        var smaller = Session.Run("Connect-NotionIntegration -Token $readOnlyToken -BaseUri $emu -WorkspaceRequestsPerMinute 400");
        var larger = Session.Run("Connect-NotionIntegration -Token $token -BaseUri $emu -WorkspaceRequestsPerMinute 900");
        var undeclared = Session.Run("Connect-NotionIntegration -Token $readOnlyToken -BaseUri $emu -Verbose");

        Assert.Contains(first.Verbose, line => line.Message == "Every connection of workspace 'Acme Demo' in this session is paced at 500 requests per 60 s, besides its own limit.");
        Assert.Empty(first.Warnings);
        Assert.Equal(
            "Another connection in this session declared 500 requests per 60 s for workspace 'Acme Demo'; this one declares 400. Every connection of the workspace is paced at the smaller, 400. A larger one takes a new PowerShell process.",
            Assert.Single(smaller.Warnings).Message);
        Assert.Equal(
            "Another connection in this session declared 400 requests per 60 s for workspace 'Acme Demo'; this one declares 900. Every connection of the workspace is paced at the smaller, 400. A larger one takes a new PowerShell process.",
            Assert.Single(larger.Warnings).Message);
        Assert.Contains(undeclared.Verbose, line => line.Message == "Another connection in this session declared 400 requests per 60 s for the workspace 'Acme Demo': this one is paced at it too.");

        // Every connection of the workspace, the first one and the one that declared nothing included, shows the budget in force.
        var connections = new[] { first, smaller, larger, undeclared }.Select(result => Assert.Single(result.OutputOf<NotionConnection>())).ToList();
        Assert.All(connections, connection => Assert.Equal(400, connection.WorkspaceRequestsPerMinute));
        Assert.All(connections, connection => Assert.Equal(0, connection.RequestsPerMinute));
    }

    [Fact]
    public async Task TheWarningOfASmallerDeclarationIsRedactedAndWrittenInOrderWithTheVerboseLines()
    {
        // users/me names a workspace of its own (no other test's declaration holds for it) whose name carries the token.
        await Emulator.RewriteUsersMeAsync(
            "\"workspace_name\":\"Acme Demo\",\"workspace_id\":\"9a8b",
            $"\"workspace_name\":\"Acme {EmulatorFixture.FullAccessToken}\",\"workspace_id\":\"0a8b");
        Assert.Empty(Session.Run("$null = Connect-NotionIntegration -Token $token -BaseUri $emu -WorkspaceRequestsPerMinute 500").Errors);

        var result = Session.Run("Connect-NotionIntegration -Token $token -BaseUri $emu -WorkspaceRequestsPerMinute 400 -Verbose -WarningVariable warned *>&1; $warned");

        const string Warned = "Another connection in this session declared 500 requests per 60 s for workspace 'Acme ***'; this one declares 400. " +
            "Every connection of the workspace is paced at the smaller, 400. A larger one takes a new PowerShell process.";
        var streamed = result.Output.Select(item => item.BaseObject).ToList();
        var warning = streamed.FindIndex(item => item is WarningRecord);
        Assert.Equal(Warned, Assert.IsType<WarningRecord>(streamed[warning]).Message);
        Assert.StartsWith("GET v1/users/me", Assert.IsType<VerboseRecord>(streamed[warning - 1]).Message);
        Assert.Equal("Connected to workspace 'Acme ***' as integration 'NotionPS Demo' (InternalConnection, 2026-03-11).", Assert.IsType<VerboseRecord>(streamed[warning + 1]).Message);
        Assert.IsType<NotionConnection>(streamed[warning + 2]);

        // Last, what -WarningVariable kept: the line went through WriteWarning.
        Assert.Equal(warning + 4, streamed.Count);
        Assert.Equal(Warned, Assert.IsType<WarningRecord>(streamed[^1]).Message);
        Assert.DoesNotContain(streamed.OfType<InformationalRecord>(), line => line.Message.Contains(EmulatorFixture.FullAccessToken));
    }
}
