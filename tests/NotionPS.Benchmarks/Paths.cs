namespace NotionPS.Benchmarks;

/// <summary>Where the Release build put what the benchmark runs: the staged module, the emulator, this executable.</summary>
internal sealed record Paths(string RepoRoot, string ModuleManifest, string EmulatorDll, string SdkDirectory, (string File, string[] Prefix) Self)
{
    public static Paths Locate()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root != null && !File.Exists(Path.Combine(root.FullName, "NotionPS.sln")))
        {
            root = root.Parent;
        }

        if (root == null)
        {
            throw new BenchmarkException("Run the benchmark from its build output inside the repository (NotionPS.sln not found above it).");
        }

        // bin/<Configuration>/net10.0/: the module and emulator were built in the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        if (!string.Equals(configuration, "Release", StringComparison.Ordinal))
        {
            Console.WriteLine($"warning: this is a {configuration} build; figures are meant to come from Release (dotnet run -c Release ...).");
        }

        var manifest = Path.Combine(root.FullName, "out", "NotionPS", "NotionPS.psd1");
        var emulator = Path.Combine(root.FullName, "src", "NotionPS.Emulator", "bin", configuration, "net10.0", "NotionPS.Emulator.dll");
        foreach (var required in new[] { manifest, emulator })
        {
            if (!File.Exists(required))
            {
                throw new BenchmarkException($"{required} is missing; build with: dotnet build -c {configuration} tests/NotionPS.Benchmarks");
            }
        }

        // Debug and Release builds both stage into out/NotionPS: make sure it holds this configuration's module.
        var built = Path.Combine(root.FullName, "src", "NotionPS", "bin", configuration, "netstandard2.0", "NotionPS.dll");
        if (!File.Exists(built) || !File.ReadAllBytes(built).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(root.FullName, "out", "NotionPS", "NotionPS.dll"))))
        {
            throw new BenchmarkException($"out/NotionPS does not hold the {configuration} build of the module (another configuration was built since); run: dotnet build -c {configuration} tests/NotionPS.Benchmarks");
        }

        // Under `dotnet run` the process is the apphost; under `dotnet NotionPS.Benchmarks.dll` it is dotnet itself.
        var processPath = Environment.ProcessPath!;
        var self = Path.GetFileNameWithoutExtension(processPath) == "dotnet"
            ? (processPath, new[] { typeof(Paths).Assembly.Location })
            : (processPath, Array.Empty<string>());
        return new Paths(root.FullName, manifest, emulator, Path.Combine(root.FullName, "tests", "NotionPS.Benchmarks", "sdk"), self);
    }
}
