using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using Xunit;
using static NotionPS.Tests.Client.NotionClientTests;

namespace NotionPS.Tests.Client;

/// <summary>
/// An answer is read no further than a bound: a server that never ends its answer (a 2xx, an error, or any answer
/// with -Debug) is a NotionResponseTooLarge failure once the bound is passed, and its rest is never read.
/// </summary>
public class AnswerSizeTests
{
    private const string TestToken = "demo-token-full-access";
    private const long SmallLimit = 256 * 1024;

    /// <summary>What the reader may ask for past the bound: one byte, within one buffer of the runtime's.</summary>
    private const long ReadAhead = 64 * 1024;

    [Theory]
    [InlineData(200, false)]
    [InlineData(200, true)]
    [InlineData(500, false)]
    [InlineData(500, true)]
    [InlineData(404, true)]
    public async Task AnEndlessAnswerIsRefusedAtTheBound(int status, bool debug)
    {
        var body = new EndlessBody("{\"object\":\"error\",\"code\":\"x\",\"message\":\"");
        var handler = new ScriptedHandler(() => new HttpResponseMessage((HttpStatusCode)status) { Content = new StreamContent(body) });
        var log = new RecordingLog { IsDebugEnabled = debug };

        var failure = await Assert.ThrowsAsync<NotionApiException>(() =>
            Client(handler, SmallLimit).SendAsync(HttpMethod.Get, "v1/users/me", null, true, log, CancellationToken.None));

        Assert.Equal(NotionErrorCodes.ResponseTooLarge, failure.Code);
        Assert.Equal("NotionResponseTooLarge", failure.ErrorId);
        Assert.Equal(status, failure.Status);
        Assert.Contains($"longer than {SmallLimit} bytes", failure.Message);
        Assert.InRange(body.BytesGiven, SmallLimit, SmallLimit + ReadAhead);
        Assert.Single(handler.Requests); // A read is repeated after a 5xx, but an answer too long would be as long again.
    }

    [Theory]
    [InlineData(200)]
    [InlineData(500)]
    public async Task TheDebugLogShowsABoundedStartOfAnEndlessAnswer(int status)
    {
        const int debugBytes = 1000;
        var body = new EndlessBody("{\"object\":\"list\",\"results\":\"");
        var handler = new ScriptedHandler(() => new HttpResponseMessage((HttpStatusCode)status) { Content = new StreamContent(body) });
        var log = new RecordingLog { IsDebugEnabled = true };
        var client = Client(handler, SmallLimit, debugBytes);

        await Assert.ThrowsAsync<NotionApiException>(() => client.SendAsync(HttpMethod.Get, "v1/users/me", null, true, log, CancellationToken.None));

        var line = Assert.Single(log.DebugLines, line => line.Contains("response body:"));
        Assert.Contains("{\"object\":\"list\",\"results\":\"xxx", line);
        Assert.Contains($"(cut: the log shows at most the first {debugBytes} bytes of an answer)", line);
        Assert.True(line.Length < debugBytes + 200, $"The debug line is {line.Length} characters long.");
    }

    /// <summary>A cut through the token leaves no part of it in the log, though only the whole token is redacted there.</summary>
    [Fact]
    public async Task ACutThroughTheTokenLeavesNoPartOfIt()
    {
        const int debugBytes = 1000;
        var prefix = "{\"message\":\"" + new string('y', debugBytes - 12 - 7 - 10) + "Bearer " + TestToken;
        var body = new EndlessBody(prefix);
        var handler = new ScriptedHandler(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) });
        var log = new RecordingLog { IsDebugEnabled = true };

        await Assert.ThrowsAsync<NotionApiException>(() =>
            Client(handler, SmallLimit, debugBytes).SendAsync(HttpMethod.Get, "v1/users/me", null, true, log, CancellationToken.None));

        var line = Assert.Single(log.DebugLines, line => line.Contains("response body:"));
        Assert.DoesNotContain(TestToken[..5], line);
    }

    [Fact]
    public async Task AnAnswerOfExactlyTheBoundIsRead()
    {
        var json = "{\"a\":\"" + new string('x', (int)SmallLimit - 8) + "\"}";
        Assert.Equal(SmallLimit, Encoding.UTF8.GetByteCount(json));
        var handler = new ScriptedHandler(Ok(json));

        using var document = await Client(handler, SmallLimit).SendAsync(HttpMethod.Get, "v1/users/me", null, true, new RecordingLog { IsDebugEnabled = true }, CancellationToken.None);

        Assert.Equal(SmallLimit - 8, document.RootElement.GetProperty("a").GetString()!.Length);
    }

    /// <summary>The real bound, 64 MiB, on the path every read takes (a 2xx parsed as it arrives).</summary>
    [Fact]
    public async Task TheDefaultBoundStopsAnEndlessAnswer()
    {
        var body = new EndlessBody("{\"a\":\"");
        var handler = new ScriptedHandler(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) });
        var clock = new FakeClock();
        var client = new NotionClient(Secure(TestToken), new NotionClientOptions(), clock, new RateLimiter(0, 1, clock), handler);

        var failure = await Assert.ThrowsAsync<NotionApiException>(() => client.SendAsync(HttpMethod.Get, "v1/users/me", null, true, new RecordingLog(), CancellationToken.None));

        Assert.Equal(NotionErrorCodes.ResponseTooLarge, failure.Code);
        Assert.InRange(body.BytesGiven, 64L * 1024 * 1024, (64L * 1024 * 1024) + ReadAhead);
    }

    private static NotionClient Client(HttpMessageHandler handler, long limit, int debugBytes = 1024 * 1024)
    {
        var clock = new FakeClock();
        var options = new NotionClientOptions { MaximumAnswerBytes = limit, DebugAnswerBytes = debugBytes, MaximumRetryCount = 2 };
        return new NotionClient(Secure(TestToken), options, clock, new RateLimiter(0, 1, clock), handler);
    }

    /// <summary>
    /// A body that never ends: <c>prefix</c>, then 'x' for ever. Counts the bytes it gave; a reader that goes far past any bound
    /// (<c>giveUpAt</c>, 16 MiB past the client's default) gets a broken connection, so a client without one fails the test instead of filling memory.
    /// </summary>
    private sealed class EndlessBody(string prefix, long giveUpAt = 80L * 1024 * 1024) : Stream
    {
        private readonly byte[] start = Encoding.UTF8.GetBytes(prefix);

        public long BytesGiven { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (BytesGiven > giveUpAt)
            {
                throw new IOException("The reader went on far past any bound.");
            }

            for (var i = 0; i < count; i++)
            {
                buffer[offset + i] = BytesGiven + i < start.Length ? start[BytesGiven + i] : (byte)'x';
            }

            BytesGiven += count;
            return count;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
