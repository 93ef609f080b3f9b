using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NotionPS.Client;
using NotionPS.Tests.Client;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// A server (or a proxy, or a mistyped -BaseUri) that echoes the token in another spelling than it was sent: every record,
/// exception and stream line of the command that met it shows *** instead, Connect-NotionIntegration's included.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class EchoedTokenRedactionTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    private const string Token = EmulatorFixture.FullAccessToken;

    private static string JsonEscaped(string text) => string.Concat(text.Select(character => $"\\u{(int)character:x4}"));

    private static string Refusal(int status, string code, string message, string additionalData) =>
        LoopbackServer.Response(status, "Refused", $"{{\"object\":\"error\",\"status\":{status},\"code\":\"{code}\",\"message\":\"{message}\",\"additional_data\":{additionalData}}}");

    private static void AssertNoToken(string shown)
    {
        Assert.DoesNotContain(Token, shown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(JsonEscaped(Token), shown, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Every text of the record a script or Get-Error reads, AdditionalData's strings unescaped.</summary>
    private static string Shown(System.Management.Automation.ErrorRecord error)
    {
        var exception = Assert.IsType<NotionApiException>(error.Exception);
        var data = exception.AdditionalData is JsonElement element
            ? element.GetRawText() + string.Concat(element.EnumerateObject().Select(property => property.Value.ToString()))
            : string.Empty;
        return string.Join("\n", error.ToString(), exception.ToString(), exception.ApiMessage, error.ErrorDetails?.Message, error.ErrorDetails?.RecommendedAction, error.TargetObject, error.CategoryInfo, data);
    }

    [Fact]
    public void ConnectShowsNoTokenThatTheServersRefusalEchoes()
    {
        using var echoing = new LoopbackServer(_ => Refusal(401, "unauthorized", $"Bad token {Token}", $"{{\"seen\":\"{JsonEscaped(Token)}\"}}"));

        var error = RunExpectingTerminatingError("Connect-NotionIntegration -Token $token -BaseUri $echoing", new Dictionary<string, object?> { ["echoing"] = echoing.BaseUri });

        Assert.StartsWith("NotionUnauthorized,", error.FullyQualifiedErrorId);
        Assert.Contains("Bad token ***", error.Exception.Message);
        var data = Assert.IsType<NotionApiException>(error.Exception).AdditionalData!.Value;
        Assert.Equal("***", data.GetProperty("seen").GetString());
        AssertNoToken(Shown(error));
    }

    [Fact]
    public void DebugShowsNoTokenThatAnErrorBodyJsonEscapes()
    {
        using var echoing = new LoopbackServer(request => request.RequestLine.StartsWith("GET /v1/users/me ", StringComparison.Ordinal)
            ? LoopbackServer.Response(200, "OK", LoopbackServer.BotUser)
            : Refusal(400, "validation_error", $"You sent Bearer {JsonEscaped(Token)}", "{}"));

        var result = Session.Run(
            "$null = Connect-NotionIntegration -Token $token -BaseUri $echoing; Invoke-NotionApi v1/pages/p1 -Debug -Verbose -ErrorAction SilentlyContinue; $Error[0]",
            new Dictionary<string, object?> { ["echoing"] = echoing.BaseUri });

        var debug = result.Debug.Select(line => line.Message).ToList();
        Assert.Contains(debug, line => line.Contains("response body:", StringComparison.Ordinal) && line.Contains("You sent Bearer ***", StringComparison.Ordinal));
        AssertNoToken(string.Join("\n", debug.Concat(result.Verbose.Select(line => line.Message))));
        AssertNoToken(Shown(Assert.IsType<System.Management.Automation.ErrorRecord>(Assert.Single(result.Output).BaseObject)));
    }
}
