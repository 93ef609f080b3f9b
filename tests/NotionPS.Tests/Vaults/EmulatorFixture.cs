using System.Threading.Tasks;
using NotionPS.Emulator;
using Xunit;

namespace NotionPS.Tests.Vaults;

/// <summary>One in-process emulator (built-in demo workspace, no rate limit) for a test class.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string FullAccessToken = "demo-token-full-access";
    public const string ReadOnlyToken = "demo-token-read-only";

    public EmulatorServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await EmulatorServer.StartAsync(new EmulatorOptions { Urls = "http://127.0.0.1:0", RateLimit = 0 });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
