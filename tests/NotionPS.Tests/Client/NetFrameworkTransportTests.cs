using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using Xunit;

namespace NotionPS.Tests.Client;

/// <summary>
/// The Windows PowerShell 5.1 (.NET Framework) side of the transport, decided from the runtime as a fact so that its
/// branch runs here; the .NET Framework behaviours they answer are cited in README's "Windows PowerShell 5.1".
/// </summary>
public class NetFrameworkTransportTests
{
    private const SecurityProtocolType Ssl3 = (SecurityProtocolType)48;
    private const SecurityProtocolType Tls = (SecurityProtocolType)192;
    private const SecurityProtocolType Tls11 = (SecurityProtocolType)768;
    private const SecurityProtocolType Tls12 = (SecurityProtocolType)3072;
    private const SecurityProtocolType Tls13 = (SecurityProtocolType)12288;

    [Fact]
    public void AddsTls12AndTls13OnNetFrameworkAndKeepsWhatWasSet()
    {
        Assert.Equal(Ssl3 | Tls | Tls12 | Tls13, NetFrameworkTransport.ProtocolsToSet(onNetFramework: true, Ssl3 | Tls, tls13Known: true));
        Assert.Equal(Tls11 | Tls12, NetFrameworkTransport.ProtocolsToSet(onNetFramework: true, Tls11, tls13Known: false));
        Assert.Equal(Tls12 | Tls13, NetFrameworkTransport.ProtocolsToSet(onNetFramework: true, Tls12, tls13Known: true));
    }

    [Fact]
    public void LeavesTheProtocolsAloneWhereNothingIsMissingOrTheSystemChooses()
    {
        Assert.Null(NetFrameworkTransport.ProtocolsToSet(onNetFramework: false, Ssl3 | Tls, tls13Known: true));
        Assert.Null(NetFrameworkTransport.ProtocolsToSet(onNetFramework: true, SecurityProtocolType.SystemDefault, tls13Known: true));
        Assert.Null(NetFrameworkTransport.ProtocolsToSet(onNetFramework: true, Tls12 | Tls13, tls13Known: true));
        Assert.Null(NetFrameworkTransport.ProtocolsToSet(onNetFramework: true, Tls | Tls12, tls13Known: false));
    }

    [Fact]
    public void LiftsTheConnectionLimitOnlyOnNetFramework()
    {
        using var framework = NetFrameworkTransport.NewHandler(allowAutoRedirect: false, useProxy: true, onNetFramework: true);
        using var core = NetFrameworkTransport.NewHandler(allowAutoRedirect: true, useProxy: false, onNetFramework: false);

        Assert.Equal(NetFrameworkTransport.ConnectionsPerServer, framework.MaxConnectionsPerServer);
        Assert.Equal(new HttpClientHandler().MaxConnectionsPerServer, core.MaxConnectionsPerServer);
        Assert.Equal((false, true, true, false), (framework.AllowAutoRedirect, framework.UseProxy, core.AllowAutoRedirect, core.UseProxy));
    }

    [Theory]
    [InlineData("socket", false, false, "ConnectionFailed")]
    [InlineData("web", false, false, "ConnectionFailed")]
    [InlineData("http-over-web", false, false, "ConnectionFailed")]
    [InlineData("io-over-web", false, false, "ConnectionFailed")]
    [InlineData("cancelled", false, false, "TimedOut")]
    [InlineData("cancelled", false, true, "TimedOut")]
    [InlineData("web", false, true, "TimedOut")]
    [InlineData("disposed", false, true, "TimedOut")]
    [InlineData("cancelled", true, true, "CallerCancelled")]
    [InlineData("disposed", true, false, "CallerCancelled")]
    [InlineData("web", true, false, "CallerCancelled")]
    [InlineData("disposed", false, false, "None")]
    [InlineData("invalid", false, true, "None")]
    public void TellsAFailedAttemptApartAsNetFrameworkThrowsIt(string thrown, bool callerCancelled, bool timedOut, string expected)
    {
        Exception ex = thrown switch
        {
            "socket" => new IOException("reset", new System.Net.Sockets.SocketException(10054)),
            "web" => new WebException("The request was aborted: The request was canceled.", WebExceptionStatus.RequestCanceled),
            "http-over-web" => new HttpRequestException("An error occurred while sending the request.", new WebException("The underlying connection was closed.", WebExceptionStatus.ConnectionClosed)),
            "io-over-web" => new IOException("Unable to read data from the transport connection.", new WebException("closed")),
            "cancelled" => new TaskCanceledException(),
            "disposed" => new ObjectDisposedException("System.Net.ConnectStream"),
            _ => new InvalidOperationException("a bug"),
        };

        Assert.Equal(expected, NotionClient.ClassifyFailure(ex, callerCancelled, timedOut).ToString());
    }

    [Fact]
    public void TheCallersOwnCancellationIsRethrownWithItsStackAndAnAbortedReadBecomesOne()
    {
        using var stopping = new CancellationTokenSource();
        stopping.Cancel();
        var thrown = Assert.ThrowsAny<OperationCanceledException>(() => stopping.Token.ThrowIfCancellationRequested());

        void Rethrow() => throw NotionClient.CallerCancellation(thrown, stopping.Token);
        var rethrown = Assert.ThrowsAny<OperationCanceledException>(Rethrow);
        var aborted = new WebException("The request was aborted: The request was canceled.", WebExceptionStatus.RequestCanceled);
        var wrapped = NotionClient.CallerCancellation(aborted, stopping.Token);

        Assert.Same(thrown, rethrown);
        Assert.Contains(nameof(CancellationToken.ThrowIfCancellationRequested), rethrown.StackTrace, StringComparison.Ordinal);
        Assert.Same(aborted, wrapped.InnerException);
        Assert.Equal(stopping.Token, wrapped.CancellationToken);
    }

    [Fact]
    public async Task AFailedTlsHandshakeSaysHowToEnableTls12()
    {
        var handshake = new HttpRequestException("An error occurred while sending the request.",
            new WebException("The underlying connection was closed: An unexpected error occurred on a send.", WebExceptionStatus.SecureChannelFailure));
        var client = new NotionClient(NotionClientTests.Secure("demo-token-full-access"), new NotionClientOptions { MaximumRetryCount = 0 }, new FakeClock(), new RateLimiter(0, 1, new FakeClock()),
            new NotionClientTests.ScriptedHandler(() => throw handshake, () => throw new HttpRequestException("No such host is known.")));

        var failed = await Assert.ThrowsAsync<NotionApiException>(() => client.GetPageAsync("p1", new RecordingLog(), CancellationToken.None));
        var unreachable = await Assert.ThrowsAsync<NotionApiException>(() => client.GetPageAsync("p1", new RecordingLog(), CancellationToken.None));

        Assert.Equal("connection_failure", failed.Code);
        Assert.Contains("TLS 1.2", failed.Message);
        Assert.Contains("SchUseStrongCrypto", failed.Message);
        Assert.DoesNotContain("TLS", unreachable.Message);
    }

    [Fact]
    public async Task SendsNoExpectContinueWithABody()
    {
        var handler = new ExpectRecordingHandler();
        var client = new NotionClient(NotionClientTests.Secure("demo-token-full-access"), new NotionClientOptions(), new FakeClock(), new RateLimiter(0, 1, new FakeClock()), handler);

        using (await client.SendAsync(HttpMethod.Post, "v1/pages", new System.Text.Json.Nodes.JsonObject(), safeToRepeat: false, new RecordingLog(), CancellationToken.None))
        {
        }

        Assert.False(handler.ExpectContinue);
    }

    [Fact]
    public async Task ABodyReadThatIgnoresTheTokenStillTimesOut()
    {
        var options = new NotionClientOptions { Timeout = TimeSpan.FromMilliseconds(200), MaximumRetryCount = 0 };
        var client = new NotionClient(NotionClientTests.Secure("demo-token-full-access"), options, new FakeClock(), new RateLimiter(0, 1, new FakeClock()), StallingBody());

        var failure = await Assert.ThrowsAsync<NotionApiException>(() => WithinAHangGuard(client.GetPageAsync("p1", new RecordingLog(), CancellationToken.None)));

        Assert.Equal((0, "timeout"), (failure.Status, failure.Code));
        Assert.Contains("did not arrive in full", failure.Message);
    }

    [Fact]
    public async Task ABodyReadThatIgnoresTheTokenStopsWhenTheCallerCancels()
    {
        var client = new NotionClient(NotionClientTests.Secure("demo-token-full-access"), new NotionClientOptions { MaximumRetryCount = 0 }, new FakeClock(), new RateLimiter(0, 1, new FakeClock()), StallingBody());
        using var stop = new CancellationTokenSource();

        var read = client.GetPageAsync("p1", new RecordingLog(), stop.Token);
        stop.CancelAfter(100);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => WithinAHangGuard(read));
    }

    /// <summary>A hang is this test's failure: the guard turns one into an assertion instead of a stuck run (no timing is measured).</summary>
    private static async Task<T> WithinAHangGuard<T>(Task<T> task)
    {
        var finished = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(finished == task, "The read never ended: its token was not honoured.");
        return await task;
    }

    private static NotionClientTests.ScriptedHandler StallingBody() =>
        new(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new TokenBlindStream()) });

    /// <summary>A response stream as .NET Framework's: ReadAsync ignores the token, and only closing the stream ends a pending read.</summary>
    private sealed class TokenBlindStream : Stream
    {
        private readonly TaskCompletionSource<int> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => closed.Task;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(closed.Task);

        public override int Read(byte[] buffer, int offset, int count) => closed.Task.GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            closed.TrySetException(new ObjectDisposedException(nameof(TokenBlindStream)));
            base.Dispose(disposing);
        }
    }

    private sealed class ExpectRecordingHandler : HttpMessageHandler
    {
        public bool? ExpectContinue { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ExpectContinue = request.Headers.ExpectContinue;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
        }
    }
}
