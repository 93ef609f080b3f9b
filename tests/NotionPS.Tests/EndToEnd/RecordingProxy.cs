using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// A pass-through HTTP proxy in front of the emulator that notes each request a client sends (its method and path), each
/// row query (its body: page size, cursor, filter, sorts) and the page IDs of its answer, so that a test can check what
/// each page asked for, and how many requests of a kind were in flight at once (<see cref="WatchInFlight"/>). It
/// forwards every request as it came and changes no answer; the emulator stays the witness of what Notion does.
/// </summary>
public sealed class RecordingProxy : IDisposable
{
    private static readonly string[] ForwardedHeaders = { "Authorization", "Notion-Version" };

    private readonly HttpListener listener = new();
    private readonly HttpClient upstream = new();
    private readonly Uri target;
    private readonly ConcurrentQueue<RecordedQuery> queries = new();
    private readonly ConcurrentQueue<string> requests = new();
    private readonly TaskCompletionSource heldMet = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object counting = new();
    private readonly Task serving;
    private string? watchedPath;
    private int holdUntil;
    private int inFlight;
    private int maxInFlight;

    public RecordingProxy(Uri target)
    {
        this.target = target;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(BaseUri.ToString());
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public Uri BaseUri { get; }

    /// <summary>The row queries sent so far, in the order they reached the proxy.</summary>
    public IReadOnlyList<RecordedQuery> Queries => queries.ToList();

    /// <summary>Every request sent so far, as "METHOD /path", in the order they reached the proxy.</summary>
    public IReadOnlyList<string> Requests => requests.ToList();

    /// <summary>The most requests under the watched path that were in flight at once (see <see cref="WatchInFlight"/>).</summary>
    public int MaxInFlight
    {
        get
        {
            lock (counting)
            {
                return maxInFlight;
            }
        }
    }

    /// <summary>Forgets the queries noted so far.</summary>
    public void Clear() => queries.Clear();

    /// <summary>
    /// Counts the requests whose path starts with <paramref name="pathPrefix"/> in flight at once, holding each until
    /// <paramref name="count"/> are, so requests a client sends together meet here whatever its pacing and the emulator's
    /// speed. A client that never has that many in flight is let go after a few seconds (and nothing is held after):
    /// the count, not the time, is what a test reads.
    /// </summary>
    public void WatchInFlight(string pathPrefix, int count)
    {
        holdUntil = count;
        Volatile.Write(ref watchedPath, pathPrefix);
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> row queries have reached the proxy; false if they have not after
    /// 30 seconds (a generous bound: the queries are either sent at once or never).
    /// </summary>
    public bool WaitForQueries(int count) => SpinWait.SpinUntil(() => queries.Count >= count, TimeSpan.FromSeconds(30));

    public void Dispose()
    {
        listener.Close();
        upstream.Dispose();
        try
        {
            serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener's end ends the loop with an exception.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var incoming = context.Request;
        using var buffer = new System.IO.MemoryStream();
        await incoming.InputStream.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var path = incoming.Url!.PathAndQuery.TrimStart('/');
        requests.Enqueue(incoming.HttpMethod + " /" + path);
        RecordedQuery? query = null;
        if (incoming.HttpMethod == "POST" && path.EndsWith("/query", StringComparison.Ordinal))
        {
            query = new RecordedQuery(JsonNode.Parse(body)!.AsObject());
            queries.Enqueue(query);
        }

        var watched = Volatile.Read(ref watchedPath) is { } prefix && ("/" + path).StartsWith(prefix, StringComparison.Ordinal);
        try
        {
            if (watched)
            {
                await HoldAsync();
            }

            await ForwardAsync(context, path, body, query);
        }
        finally
        {
            if (watched)
            {
                lock (counting)
                {
                    inFlight--;
                }
            }
        }
    }

    /// <summary>Counts one more watched request in flight and holds it until enough are (or the wait is given up).</summary>
    private async Task HoldAsync()
    {
        int now;
        lock (counting)
        {
            now = ++inFlight;
            maxInFlight = Math.Max(maxInFlight, now);
        }

        if (now >= holdUntil)
        {
            heldMet.TrySetResult();
        }

        if (await Task.WhenAny(heldMet.Task, Task.Delay(TimeSpan.FromSeconds(5))) != heldMet.Task)
        {
            heldMet.TrySetResult();
        }
    }

    private async Task ForwardAsync(HttpListenerContext context, string path, byte[] body, RecordedQuery? query)
    {
        var incoming = context.Request;
        using var request = new HttpRequestMessage(new HttpMethod(incoming.HttpMethod), new Uri(target, path));
        if (incoming.HasEntityBody || body.Length > 0)
        {
            // As sent: JSON, or a file's multipart form with its boundary.
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", incoming.ContentType ?? "application/json");
        }

        foreach (var header in ForwardedHeaders.Where(name => incoming.Headers[name] != null))
        {
            request.Headers.TryAddWithoutValidation(header, incoming.Headers[header]);
        }

        using var response = await upstream.SendAsync(request);
        var answer = await response.Content.ReadAsByteArrayAsync();
        if (query != null && response.IsSuccessStatusCode)
        {
            query.Answered(JsonNode.Parse(answer)!["results"]!.AsArray().Select(row => (string)row!["id"]!).ToList());
        }

        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        if (response.Headers.RetryAfter != null)
        {
            context.Response.Headers["Retry-After"] = response.Headers.RetryAfter.ToString();
        }

        await context.Response.OutputStream.WriteAsync(answer);
        context.Response.Close();
    }
}

/// <summary>One row query as a client sent it, and the page IDs Notion (the emulator) answered.</summary>
public sealed class RecordedQuery
{
    public RecordedQuery(JsonObject body)
    {
        Body = body;
    }

    public JsonObject Body { get; }

    public int PageSize => (int)Body["page_size"]!;

    /// <summary>Whether this is the newest-row probe (created time descending), not a page of the read.</summary>
    public bool IsNewestRowProbe => Body["sorts"]?.ToJsonString().Contains("\"descending\"", StringComparison.Ordinal) == true;

    /// <summary>The page IDs of the answer, or null while it has not come (or failed).</summary>
    public IReadOnlyList<string>? Results { get; private set; }

    internal void Answered(IReadOnlyList<string> ids) => Results = ids;
}
