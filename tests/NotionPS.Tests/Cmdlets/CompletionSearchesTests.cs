using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Cmdlets;
using NotionPS.Client;
using NotionPS.Tests.Client;
using Xunit;
using static NotionPS.Tests.Client.NotionClientTests;

namespace NotionPS.Tests.Cmdlets;

/// <summary>Which completions are answered from a search kept, and which send a new one.</summary>
public class CompletionSearchesTests
{
    private readonly NotionConnection connection = NewConnection();
    private int searches;

    private static NotionConnection NewConnection()
    {
        using var me = JsonDocument.Parse("""{"object":"user","id":"b1","type":"bot","name":"Demo","bot":{"owner":{"type":"workspace","workspace":true}}}""");
        return new NotionConnection(NewClient(new ScriptedHandler(), new FakeClock()), TokenUser.From(me.RootElement), DateTime.UtcNow);
    }

    /// <summary>A search that finds Tasks and Taxes, counted.</summary>
    private Func<CancellationToken, Task<CompletionSearch>> Search(bool foundAll) => _ =>
    {
        Interlocked.Increment(ref searches);
        return Task.FromResult(new CompletionSearch(new[] { ("1", "Tasks", "page"), ("2", "Taxes", "page") }, foundAll));
    };

    [Fact]
    public void AWordGoingOnFromASearchThatFoundEveryMatchIsAnsweredFromItsHits()
    {
        CompletionSearches.Find(connection, "page", "Ta", Search(foundAll: true));

        var again = CompletionSearches.Find(connection, "page", "Ta", Search(foundAll: true));
        var further = CompletionSearches.Find(connection, "page", "tas", Search(foundAll: true));

        Assert.Equal(1, searches);
        Assert.Equal(new[] { "1", "2" }, again!.Select(hit => hit.Id));
        Assert.Equal(new[] { "1" }, further!.Select(hit => hit.Id));
    }

    [Fact]
    public void AWordGoingOnFromASearchThatFoundOnlySomeMatchesSearchesAgain()
    {
        CompletionSearches.Find(connection, "page", "Ta", Search(foundAll: false));

        CompletionSearches.Find(connection, "page", "Tas", Search(foundAll: false));

        Assert.Equal(2, searches);
    }

    [Fact]
    public void ASearchForOneKindDoesNotAnswerForAnother()
    {
        CompletionSearches.Find(connection, "page", "Ta", Search(foundAll: true));

        CompletionSearches.Find(connection, "database", "Ta", Search(foundAll: true));

        Assert.Equal(2, searches);
    }
}
