using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotionPS.Benchmarks;

/// <summary>
/// pwsh 7.6.9 as Microsoft's own packages (tar.gz, deb, rpm, msi, pkg) ship it: their assemblies are compiled
/// ReadyToRun (PowerShell.Common.props sets PublishReadyToRun for self-contained Release builds), while the
/// dotnet-tool package the repository's tool manifest installs is framework-dependent, built without it (IL only:
/// every PowerShell method is JIT-compiled in a fresh process). This makes, once, a copy of the tool's pwsh folder
/// under out/benchmarks with its IL-only assemblies compiled by crossgen2 for this machine and this runtime.
/// NotionPS.dll is not compiled: the module ships as one IL netstandard2.0 assembly.
/// </summary>
internal static class ReadyToRunPwsh
{
    private const string ToolPackage = "powershell";

    /// <summary>pwsh.dll of the compiled copy, made on first use and reused after; null (with the reason printed) where it cannot be made.</summary>
    public static async Task<string?> PrepareAsync(Paths paths)
    {
        try
        {
            return await PrepareOrThrowAsync(paths);
        }
        catch (BenchmarkException ex)
        {
            Console.WriteLine($"pwsh 7.6.9 ReadyToRun skipped: {ex.Message}");
            return null;
        }
    }

    private static async Task<string> PrepareOrThrowAsync(Paths paths)
    {
        var runtimeVersion = Environment.Version.ToString(3);
        var (rid, targetOs, targetArch) = Platform();
        var source = ToolPwshFolder(paths.RepoRoot, out var pwshVersion);
        var copy = Path.Combine(paths.RepoRoot, "out", "benchmarks", $"pwsh-{pwshVersion}-readytorun-{rid}-runtime-{runtimeVersion}");
        var pwshDll = Path.Combine(copy, "pwsh.dll");
        var done = Path.Combine(copy, "readytorun.json");
        if (File.Exists(done))
        {
            return pwshDll;
        }

        var crossgen2 = await Crossgen2Async(paths.RepoRoot, rid, runtimeVersion);
        Console.WriteLine($"Making pwsh {pwshVersion} ReadyToRun (once; cached in {copy}) with crossgen2 {runtimeVersion} for {targetOs}-{targetArch}...");
        if (Directory.Exists(copy))
        {
            Directory.Delete(copy, recursive: true);
        }

        CopyFolder(source, copy);
        var framework = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
        var compiled = new List<string>();
        var failed = new List<string>();
        foreach (var assembly in Directory.GetFiles(source, "*.dll").Where(IsIlOnly).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(assembly);
            try
            {
                // One bubble per assembly (crossgen2's default), as PublishReadyToRun compiles; one thread, the machine is shared.
                await Harness.RunProcessAsync(crossgen2, [assembly, "-o", Path.Combine(copy, name), "-r", Path.Combine(framework, "*.dll"), "-r", Path.Combine(source, "*.dll"),
                    "--targetos", targetOs, "--targetarch", targetArch, "-O", "--parallelism", "1"], copy, $"crossgen2 {name}");
                compiled.Add(name);
            }
            catch (BenchmarkException ex)
            {
                // The copy keeps that assembly's IL (the JIT compiles it, as in the tool); the count says how many.
                File.Copy(assembly, Path.Combine(copy, name), overwrite: true);
                failed.Add($"{name}: {ex.Message.Split('\n')[0]}");
            }
        }

        if (!compiled.Contains("System.Management.Automation.dll"))
        {
            throw new BenchmarkException($"crossgen2 could not compile System.Management.Automation.dll ({string.Join("; ", failed)}).");
        }

        var record = new { pwshVersion, source, runtimeVersion, framework, crossgen2, rid, compiled, failed };
        await File.WriteAllTextAsync(done, JsonSerializer.Serialize(record, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"  {compiled.Count} assemblies compiled ReadyToRun, {failed.Count} left IL ({string.Join("; ", failed)})");
        return pwshDll;
    }

    /// <summary>The pwsh folder of the package the tool manifest names, in the NuGet packages folder `dotnet tool restore` filled.</summary>
    private static string ToolPwshFolder(string repoRoot, out string version)
    {
        var manifest = Path.Combine(repoRoot, ".config", "dotnet-tools.json");
        var tool = File.Exists(manifest) ? JsonNode.Parse(File.ReadAllText(manifest))?["tools"]?[ToolPackage] : null;
        version = tool?["version"]?.GetValue<string>() ?? throw new BenchmarkException($"{manifest} names no '{ToolPackage}' tool.");
        var tools = Path.Combine(NuGetPackagesFolder(), ToolPackage, version, "tools");
        var folder = Directory.Exists(tools)
            ? Directory.GetDirectories(tools, OperatingSystem.IsWindows() ? "win" : "unix", SearchOption.AllDirectories).FirstOrDefault(d => File.Exists(Path.Combine(d, "pwsh.dll")))
            : null;
        return folder ?? throw new BenchmarkException($"the {ToolPackage} {version} tool package is not in {tools}; run: dotnet tool restore");
    }

    /// <summary>Restores Microsoft.NETCore.App.Crossgen2.&lt;rid&gt; of the running runtime's version through a project of one PackageDownload.</summary>
    private static async Task<string> Crossgen2Async(string repoRoot, string rid, string runtimeVersion)
    {
        var package = $"Microsoft.NETCore.App.Crossgen2.{rid}";
        var executable = Path.Combine(NuGetPackagesFolder(), package.ToLowerInvariant(), runtimeVersion, "tools", OperatingSystem.IsWindows() ? "crossgen2.exe" : "crossgen2");
        if (!File.Exists(executable))
        {
            var project = Path.Combine(repoRoot, "out", "benchmarks", "crossgen2-restore");
            Directory.CreateDirectory(project);
            await File.WriteAllTextAsync(Path.Combine(project, "Crossgen2Restore.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net{Environment.Version.Major}.0</TargetFramework></PropertyGroup>
                  <ItemGroup><PackageDownload Include="{package}" Version="[{runtimeVersion}]" /></ItemGroup>
                </Project>
                """);
            try
            {
                await Harness.RunProcessAsync("dotnet", ["restore", "Crossgen2Restore.csproj"], project, $"dotnet restore of {package} {runtimeVersion}");
            }
            catch (BenchmarkException ex)
            {
                throw new BenchmarkException($"crossgen2 ({package} {runtimeVersion}) cannot be had from the NuGet feeds: {ex.Message.Split('\n')[0]}");
            }
        }

        return File.Exists(executable) ? executable : throw new BenchmarkException($"{package} {runtimeVersion} was restored but has no {executable}.");
    }

    private static string NuGetPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static (string Rid, string TargetOs, string TargetArch) Platform()
    {
        var (os, targetOs) = OperatingSystem.IsWindows() ? ("win", "windows") : OperatingSystem.IsMacOS() ? ("osx", "osx") : ("linux", "linux");
        var arch = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        return ($"{os}-{arch}", targetOs, arch);
    }

    /// <summary>A managed assembly with no native code yet (no ReadyToRun header): what the JIT would compile.</summary>
    internal static bool IsIlOnly(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        try
        {
            return reader.HasMetadata && reader.PEHeaders.CorHeader is { } header && header.ManagedNativeHeaderDirectory.Size == 0;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var directory in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(source, target, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copied = file.Replace(source, target, StringComparison.Ordinal);
            File.Copy(file, copied);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(copied, File.GetUnixFileMode(file));
            }
        }
    }
}
