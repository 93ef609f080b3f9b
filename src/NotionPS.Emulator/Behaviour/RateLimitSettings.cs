using System.Globalization;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Behaviour;

/// <summary>
/// Both of Notion's limits. Per connection: a token bucket (<see cref="RequestsPerSecond"/> with
/// <see cref="Burst"/>, answering 429 with <see cref="RetryAfterSeconds"/>), or, when <see cref="RequestsPerMinute"/>
/// is set, Notion's current wording: a budget per 60-second window, Retry-After the time until the window resets.
/// Per workspace: <see cref="WorkspaceRequestsPerWindow"/> requests per <see cref="WorkspaceWindowSeconds"/> window,
/// shared by every token of the workspace. Zero turns a limit off. The JSON names are the property names in camelCase,
/// in the admin API and the seed's <c>rateLimits</c> alike.
/// </summary>
public sealed record RateLimitSettings(
    double RequestsPerSecond,
    int Burst,
    int RetryAfterSeconds,
    int RequestsPerMinute,
    int WorkspaceRequestsPerWindow,
    int WorkspaceWindowSeconds)
{
    public static RateLimitSettings From(EmulatorOptions options) => new RateLimitSettings(
        options.RateLimit,
        options.RateLimitBurst,
        options.RetryAfterSeconds,
        options.RateLimitPerMinute,
        options.WorkspaceRateLimit,
        options.WorkspaceRateLimitWindowSeconds).Validated();

    /// <summary>These settings with the ones the object names changed; an unknown key or a bad value is an error.</summary>
    public RateLimitSettings With(JsonObject? changes)
    {
        if (changes is null)
        {
            return this;
        }

        var known = new[] { "requestsPerSecond", "burst", "retryAfterSeconds", "requestsPerMinute", "workspaceRequestsPerWindow", "workspaceWindowSeconds" };
        if (changes.Select(p => p.Key).FirstOrDefault(key => !known.Contains(key)) is { } unknown)
        {
            throw new InvalidDataException($"Unknown setting \"{unknown}\" in the rate limits; the settings are {string.Join(", ", known)}.");
        }

        return new RateLimitSettings(
            Number(changes, "requestsPerSecond", RequestsPerSecond),
            (int)Number(changes, "burst", Burst),
            (int)Number(changes, "retryAfterSeconds", RetryAfterSeconds),
            (int)Number(changes, "requestsPerMinute", RequestsPerMinute),
            (int)Number(changes, "workspaceRequestsPerWindow", WorkspaceRequestsPerWindow),
            (int)Number(changes, "workspaceWindowSeconds", WorkspaceWindowSeconds)).Validated();
    }

    public JsonObject ToJson() => new()
    {
        ["requestsPerSecond"] = RequestsPerSecond,
        ["burst"] = Burst,
        ["retryAfterSeconds"] = RetryAfterSeconds,
        ["requestsPerMinute"] = RequestsPerMinute,
        ["workspaceRequestsPerWindow"] = WorkspaceRequestsPerWindow,
        ["workspaceWindowSeconds"] = WorkspaceWindowSeconds,
    };

    private RateLimitSettings Validated()
    {
        if (RequestsPerSecond < 0 || Burst < 0 || RetryAfterSeconds < 0 || RequestsPerMinute < 0 || WorkspaceRequestsPerWindow < 0)
        {
            throw new InvalidDataException("Rate limits cannot be negative; 0 turns a limit off.");
        }

        return WorkspaceWindowSeconds >= 1
            ? this
            : throw new InvalidDataException("Rate limits: workspaceWindowSeconds must be at least 1 (Notion's window is 60; longer windows give a Retry-After over a minute).");
    }

    private static double Number(JsonObject changes, string name, double current)
    {
        if (!changes.TryGetPropertyValue(name, out var node))
        {
            return current;
        }

        return node is JsonValue value && value.TryGetValue<double>(out var number) && (name == "requestsPerSecond" || number == Math.Floor(number))
            ? number
            : throw new InvalidDataException(
                $"Rate limits: {name} must be a {(name == "requestsPerSecond" ? "number" : "whole number")}, not {node?.ToJsonString() ?? "null"}.");
    }
}
