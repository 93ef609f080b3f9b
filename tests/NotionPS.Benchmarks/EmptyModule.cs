using System.Reflection;
using System.Reflection.Emit;

namespace NotionPS.Benchmarks;

/// <summary>
/// The baseline of workload 5: a binary module with nothing in it (an assembly with no types and a manifest
/// naming it), so the ratio shows what NotionPS adds to the cost any binary module pays to load.
/// </summary>
internal static class EmptyModule
{
    public static string Create(string directory)
    {
        Directory.CreateDirectory(directory);
        var assemblyPath = Path.Combine(directory, "EmptyBinaryModule.dll");
        var builder = new PersistedAssemblyBuilder(new AssemblyName("EmptyBinaryModule") { Version = new Version(1, 0, 0, 0) }, typeof(object).Assembly);
        builder.DefineDynamicModule("EmptyBinaryModule");
        builder.Save(assemblyPath);

        var manifestPath = Path.Combine(directory, "EmptyBinaryModule.psd1");
        File.WriteAllText(manifestPath, """
            @{
                RootModule = 'EmptyBinaryModule.dll'
                ModuleVersion = '1.0.0'
                GUID = '0f4b5a52-9d1e-4c55-9a39-6f1f1e0b7c01'
                CmdletsToExport = @()
                FunctionsToExport = @()
                AliasesToExport = @()
                VariablesToExport = @()
            }
            """);
        return manifestPath;
    }
}
