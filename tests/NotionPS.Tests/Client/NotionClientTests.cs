using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using Xunit;

namespace NotionPS.Tests.Client;

public class NotionClientTests
{
    private const string TestToken = "demo-token-full-access";

    [Fact]
    public async Task SendsBearerTokenVersionAndUserAgent()
    {
        var handler = new ScriptedHandler(Ok("{\"object\":\"user\",\"id\":\"b1\",\"name\":\"Bot\",\"type\":\"bot\",\"bot\":{\"owner\":{\"type\":\"workspace\",\"workspace\":true},\"workspace_name\":\"Acme\"}}"));
        var client = NewClient(handler, new FakeClock());

        var me = await client.GetMeAsync(new RecordingLog(), CancellationToken.None);

        var request = handler.Requests.Single();
        Assert.Equal("Bearer " + TestToken, request.Authorization);
        Assert.Equal("2026-03-11", request.NotionVersion);
        Assert.StartsWith("NotionPS/", request.UserAgent);
        Assert.Equal("https://api.notion.com/v1/users/me", request.Uri);
        Assert.Equal(("b1", "Bot", "workspace", "Acme"), (me.Id, me.Name, me.OwnerType, me.WorkspaceName));
    }

    /// <summary>
    /// The mark a write keeps of whether it may have been done: set as an attempt goes out, cleared by an answer that shows
    /// nothing was done (a 429 or 529 asking for a retry), kept by no answer, a timeout or a 5xx, which Notion may have
    /// answered after doing the work. The request is repeatable here, so each answer is followed by the wait before the
    /// retry, where the stop lands. Before, the mark was never cleared: a stop after a 429 read as a write that may exist.
    /// </summary>
    [Theory]
    [InlineData("429", false)]
    [InlineData("529", false)]
    [InlineData("500", true)]
    [InlineData("502", true)]
    [InlineData("drop", true)]
    [InlineData("timeout", true)]
    public async Task AStopInTheWaitBeforeARetryLeavesTheMarkSetOnlyWhenTheAnswerLeftTheWorkUnknown(string first, bool mayBeDone)
    {
        var clock = new HeldWaitClock();
        var handler = new ScriptedHandler(first switch
        {
            "429" => RateLimited(30),
            "529" => Error(529, "service_overload"),
            "500" => Error(500, "internal_server_error"),
            "502" => Error(502, "bad_gateway"),
            "drop" => Drop(),
            _ => () => throw new TaskCanceledException("The request timed out."),
        });
        using var stop = new CancellationTokenSource();
        var marks = new List<bool>();

        var send = NewClient(handler, clock).SendAsync(HttpMethod.Patch, "v1/pages/p1", new JsonObject(), safeToRepeat: true, new RecordingLog(), stop.Token, marks.Add);
        await clock.Waiting.Task;
        stop.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        Assert.Equal(mayBeDone ? new[] { true } : new[] { true, false }, marks);
    }

    /// <summary>
    /// After an attempt whose answer left the work unknown (a 502), a retry refused or told to wait speaks only for itself: the
    /// request may have been done by the first attempt, so the mark stays set (a stop in the 429's wait, or the 409, tells it).
    /// </summary>
    [Theory]
    [InlineData("429")]
    [InlineData("409")]
    public async Task ARetryThatDidNothingAfterAnAnswerThatLeftTheWorkUnknownKeepsTheMark(string then)
    {
        var clock = new HeldWaitClock(waitsToLetThrough: 1);
        var handler = new ScriptedHandler(Error(502, "bad_gateway"), then == "429" ? RateLimited(30) : Error(409, "conflict_error"));
        using var stop = new CancellationTokenSource();
        var marks = new List<bool>();

        var send = NewClient(handler, clock).SendAsync(HttpMethod.Patch, "v1/pages/p1", new JsonObject(), safeToRepeat: true, new RecordingLog(), stop.Token, marks.Add);
        if (then == "429")
        {
            await clock.Waiting.Task;
            stop.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        }
        else
        {
            Assert.Equal(409, (await Assert.ThrowsAsync<NotionApiException>(() => send)).Status);
        }

        Assert.Equal(new[] { true, true }, marks);
    }

    /// <summary>An answer that refuses the write (a 4xx, final) clears the mark too: nothing of it was done.</summary>
    [Theory]
    [InlineData(400, "validation_error")]
    [InlineData(404, "object_not_found")]
    [InlineData(409, "conflict_error")]
    public async Task AnAnswerThatRefusesTheWriteClearsTheMark(int status, string code)
    {
        var marks = new List<bool>();

        var refused = await Assert.ThrowsAsync<NotionApiException>(() =>
            NewClient(new ScriptedHandler(Error(status, code)), new FakeClock()).SendAsync(HttpMethod.Post, "v1/pages", new JsonObject(), safeToRepeat: false, new RecordingLog(), CancellationToken.None, marks.Add));

        Assert.Equal(status, refused.Status);
        Assert.Equal(new[] { true, false }, marks);
    }

    [Fact]
    public async Task NotionsClockIsReadFromTheDateOfTheLatestAnswer()
    {
        var here = new DateTimeOffset(2026, 1, 31, 9, 30, 0, TimeSpan.Zero);
        HttpResponseMessage Dated(HttpResponseMessage answer, DateTimeOffset? date)
        {
            answer.Headers.Date = date;
            return answer;
        }

        var handler = new ScriptedHandler(
            () => Dated(Ok("{}")(), null),
            () => Dated(Ok("{}")(), here.AddMinutes(-5)),
            () => Dated(Error(404, "object_not_found")(), here.AddMinutes(3)));
        var client = NewClient(handler, new FakeClock(here));

        using (await client.GetPageAsync("p1", new RecordingLog(), CancellationToken.None))
        {
            Assert.Null(client.NotionClockAhead);
        }

        using (await client.GetPageAsync("p1", new RecordingLog(), CancellationToken.None))
        {
            Assert.Equal(TimeSpan.FromMinutes(-5), client.NotionClockAhead);
        }

        await Assert.ThrowsAsync<NotionApiException>(() => client.GetPageAsync("p1", new RecordingLog(), CancellationToken.None));
        Assert.Equal(TimeSpan.FromMinutes(3), client.NotionClockAhead);
    }

    [Fact]
    public async Task HonoursRetryAfterOn429ForAnyMethodAndSaysSoInVerbose()
    {
        var clock = new FakeClock();
        var handler = new ScriptedHandler(RateLimited(2), RateLimited(1), Ok("{\"object\":\"page\",\"id\":\"p1\"}"));
        var client = NewClient(handler, clock);
        var log = new RecordingLog();

        using var page = await client.CreatePageAsync("ds1", new JsonObject(), log, CancellationToken.None);

        Assert.Equal(3, handler.Requests.Count);
        Assert.Contains(TimeSpan.FromSeconds(2), clock.Delays);
        Assert.Contains(TimeSpan.FromSeconds(1), clock.Delays);
        Assert.Contains(log.VerboseLines, line => line.Contains("429 rate_limited; retry 1 of 5 in 2.0 s"));
        Assert.Contains(log.VerboseLines, line => line.Contains("-> 200") && line.Contains("(attempt 3)"));
    }

    [Theory]
    [InlineData(500, "internal_server_error")]
    [InlineData(502, "bad_gateway")]
    [InlineData(503, "service_unavailable")]
    [InlineData(504, "gateway_timeout")]
    public async Task RepeatsAReadAfterA5xxButNeverAWrite(int status, string code)
    {
        var readHandler = new ScriptedHandler(Error(status, code), Ok("{}"));
        using (await NewClient(readHandler, new FakeClock()).GetPageAsync("p1", new RecordingLog(), CancellationToken.None))
        {
            Assert.Equal(2, readHandler.Requests.Count);
        }

        var writeHandler = new ScriptedHandler(Error(status, code), Ok("{}"));
        var failure = await Assert.ThrowsAsync<NotionApiException>(() =>
            NewClient(writeHandler, new FakeClock()).CreatePageAsync("ds1", new JsonObject(), new RecordingLog(), CancellationToken.None));
        Assert.Single(writeHandler.Requests);
        Assert.Equal(status, failure.Status);
        Assert.Equal(code, failure.Code);
    }

    [Fact]
    public async Task RepeatsAReadAfterADroppedConnectionButNeverAWrite()
    {
        var readHandler = new ScriptedHandler(Drop(), Ok("{}"));
        using (await NewClient(readHandler, new FakeClock()).GetPageAsync("p1", new RecordingLog(), CancellationToken.None))
        {
            Assert.Equal(2, readHandler.Requests.Count);
        }

        var writeHandler = new ScriptedHandler(Drop(), Ok("{}"));
        var failure = await Assert.ThrowsAsync<NotionApiException>(() =>
            NewClient(writeHandler, new FakeClock()).CreatePageAsync("ds1", new JsonObject(), new RecordingLog(), CancellationToken.None));
        Assert.Single(writeHandler.Requests);
        Assert.Equal(0, failure.Status);
        Assert.Equal("connection_failure", failure.Code);
    }

    [Fact]
    public async Task AnAnswerCutPartwayIsADroppedConnectionRepeatedForAReadButNeverForAWrite()
    {
        var readHandler = new ScriptedHandler(Cut(), Ok("{\"object\":\"page\",\"id\":\"p1\"}"));
        var log = new RecordingLog();
        using (var page = await NewClient(readHandler, new FakeClock()).GetPageAsync("p1", log, CancellationToken.None))
        {
            Assert.Equal(2, readHandler.Requests.Count);
            Assert.Contains(log.VerboseLines, line => line.Contains("connection_failure; retry 1 of 5"));
        }

        var writeHandler = new ScriptedHandler(Cut(), Ok("{}"));
        var failure = await Assert.ThrowsAsync<NotionApiException>(() =>
            NewClient(writeHandler, new FakeClock()).CreatePageAsync("ds1", new JsonObject(), new RecordingLog(), CancellationToken.None));
        Assert.Single(writeHandler.Requests);
        Assert.Equal((0, "connection_failure"), (failure.Status, failure.Code));
        Assert.Contains("dropped partway through the answer", failure.Message);
        Assert.IsAssignableFrom<System.IO.IOException>(failure.InnerException);
    }

    [Fact]
    public async Task AnAnswerThatStopsPartwayTimesOut()
    {
        var handler = new ScriptedHandler(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new HalfAPage(stall: true)) });
        var options = new NotionClientOptions { Timeout = TimeSpan.FromMilliseconds(200), MaximumRetryCount = 0 };
        var client = new NotionClient(Secure(TestToken), options, new FakeClock(), RateLimiter(), handler);

        var failure = await Assert.ThrowsAsync<NotionApiException>(() => client.GetPageAsync("p1", new RecordingLog(), CancellationToken.None));

        Assert.Equal((0, "timeout"), (failure.Status, failure.Code));
        Assert.Contains("did not arrive in full", failure.Message);
    }

    [Fact]
    public async Task GivesUpAfterTheMaximumRetryCount()
    {
        var handler = new ScriptedHandler(Enumerable.Range(0, 10).Select(_ => RateLimited(0)).ToArray());
        var options = new NotionClientOptions { MaximumRetryCount = 2 };
        var clock = new FakeClock();
        var client = new NotionClient(Secure(TestToken), options, clock, new RateLimiter(0, 1, clock), handler);

        var failure = await Assert.ThrowsAsync<NotionApiException>(() => client.GetPageAsync("p1", new RecordingLog(), CancellationToken.None));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal("rate_limited", failure.Code);
    }

    [Fact]
    public async Task GivesUpAtOnceWhenRetryAfterIsLongerThanItWaits()
    {
        var clock = new FakeClock();
        var handler = new ScriptedHandler(RateLimited(3600), Ok("{}"));

        var failure = await Assert.ThrowsAsync<NotionApiException>(() => NewClient(handler, clock).GetPageAsync("p1", new RecordingLog(), CancellationToken.None));

        Assert.Equal("rate_limited", failure.Code);
        Assert.Single(handler.Requests);
        Assert.DoesNotContain(clock.Delays, delay => delay > TimeSpan.Zero);
    }

    [Fact]
    public async Task ReadsRetryAfterGivenAsADateAndBacksOffWithoutOne()
    {
        var clock = new FakeClock();
        var dated = Error(529, "service_overload");
        var handler = new ScriptedHandler(
            () =>
            {
                var response = dated();
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(30));
                return response;
            },
            Error(529, "service_overload"),
            Ok("{}"));

        using (await NewClient(handler, clock).GetPageAsync("p1", new RecordingLog(), CancellationToken.None))
        {
        }

        Assert.Equal(3, handler.Requests.Count);
        var waits = clock.Delays.Where(delay => delay > TimeSpan.Zero).ToList();
        Assert.InRange(waits[0], TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(1), waits[1]);
    }

    [Fact]
    public async Task RetryAfterAsADateUsesTheInjectedClock()
    {
        // Years away from the system's date: a Retry-After read against the system clock would be far off.
        var clock = new FakeClock(new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero));
        var handler = new ScriptedHandler(
            () =>
            {
                var response = Error(429, "rate_limited")();
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(clock.UtcNow.AddSeconds(3));
                return response;
            },
            Ok("{}"));

        using (await NewClient(handler, clock).GetPageAsync("p1", new RecordingLog(), CancellationToken.None))
        {
        }

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(new[] { TimeSpan.FromSeconds(3) }, clock.Delays.Where(delay => delay > TimeSpan.Zero));
    }

    [Fact]
    public async Task KeepsAPathPrefixOfTheBaseUri()
    {
        var handler = new ScriptedHandler(Ok("{}"));
        var options = new NotionClientOptions { BaseUri = new Uri("https://proxy.example.com/notion") };
        var clock = new FakeClock();

        using (await new NotionClient(Secure(TestToken), options, clock, new RateLimiter(0, 1, clock), handler).GetPageAsync("p1", new RecordingLog(), CancellationToken.None))
        {
        }

        Assert.Equal("https://proxy.example.com/notion/v1/pages/p1", handler.Requests.Single().Uri);
    }

    [Fact]
    public async Task KeepsNotionsAdditionalData()
    {
        var handler = new ScriptedHandler(() => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("{\"object\":\"error\",\"status\":400,\"code\":\"validation_error\",\"message\":\"Databases with multiple data sources are not supported in this API version.\",\"request_id\":\"r\",\"additional_data\":{\"child_data_source_ids\":[\"a\",\"b\"]}}"),
        });

        var failure = await Assert.ThrowsAsync<NotionApiException>(() => NewClient(handler, new FakeClock()).GetDatabaseAsync("db", new RecordingLog(), CancellationToken.None));

        Assert.Equal(2, failure.AdditionalData!.Value.GetProperty("child_data_source_ids").GetArrayLength());
    }

    [Fact]
    public async Task MapsNotionsErrorBodyWithStatusCodeMessageAndRequestId()
    {
        var handler = new ScriptedHandler(Error(404, "object_not_found", "Could not find database with ID: abc. Make sure the relevant pages and databases are shared with your integration \"Bot\".", "req-123"));

        var failure = await Assert.ThrowsAsync<NotionApiException>(() =>
            NewClient(handler, new FakeClock()).GetDatabaseAsync("abc", new RecordingLog(), CancellationToken.None));

        Assert.Equal(404, failure.Status);
        Assert.Equal("object_not_found", failure.Code);
        Assert.Equal("req-123", failure.RequestId);
        Assert.Contains("GET v1/databases/abc returned 404 object_not_found", failure.Message);
        Assert.Contains("shared with your integration \"Bot\"", failure.Message);
        Assert.Contains("request_id req-123", failure.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ASuccessThatIsNotJsonIsAnInvalidResponseNeitherRetriedNorCalledATransportFailure(bool debug)
    {
        var handler = new ScriptedHandler(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html>captive portal</html>") }, Ok("{}"));
        var log = new RecordingLog { IsDebugEnabled = debug };

        var failure = await Assert.ThrowsAsync<NotionApiException>(() => NewClient(handler, new FakeClock()).GetPageAsync("p1", log, CancellationToken.None));

        Assert.Equal("invalid_response", failure.Code);
        Assert.Single(handler.Requests);
        Assert.Equal(new[] { "GET v1/pages/p1 -> 200 OK" }, log.VerboseLines.Select(line => line.Substring(0, line.IndexOf(" in ", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task DescribesANonNotionErrorBodyByItsStatus()
    {
        var handler = new ScriptedHandler(() => new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("<html>proxy says no</html>") });

        var failure = await Assert.ThrowsAsync<NotionApiException>(() =>
            NewClient(handler, new FakeClock()).GetDatabaseAsync("abc", new RecordingLog(), CancellationToken.None));

        Assert.Equal(403, failure.Status);
        Assert.Equal("http_403", failure.Code);
    }

    [Fact]
    public async Task CancellationStopsARetryAfterWait()
    {
        var handler = new ScriptedHandler(RateLimited(60), Ok("{}"));
        var client = new NotionClient(Secure(TestToken), new NotionClientOptions(), SystemClockForTests, RateLimiter(), handler);
        using var cancel = new CancellationTokenSource();

        var call = client.GetPageAsync("p1", new RecordingLog(), cancel.Token);
        await handler.FirstRequestSeen.Task;
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(handler.Requests);
    }

    [Theory]
    [InlineData("http://api.example.com", false)]
    [InlineData("http://10.0.0.5:7700", false)]
    [InlineData("ftp://localhost", false)]
    [InlineData("http://localhost:7700", true)]
    [InlineData("http://127.0.0.1:7700", true)]
    [InlineData("http://[::1]:7700", true)]
    [InlineData("https://api.example.com", true)]
    public void RefusesPlainHttpToAnythingButThisMachine(string baseUri, bool accepted)
    {
        var options = new NotionClientOptions { BaseUri = new Uri(baseUri) };

        if (accepted)
        {
            options.Validate();
        }
        else
        {
            var error = Assert.Throws<ArgumentException>(options.Validate);
            Assert.Equal("BaseUri", error.ParamName);
        }
    }

    [Fact]
    public void RefusesAnEmptyToken()
    {
        var error = Assert.Throws<ArgumentException>(() => new NotionClient(new SecureString(), new NotionClientOptions()));
        Assert.Contains("my-integrations", error.Message);
    }

    [Fact]
    public async Task DebugShowsBodiesButNeverTheToken()
    {
        var handler = new ScriptedHandler(Ok("{\"echo\":\"" + TestToken + "\"}"));
        var log = new RecordingLog { IsDebugEnabled = true };

        using (await NewClient(handler, new FakeClock()).UpdatePageAsync("p1", new JsonObject { ["note"] = TestToken }, log, CancellationToken.None))
        {
        }

        Assert.Contains(log.DebugLines, line => line.Contains("request body") && line.Contains("***"));
        Assert.Contains(log.DebugLines, line => line.Contains("response body") && line.Contains("***"));
        Assert.DoesNotContain(log.DebugLines.Concat(log.VerboseLines), line => line.Contains(TestToken));
    }

    [Fact]
    public async Task VerboseLinesAreRedacted()
    {
        var handler = new ScriptedHandler(Error(500, "internal_server_error"), Ok("{}"));
        var log = new RecordingLog();

        using (await NewClient(handler, new FakeClock()).SendAsync(HttpMethod.Get, "v1/pages/" + TestToken, null, safeToRepeat: true, log, CancellationToken.None))
        {
        }

        Assert.Equal(3, log.VerboseLines.Count);
        Assert.All(log.VerboseLines, line => Assert.StartsWith("GET v1/pages/***", line));
        Assert.DoesNotContain(log.VerboseLines, line => line.Contains(TestToken));
    }

    private static readonly IClock SystemClockForTests = SystemClock.Instance;

    private static RateLimiter RateLimiter() => new(0, 1, SystemClock.Instance);

    internal static NotionClient NewClient(HttpMessageHandler handler, IClock clock, string apiVersion = NotionClientOptions.DefaultApiVersion) =>
        new(Secure(TestToken), new NotionClientOptions { ApiVersion = apiVersion }, clock, new RateLimiter(0, 1, clock), handler);

    internal static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var character in text)
        {
            secure.AppendChar(character);
        }

        return secure;
    }

    internal static Func<HttpResponseMessage> Ok(string json) => () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    internal static Func<HttpResponseMessage> Error(int status, string code, string message = "failed", string requestId = "req-1") => () =>
        new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent($"{{\"object\":\"error\",\"status\":{status},\"code\":\"{code}\",\"message\":{System.Text.Json.JsonSerializer.Serialize(message)},\"request_id\":\"{requestId}\"}}"),
        };

    internal static Func<HttpResponseMessage> RateLimited(int seconds) => () =>
    {
        var response = Error(429, "rate_limited", "You have been rate limited.")();
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        return response;
    };

    private static Func<HttpResponseMessage> Drop() => () => throw new HttpRequestException("The connection was reset.");

    /// <summary>A 200 whose body breaks off halfway, as a dropped connection leaves it.</summary>
    private static Func<HttpResponseMessage> Cut() => () =>
        new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new HalfAPage(stall: false)) };

    private const string PageJson = "{\"object\":\"page\",\"id\":\"p1\",\"properties\":{}}";

    /// <summary>
    /// The first half of a page's JSON, then what a broken connection gives a reader: the error of a dropped
    /// connection or, when <paramref name="stall"/>, nothing more until the reader gives up.
    /// </summary>
    private sealed class HalfAPage(bool stall) : System.IO.MemoryStream(Encoding.UTF8.GetBytes(PageJson[..(PageJson.Length / 2)]))
    {
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                return read;
            }

            if (stall)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            throw new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
        }
    }

    internal sealed record SeenRequest(string Method, string Uri, string? Authorization, string? NotionVersion, string? UserAgent, string? Body);

    internal sealed class ScriptedHandler(params Func<HttpResponseMessage>[] script) : HttpMessageHandler
    {
        private int next;

        public List<SeenRequest> Requests { get; } = new();

        public TaskCompletionSource FirstRequestSeen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(new SeenRequest(
                request.Method.Method,
                request.RequestUri!.ToString(),
                request.Headers.TryGetValues("Authorization", out var auth) ? auth.Single() : null,
                request.Headers.TryGetValues("Notion-Version", out var version) ? version.Single() : null,
                request.Headers.TryGetValues("User-Agent", out var agent) ? string.Join(" ", agent) : null,
                request.Content?.ReadAsStringAsync(cancellationToken).GetAwaiter().GetResult()));
            FirstRequestSeen.TrySetResult();
            return Task.FromResult(script[Math.Min(next++, script.Length - 1)]());
        }
    }
}

internal sealed class RecordingLog : INotionLog
{
    public List<string> VerboseLines { get; } = new();

    public List<string> DebugLines { get; } = new();

    public List<string> WarningLines { get; } = new();

    public bool IsVerboseEnabled { get; set; } = true;

    public bool IsDebugEnabled { get; set; }

    public void Verbose(string message) => VerboseLines.Add(message);

    public void Debug(string message) => DebugLines.Add(message);

    public void Warning(string message) => WarningLines.Add(message);
}
