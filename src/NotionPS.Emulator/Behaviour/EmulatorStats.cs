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
        foreach (var integration in integrations)
        {
            var counters = _byIntegration.GetValueOrDefault(integration.Id) ?? new Counters();
            byId[integration.Id.ToString()] = new JsonObject
            {
                ["name"] = integration.Name,
                ["requests"] = counters.Requests,
                ["rateLimited"] = counters.RateLimited,
                ["faultsInjected"] = counters.FaultsInjected,
                ["pagesCreated"] = counters.PagesCreated,
                ["pagesUpdated"] = counters.PagesUpdated,
            };
        }

        return new JsonObject
        {
            ["unauthenticatedRequests"] = Interlocked.Read(ref _unauthenticated),
            ["integrations"] = byId,
        };
    }

    public sealed class Counters
    {
        private long _requests;
        private long _rateLimited;
        private long _faultsInjected;
        private long _pagesCreated;
        private long _pagesUpdated;

        public long Requests => Interlocked.Read(ref _requests);

        /// <summary>Every 429 answered, whether from the limiter or the fault switch.</summary>
        public long RateLimited => Interlocked.Read(ref _rateLimited);

        public long FaultsInjected => Interlocked.Read(ref _faultsInjected);
        public long PagesCreated => Interlocked.Read(ref _pagesCreated);
        public long PagesUpdated => Interlocked.Read(ref _pagesUpdated);

        public void CountRequest() => Interlocked.Increment(ref _requests);
        public void CountRateLimited() => Interlocked.Increment(ref _rateLimited);
        public void CountFault() => Interlocked.Increment(ref _faultsInjected);
        public void CountPageCreated() => Interlocked.Increment(ref _pagesCreated);
        public void CountPageUpdated() => Interlocked.Increment(ref _pagesUpdated);
    }
}
