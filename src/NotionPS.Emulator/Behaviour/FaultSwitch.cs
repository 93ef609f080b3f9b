using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NotionPS.Emulator.Behaviour;

public enum FaultKind
{
    /// <summary>Answer with an HTTP status and Notion's error body.</summary>
    Status,

    /// <summary>Drop the connection before the request is handled: nothing happens.</summary>
    Abort,

    /// <summary>Handle the request, then drop the connection instead of answering: the work is done, the client cannot know.</summary>
    AbortAfter,

    /// <summary>Hold the request for a while before handling it, so a client's timeout fires first.</summary>
    Stall,

    /// <summary>
    /// Hold the request until the admin API releases it (<see cref="FaultSwitch.Release"/>), then handle it: a test decides
    /// when it goes on, instead of a stall's fixed time.
    /// </summary>
    Hold,

    /// <summary>
    /// Handle the request, send the status line, the headers and half of the answer's body, then close the
    /// connection: the work is done and the client holds a cut answer.
    /// </summary>
    AbortMidway,

    /// <summary>
    /// Handle the request, then send its answer with every occurrence of one text in the body replaced by another,
    /// as raw bytes: a way to serve a body the emulator would never write itself (a lone surrogate escape, a key
    /// PowerShell reserves) in an otherwise real answer.
    /// </summary>
    Rewrite,
}

/// <summary>
/// Faults set through the admin API: the next N matching requests, or a share of them, fail in a chosen way.
/// A share is applied deterministically (0.5 = every second matching request), so tests never depend on chance.
/// </summary>
public sealed class FaultSwitch
{
    public static readonly int[] InjectableStatuses = [429, 500, 502, 503, 504, 529];

    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private readonly List<HeldRequest> _held = [];

    public void Add(FaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    public JsonArray ToJson()
    {
        lock (_gate)
        {
            return new JsonArray([.. _rules.Select(r => (JsonNode)r.ToJson())]);
        }
    }

    /// <summary>
    /// Holds a request that drew a hold until <see cref="Release"/> lets it go on; a client that goes away first ends it
    /// (the cancellation is thrown), leaving nothing behind.
    /// </summary>
    public async Task HoldAsync(string method, string path, CancellationToken requestAborted)
    {
        var held = new HeldRequest(method.ToUpperInvariant(), path);
        lock (_gate)
        {
            _held.Add(held);
        }

        try
        {
            await held.Released.Task.WaitAsync(requestAborted);
        }
        finally
        {
            lock (_gate)
            {
                _held.Remove(held);
            }
        }
    }

    /// <summary>Lets the held requests that match go on (all of them without a method or path); returns how many.</summary>
    public int Release(string? method, string? path)
    {
        var pattern = path is null ? null : FaultRule.PathRegex(path);
        lock (_gate)
        {
            var released = _held.Where(held => (method is null || held.Method == method.ToUpperInvariant()) && (pattern is null || pattern.IsMatch(held.Path))).ToList();
            foreach (var held in released)
            {
                _held.Remove(held);
                held.Released.TrySetResult();
            }

            return released.Count;
        }
    }

    /// <summary>The requests held now, in the order they came.</summary>
    public JsonArray HeldJson()
    {
        lock (_gate)
        {
            return new JsonArray([.. _held.Select(held => (JsonNode)new JsonObject { ["method"] = held.Method, ["path"] = held.Path })]);
        }
    }

    /// <summary>The fault this request draws, if any; the first matching rule decides.</summary>
    public FaultRule? Draw(string method, string path)
    {
        lock (_gate)
        {
            var rule = _rules.FirstOrDefault(r => r.Matches(method, path));
            if (rule is null || !rule.Fires())
            {
                return null;
            }

            if (rule.Remaining == 0)
            {
                _rules.Remove(rule);
            }

            return rule;
        }
    }
}

public sealed class FaultRule
{
    private readonly Regex? _path;
    private double _credit;

    private FaultRule(FaultKind kind, int status, int? remaining, double share, string? method, string? path, int stallMs, string? reason, int? retryAfterSeconds, string? find, string? replace)
    {
        Find = find;
        Replace = replace;
        Reason = reason;
        RetryAfterSeconds = retryAfterSeconds;
        Kind = kind;
        Status = status;
        Remaining = remaining;
        Share = share;
        Method = method?.ToUpperInvariant();
        PathPattern = path;
        StallMs = stallMs;
        _path = path is null ? null : PathRegex(path);
    }

    public FaultKind Kind { get; }
    public int Status { get; }

    /// <summary>Faults still to inject; null = until cleared.</summary>
    public int? Remaining { get; private set; }

    public double Share { get; }
    public string? Method { get; }
    public string? PathPattern { get; }
    public int StallMs { get; }

    /// <summary>For an injected 429: the <c>rate_limit_reason</c> (default the connection's limit).</summary>
    public string? Reason { get; }

    /// <summary>For an injected 429 or 529: the Retry-After (default the emulator's <c>retryAfterSeconds</c>).</summary>
    public int? RetryAfterSeconds { get; }

    /// <summary>For a rewrite: the text of the answer's body to replace (as it is sent, escapes included), and what replaces it.</summary>
    public string? Find { get; }

    public string? Replace { get; }

    /// <summary>A path pattern (<c>*</c> = one segment) as a regex matching the whole path, with or without a final slash.</summary>
    public static Regex PathRegex(string path) => new("^" + Regex.Escape(path).Replace(@"\*", "[^/]*") + "/?$", RegexOptions.IgnoreCase);

    /// <summary>The longest stall the switch takes (an hour); Notion itself gives up on a request after 60 s.</summary>
    public const int MaxStallMs = 3_600_000;

    /// <summary>
    /// Reads <c>{kind, count?, share?, method?, path?, stallMs?, reason?, retryAfterSeconds?}</c>; kind is one of 429, 500, 502, 503, 504, 529,
    /// abort, abort-after, abort-midway, stall, hold or rewrite (with find and replace). Without count or share, one request fails.
    /// </summary>
    public static FaultRule Parse(JsonObject body)
    {
        AdminInput.AllowOnly(body, "kind", "count", "share", "method", "path", "stallMs", "reason", "retryAfterSeconds", "find", "replace");
        var kindText = AdminInput.Text(body, "kind") ?? throw new ArgumentException("kind is required.");
        var (kind, status) = kindText switch
        {
            "abort" => (FaultKind.Abort, 0),
            "abort-after" => (FaultKind.AbortAfter, 0),
            "stall" => (FaultKind.Stall, 0),
            "hold" => (FaultKind.Hold, 0),
            "abort-midway" => (FaultKind.AbortMidway, 0),
            "rewrite" => (FaultKind.Rewrite, 0),
            _ when int.TryParse(kindText, out var code) && FaultSwitch.InjectableStatuses.Contains(code) => (FaultKind.Status, code),
            _ => throw new ArgumentException(
                $"kind must be one of {string.Join(", ", FaultSwitch.InjectableStatuses)}, abort, abort-after, abort-midway, stall, hold or rewrite, not \"{kindText}\"."),
        };
        var share = AdminInput.Number(body, "share", 0, 1) ?? 1;
        if (share == 0)
        {
            throw new ArgumentException("share must be greater than 0 and at most 1.");
        }

        var count = AdminInput.WholeNumber(body, "count", 1, int.MaxValue);
        var remaining = count ?? (body.ContainsKey("share") ? null : 1);
        var stallMs = AdminInput.WholeNumber(body, "stallMs", 0, MaxStallMs) ?? 70_000;
        var reason = AdminInput.Text(body, "reason");
        var retryAfter = AdminInput.WholeNumber(body, "retryAfterSeconds", 0, 86_400);
        if ((reason is not null && status != 429) || (retryAfter is not null && status is not (429 or 529)))
        {
            throw new ArgumentException("reason is for kind 429 only, retryAfterSeconds for kinds 429 and 529.");
        }

        var find = AdminInput.Text(body, "find");
        var replace = AdminInput.Text(body, "replace");
        if ((kind == FaultKind.Rewrite) != (find is { Length: > 0 } && replace is not null) || (kind != FaultKind.Rewrite && (find ?? replace) is not null))
        {
            throw new ArgumentException("kind rewrite needs find (not empty) and replace, and only it takes them.");
        }

        return new FaultRule(kind, status, remaining, share, AdminInput.Text(body, "method"), AdminInput.Text(body, "path"), stallMs, reason, retryAfter, find, replace);
    }

    /// <summary>The error an injected status answers with, carrying the rule's reason and Retry-After where it has them.</summary>
    public NotionException ToException()
    {
        var error = NotionException.ForStatus(Status);
        if (Reason is null && RetryAfterSeconds is null)
        {
            return error;
        }

        var additionalData = new JsonObject();
        if (Reason is not null)
        {
            additionalData["rate_limit_reason"] = Reason;
        }

        if (RetryAfterSeconds is { } seconds)
        {
            additionalData["retry_after"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new NotionException(error.Status, error.Code, error.Message, additionalData);
    }

    public bool Matches(string method, string path) =>
        (Method is null || Method == method.ToUpperInvariant()) && (_path is null || _path.IsMatch(path));

    /// <summary>Counts a matching request; true when this one must fail.</summary>
    public bool Fires()
    {
        _credit += Share;
        if (_credit < 1 - 1e-9)
        {
            return false;
        }

        _credit -= 1;
        Remaining--;
        return true;
    }

    public JsonObject ToJson() => new()
    {
        ["kind"] = Kind switch
        {
            FaultKind.Abort => "abort",
            FaultKind.AbortAfter => "abort-after",
            FaultKind.Stall => "stall",
            FaultKind.Hold => "hold",
            FaultKind.AbortMidway => "abort-midway",
            FaultKind.Rewrite => "rewrite",
            _ => Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
        ["remaining"] = Remaining,
        ["share"] = Share,
        ["method"] = Method,
        ["path"] = PathPattern,
        ["stallMs"] = Kind == FaultKind.Stall ? StallMs : null,
        ["reason"] = Reason,
        ["retryAfterSeconds"] = RetryAfterSeconds,
        ["find"] = Find,
        ["replace"] = Replace,
    };
}

/// <summary>A request held by a hold fault until it is released.</summary>
internal sealed class HeldRequest(string method, string path)
{
    public string Method { get; } = method;
    public string Path { get; } = path;
    public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
