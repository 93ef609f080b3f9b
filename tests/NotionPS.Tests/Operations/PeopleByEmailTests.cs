using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Operations;
using NotionPS.Tests.Client;
using Xunit;
using static NotionPS.Tests.Client.NotionClientTests;

namespace NotionPS.Tests.Operations;

/// <summary>
/// A command's people by e-mail address: every row awaits the one listing of the workspace's people, and no caller
/// blocks a thread on it, so rows written at once from the thread pool cannot starve it.
/// </summary>
public class PeopleByEmailTests
{
    private const string Users = """
        {"object":"list","results":[{"object":"user","id":"u-ada","type":"person","person":{"email":"ada@acme.example"}}],"has_more":false,"next_cursor":null}
        """;

    /// <summary>Holds every request until released, counting them.</summary>
    private sealed class GatedHandler(Func<HttpResponseMessage> answer) : HttpMessageHandler
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<string> Requests { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(request.Method.Method + " " + request.RequestUri!.PathAndQuery);
            await Release.Task.WaitAsync(cancellationToken);
            return answer();
        }
    }

    private static PeopleByEmail People(HttpMessageHandler handler) => new(NewClient(handler, new FakeClock()), new RecordingLog(), CancellationToken.None);

    [Fact]
    public async Task LookupsAtOnceReturnBeforeTheListingAnswersAndShareItsOneRequest()
    {
        var handler = new GatedHandler(Ok(Users));
        var people = People(handler);

        // From pool threads, as rows written at once call it: each returns a pending task, none waits on a thread.
        var lookups = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Factory.StartNew(() => people.LookupAsync(new[] { "ada@acme.example" }), CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default)));

        Assert.All(lookups, lookup => Assert.False(lookup.IsCompleted));
        Assert.Equal(new[] { "GET /v1/users?page_size=100" }, handler.Requests);

        handler.Release.SetResult();
        var found = await Task.WhenAll(lookups);

        Assert.All(found, userIdByEmail => Assert.Equal("u-ada", userIdByEmail!("ADA@acme.example")));
        Assert.All(found, userIdByEmail => Assert.Null(userIdByEmail!("nobody@acme.example")));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task ARowWithNoAddressGetsNoLookupAndListsNoOne()
    {
        var handler = new GatedHandler(Ok(Users));

        Assert.Null(await People(handler).LookupAsync(Array.Empty<string>()));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task PeopleThatCannotBeListedGiveALookupThatSaysWhyForEachAddress()
    {
        var handler = new GatedHandler(Error(403, "restricted_resource", "Insufficient permissions for this endpoint."));
        handler.Release.SetResult();

        var userIdByEmail = await People(handler).LookupAsync(new[] { "ada@acme.example" });

        var failure = Assert.Throws<InvalidOperationException>(() => userIdByEmail!("ada@acme.example"));
        Assert.Contains("the workspace's people could not be listed", failure.Message, StringComparison.Ordinal);
        Assert.Contains("restricted_resource", failure.Message, StringComparison.Ordinal);
    }
}
