using System.Globalization;
using NotionPS.Emulator;
using NotionPS.Emulator.Behaviour;

// The command line: dotnet run --project src/NotionPS.Emulator -- --urls http://127.0.0.1:7700 [--seed file.json]
// [--rate-limit 3] [--rate-limit-burst 10] [--retry-after 1] [--rate-limit-per-minute 0] [--workspace-rate-limit 0]
// [--workspace-rate-limit-window 60] [--latency-ms 0] [--now 2025-01-31T10:00:00Z] [--max-file-upload-bytes 5368709120]
const string Usage = """
    NotionPS.Emulator: a local Notion API for trying NotionPS without a real workspace.
      --urls <url>               where to listen (default http://127.0.0.1:7700; port 0 picks a free one)
      --seed <file.json>         workspace to serve (default: the built-in demo workspace)
      --rate-limit <n>           average requests per second per integration (default 3; 0 = off)
      --rate-limit-burst <n>     requests allowed at once before the average applies (default 10)
      --retry-after <seconds>    Retry-After sent with a 429 of the per-second limit (default 1)
      --rate-limit-per-minute <n>  requests per connection per 60-second window, Notion's current wording;
                                 replaces --rate-limit and --rate-limit-burst (default 0 = not used)
      --workspace-rate-limit <n> requests per workspace window, shared by all its tokens (default 0 = off)
      --workspace-rate-limit-window <seconds>  the workspace window (default 60)
      --latency-ms <n>           milliseconds added to every API response (default 0)
      --now <ISO 8601 time>      start the clock at this instant, e.g. 2025-01-31T10:00:00Z (default: the real time)
      --max-file-upload-bytes <n>  the workspace's largest file upload (default 5368709120, 5 GiB; a free plan has 5242880)
    """;

EmulatorOptions options;
try
{
    options = ParseArguments(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(Usage);
    return 0;
}

EmulatorServer server;
try
{
    server = await EmulatorServer.StartAsync(options);
}
catch (Exception error) when (error is IOException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException)
{
    // A seed file that is missing or wrong, or an address that cannot be bound: say why, without a stack trace.
    Console.Error.WriteLine($"The Notion emulator could not start: {error.Message}");
    return 1;
}

await using var running = server;
Console.WriteLine($"Notion emulator listening on {server.BaseUri}");
// A seed file brings its own tokens: naming the demo ones would send the user to tokens that answer 401.
Console.WriteLine(options.SeedPath is null
    ? "Demo tokens: demo-token-full-access (read, update, insert), demo-token-read-only (read). Ctrl+C stops."
    : $"Serving the workspace of {options.SeedPath}, with the tokens its integrations name. Ctrl+C stops.");
await server.WaitForShutdownAsync();
return 0;

static EmulatorOptions ParseArguments(string[] args)
{
    var options = new EmulatorOptions();
    for (var i = 0; i < args.Length; i++)
    {
        var name = args[i];
        if (name is "--help" or "-h")
        {
            continue;
        }

        var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
        switch (name)
        {
            case "--urls": options.Urls = value; break;
            case "--seed": options.SeedPath = value; break;
            case "--rate-limit": options.RateLimit = Number(name, value, double.Parse); break;
            case "--rate-limit-burst": options.RateLimitBurst = Number(name, value, int.Parse); break;
            case "--retry-after": options.RetryAfterSeconds = Number(name, value, int.Parse); break;
            case "--rate-limit-per-minute": options.RateLimitPerMinute = Number(name, value, int.Parse); break;
            case "--workspace-rate-limit": options.WorkspaceRateLimit = Number(name, value, int.Parse); break;
            case "--workspace-rate-limit-window": options.WorkspaceRateLimitWindowSeconds = Number(name, value, int.Parse); break;
            case "--latency-ms": options.LatencyMs = Number(name, value, int.Parse); break;
            case "--max-file-upload-bytes": options.MaxFileUploadBytes = Number(name, value, long.Parse); break;
            case "--now": options.Now = AdjustableClock.ParseInstant(value, name); break;
            default: throw new ArgumentException($"Unknown option {name}.");
        }
    }

    return options;
}

static T Number<T>(string name, string value, Func<string, IFormatProvider, T> parse) where T : IComparable<T>
{
    try
    {
        var number = parse(value, CultureInfo.InvariantCulture);
        return number.CompareTo(default!) >= 0 ? number : throw new ArgumentException($"{name} cannot be negative.");
    }
    catch (FormatException)
    {
        throw new ArgumentException($"{name} needs a number, not \"{value}\".");
    }
}
