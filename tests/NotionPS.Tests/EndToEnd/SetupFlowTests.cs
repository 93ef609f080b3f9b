using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>The three setup steps end to end: connect, URL to ID, access test, in the hosted engine over HTTP.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class SetupFlowTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    [Fact]
    public void ConnectWithTokenValidatesItAndBecomesTheCurrentConnection()
    {
        var result = Session.Run("Connect-NotionIntegration -Token $token -BaseUri $emu; Get-NotionConnection");

        Assert.Empty(result.Errors);
        var connections = result.OutputOf<NotionConnection>();
        Assert.Equal(2, connections.Count);
        Assert.Same(connections[0], connections[1]);
        var connection = connections[0];
        Assert.Equal("NotionPS Demo", connection.BotName);
        Assert.Equal("b0b0b0b0-0000-4000-8000-000000000001", connection.BotId);
        Assert.Equal("Acme Demo", connection.WorkspaceName);
        Assert.Equal("workspace", connection.OwnerType);
        Assert.Equal("2026-03-11", connection.ApiVersion);
        Assert.Equal(Emulator.BaseUri, connection.BaseUri);
    }

    [Fact]
    public void ConnectWithCredentialUsesThePasswordAsTheToken()
    {
        var result = Session.Run(
            "Connect-NotionIntegration -Credential ([pscredential]::new('ignored', $token)) -BaseUri $emu -ApiVersion 2025-09-03");

        var connection = Assert.Single(result.OutputOf<NotionConnection>());
        Assert.Equal("NotionPS Demo", connection.BotName);
        Assert.Equal("2025-09-03", connection.ApiVersion);
    }

    [Fact]
    public void ConnectWithNoTokenReadsNotionTokenFromTheEnvironment()
    {
        var result = Session.Run(
            "$env:NOTION_TOKEN = 'demo-token-read-only'; try { Connect-NotionIntegration -BaseUri $emu } finally { Remove-Item Env:NOTION_TOKEN }");

        Assert.Equal("Read-only Reporter", Assert.Single(result.OutputOf<NotionConnection>()).BotName);
    }

    [Fact]
    public void ConnectWithNothingToUseListsTheWaysToConnect()
    {
        Environment.SetEnvironmentVariable("NOTION_TOKEN", null);

        var error = RunExpectingTerminatingError("Connect-NotionIntegration -BaseUri $emu");

        Assert.Equal("NotionTokenNotFound,NotionPS.Cmdlets.ConnectNotionIntegrationCommand", error.FullyQualifiedErrorId);
        foreach (var way in new[] { "-Name", "-Vault", "-Token", "-Credential", "NOTION_TOKEN" })
        {
            Assert.Contains(way, error.Exception.Message);
        }
    }

    [Fact]
    public void ARevokedTokenIsRejectedByNotionsAnswerAndTheCurrentConnectionStays()
    {
        Session.Run("$null = Connect-NotionIntegration -Token $token -BaseUri $emu; $bad = [securestring]::new(); 'revoked-token-value'.ToCharArray() | ForEach-Object { $bad.AppendChar($_) }");

        var error = RunExpectingTerminatingError("Connect-NotionIntegration -Token $bad -BaseUri $emu");

        Assert.Equal("NotionUnauthorized,NotionPS.Cmdlets.ConnectNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("401", error.Exception.Message);
        Assert.Contains("my-integrations", error.ErrorDetails.RecommendedAction);
        Assert.Equal("NotionPS Demo", Assert.Single(Session.Run("Get-NotionConnection").OutputOf<NotionConnection>()).BotName);
    }

    [Fact]
    public void AnUnreachableBaseUriIsAConnectionFailure()
    {
        var error = RunExpectingTerminatingError("Connect-NotionIntegration -Token $token -BaseUri 'http://127.0.0.1:9' -TimeoutSec 5 -MaximumRetryCount 0");

        Assert.Equal("NotionConnectionFailure,NotionPS.Cmdlets.ConnectNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Could not reach http://127.0.0.1:9/", error.Exception.Message);
    }

    [Fact]
    public void PlainHttpToAnotherMachineIsRefusedBeforeAnythingIsSent()
    {
        var error = RunExpectingTerminatingError("Connect-NotionIntegration -Token $token -BaseUri 'http://notion.example.com'");

        Assert.Equal("InvalidBaseUri,NotionPS.Cmdlets.ConnectNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("unencrypted", error.Exception.Message);
    }

    [Theory]
    [InlineData("v1/")]
    [InlineData("v1")]
    [InlineData("V1/")]
    public void ABaseUriEndingInV1IsRefusedBeforeAnythingIsSentAndSaysWhatToGive(string ending)
    {
        var error = RunExpectingTerminatingError($"Connect-NotionIntegration -Token $token -BaseUri ($emu + '{ending}')");

        Assert.Equal("InvalidBaseUri,NotionPS.Cmdlets.ConnectNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains($"ends in /v1: give {Emulator.BaseUri} instead.", error.Exception.Message);
    }

    [Fact]
    public void AnApiCmdletWithoutAConnectionSaysHowToConnect()
    {
        var error = RunExpectingTerminatingError($"Test-NotionDatabaseAccess -DatabaseId {EmulatorFixture.TasksDatabaseId}");

        Assert.Equal("NotionNotConnected,NotionPS.Cmdlets.TestNotionDatabaseAccessCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Connect-NotionIntegration", error.Exception.Message);
    }

    [Theory]
    [InlineData("2026-03-11")]
    [InlineData("2025-09-03")]
    [InlineData("2022-06-28")]
    public void UrlsPipeIntoIdsAndIntoAnAccessTestWithOneLinePerDatabase(string apiVersion)
    {
        var result = Session.Run(
            $"$null = Connect-NotionIntegration -Token $token -BaseUri $emu -ApiVersion {apiVersion}; $urls | Get-NotionDatabaseId | Test-NotionDatabaseAccess",
            new Dictionary<string, object?>
            {
                ["urls"] = new[] { EmulatorFixture.TasksUrl, EmulatorFixture.PrivateNotesUrl, EmulatorFixture.ProjectsDatabaseId, EmulatorFixture.LinkedDatabaseId, EmulatorFixture.MeetingNotesPageId },
            });

        Assert.Empty(result.Errors);
        var byId = result.OutputOf<NotionDatabaseAccess>().ToDictionary(access => access.DatabaseId);
        Assert.Equal(5, byId.Count);

        var tasks = byId[EmulatorFixture.TasksDatabaseId];
        Assert.Equal((NotionDatabaseAccessStatus.Accessible, "Tasks", true, true), (tasks.Status, tasks.Title, tasks.CanRead, tasks.CanQuery));
        Assert.Null(tasks.CanInsert);
        // Under 2022-06-28 the database is its own (single) data source.
        Assert.Equal(apiVersion == "2022-06-28" ? EmulatorFixture.TasksDatabaseId : EmulatorFixture.TasksDataSourceId, Assert.Single(tasks.DataSources).DataSourceId);
        Assert.Equal("NotionPS Demo", tasks.Integration);

        var notes = byId[EmulatorFixture.PrivateNotesDatabaseId];
        Assert.Equal(NotionDatabaseAccessStatus.NotShared, notes.Status);
        Assert.False(notes.CanRead);
        Assert.Contains("•••", notes.Message);
        Assert.Contains("Add connections", notes.Message);
        Assert.Contains("\"NotionPS Demo\"", notes.Message);

        var projects = byId[EmulatorFixture.ProjectsDatabaseId];
        if (apiVersion == "2022-06-28")
        {
            // That version cannot read a database with several data sources at all: the result says which can.
            Assert.Equal(NotionDatabaseAccessStatus.Error, projects.Status);
            Assert.Contains("-ApiVersion 2025-09-03", projects.Message);
        }
        else
        {
            Assert.Equal(2, projects.DataSources.Count);
            Assert.Equal(NotionDatabaseAccessStatus.Accessible, projects.Status);
        }

        var linked = byId[EmulatorFixture.LinkedDatabaseId];
        Assert.Equal(NotionDatabaseAccessStatus.NoAccessibleDataSource, linked.Status);
        Assert.Contains("source database", linked.Message);

        var page = byId[EmulatorFixture.MeetingNotesPageId];
        Assert.Equal(NotionDatabaseAccessStatus.NotADatabase, page.Status);
        Assert.Contains("is a page, not a database", page.Message);
    }

    /// <summary>
    /// The issue's own example, as written, against the emulator with Notion's rate limit on: a table with
    /// one line per database, the unshared one saying how to share it.
    /// </summary>
    [Fact]
    public async Task TheSetupPipelinePrintsATableOneLinePerDatabaseUnderTheRateLimit()
    {
        await Emulator.SetRateLimitAsync(requestsPerSecond: 3, burst: 10, retryAfterSeconds: 1);
        var host = new TextCaptureHost();
        using var console = Emulator.NewSession(host);

        var result = console.Run(
            "$PSDefaultParameterValues.Clear(); " +
            "Connect-NotionIntegration -Token $token -BaseUri $emu | Out-Null; $urls | Get-NotionDatabaseId | Test-NotionDatabaseAccess | Out-Default",
            new Dictionary<string, object?> { ["urls"] = new[] { EmulatorFixture.TasksUrl, EmulatorFixture.PrivateNotesUrl } });

        Assert.Empty(result.Errors);
        // The engine colours table headers with ANSI escapes, as a terminal shows them.
        var text = System.Text.RegularExpressions.Regex.Replace(host.Text, "\u001b\\[[0-9;]*m", string.Empty);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, line => line.StartsWith("Title") && line.Contains("Status") && line.Contains("Message"));
        Assert.Single(lines, line => line.StartsWith("Tasks ") && line.Contains("Accessible") && line.Contains("can read and query"));
        Assert.Single(lines, line => line.StartsWith(EmulatorFixture.PrivateNotesDatabaseId) && line.Contains("NotShared"));
        Assert.Contains("click Add connections", System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " "));
        Assert.Equal(0, (int)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["rateLimited"]!);
    }

    [Fact]
    public async Task ATokenRevokedAfterConnectingIsReportedAsUnauthorizedWithWhereToGetANewOne()
    {
        await Emulator.AdminPostAsync("integrations", new { name = "Short-lived", token = "demo-token-short-lived", capabilities = new[] { "read" } });
        Session.Run("$shortLived = [securestring]::new(); 'demo-token-short-lived'.ToCharArray() | ForEach-Object { $shortLived.AppendChar($_) }; $null = Connect-NotionIntegration -Token $shortLived -BaseUri $emu");
        await Emulator.ResetAsync();

        var result = Session.Run($"Test-NotionDatabaseAccess -DatabaseId {EmulatorFixture.TasksDatabaseId}");

        var access = Assert.Single(result.OutputOf<NotionDatabaseAccess>());
        Assert.Equal(NotionDatabaseAccessStatus.Unauthorized, access.Status);
        Assert.Contains("my-integrations", access.Message);
        Assert.Contains("View integration", access.Message);
    }

    [Fact]
    public async Task AnIntegrationWithoutReadContentIsToldToTickIt()
    {
        await Emulator.AdminPostAsync("integrations", new { name = "Insert Only", token = "demo-token-insert-only", capabilities = new[] { "insert" } });
        using (await Emulator.Admin.PutAsync($"shares/{EmulatorFixture.TasksDatabaseId}/Insert Only", null))
        {
        }

        var result = Session.Run(
            "$insertOnly = [securestring]::new(); 'demo-token-insert-only'.ToCharArray() | ForEach-Object { $insertOnly.AppendChar($_) }; " +
            $"$null = Connect-NotionIntegration -Token $insertOnly -BaseUri $emu; Test-NotionDatabaseAccess -DatabaseId {EmulatorFixture.TasksDatabaseId}");

        var access = Assert.Single(result.OutputOf<NotionDatabaseAccess>());
        Assert.Equal(NotionDatabaseAccessStatus.MissingCapability, access.Status);
        Assert.False(access.CanRead);
        Assert.Contains("Read content", access.Message);
    }

    [Fact]
    public void ResolveAddsTitleAndDataSourcesAndExplainsWhatIsNotADatabase()
    {
        var result = Session.Run(
            "$null = Connect-NotionIntegration -Token $token -BaseUri $emu; $urls | Get-NotionDatabaseId -Resolve -ErrorAction SilentlyContinue -ErrorVariable failed; $failed",
            new Dictionary<string, object?> { ["urls"] = new[] { EmulatorFixture.ProjectsDatabaseId, EmulatorFixture.MeetingNotesPageId, EmulatorFixture.PrivateNotesUrl, EmulatorFixture.TasksUrl } });

        var ids = result.Output.Select(o => o.BaseObject).OfType<NotionDatabaseId>().ToList();
        Assert.Equal(new[] { "Projects", "Tasks" }, ids.Select(id => id.Title));
        Assert.Equal(2, ids[0].DataSources!.Count);
        Assert.Equal(EmulatorFixture.TasksDataSourceId, Assert.Single(ids[1].DataSources!).DataSourceId);
        var errors = result.Output.Select(o => o.BaseObject).OfType<ErrorRecord>().ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal("NotionIdIsAPage,NotionPS.Cmdlets.GetNotionDatabaseIdCommand", errors[0].FullyQualifiedErrorId);
        Assert.Equal(EmulatorFixture.MeetingNotesPageId, errors[0].TargetObject);
        Assert.Equal("NotionObjectNotFound,NotionPS.Cmdlets.GetNotionDatabaseIdCommand", errors[1].FullyQualifiedErrorId);
        Assert.Equal(EmulatorFixture.PrivateNotesUrl, errors[1].TargetObject);
        Assert.Contains("Add connections", errors[1].ErrorDetails.RecommendedAction);
        Assert.Contains("?v=", errors[1].ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void ResolveWithoutAConnectionSaysHowToConnectButPlainParsingNeedsNone()
    {
        Assert.Single(Session.Run($"Get-NotionDatabaseId '{EmulatorFixture.TasksUrl}'").OutputOf<NotionDatabaseId>());

        var error = RunExpectingTerminatingError($"Get-NotionDatabaseId '{EmulatorFixture.TasksUrl}' -Resolve");

        Assert.Equal("NotionNotConnected,NotionPS.Cmdlets.GetNotionDatabaseIdCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void ABadInputInThePipelineIsAnErrorAndTheOthersAreStillTested()
    {
        var result = Session.Run(
            "$null = Connect-NotionIntegration -Token $token -BaseUri $emu; $ids | Test-NotionDatabaseAccess -ErrorVariable failed -ErrorAction SilentlyContinue; $failed",
            new Dictionary<string, object?> { ["ids"] = new[] { EmulatorFixture.TasksDatabaseId, "aaaabbbbccccddddeeeeffff0000111", EmulatorFixture.PrivateNotesUrl } });

        var accesses = result.Output.Select(o => o.BaseObject).OfType<NotionDatabaseAccess>().ToList();
        Assert.Equal(new[] { EmulatorFixture.TasksDatabaseId, EmulatorFixture.PrivateNotesDatabaseId }, accesses.Select(a => a.DatabaseId));
        var error = Assert.Single(result.Output.Select(o => o.BaseObject).OfType<ErrorRecord>());
        Assert.StartsWith("InvalidNotionUrl,", error.FullyQualifiedErrorId);
        Assert.Equal("aaaabbbbccccddddeeeeffff0000111", error.TargetObject);
    }

    [Fact]
    public void QuietGivesOnlyTrueOrFalse()
    {
        var result = Session.Run(
            $"$null = Connect-NotionIntegration -Token $token -BaseUri $emu; '{EmulatorFixture.TasksDatabaseId}', '{EmulatorFixture.PrivateNotesDatabaseId}' | Test-NotionDatabaseAccess -Quiet");

        Assert.Equal(new[] { true, false }, result.OutputOf<bool>());
    }

    [Theory]
    [InlineData("2026-03-11")]
    [InlineData("2025-09-03")]
    [InlineData("2022-06-28")]
    public async Task IncludeWriteAddsATestRowAndTrashesIt(string apiVersion)
    {
        var result = Session.Run(
            $"$null = Connect-NotionIntegration -Token $token -BaseUri $emu -ApiVersion {apiVersion}; Test-NotionDatabaseAccess -DatabaseId {EmulatorFixture.TasksDatabaseId} -IncludeWrite -Confirm:$false -Verbose");

        var access = Assert.Single(result.OutputOf<NotionDatabaseAccess>());
        Assert.Equal((NotionDatabaseAccessStatus.Accessible, (bool?)true, (bool?)true), (access.Status, access.CanInsert, access.CanUpdate));
        Assert.Contains("insert and update", access.Message);
        Assert.Single(result.Verbose, line => line.Message.StartsWith("POST v1/pages -> 200"));
        var testRows = await Emulator.QueryTitlesAsync(EmulatorFixture.TasksDataSourceId, "NotionPS access test");
        Assert.Empty(testRows);
    }

    [Fact]
    public void IncludeWriteWithWhatIfWritesNothing()
    {
        var result = Session.Run(
            $"$null = Connect-NotionIntegration -Token $token -BaseUri $emu; Test-NotionDatabaseAccess -DatabaseId {EmulatorFixture.TasksDatabaseId} -IncludeWrite -WhatIf -Verbose");

        var access = Assert.Single(result.OutputOf<NotionDatabaseAccess>());
        Assert.Equal(NotionDatabaseAccessStatus.Accessible, access.Status);
        Assert.Null(access.CanInsert);
        Assert.Null(access.CanUpdate);
        Assert.DoesNotContain(result.Verbose, line => line.Message.StartsWith("POST v1/pages"));
    }

    [Fact]
    public void AReadOnlyIntegrationIsToldWhichCapabilityToTick()
    {
        var result = Session.Run(
            $"$null = Connect-NotionIntegration -Token $readOnlyToken -BaseUri $emu; Test-NotionDatabaseAccess -DatabaseId {EmulatorFixture.TasksDatabaseId} -IncludeWrite -Confirm:$false");

        var access = Assert.Single(result.OutputOf<NotionDatabaseAccess>());
        Assert.Equal(NotionDatabaseAccessStatus.MissingCapability, access.Status);
        Assert.True(access.CanRead);
        Assert.False(access.CanInsert);
        Assert.Contains("Insert content", access.Message);
    }
}
