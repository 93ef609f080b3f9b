using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using Xunit;
using static NotionPS.Tests.Client.NotionClientTests;

namespace NotionPS.Tests.Client;

/// <summary>What the client sends and to whom, with the runtime's own handler where it matters: tokens, redirects, proxies, echoed secrets.</summary>
[Collection(ProcessProxyCollection.Name)]
public class TransportSafetyTests
{
    private const string TestToken = "test-token-transport-safety";

    [Theory]
    [InlineData(TestToken + "\n")]
    [InlineData(TestToken + "\r\n")]
    [InlineData(" \t" + TestToken + " \n\n")]
    [InlineData("\uFEFF" + TestToken + "\u00A0")]
    public async Task ATokenWithWhitespaceAroundItIsSentTrimmed(string given)
    {
        var handler = new ScriptedHandler(Ok(LoopbackServer.BotUser));
        var clock = new FakeClock();
        var client = new NotionClient(Secure(given), new NotionClientOptions(), clock, new RateLimiter(0, 1, clock), handler);

        await client.GetMeAsync(new RecordingLog(), CancellationToken.None);

        Assert.Equal("Bearer " + TestToken, handler.Requests.Single().Authorization);
    }

    [Theory]
    [InlineData("test-abc\r\nX-Injected: 1", "line break")]
    [InlineData("test-abc\n\nGET / HTTP/1.1", "line break")]
    [InlineData("test-abc\rdef", "line break")]
    [InlineData("test-abc\tdef", "control character")]
    [InlineData("test-abc\0def", "control character")]
    [InlineData("test-abc\u0085def", "control character")]
    [InlineData("test-abc def", "a space")]
    [InlineData("test-abc\u201Ddef", "outside ASCII")]
    [InlineData("test-abc\u2028def", "outside ASCII")]
    [InlineData(" \r\n\t ", "empty")]
    public void ATokenWithAControlCharacterInsideIsRefusedWithoutShowingIt(string given, string described)
    {
        var error = Assert.Throws<ArgumentException>(() => new NotionClient(Secure(given), new NotionClientOptions()));

        Assert.Contains(described, error.Message);
        Assert.Contains("my-integrations", error.Message);
        Assert.DoesNotContain("test-abc", error.Message);
        Assert.DoesNotContain("def", error.Message);
    }

    [Fact]
    public void NoHeaderIsAddedWithoutValidationExceptTheAgentWeBuild()
    {
        var client = System.IO.File.ReadAllText(System.IO.Path.Combine(TestPaths.RepoRoot, "src", "NotionPS", "Client", "NotionClient.cs"));

        var unvalidated = System.Text.RegularExpressions.Regex.Matches(client, @"TryAddWithoutValidation\(""([^""]+)""").Select(match => match.Groups[1].Value);

        Assert.Equal(new[] { "User-Agent" }, unvalidated);
    }

    public static TheoryData<string> EchoedSecrets => new()
    {
        // Notion's error shape quoting the request back, in each of its fields.
        { "{\"object\":\"error\",\"status\":400,\"code\":\"validation_error\",\"message\":\"Bad header: Authorization: Bearer " + TestToken + "\",\"request_id\":\"r-" + TestToken + "\",\"additional_data\":{\"headers\":\"" + TestToken + "\"}}" },
        { "{\"object\":\"error\",\"status\":400,\"code\":\"" + TestToken + "\",\"message\":\"x\"}" },
        // Escaped in JSON, so only the decoded text has it.
        { "{\"object\":\"error\",\"status\":400,\"code\":\"validation_error\",\"message\":\"\\u0074est-token-transport-safety\"}" },
        // A proxy's page that is not Notion's shape.
        { "<html>Authorization: Bearer " + TestToken + "</html>" },
    };

    [Theory]
    [MemberData(nameof(EchoedSecrets))]
    public async Task AnErrorBodyThatQuotesTheTokenNeverPutsItIntoTheException(string body)
    {
        var handler = new ScriptedHandler(() => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent(body),
            ReasonPhrase = "Bad " + TestToken,
        });
        var clock = new FakeClock();
        var client = new NotionClient(Secure(TestToken), new NotionClientOptions(), clock, new RateLimiter(0, 1, clock), handler);

        var failure = await Assert.ThrowsAsync<NotionApiException>(() => client.GetPageAsync("p1", new RecordingLog(), CancellationToken.None));

        var everything = string.Join("|", failure.Message, failure.ApiMessage, failure.Code, failure.RequestId, failure.AdditionalData?.GetRawText(), failure.ToString());
        Assert.DoesNotContain(TestToken, everything);
        Assert.Contains("***", everything);
    }

    /// <summary>A reason phrase is the server's text too: no log line (-Verbose, -Debug) carries the token, on success, failure or retry.</summary>
    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task AReasonPhraseThatQuotesTheTokenNeverReachesTheLog(HttpStatusCode status)
    {
        var handler = new ScriptedHandler(() => new HttpResponseMessage(status)
        {
            Content = new StringContent(status == HttpStatusCode.OK ? "{\"object\":\"page\",\"id\":\"p1\"}" : "{}"),
            ReasonPhrase = "Echo: Bearer " + TestToken,
        });
        var clock = new FakeClock();
        var client = new NotionClient(Secure(TestToken), new NotionClientOptions { MaximumRetryCount = 1 }, clock, new RateLimiter(0, 1, clock), handler);
        var log = new RecordingLog { IsDebugEnabled = true };

        try
        {
            using var page = await client.GetPageAsync("p1", log, CancellationToken.None);
        }
        catch (NotionApiException)
        {
        }

        var lines = log.VerboseLines.Concat(log.DebugLines).ToList();
        Assert.Contains(lines, line => line.Contains("Echo: Bearer ***"));
        Assert.DoesNotContain(lines, line => line.Contains(TestToken));
    }

    [Theory]
    [InlineData(301, "Moved Permanently")]
    [InlineData(302, "Found")]
    [InlineData(303, "See Other")]
    [InlineData(307, "Temporary Redirect")]
    [InlineData(308, "Permanent Redirect")]
    public async Task ARedirectIsNeverFollowedAndSaysWhereItPointed(int status, string reason)
    {
        using var target = new LoopbackServer(_ => LoopbackServer.Response(200, "OK", LoopbackServer.BotUser));
        var location = new Uri(target.BaseUri, "v1/pages?token=" + TestToken);
        using var redirecting = new LoopbackServer(_ => LoopbackServer.Response(status, reason, string.Empty, "Location: " + location));
        var client = new NotionClient(Secure(TestToken), new NotionClientOptions { BaseUri = redirecting.BaseUri, RequestsPerSecond = 0, MaximumRetryCount = 2 });

        var read = await Assert.ThrowsAsync<NotionApiException>(() => client.GetMeAsync(new RecordingLog(), CancellationToken.None));
        var write = await Assert.ThrowsAsync<NotionApiException>(() => client.CreatePageAsync("ds1", new JsonObject { ["x"] = 1 }, new RecordingLog(), CancellationToken.None));
        var update = await Assert.ThrowsAsync<NotionApiException>(() => client.UpdatePageAsync("p1", new JsonObject { ["x"] = 1 }, new RecordingLog(), CancellationToken.None));

        foreach (var failure in new[] { read, write, update })
        {
            Assert.Equal((NotionErrorCodes.Redirect, status), (failure.Code, failure.Status));
            Assert.Contains($"redirected to http://127.0.0.1:{target.Port}/v1/pages?token=***", failure.Message);
            Assert.DoesNotContain(TestToken, failure.Message);
        }

        Assert.Equal(3, redirecting.Requests.Count); // once each, never repeated
        Assert.Equal(0, target.Connections);
    }

    [Fact]
    public async Task ARedirectWithoutLocationSaysSo()
    {
        using var redirecting = new LoopbackServer(_ => LoopbackServer.Response(302, "Found"));
        var client = new NotionClient(Secure(TestToken), new NotionClientOptions { BaseUri = redirecting.BaseUri, RequestsPerSecond = 0 });

        var failure = await Assert.ThrowsAsync<NotionApiException>(() => client.GetMeAsync(new RecordingLog(), CancellationToken.None));

        Assert.Equal(NotionErrorCodes.Redirect, failure.Code);
        Assert.Contains("no Location header", failure.Message);
    }

    /// <summary>
    /// HTTP_PROXY becomes the runtime's default proxy; one that proxies every address (as the environment's does)
    /// stands in for it here, since the environment is read once per process.
    /// </summary>
    [Fact]
    public async Task ALoopbackBaseUriIsReachedDirectlyWhateverTheSystemProxy()
    {
        using var proxy = new LoopbackServer(_ => LoopbackServer.Response(502, "Bad Gateway"));
        using var api = new LoopbackServer(_ => LoopbackServer.Response(200, "OK", LoopbackServer.BotUser));
        var original = HttpClient.DefaultProxy;
        HttpClient.DefaultProxy = new EveryAddressProxy(proxy.BaseUri);
        try
        {
            var client = new NotionClient(Secure(TestToken), new NotionClientOptions { BaseUri = api.BaseUri, RequestsPerSecond = 0 });

            var me = await client.GetMeAsync(new RecordingLog(), CancellationToken.None);

            Assert.Equal("Bot", me.Name);
            Assert.Single(api.Requests);
            Assert.Equal(0, proxy.Connections);
        }
        finally
        {
            HttpClient.DefaultProxy = original;
        }
    }

    [Fact]
    public async Task AnHttpsBaseUriFollowsTheSystemProxy()
    {
        using var proxy = new LoopbackServer(_ => LoopbackServer.Response(502, "Bad Gateway"));
        var original = HttpClient.DefaultProxy;
        HttpClient.DefaultProxy = new EveryAddressProxy(proxy.BaseUri);
        try
        {
            var host = $"api-{Guid.NewGuid():N}.notion.invalid";
            var client = new NotionClient(Secure(TestToken), new NotionClientOptions { BaseUri = new Uri($"https://{host}/"), RequestsPerSecond = 0, MaximumRetryCount = 0 });

            var failure = await Assert.ThrowsAsync<NotionApiException>(() => client.GetMeAsync(new RecordingLog(), CancellationToken.None));

            Assert.Equal(NotionErrorCodes.ConnectionFailure, failure.Code);
            Assert.Equal($"CONNECT {host}:443 HTTP/1.1", Assert.Single(proxy.Requests).RequestLine);
        }
        finally
        {
            HttpClient.DefaultProxy = original;
        }
    }

    // The proxy tests set the process-wide HttpClient.DefaultProxy, which a handler reads when it first sends:
    // the collection runs alone, so no other test's cached HttpClient can send (and keep the fake proxy) meanwhile,
    // and the clients these tests make are cached under addresses no other test uses (a fresh port, a unique host).
    private sealed class EveryAddressProxy(Uri proxy) : IWebProxy
    {
        public ICredentials? Credentials { get; set; }

        public Uri GetProxy(Uri destination) => proxy;

        public bool IsBypassed(Uri host) => false;
    }
}

/// <summary>Tests that change process-wide networking defaults: run alone, never beside other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessProxyCollection
{
    public const string Name = "Process-wide default proxy";
}
