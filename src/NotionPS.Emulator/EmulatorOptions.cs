namespace NotionPS.Emulator;

/// <summary>How an emulator instance listens and behaves; the command-line options map onto these one to one.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Where to listen; port 0 picks a free port (see <see cref="EmulatorServer.BaseUri"/>).</summary>
    public string Urls { get; set; } = "http://127.0.0.1:7700";

    /// <summary>A seed file in the documented format; null serves the built-in demo workspace.</summary>
    public string? SeedPath { get; set; }

    /// <summary>Average requests per second allowed per integration; 0 turns the limit off.</summary>
    public double RateLimit { get; set; } = 3;

    /// <summary>How many requests an integration may make at once before the average applies (bucket size).</summary>
    public int RateLimitBurst { get; set; } = 10;

    /// <summary>The Retry-After value, in seconds, sent with a 429 of the token bucket (0 is allowed, for fast tests).</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Requests per connection per 60-second window (Notion's current wording); set, it replaces the bucket. 0 = the bucket.</summary>
    public int RateLimitPerMinute { get; set; }

    /// <summary>Requests per workspace window, shared by all tokens of the workspace; 0 turns the workspace limit off.</summary>
    public int WorkspaceRateLimit { get; set; }

    /// <summary>The workspace window in seconds; its 429's Retry-After is the time until it resets, so it may pass 60.</summary>
    public int WorkspaceRateLimitWindowSeconds { get; set; } = 60;

    /// <summary>Milliseconds added to every API response.</summary>
    public int LatencyMs { get; set; }

    /// <summary>How many blocks <c>GET /v1/pages/{id}/markdown</c> renders before it cuts the page (Notion: about 20,000 records).</summary>
    public int MarkdownBlockLimit { get; set; } = 20_000;

    /// <summary>The workspace's largest file upload, reported in users/me and enforced (Notion: 5 MiB free, 5 GiB paid).</summary>
    public long MaxFileUploadBytes { get; set; } = 5L * 1024 * 1024 * 1024;

    /// <summary>The clock of the rate limiter and of created/edited timestamps; tests replace it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The instant the emulator's clock starts at (it runs on from there); null = the real time.</summary>
    public DateTimeOffset? Now { get; set; }
}
