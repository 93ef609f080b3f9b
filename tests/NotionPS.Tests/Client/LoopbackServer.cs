using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Tests.Client;

/// <summary>One HTTP/1.1 request as a <see cref="LoopbackServer"/> read it: the request line and the headers.</summary>
internal sealed record RawRequest(string RequestLine, IReadOnlyDictionary<string, string> Headers)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : string.Empty;
}

/// <summary>
/// A real listener on 127.0.0.1 for what a scripted handler cannot show: what the runtime's own handler
/// does (follow a redirect, go through a proxy). Each connection gets one answer from <c>answer</c>, raw
/// HTTP/1.1 text, and is closed; every request read is recorded, so a test can assert none came.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Func<RawRequest, string> answer;
    private readonly CancellationTokenSource stop = new();

    public LoopbackServer(Func<RawRequest, string> answer)
    {
        this.answer = answer;
        listener.Start();
        _ = Task.Run(AcceptLoop);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    public ConcurrentQueue<RawRequest> Requests { get; } = new();

    /// <summary>Connections accepted, whether or not a request followed.</summary>
    public int Connections => connections;

    private int connections;

    public static string Response(int status, string reason, string body = "", params string[] headers) =>
        $"HTTP/1.1 {status} {reason}\r\n" + string.Concat(headers.Select(header => header + "\r\n"))
        + $"Content-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";

    public const string BotUser =
        "{\"object\":\"user\",\"id\":\"b1\",\"name\":\"Bot\",\"type\":\"bot\",\"bot\":{\"owner\":{\"type\":\"workspace\",\"workspace\":true},\"workspace_name\":\"Acme\"}}";

    private async Task AcceptLoop()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref connections);
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadHead(stream);
                if (request == null)
                {
                    return;
                }

                Requests.Enqueue(request);
                var bytes = Encoding.UTF8.GetBytes(answer(request));
                await stream.WriteAsync(bytes, stop.Token);
                await stream.FlushAsync(stop.Token);
            }
            catch (IOException)
            {
                // The client went away: nothing to record.
            }
        }
    }

    /// <summary>The request line and headers; a body is not read (the answer closes the connection).</summary>
    private async Task<RawRequest?> ReadHead(NetworkStream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(buffer, stop.Token) == 0)
            {
                return null;
            }

            head.Append((char)buffer[0]);
        }

        var lines = head.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .GroupBy(parts => parts[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Last()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        return new RawRequest(lines[0], headers);
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }
}
