using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using NotionPS.Tests.Client;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>Where the token may go, in the hosted engine: foreign paths, tokens with line breaks, redirects, echoed secrets, bad settings.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class TransportHardeningTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    [Theory]
    [InlineData(@"\/127.0.0.1:{0}/v1/users")]
    [InlineData(@"/\/127.0.0.1:{0}/v1/users")]
    [InlineData("http://127.0.0.1:{0}/v1/users")]
    [InlineData("file:///etc/passwd")]
    [InlineData("mailto:someone@example.com")]
    public void InvokeNotionApiNeverSendsTheTokenToAnotherAddress(string pathFormat)
    {
        using var trap = new LoopbackServer(_ => LoopbackServer.Response(200, "OK", "{}"));
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, pathFormat, trap.Port);

        foreach (var method in new[] { "GET", "POST" })
        {
            var error = RunExpectingTerminatingError(
                "$null = Connect-NotionIntegration -Token $token -BaseUri $emu; Invoke-NotionApi -Method $method -Path $path -Body @{ a = 1 } -Confirm:$false",
                new Dictionary<string, object?> { ["path"] = path, ["method"] = method });

            Assert.Equal("NotionForeignUrl,NotionPS.Cmdlets.InvokeNotionApiCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("the token is sent only there", error.Exception.Message);
        }

        Assert.Equal(0, trap.Connections);
    }

    /// <summary>A gateway's base URI (/api/ on a host that serves other paths too): the token never leaves that path.</summary>
    [Fact]
    public void InvokeNotionApiNeverSendsTheTokenOutsideTheBasePath()
    {
        using var gateway = new LoopbackServer(request => request.RequestLine.StartsWith("GET /api/v1/users/me ", StringComparison.Ordinal)
            ? LoopbackServer.Response(200, "OK", LoopbackServer.BotUser)
            : LoopbackServer.Response(200, "OK", "{}"));
        var baseUri = new Uri(gateway.BaseUri, "api/");
        var paths = new[] { "../admin/secrets", "%2e%2e/admin/secrets", "http:/admin/secrets", $"http://127.0.0.1:{gateway.Port}/admin/secrets", "..%2fadmin/secrets" };

        var result = Session.Run(
            "$null = Connect-NotionIntegration -Token $token -BaseUri $gateway; foreach ($path in $paths) { try { Invoke-NotionApi $path -ErrorAction Stop } catch { $_ } }; Invoke-NotionApi v1/users/me",
            new Dictionary<string, object?> { ["gateway"] = baseUri, ["paths"] = paths });

        var refusals = result.Output.Select(item => item.BaseObject).OfType<ErrorRecord>().ToList();
        Assert.Equal(paths.Length, refusals.Count);
        Assert.All(refusals, error => Assert.Equal("NotionForeignUrl,NotionPS.Cmdlets.InvokeNotionApiCommand", error.FullyQualifiedErrorId));
        Assert.All(refusals, error => Assert.Contains("under /api/", error.Exception.Message));
        Assert.All(gateway.Requests, request => Assert.StartsWith("GET /api/v1/users/me ", request.RequestLine));
        Assert.Equal(2, gateway.Requests.Count); // Connect-NotionIntegration's users/me, and the last call's.
    }

    /// <summary>A hostile server's ESC, NUL, CR/LF and RLO in its error body reach the error record as visible escapes.</summary>
    [Fact]
    public void ControlCharactersInAServersErrorAreShownAsEscapes()
    {
        using var hostile = new LoopbackServer(request => request.RequestLine.StartsWith("GET /v1/users/me ", StringComparison.Ordinal)
            ? LoopbackServer.Response(200, "OK", LoopbackServer.BotUser)
            : LoopbackServer.Response(500, "Internal Server Error",
                "{\"object\":\"error\",\"status\":500,\"code\":\"internal\\u001b[31mred\",\"message\":\"line1\\r\\nline2\\u0000\\u202eevil\",\"request_id\":\"r\\u001b2\"}"));

        var error = RunExpectingTerminatingError(
            "$null = Connect-NotionIntegration -Token $token -BaseUri $hostile -MaximumRetryCount 0; Invoke-NotionApi v1/odd -ErrorAction Stop",
            new Dictionary<string, object?> { ["hostile"] = hostile.BaseUri });

        Assert.Contains("internal\\u001B[31mred: line1\\u000D\\u000Aline2\\u0000\\u202Eevil (request_id r\\u001B2)", error.Exception.Message);
        Assert.All(new[] { error.Exception.Message, error.ToString() }, shown => Assert.DoesNotContain(shown, character => char.IsControl(character) || character == '\u202E'));
    }

    /// <summary>
    /// A path of only whitespace was sent as a request for the base address itself (GET /), and a control character
    /// inside a path was escaped and sent (/v1/users/me%0D%0AX-Injected:%201): both are refused before any request.
    /// </summary>
    [Theory]
    [InlineData(" ", "is empty")]
    [InlineData("\t \r\n", "is empty")]
    [InlineData("\u00A0", "is empty")]
    [InlineData("v1/users/me\u0000", "'v1/users/me\\u0000' holds a control or invisible formatting character")]
    [InlineData("v1/users/me\r\nX-Injected: 1", "'v1/users/me\\u000D\\u000AX-Injected: 1' holds a control or invisible formatting character")]
    [InlineData("v1/\u001B[2Jusers", "'v1/\\u001B[2Jusers' holds a control or invisible formatting character")]
    public void InvokeNotionApiRefusesAnEmptyPathOrOneWithAControlCharacterBeforeAnyRequest(string path, string problem)
    {
        using var server = new LoopbackServer(_ => LoopbackServer.Response(200, "OK", LoopbackServer.BotUser));

        foreach (var method in new[] { "GET", "POST" })
        {
            var error = RunExpectingTerminatingError(
                "$null = Connect-NotionIntegration -Token $token -BaseUri $server; Invoke-NotionApi -Method $method -Path $path -Body @{ a = 1 } -Confirm:$false",
                new Dictionary<string, object?> { ["server"] = server.BaseUri, ["path"] = path, ["method"] = method });

            Assert.Equal("NotionInvalidPath,NotionPS.Cmdlets.InvokeNotionApiCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains(problem, error.Exception.Message);
            Assert.Contains("such as v1/users/me", error.Exception.Message);
        }

        Assert.All(server.Requests, request => Assert.StartsWith("GET /v1/users/me ", request.RequestLine)); // Connect-NotionIntegration's only
        Assert.Equal(2, server.Requests.Count);
    }

    /// <summary>Spaces and line breaks around a path are not part of it, as around Invoke-RestMethod's -Uri: the errors name the path without them.</summary>
    [Fact]
    public void InvokeNotionApiTakesAPathWithoutTheWhitespaceAroundIt()
    {
        var result = Session.Run("$null = Connect-NotionIntegration -Token $token -BaseUri $emu; (Invoke-NotionApi \" v1/users/me `r`n\").object; Invoke-NotionApi ' v1/pages/0000000000004000800000000000dead '");

        Assert.Equal("user", Assert.Single(result.Output).BaseObject);
        var error = Assert.Single(result.Errors);
        Assert.Equal("v1/pages/0000000000004000800000000000dead", error.TargetObject);
        Assert.StartsWith("NotionObjectNotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void InvokeNotionApiConfirmsWithTheFullAddress()
    {
        var result = Session.Run("$null = Connect-NotionIntegration -Token $token -BaseUri $emu; Invoke-NotionApi -Method PATCH -Path /v1/pages/p1 -Body @{} -Verbose -ErrorAction SilentlyContinue");

        Assert.Contains(result.Verbose, line => line.Message.Contains($"\"{Emulator.BaseUri}v1/pages/p1\""));
    }

    [Theory]
    [InlineData("Connect-NotionIntegration -Token $given -BaseUri $emu")]
    [InlineData("Connect-NotionIntegration -Credential ([pscredential]::new('x', $given)) -BaseUri $emu")]
    [InlineData("$env:NOTION_TOKEN = [System.Net.NetworkCredential]::new('', $given).Password; try { Connect-NotionIntegration -BaseUri $emu } finally { $env:NOTION_TOKEN = $null }")]
    public void ATokenReadFromAFileWithItsNewlineConnects(string connect)
    {
        var result = Session.Run(connect, new Dictionary<string, object?> { ["given"] = EmulatorFixture.Secure(EmulatorFixture.FullAccessToken + "\r\n") });

        Assert.True(result.Errors.Count == 0, string.Join("; ", result.Errors));
        Assert.Equal("NotionPS Demo", Assert.Single(result.OutputOf<NotionConnection>()).BotName);
    }

    [Theory]
    [InlineData("Connect-NotionIntegration -Token $given -BaseUri $emu")]
    [InlineData("Connect-NotionIntegration -Credential ([pscredential]::new('x', $given)) -BaseUri $emu")]
    [InlineData("$env:NOTION_TOKEN = [System.Net.NetworkCredential]::new('', $given).Password; try { Connect-NotionIntegration -BaseUri $emu } finally { $env:NOTION_TOKEN = $null }")]
    public void ATokenThatWouldAddAHeaderIsRefusedWithoutShowingIt(string connect)
    {
        var error = RunExpectingTerminatingError(connect, new Dictionary<string, object?> { ["given"] = EmulatorFixture.Secure(EmulatorFixture.FullAccessToken + "\r\nX-Injected: 1") });

        Assert.True(error.FullyQualifiedErrorId.StartsWith("InvalidNotionToken,", StringComparison.Ordinal), error.FullyQualifiedErrorId + ": " + error);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("line break", error.Exception.Message);
        Assert.DoesNotContain("demo-token", error.ToString() + error.Exception + error.CategoryInfo + error.TargetObject);
        Assert.Null(Session.Run("Get-NotionConnection -ErrorAction SilentlyContinue").Output.SingleOrDefault());
    }

    [Theory]
    [InlineData(301, "Moved Permanently")]
    [InlineData(302, "Found")]
    [InlineData(307, "Temporary Redirect")]
    public void ConnectDoesNotReportSuccessAgainstARedirectTarget(int status, string reason)
    {
        var target = new Uri(Emulator.BaseUri, "v1/users/me");
        using var redirecting = new LoopbackServer(_ => LoopbackServer.Response(status, reason, string.Empty, "Location: " + target));

        var error = RunExpectingTerminatingError("Connect-NotionIntegration -Token $token -BaseUri $redirecting", new Dictionary<string, object?> { ["redirecting"] = redirecting.BaseUri });

        Assert.StartsWith("NotionRedirected,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Contains($"redirected to {target}", error.Exception.Message);
        Assert.Contains("-BaseUri", error.ErrorDetails.Message);
        Assert.Single(redirecting.Requests);
        Assert.Null(Session.Run("Get-NotionConnection -ErrorAction SilentlyContinue").Output.SingleOrDefault());
    }

    [Fact]
    public void AServerThatEchoesTheAuthorizationHeaderNeverPutsTheTokenIntoError()
    {
        using var echoing = new LoopbackServer(request => request.RequestLine.StartsWith("GET /v1/users/me ", StringComparison.Ordinal)
            ? LoopbackServer.Response(200, "OK", LoopbackServer.BotUser)
            : LoopbackServer.Response(400, "Bad Request", "{\"object\":\"error\",\"status\":400,\"code\":\"validation_error\",\"message\":\"You sent " + request.Header("Authorization") + "\"}"));

        var result = Session.Run(
            "$null = Connect-NotionIntegration -Token $token -BaseUri $echoing; Invoke-NotionApi v1/pages/p1 -ErrorAction SilentlyContinue; $Error[0].ToString(); $Error[0].Exception.Message; $Error[0].ErrorDetails.Message",
            new Dictionary<string, object?> { ["echoing"] = echoing.BaseUri });

        Assert.Equal($"Bearer {EmulatorFixture.FullAccessToken}", echoing.Requests.Last().Header("Authorization"));
        var shown = string.Join("\n", result.Output.Select(item => item?.ToString()).Concat(result.Errors.Select(error => error.Exception.Message)));
        Assert.Contains("You sent Bearer ***", shown);
        Assert.DoesNotContain(EmulatorFixture.FullAccessToken, shown);
    }

    [Theory]
    [InlineData("0.0000001")]
    [InlineData("0.01")]
    [InlineData("-1")]
    [InlineData("1000.5")]
    [InlineData("([double]::NaN)")]
    [InlineData("([double]::PositiveInfinity)")]
    public void RequestsPerSecondOutOfRangeIsABindingError(string rate)
    {
        var error = RunExpectingTerminatingError($"Connect-NotionIntegration -Token $token -BaseUri $emu -RequestsPerSecond {rate}");

        Assert.Equal("ParameterArgumentValidationError,NotionPS.Cmdlets.ConnectNotionIntegrationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("0 (no limit) or between 0.0167 (one a minute) and 1000", error.Exception.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.02")]
    [InlineData("1000")]
    public void RequestsPerSecondInRangeConnects(string rate)
    {
        var result = Session.Run($"Connect-NotionIntegration -Token $token -BaseUri $emu -RequestsPerSecond {rate}");

        Assert.Empty(result.Errors);
        Assert.Single(result.OutputOf<NotionConnection>());
    }

    /// <summary>A request's address is the base URI's path and its own: a query (a proxy's key, say) or a fragment would be dropped unseen.</summary>
    [Theory]
    [InlineData("http://127.0.0.1:1/?key=hunter2")]
    [InlineData("http://127.0.0.1:1/#hunter2")]
    public void ABaseUriWithAQueryOrFragmentIsRefusedWithoutShowingIt(string baseUri)
    {
        var error = RunExpectingTerminatingError("Connect-NotionIntegration -Token $token -BaseUri $odd", new Dictionary<string, object?> { ["odd"] = baseUri });

        Assert.StartsWith("InvalidBaseUri,", error.FullyQualifiedErrorId);
        Assert.Contains("query (?...) or fragment (#...)", error.Exception.Message);
        Assert.Contains("http://127.0.0.1:1/", error.Exception.Message);
        Assert.DoesNotContain("hunter2", error.ToString() + error.Exception + error.CategoryInfo + error.TargetObject + error.ErrorDetails?.Message);
    }

    [Fact]
    public void ABaseUriWithUserInfoIsRefusedWithoutShowingIt()
    {
        var error = RunExpectingTerminatingError("Connect-NotionIntegration -Token $token -BaseUri $withUserInfo", new Dictionary<string, object?> { ["withUserInfo"] = "http://alice:hunter2@127.0.0.1:1/" });

        Assert.StartsWith("InvalidBaseUri,", error.FullyQualifiedErrorId);
        Assert.Contains("user name or password", error.Exception.Message);
        Assert.Contains("http://127.0.0.1:1/", error.Exception.Message);
        Assert.DoesNotContain("hunter2", error.ToString() + error.Exception + error.CategoryInfo + error.TargetObject + error.ErrorDetails?.Message);
    }
}
