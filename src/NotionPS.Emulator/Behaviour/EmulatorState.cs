using NotionPS.Emulator.Files;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Behaviour;

/// <summary>Everything one running emulator holds: the workspace, the limiter, the fault switch and the counters.</summary>
public sealed class EmulatorState
{
    private readonly string _seedJson;

    public EmulatorState(EmulatorOptions options, string seedJson)
    {
        Options = options;
        _seedJson = seedJson;
        Clock = new AdjustableClock(options.TimeProvider, options.Now);
        Workspace = SeedLoader.Load(seedJson, Now);
        Limits = new RateLimits(Clock, SeededRateLimits());
        Files = new FileUploadStore(Clock, options.MaxFileUploadBytes);
    }

    public EmulatorOptions Options { get; }

    /// <summary>The clock of the rate limiter, of new timestamps and of relative date filters.</summary>
    public AdjustableClock Clock { get; }

    /// <summary>Replaced as a whole on reset; a request works on the instance it started with.</summary>
    public NotionWorkspace Workspace { get; private set; }

    public RateLimits Limits { get; }
    public FaultSwitch Faults { get; } = new();
    public EmulatorStats Stats { get; } = new();

    /// <summary>File uploads and their content on disk; emptied on reset, deleted on shutdown.</summary>
    public FileUploadStore Files { get; }

    /// <summary>The current time to the minute, as Notion stamps created_time and last_edited_time.</summary>
    public DateTimeOffset Now => WorkspaceObject.ToMinute(Clock.GetUtcNow());

    /// <summary>Back to the seed: clock, workspace, faults, counters, rate-limit settings and budgets, file uploads.</summary>
    public void Reset()
    {
        Clock.Set(null);
        Workspace = SeedLoader.Load(_seedJson, Now);
        Faults.Clear();
        Stats.Reset();
        Limits.Configure(SeededRateLimits());
        Files.Clear();
    }

    /// <summary>The options' limits with the seed's <c>rateLimits</c> over them: a seed describes its workspace's plan.</summary>
    private RateLimitSettings SeededRateLimits() => RateLimitSettings.From(Options).With(Workspace.SeedRateLimits);
}
