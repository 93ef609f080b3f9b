namespace NotionPS.Emulator.Behaviour;

/// <summary>
/// Notion's per-integration limit as a token bucket: it holds up to <c>burst</c> requests and refills at
/// <c>requestsPerSecond</c>. Time comes from a <see cref="TimeProvider"/>, so tests drive it with a fake clock.
/// </summary>
public sealed class RateLimiter(TimeProvider time, double requestsPerSecond, int burst)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Bucket> _buckets = [];

    public double RequestsPerSecond { get; private set; } = requestsPerSecond;
    public int Burst { get; private set; } = Math.Max(1, burst);

    public bool Enabled => RequestsPerSecond > 0;

    /// <summary>Takes one request from the integration's bucket; false when it is empty (answer 429).</summary>
    public bool TryAcquire(Guid integrationId)
    {
        if (!Enabled)
        {
            return true;
        }

        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_buckets.TryGetValue(integrationId, out var bucket))
            {
                bucket = new Bucket(Burst, now);
                _buckets[integrationId] = bucket;
            }

            var refill = (now - bucket.Updated).TotalSeconds * RequestsPerSecond;
            bucket.Tokens = Math.Min(Burst, bucket.Tokens + Math.Max(0, refill));
            bucket.Updated = now;
            if (bucket.Tokens < 1)
            {
                return false;
            }

            bucket.Tokens -= 1;
            return true;
        }
    }

    /// <summary>Changes the limit at run time and starts every integration with a full bucket.</summary>
    public void Configure(double requestsPerSecond, int burst)
    {
        lock (_gate)
        {
            RequestsPerSecond = requestsPerSecond;
            Burst = Math.Max(1, burst);
            _buckets.Clear();
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset updated)
    {
        public double Tokens { get; set; } = tokens;
        public DateTimeOffset Updated { get; set; } = updated;
    }
}
