using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using NotionPS.Client;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>What a connection's rate settings do, and what Notion's 429s look like in an error record.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class RateLimitSettingsTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    [Fact]
    public async Task AWorkspaceWaitOverMaximumRetryWaitIsAClearErrorThatSaysTheReasonTheWaitAndWhatToDo()
    {
        Session.Run("$null = Connect-NotionIntegration -Token $token -BaseUri $emu");
        await Emulator.AdminPostAsync("faults", new { kind = "429", reason = "public_api_space_request_rate_limit", retryAfterSeconds = 95 });

        var result = Session.Run("Invoke-NotionApi v1/users/me -ErrorAction SilentlyContinue -ErrorVariable failed; $failed");

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("NotionRetryWaitTooLong,NotionPS.Cmdlets.InvokeNotionApiCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
        Assert.Contains("Notion asked to wait 95 s before the next request (the workspace's limit (public_api_space_request_rate_limit)), longer than the 60 s this connection waits at most", error.ErrorDetails.Message);
        Assert.Contains("Run it again in 95 s, or connect with -MaximumRetryWait 95 (or more)", error.ErrorDetails.RecommendedAction);
        Assert.Contains("shared by every connection and token of the workspace", error.ErrorDetails.RecommendedAction);
        // The connect's users/me and the one refused call: nothing was repeated.
        Assert.Equal(2, (int?)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["requests"]);
    }

    [Fact]
    public async Task InvokeNotionApisErrorCarriesTheRateLimitReason()
    {
        Session.Run("$null = Connect-NotionIntegration -Token $token -BaseUri $emu -MaximumRetryCount 0");
        await Emulator.AdminPostAsync("faults", new { kind = "429", reason = "public_api_request_rate_limit", retryAfterSeconds = 2 });

        var result = Session.Run("Invoke-NotionApi v1/users/me -ErrorAction SilentlyContinue -ErrorVariable failed; $failed");

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("NotionRateLimited,NotionPS.Cmdlets.InvokeNotionApiCommand", error.FullyQualifiedErrorId);
        Assert.Contains("(rate_limit_reason public_api_request_rate_limit)", error.ErrorDetails.Message);
        Assert.Equal("public_api_request_rate_limit", Assert.IsType<NotionApiException>(error.Exception).RateLimitReason);
    }

    [Fact]
    public async Task ALongerMaximumRetryWaitWaitsOutAWorkspaceWaitAndVerboseSaysWhy()
    {
        Session.Run("$null = Connect-NotionIntegration -Token $token -BaseUri $emu -MaximumRetryWait 120");
        await Emulator.AdminPostAsync("faults", new { kind = "429", reason = "public_api_space_request_rate_limit", retryAfterSeconds = 1 });

        var result = Session.Run("Invoke-NotionApi v1/users/me -Verbose");

        Assert.Empty(result.Errors);
        Assert.Single(result.Output);
        Assert.Contains(result.Verbose, line => line.Message == "GET v1/users/me: waiting 1 s: the workspace's limit (public_api_space_request_rate_limit), for every connection of the workspace in this session");
    }

    [Fact]
    public void APerMinuteBudgetReplacesThePerSecondRateAndShowsOnTheConnection()
    {
        var connection = Assert.Single(Session.Run("Connect-NotionIntegration -Token $token -BaseUri $emu -RequestsPerSecond 3 -RequestsPerMinute 180 -MaximumRetryWait 300").OutputOf<NotionConnection>());

        Assert.Equal((180, 0.0, TimeSpan.FromSeconds(300)), (connection.RequestsPerMinute, connection.RequestsPerSecond, connection.MaximumRetryWait));
        Assert.Equal(0, connection.Client.RateLimiter.RequestsPerSecond);
    }

    [Fact]
    public void AnotherTokensConnectionKeepsItsOwnRate()
    {
        var result = Session.Run(
            "$slow = Connect-NotionIntegration -Token $token -BaseUri $emu -RequestsPerSecond 2; " +
            "$fast = Connect-NotionIntegration -Token $readOnlyToken -BaseUri $emu -RequestsPerSecond 50 -RateLimitBurst 5; $slow; $fast");

        var connections = result.OutputOf<NotionConnection>();
        Assert.Equal(2, connections[0].Client.RateLimiter.RequestsPerSecond);
        Assert.Equal(50, connections[1].Client.RateLimiter.RequestsPerSecond);
        Assert.NotSame(connections[0].Client.RateLimiter, connections[1].Client.RateLimiter);
    }
}
