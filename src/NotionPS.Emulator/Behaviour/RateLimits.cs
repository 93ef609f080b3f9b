using System.Globalization;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Behaviour;

/// <summary>
/// Notion's two limits in front of every API request: the connection's own, then the workspace's, shared by all of
/// its tokens. A request the connection limit refuses does not reach the workspace limit; one the workspace refuses
/// has still spent its connection's budget (each request a connection sends counts against it).
/// </summary>
public sealed class RateLimits
{
    /// <summary>Notion's <c>additional_data.rate_limit_reason</c> values (request-limits reference).</summary>
    public const string ConnectionReason = "public_api_request_rate_limit";
    public const string WorkspaceReason = "public_api_space_request_rate_limit";

    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private RateLimiter _bucket = null!;
    private WindowBudget _connectionWindows = null!;
    private WindowBudget _workspaceWindow = null!;

    public RateLimits(TimeProvider time, RateLimitSettings settings)
    {
        _time = time;
        Configure(settings);
    }

    public RateLimitSettings Settings { get; private set; } = null!;

    /// <summary>Applies new settings; every connection and the workspace start with a full budget.</summary>
    public void Configure(RateLimitSettings settings)
    {
        lock (_gate)
        {
            Settings = settings;
            _bucket = new RateLimiter(_time, settings.RequestsPerMinute > 0 ? 0 : settings.RequestsPerSecond, settings.Burst);
            _connectionWindows = new WindowBudget(settings.RequestsPerMinute, TimeSpan.FromSeconds(60));
            _workspaceWindow = new WindowBudget(settings.WorkspaceRequestsPerWindow, TimeSpan.FromSeconds(settings.WorkspaceWindowSeconds));
        }
    }

    /// <summary>Counts the request; null when both limits let it through, else the 429 to answer.</summary>
    public NotionException? Admit(Guid connectionId)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (!_bucket.TryAcquire(connectionId))
            {
                return RateLimited(ConnectionReason, Settings.RetryAfterSeconds);
            }

            if (_connectionWindows.TrySpend(connectionId, now) is { } connectionWait)
            {
                return RateLimited(ConnectionReason, WholeSeconds(connectionWait));
            }

            return _workspaceWindow.TrySpend(Guid.Empty, now) is { } workspaceWait
                ? RateLimited(WorkspaceReason, WholeSeconds(workspaceWait))
                : null;
        }
    }

    /// <summary>Notion's 429: the reason, and the wait repeated in the body as a string of whole seconds.</summary>
    public static NotionException RateLimited(string reason, int retryAfterSeconds) => new(429, "rate_limited",
        "You have been rate limited. Please try again in a few minutes.",
        new JsonObject
        {
            ["rate_limit_reason"] = reason,
            ["retry_after"] = retryAfterSeconds.ToString(CultureInfo.InvariantCulture),
        });

    private static int WholeSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
