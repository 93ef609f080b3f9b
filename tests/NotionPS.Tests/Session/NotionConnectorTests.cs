using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Session;
using NotionPS.Tests.Client;
using Xunit;
using static NotionPS.Tests.Client.NotionClientTests;

namespace NotionPS.Tests.Session;

/// <summary>
/// A declared workspace budget at connect, below the cmdlets: who may declare one, which one holds when two differ,
/// and what the log is told. Each test has an API address of its own, since a declared budget holds for the process.
/// </summary>
public class NotionConnectorTests
{
    private const string Token = "connector-test-token";
    private const string Ada = """{"object":"user","id":"u1","type":"person","name":"Ada Lovelace","person":{"email":"ada@acme.example"}}""";

    private readonly Uri baseUri = new($"https://connector-{Guid.NewGuid():N}.example/");
    private readonly RecordingLog log = new();

    [Fact]
    public async Task APersonalAccessTokenDeclaringAWorkspaceBudgetIsRefusedNamingWhoseTokenItIs()
    {
        var refused = await Assert.ThrowsAsync<WorkspaceUnknownException>(() => ConnectAsync(Ada, workspaceRequestsPerMinute: 100));

        Assert.Equal(NotionErrorIds.NotionWorkspaceUnknown, refused.ErrorId);
        Assert.Equal((100, "Ada Lovelace"), (refused.RequestsPerMinute, refused.UserName));
        Assert.Equal(
            "A workspace budget of 100 requests per 60 s needs the token's workspace, but Notion's users/me answer for Ada Lovelace's personal access token names none " +
            "(a personal access token's does not), so its requests cannot be paced with the workspace's other connections.",
            refused.Message);
        Assert.Empty(log.WarningLines);
    }

    [Fact]
    public async Task APersonalAccessTokenDeclaringNothingConnects()
    {
        var connection = await ConnectAsync(Ada);

        Assert.Equal(("Ada Lovelace", null, 0), (connection.BotName, connection.WorkspaceId, connection.WorkspaceRequestsPerMinute));
    }

    [Fact]
    public async Task TheFirstDeclarationPacesTheWorkspaceAndSaysSoInVerbose()
    {
        var connection = await ConnectAsync(Bot("w1", "Acme"), workspaceRequestsPerMinute: 500);

        Assert.Equal(500, connection.WorkspaceRequestsPerMinute);
        Assert.Equal("Every connection of workspace 'Acme' in this session is paced at 500 requests per 60 s, besides its own limit.", log.VerboseLines[^1]);
        Assert.Empty(log.WarningLines);
    }

    [Fact]
    public async Task DifferingDeclarationsPaceEveryConnectionAtTheSmallerAndWarnNamingBoth()
    {
        var first = await ConnectAsync(Bot("w1", "Acme"), workspaceRequestsPerMinute: 500);
        var smaller = await ConnectAsync(Bot("w1", "Acme"), workspaceRequestsPerMinute: 400);
        var larger = await ConnectAsync(Bot("w1", "Acme"), workspaceRequestsPerMinute: 900);

        Assert.Equal(
            new[]
            {
                "Another connection in this session declared 500 requests per 60 s for workspace 'Acme'; this one declares 400. Every connection of the workspace is paced at the smaller, 400. A larger one takes a new PowerShell process.",
                "Another connection in this session declared 400 requests per 60 s for workspace 'Acme'; this one declares 900. Every connection of the workspace is paced at the smaller, 400. A larger one takes a new PowerShell process.",
            },
            log.WarningLines);
        Assert.All(new[] { first, smaller, larger }, connection => Assert.Equal(400, connection.WorkspaceRequestsPerMinute));
    }

    [Fact]
    public async Task TheSameDeclarationAgainIsNoWarning()
    {
        var connections = new[] { await ConnectAsync(Bot("w1", "Acme"), workspaceRequestsPerMinute: 500), await ConnectAsync(Bot("w1", "Acme"), workspaceRequestsPerMinute: 500) };

        Assert.Empty(log.WarningLines);
        Assert.All(connections, connection => Assert.Equal(500, connection.WorkspaceRequestsPerMinute));
        Assert.Equal(2, log.VerboseLines.Count(line => line == "Every connection of workspace 'Acme' in this session is paced at 500 requests per 60 s, besides its own limit."));
    }

    [Fact]
    public async Task AConnectionDeclaringNothingIsToldTheBudgetAnotherDeclaredPacesItToo()
    {
        await ConnectAsync(Bot("w1", "Acme"), workspaceRequestsPerMinute: 300);
        var undeclared = await ConnectAsync(Bot("w1", "Acme"));

        Assert.Equal(300, undeclared.WorkspaceRequestsPerMinute);
        Assert.Equal("Another connection in this session declared 300 requests per 60 s for the workspace 'Acme': this one is paced at it too.", log.VerboseLines[^1]);
    }

    [Fact]
    public async Task ADeclarationForAnotherWorkspaceDoesNotPaceThisOne()
    {
        await ConnectAsync(Bot("w1", "Acme"), workspaceRequestsPerMinute: 300);
        var other = await ConnectAsync(Bot("w2", "Globex"));

        Assert.Equal(0, other.WorkspaceRequestsPerMinute);
        Assert.DoesNotContain(log.VerboseLines, line => line.Contains("Globex", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWorkspaceNameCarryingTheTokenIsRedactedInTheWarningAndTheVerboseLine()
    {
        var named = Bot("w1", $"Acme {Token}");
        await ConnectAsync(named, workspaceRequestsPerMinute: 500);
        await ConnectAsync(named, workspaceRequestsPerMinute: 400);

        Assert.StartsWith("Another connection in this session declared 500 requests per 60 s for workspace 'Acme ***'", Assert.Single(log.WarningLines));
        Assert.Contains("Every connection of workspace 'Acme ***' in this session is paced at 500 requests per 60 s, besides its own limit.", log.VerboseLines);
        Assert.DoesNotContain(log.VerboseLines, line => line.Contains(Token, StringComparison.Ordinal));
    }

    /// <summary>An internal connection's users/me answer naming its workspace.</summary>
    private static string Bot(string workspaceId, string workspaceName) =>
        $$$"""{"object":"user","id":"b1","type":"bot","name":"NotionPS Demo","bot":{"owner":{"type":"workspace","workspace":true},"workspace_id":"{{{workspaceId}}}","workspace_name":"{{{workspaceName}}}"}}""";

    private Task<NotionConnection> ConnectAsync(string usersMe, int workspaceRequestsPerMinute = 0)
    {
        var clock = new FakeClock();
        var options = new NotionClientOptions { BaseUri = baseUri, WorkspaceRequestsPerMinute = workspaceRequestsPerMinute };
        var client = new NotionClient(Secure(Token), options, clock, new RateLimiter(0, 1, clock), new ScriptedHandler(Ok(usersMe)));
        return NotionConnector.ConnectAsync(client, log, CancellationToken.None);
    }
}
