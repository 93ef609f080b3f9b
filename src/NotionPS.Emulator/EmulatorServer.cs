using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Endpoints;
using NotionPS.Emulator.Files;

namespace NotionPS.Emulator;

/// <summary>A running emulator on a real socket, started in-process by tests or by the command line.</summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private const string DemoWorkspaceResource = "demo-workspace.json";

    private readonly WebApplication _app;

    private EmulatorServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary>The address actually bound, e.g. http://127.0.0.1:41234/ when port 0 was asked for.</summary>
    public Uri BaseUri { get; }

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var state = new EmulatorState(options, await ReadSeedAsync(options.SeedPath, cancellationToken));

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A failed start surfaces as the exception StartAsync throws; the host's own log of it would only repeat it.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Services.AddSingleton(state);

        var app = builder.Build();
        app.UseMiddleware<RequestPipeline>();
        UsersEndpoints.Map(app);
        CustomEmojisEndpoints.Map(app);
        SearchEndpoints.Map(app);
        DatabasesEndpoints.Map(app);
        DataSourcesEndpoints.Map(app);
        SchemaEndpoints.Map(app);
        PagesEndpoints.Map(app);
        BlocksEndpoints.Map(app);
        PageContentEndpoints.Map(app);
        CommentsEndpoints.Map(app);
        FileUploadsEndpoints.Map(app);
        AdminEndpoints.Map(app, state);
        app.MapFallback(_ => Task.FromException(NotionException.InvalidRequestUrl()));

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        state.Files.BaseUri = baseUri;
        if (!IsLoopback(baseUri))
        {
            app.Logger.LogWarning(
                "The Notion emulator listens on {Address}, beyond this machine. Its tokens are public demo values; use 127.0.0.1 unless you mean it.",
                address);
        }

        return new EmulatorServer(app, baseUri);
    }

    /// <summary>Completes when the host is asked to stop (Ctrl+C or SIGTERM on the command line).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        var files = _app.Services.GetRequiredService<EmulatorState>().Files;
        await _app.DisposeAsync();
        files.Dispose();
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static async Task<string> ReadSeedAsync(string? seedPath, CancellationToken cancellationToken)
    {
        if (seedPath is not null)
        {
            return await File.ReadAllTextAsync(seedPath, cancellationToken);
        }

        await using var stream = typeof(EmulatorServer).Assembly.GetManifestResourceStream(DemoWorkspaceResource)
            ?? throw new InvalidOperationException("The built-in demo workspace is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
