using System.Net.Sockets;
using System.Text;

namespace NotionPS.Emulator.Tests;

/// <summary>
/// A body over the limit is refused as soon as it passes it, never buffered: each test offers 200 MB on a raw
/// socket and never finishes the body, so an answer can only come from a server that stopped reading, and the
/// bytes the server took before answering are counted.
/// </summary>
public sealed class BodyLimitTests
{
    private const long OfferedBytes = 200L * 1024 * 1024;

    [Fact]
    public async Task AnApiBodyOver500KilobytesIsAValidationErrorBeforeItEnds()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (statusLine, body, sent) = await OfferChunkedAsync(emulator, "/v1/search", $"Authorization: Bearer {Demo.FullToken}\r\nNotion-Version: {TestEmulator.DefaultVersion}\r\n");

        Assert.StartsWith("HTTP/1.1 400", statusLine);
        Assert.Contains("\"validation_error\"", body);
        Assert.Contains("should be at most 512000 bytes (500 KB), instead was more than 512000 bytes.", body);
        Assert.True(sent < OfferedBytes, $"the server read all {sent} bytes before answering");
    }

    [Fact]
    public async Task AnAdminBodyOver16MegabytesIsRefusedBeforeItEnds()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (statusLine, body, sent) = await OfferChunkedAsync(emulator, "/__emulator/data_sources/" + Demo.TasksDataSource + "/rows", "");

        Assert.StartsWith("HTTP/1.1 413", statusLine);
        Assert.Contains("\"payload_too_large\"", body);
        Assert.Contains("at most 16777216 bytes (16 MB)", body);
        Assert.True(sent < OfferedBytes, $"the server read all {sent} bytes before answering");
        Assert.Equal(Demo.TaskRowCount, (await emulator.PostAsync($"v1/data_sources/{Demo.TasksDataSource}/query", "{}")).Json["results"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("/v1/pages", "HTTP/1.1 400", "instead was 209715200 bytes.")]
    [InlineData("/__emulator/pages", "HTTP/1.1 413", "instead was 209715200 bytes.")]
    public async Task ADeclared200MegabyteBodyIsRefusedBeforeAByteOfIt(string path, string expectedStatus, string expectedMessage)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = new TcpClient();
        await client.ConnectAsync(emulator.BaseUri.Host, emulator.BaseUri.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {OfferedBytes}\r\n" +
            $"Authorization: Bearer {Demo.FullToken}\r\nNotion-Version: {TestEmulator.DefaultVersion}\r\n\r\n"));

        var (statusLine, body) = await ReadResponseAsync(stream);

        Assert.StartsWith(expectedStatus, statusLine);
        Assert.Contains(expectedMessage, body);
    }

    /// <summary>Offers <see cref="OfferedBytes"/> of chunked body, never the final chunk, and reads the answer meanwhile.</summary>
    private static async Task<(string StatusLine, string Body, long Sent)> OfferChunkedAsync(TestEmulator emulator, string path, string headers)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(emulator.BaseUri.Host, emulator.BaseUri.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n{headers}\r\n"));

        long sent = 0;
        using var stopWriting = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var chunk = Encoding.ASCII.GetBytes($"{64 * 1024:x}\r\n{new string(' ', 64 * 1024)}\r\n");
            try
            {
                // Spaces: valid JSON whitespace, so only the size can make the server stop.
                while (sent < OfferedBytes)
                {
                    await stream.WriteAsync(chunk, stopWriting.Token);
                    Interlocked.Add(ref sent, 64 * 1024);
                }
            }
            catch (Exception error) when (error is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The server closed the connection, or the answer came: either way the body stops here.
            }
        });

        var (statusLine, body) = await ReadResponseAsync(stream);
        var sentWhenAnswered = Interlocked.Read(ref sent);
        await stopWriting.CancelAsync();
        client.Close();
        await writer;
        return (statusLine, body, sentWhenAnswered);
    }

    /// <summary>
    /// Reads until the server closes the connection: it must, rather than read the rest of the body to keep the
    /// connection (a reset is a close too, as the client may still be writing when the server goes).
    /// </summary>
    private static async Task<(string StatusLine, string Body)> ReadResponseAsync(NetworkStream stream)
    {
        // Only a guard against hanging the suite if the server never closes; nothing is measured.
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, giveUp.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException error) when (error.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
        }

        var text = Encoding.UTF8.GetString(received.ToArray());
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(headerEnd > 0, $"No whole answer came: {text}");
        Assert.Contains("Connection: close", text[..headerEnd], StringComparison.OrdinalIgnoreCase);
        return (text[..text.IndexOf("\r\n", StringComparison.Ordinal)], text[(headerEnd + 4)..]);
    }
}
