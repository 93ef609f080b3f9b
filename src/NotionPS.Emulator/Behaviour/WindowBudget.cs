namespace NotionPS.Emulator.Behaviour;

/// <summary>
/// A fixed budget of requests per window, as Notion now words its limits: the budget may be spent at any pace, and a
/// request over it waits until the window resets. A key's window starts with its first request. Not thread-safe: the
/// caller holds a lock.
/// </summary>
public sealed class WindowBudget(int requestsPerWindow, TimeSpan window)
{
    private readonly Dictionary<Guid, (DateTimeOffset Start, int Used)> _windows = [];

    public bool Enabled => requestsPerWindow > 0;

    /// <summary>Spends one request of the key's window; null when there was room, else the time until the window resets.</summary>
    public TimeSpan? TrySpend(Guid key, DateTimeOffset now)
    {
        if (!Enabled)
        {
            return null;
        }

        if (!_windows.TryGetValue(key, out var current) || now - current.Start >= window)
        {
            current = (now, 0);
        }

        if (current.Used >= requestsPerWindow)
        {
            _windows[key] = current;
            return current.Start + window - now;
        }

        _windows[key] = (current.Start, current.Used + 1);
        return null;
    }
}
