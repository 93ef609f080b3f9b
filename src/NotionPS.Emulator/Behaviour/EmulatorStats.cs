using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Behaviour;

/// <summary>
/// Counters per integration, read through <c>GET /__emulator/stats</c> so tests can prove, for example,
/// that a client drew no 429 or created no row twice.
/// </summary>
public sealed class EmulatorStats
{
    private readonly ConcurrentDictionary<Guid, Counters> _byIntegration = new();
    private long _unauthenticated;

    public Counters For(Guid integrationId) => _byIntegration.GetOrAdd(integrationId, _ => new Counters());

    public void CountUnauthenticated() => Interlocked.Increment(ref _unauthenticated);

    public void Reset()
    {
        _byIntegration.Clear();
        Interlocked.Exchange(ref _unauthenticated, 0);
    }

    /// <summary>Counters of every integration of the workspace (zeros before its first request).</summary>
    public JsonObject ToJson(IEnumerable<Integration> integrations)
    {
        var byId = new JsonObject();
        var workspaceByReason = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var integration in integrations)
        {
            var counters = _byIntegration.GetValueOrDefault(integration.Id) ?? new Counters();
            var byReason = counters.RateLimitedByReason();
            foreach (var (reason, count) in byReason)
            {
                workspaceByReason[reason] = workspaceByReason.GetValueOrDefault(reason) + count;
            }

            byId[integration.Id.ToString()] = new JsonObject
            {
                ["name"] = integration.Name,
                ["kind"] = SeedLoader.TokenKindName(integration.Kind),
                ["requests"] = counters.Requests,
                ["rateLimited"] = counters.RateLimited,
                ["rateLimitedByReason"] = ByReasonJson(byReason),
                ["faultsInjected"] = counters.FaultsInjected,
                ["pagesCreated"] = counters.PagesCreated,
                ["pagesUpdated"] = counters.PagesUpdated,
                ["requestsAbandoned"] = counters.RequestsAbandoned,
            };
        }

        return new JsonObject
        {
            ["unauthenticatedRequests"] = Interlocked.Read(ref _unauthenticated),
            ["rateLimitedByReason"] = ByReasonJson(workspaceByReason),
            ["integrations"] = byId,
        };
    }

    private static JsonObject ByReasonJson(IEnumerable<KeyValuePair<string, long>> byReason) =>
        new(byReason.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value)));

    public sealed class Counters
    {
        private long _requests;
        private long _rateLimited;
        private long _faultsInjected;
        private long _pagesCreated;
        private long _pagesUpdated;
        private long _requestsAbandoned;
        private readonly ConcurrentDictionary<string, long> _rateLimitedByReason = new(StringComparer.Ordinal);

        public long Requests => Interlocked.Read(ref _requests);

        /// <summary>Every 429 answered, whether from the limiter or the fault switch.</summary>
        public long RateLimited => Interlocked.Read(ref _rateLimited);

        public long FaultsInjected => Interlocked.Read(ref _faultsInjected);
        public long PagesCreated => Interlocked.Read(ref _pagesCreated);
        public long PagesUpdated => Interlocked.Read(ref _pagesUpdated);

        /// <summary>Requests whose client went away before they were answered (a stalled one it gave up on, say).</summary>
        public long RequestsAbandoned => Interlocked.Read(ref _requestsAbandoned);

        public void CountRequest() => Interlocked.Increment(ref _requests);
        /// <summary>429s by <c>rate_limit_reason</c>, in name order.</summary>
        public SortedDictionary<string, long> RateLimitedByReason() => new(_rateLimitedByReason, StringComparer.Ordinal);

        public void CountRateLimited(string reason)
        {
            Interlocked.Increment(ref _rateLimited);
            _rateLimitedByReason.AddOrUpdate(reason, 1, (_, count) => count + 1);
        }
        public void CountFault() => Interlocked.Increment(ref _faultsInjected);
        public void CountPageCreated() => Interlocked.Increment(ref _pagesCreated);
        public void CountPageUpdated() => Interlocked.Increment(ref _pagesUpdated);
        public void CountAbandoned() => Interlocked.Increment(ref _requestsAbandoned);
    }
}
