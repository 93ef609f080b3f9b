using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using Xunit;

namespace NotionPS.Tests.Module;

/// <summary>
/// Every PowerShell script in the repository parses with the engine's own parser, so a syntax error in a
/// script nobody can run on these machines (build.ps1, the Pester suite) still fails CI.
/// </summary>
public class ScriptSyntaxTests
{
    public static IEnumerable<object[]> Scripts() =>
        Directory.EnumerateFiles(TestPaths.RepoRoot, "*.ps*1", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".ps1") || path.EndsWith(".psm1") || path.EndsWith(".psd1"))
            .Select(path => Path.GetRelativePath(TestPaths.RepoRoot, path))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "out" or "node_modules" or ".git"))
            .OrderBy(path => path)
            .Select(path => new object[] { path });

    [Fact]
    public void FindsTheScripts()
    {
        Assert.Contains(Scripts(), script => (string)script[0] == "NotionPS.psd1");
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Parses(string relativePath)
    {
        Parser.ParseFile(Path.Combine(TestPaths.RepoRoot, relativePath), out _, out var errors);

        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => $"{relativePath}:{e.Extent.StartLineNumber}: {e.Message}")));
    }
}
