using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// A pass-through HTTP proxy in front of the emulator that notes each row query a client sends (its body: page size,
/// cursor, filter, sorts) and the page IDs of its answer, so that a test can check what each page asked for. It
/// forwards every request as it came and changes no answer; the emulator stays the witness of what Notion does.
/// </summary>
public sealed class QueryRecordingProxy : IDisposable
{
    private static readonly string[] ForwardedHeaders = { "Authorization", "Notion-Version" };

    private readonly HttpListener listener = new();
    private readonly HttpClient upstream = new();
    private readonly Uri target;
    private readonly ConcurrentQueue<RecordedQuery> queries = new();
    private readonly Task serving;

    public QueryRecordingProxy(Uri target)
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

    /// <summary>Forgets the queries noted so far.</summary>
    public void Clear() => queries.Clear();

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

            _ = Task.Run(() => ForwardAsync(context));
        }
    }

    private async Task ForwardAsync(HttpListenerContext context)
    {
        var incoming = context.Request;
        using var reader = new System.IO.StreamReader(incoming.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = incoming.Url!.PathAndQuery.TrimStart('/');
        RecordedQuery? query = null;
        if (incoming.HttpMethod == "POST" && path.EndsWith("/query", StringComparison.Ordinal))
        {
            query = new RecordedQuery(JsonNode.Parse(body)!.AsObject());
            queries.Enqueue(query);
        }

        using var request = new HttpRequestMessage(new HttpMethod(incoming.HttpMethod), new Uri(target, path));
        if (incoming.HasEntityBody || body.Length > 0)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
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
