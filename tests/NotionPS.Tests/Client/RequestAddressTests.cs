using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using Xunit;
using static NotionPS.Tests.Client.NotionClientTests;

namespace NotionPS.Tests.Client;

/// <summary>Every request goes only to the connection's own scheme, host and port: checked once, after the URI is built.</summary>
public class RequestAddressTests
{
    private const string TestToken = "demo-token-full-access";

    // Each leaves the API address once resolved against it, though only some look absolute.
    public static TheoryData<string> ForeignPaths => new()
    {
        @"\/127.0.0.2:7806/v1/users",
        @"/\/127.0.0.2:7806/v1/users",
        @"\\127.0.0.2:7806/v1/users",
        "https://elsewhere.example/v1/users",
        "http://api.notion.com/v1/users",
        "https://api.notion.com:8443/v1/users",
        "https://user:secret@api.notion.com/v1/users",
        @"\/user@api.notion.com/v1/users",
        "file:///etc/passwd",
        "mailto:someone@example.com",
        "ftp://api.notion.com/v1/users",
        "javascript:alert(1)",
        "data:text/plain,hello",
        "urn:isbn:0451450523",
        "c:/windows/win.ini",
    };

    [Theory]
    [MemberData(nameof(ForeignPaths))]
    public async Task AForeignAddressIsRefusedBeforeAnythingIsSent(string path)
    {
        var handler = new ScriptedHandler(Ok("{}"));

        var failure = await Assert.ThrowsAsync<NotionApiException>(() =>
            NewClient(handler, new FakeClock()).SendAsync(HttpMethod.Get, path, null, true, new RecordingLog(), CancellationToken.None));

        Assert.Equal(NotionErrorCodes.ForeignUrl, failure.Code);
        Assert.Empty(handler.Requests);
        Assert.Contains("https://api.notion.com/", failure.Message);
        Assert.DoesNotContain("secret@", failure.Message.Replace(path, string.Empty));
    }

    [Theory]
    [MemberData(nameof(ForeignPaths))]
    public async Task AForeignAddressIsRefusedFromALoopbackBaseUriToo(string path)
    {
        var handler = new ScriptedHandler(Ok("{}"));
        var clock = new FakeClock();
        var client = new NotionClient(Secure(TestToken), new NotionClientOptions { BaseUri = new Uri("http://127.0.0.1:7806/") }, clock, new RateLimiter(0, 1, clock), handler);

        var failure = await Assert.ThrowsAsync<NotionApiException>(() => client.SendAsync(HttpMethod.Post, path, new JsonObject(), false, new RecordingLog(), CancellationToken.None));

        Assert.Equal(NotionErrorCodes.ForeignUrl, failure.Code);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("v1/users/me", "https://api.notion.com/v1/users/me")]
    [InlineData("/v1/users/me", "https://api.notion.com/v1/users/me")]
    [InlineData("https://api.notion.com/v1/users/me", "https://api.notion.com/v1/users/me")]
    [InlineData("HTTPS://API.NOTION.COM:443/v1/users/me", "https://api.notion.com/v1/users/me")]
    [InlineData("v1/pages/p1/properties/title?page_size=100", "https://api.notion.com/v1/pages/p1/properties/title?page_size=100")]
    public async Task APathOrAFullUrlOnTheSameAddressIsSent(string path, string expected)
    {
        var handler = new ScriptedHandler(Ok("{}"));

        using (await NewClient(handler, new FakeClock()).SendAsync(HttpMethod.Get, path, null, true, new RecordingLog(), CancellationToken.None))
        {
        }

        Assert.Equal(expected, handler.Requests.Single().Uri);
    }

    private static readonly Uri GatewayBase = new("http://127.0.0.1:7806/api/");

    // With a base URI that has a path (a gateway's /api/), each leaves that path on the same host, however it is spelled.
    public static TheoryData<string> PathsOutsideTheBasePath => new()
    {
        "../admin/secrets",
        "/../admin/secrets",
        "%2e%2e/admin/secrets",
        "%2E%2E/admin/secrets",
        ".%2e/admin/secrets",
        "v1/%2e%2e/%2e%2e/admin/secrets",
        "http:/admin/secrets",
        "http:../admin/secrets",
        "http://127.0.0.1:7806/admin/secrets",
        "HTTP://127.0.0.1:7806/admin/secrets",
        "http://127.0.0.1:7806/apix/v1/users",
        "http://127.0.0.1:7806/API/v1/users",
        "http://127.0.0.1:7806/api",
        "..%2fadmin/secrets",
        "v1/..%2F..%2Fadmin/secrets",
        @"..\admin\secrets",
        @"v1\..\..\admin\secrets",
        "%5c..%5cadmin/secrets",
        "..%5Cadmin/secrets",
        "./v1/users/me",
        "v1/users/./me",
        "..?v1/users/me",
        "..#v1/users/me",
        "v1%3F/../../admin/secrets",
        "v1%23/../../admin/secrets",
    };

    [Theory]
    [MemberData(nameof(PathsOutsideTheBasePath))]
    public async Task APathOutsideTheBasePathIsRefusedBeforeAnythingIsSentNamingTheBasePath(string path)
    {
        var handler = new ScriptedHandler(Ok("{}"));

        var failure = await Assert.ThrowsAsync<NotionApiException>(() =>
            GatewayClient(handler).SendAsync(HttpMethod.Get, path, null, true, new RecordingLog(), CancellationToken.None));

        Assert.Equal(NotionErrorCodes.ForeignUrl, failure.Code);
        Assert.Empty(handler.Requests);
        Assert.Contains("under /api/", failure.Message);
        Assert.Contains("the token is sent only there", failure.Message);
    }

    [Theory]
    [InlineData("v1/users/me", "http://127.0.0.1:7806/api/v1/users/me")]
    [InlineData("/v1/users/me", "http://127.0.0.1:7806/api/v1/users/me")]
    [InlineData("http://127.0.0.1:7806/api/v1/users/me", "http://127.0.0.1:7806/api/v1/users/me")]
    [InlineData("v1//users/me", "http://127.0.0.1:7806/api/v1//users/me")]
    [InlineData("v1%2fusers/me", "http://127.0.0.1:7806/api/v1%2fusers/me")]
    [InlineData("v1/blocks/a..b/children", "http://127.0.0.1:7806/api/v1/blocks/a..b/children")]
    [InlineData("v1/users?next=../../admin", "http://127.0.0.1:7806/api/v1/users?next=../../admin")]
    [InlineData("v1/users#../../admin", "http://127.0.0.1:7806/api/v1/users#../../admin")]
    public async Task APathUnderTheBasePathIsSentThere(string path, string expected)
    {
        var handler = new ScriptedHandler(Ok("{}"));

        using (await GatewayClient(handler).SendAsync(HttpMethod.Get, path, null, true, new RecordingLog(), CancellationToken.None))
        {
        }

        Assert.Equal(expected, handler.Requests.Single().Uri);
    }

    [Theory]
    [InlineData("http://127.0.0.1:7806/api/v1/users", true)]
    [InlineData("http://127.0.0.1:7806/api/", true)]
    [InlineData("http://127.0.0.1:7806/apix/v1/users", false)]
    [InlineData("http://127.0.0.1:7806/ap", false)]
    [InlineData("http://127.0.0.1:7806/", false)]
    [InlineData("http://127.0.0.1:7807/api/v1/users", false)]
    [InlineData("https://127.0.0.1:7806/api/v1/users", false)]
    public void TheBasePathIsComparedSegmentWise(string resolved, bool under)
    {
        var escape = RequestAddress.Escape(GatewayBase, resolved, new Uri(resolved));

        Assert.Equal(under, escape == null);
    }

    /// <summary>An ID put in a path, as a user gave it or Notion answered it, cannot change the endpoint or leave the base path.</summary>
    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("../../admin/secrets")]
    [InlineData(@"..\..\admin")]
    public async Task AnIdThatWouldChangeTheAddressIsRefused(string id)
    {
        var handler = new ScriptedHandler(Ok("{}"));
        var client = GatewayClient(handler);

        foreach (var call in new Func<Task<System.Text.Json.JsonDocument>>[]
        {
            () => client.GetBlockAsync(id, new RecordingLog(), CancellationToken.None),
            () => client.GetFileUploadAsync(id, new RecordingLog(), CancellationToken.None),
            () => client.CompleteFileUploadAsync(id, new RecordingLog(), CancellationToken.None),
            () => client.UpdatePageAsync(id, new JsonObject(), new RecordingLog(), CancellationToken.None),
        })
        {
            var failure = await Assert.ThrowsAsync<NotionApiException>(call);
            Assert.Equal(NotionErrorCodes.ForeignUrl, failure.Code);
        }

        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("a/b?c#d%e", "a%2Fb%3Fc%23d%25e")]
    [InlineData("%2e%2e", "%252e%252e")]
    public async Task AnIdIsOneEscapedSegmentOfThePath(string id, string segment)
    {
        var handler = new ScriptedHandler(Ok("{}"));

        using (await GatewayClient(handler).GetBlockAsync(id, new RecordingLog(), CancellationToken.None))
        {
        }

        Assert.Equal("http://127.0.0.1:7806/api/v1/blocks/" + segment, handler.Requests.Single().Uri);
    }

    private static NotionClient GatewayClient(HttpMessageHandler handler)
    {
        var clock = new FakeClock();
        return new NotionClient(Secure(TestToken), new NotionClientOptions { BaseUri = GatewayBase }, clock, new RateLimiter(0, 1, clock), handler);
    }

    /// <summary>
    /// The class: every public call of the client, given hostile text wherever it takes text, reaches the
    /// handler only on the API's own address or is refused as foreign. No call may build its own request.
    /// </summary>
    [Fact]
    public async Task NoPublicClientCallReachesAnotherAuthority()
    {
        const string hostile = @"\/127.0.0.2:7806/v1/users";
        var handler = new ScriptedHandler(Ok("{\"object\":\"list\",\"results\":[],\"has_more\":false,\"next_cursor\":null}"));
        var client = NewClient(handler, new FakeClock());
        var calls = typeof(NotionClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(method => typeof(Task).IsAssignableFrom(method.ReturnType))
            .ToList();

        var refused = 0;
        foreach (var call in calls)
        {
            var arguments = call.GetParameters().Select(parameter => ArgumentFor(parameter.ParameterType, hostile)).ToArray();
            try
            {
                await (Task)call.Invoke(client, arguments)!;
            }
            catch (NotionApiException ex) when (ex.Code == NotionErrorCodes.ForeignUrl)
            {
                refused++;
            }
            catch (Exception ex) when (ex is NotionApiException || ex is InvalidOperationException || ex is System.Collections.Generic.KeyNotFoundException || ex is FormatException)
            {
                // The scripted answer does not fit every call's shape; only where requests went matters here.
            }
        }

        Assert.True(calls.Count >= 12, $"Only {calls.Count} public calls were found: the enumeration is broken.");
        Assert.NotEmpty(handler.Requests);
        Assert.All(handler.Requests, request => Assert.StartsWith("https://api.notion.com/v1/", request.Uri));
        Assert.Equal(2, refused); // SendAsync and SendTimedAsync take the path as given.
    }

    /// <summary>The structure behind the class test: one place in the module makes an HTTP request, and it takes a checked URI.</summary>
    [Fact]
    public void OnlyTheClientMakesRequestsAndOnlyFromTheCheckedUri()
    {
        var sources = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "src", "NotionPS"), "*.cs", SearchOption.AllDirectories)
            .Select(file => (File: Path.GetFileName(file), Text: File.ReadAllText(file)))
            .ToList();

        var builders = sources.Where(source => source.Text.Contains("new HttpRequestMessage(", StringComparison.Ordinal)).ToList();
        var builder = Assert.Single(builders);
        Assert.Equal("NotionClient.cs", builder.File);
        Assert.Contains("private HttpRequestMessage BuildRequest(HttpMethod method, Uri uri, string? bodyText)", builder.Text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(builder.Text, @"BuildRequest\(method, uri, "));
        Assert.Contains("var uri = RequestUri(method, path);", builder.Text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(builder.Text, @"new Uri\(baseUri, "));
    }

    private static object? ArgumentFor(Type type, string hostile)
    {
        if (type == typeof(string))
        {
            return hostile;
        }

        if (type == typeof(HttpMethod))
        {
            return HttpMethod.Get;
        }

        if (type == typeof(INotionLog))
        {
            return new RecordingLog();
        }

        if (type == typeof(CancellationToken))
        {
            return CancellationToken.None;
        }

        if (type == typeof(JsonObject))
        {
            return new JsonObject();
        }

        return type.IsValueType ? Activator.CreateInstance(type) : null;
    }
}
