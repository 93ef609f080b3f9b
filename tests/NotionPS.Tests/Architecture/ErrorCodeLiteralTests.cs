using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using NotionPS.Client;
using Xunit;

namespace NotionPS.Tests.Architecture;

/// <summary>
/// Notion's error codes are spelled once, in Client/NotionErrorCodes.cs: a code written as a string literal
/// anywhere else in the module is a copy that can drift. (The emulator spells them itself on purpose: it is
/// an independent witness, so it is not scanned.)
/// </summary>
public class ErrorCodeLiteralTests
{
    private static readonly string ModuleSource = Path.Combine(TestPaths.RepoRoot, "src", "NotionPS");
    private static readonly string ConstantsFile = Path.Combine(ModuleSource, "Client", "NotionErrorCodes.cs");

    [Fact]
    public void NotionErrorCodesAreWrittenOnlyInTheirConstants()
    {
        var sources = Directory.EnumerateFiles(ModuleSource, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path) && !string.Equals(path, ConstantsFile, StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(sources);
        Assert.Empty(sources.SelectMany(path => Literals(Path.GetRelativePath(ModuleSource, path), File.ReadAllText(path))));
    }

    [Fact]
    public void TheScanFindsEveryCodeInItsConstantsAndALiteralElsewhere()
    {
        var codes = Codes();
        var constants = File.ReadAllText(ConstantsFile);
        var sample = "catch (NotionApiException ex) when (ex.Code == \"object_not_found\")\n"
            + "var code = \"http_\" + status;\n"
            + "var same = $\"http_{status}\";\n"
            + "var key = \"object_not_found_later\"; // another word, not a code\n";

        Assert.True(codes.Count >= 20, $"Only {codes.Count} codes were read from NotionErrorCodes.");
        Assert.Equal(codes.Count, Literals("NotionErrorCodes.cs", constants).Select(hit => hit.Split(' ').Last()).Distinct().Count());
        Assert.Equal(new[] { "Sample.cs:1 \"object_not_found\"", "Sample.cs:2 \"http_\"", "Sample.cs:3 \"http_\"" }, Literals("Sample.cs", sample));
    }

    /// <summary>The values of NotionErrorCodes' constants, each as it is written quoted in C#.</summary>
    private static List<string> Codes() =>
        typeof(NotionClient).Assembly.GetType("NotionPS.Client.NotionErrorCodes", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => "\"" + (string)field.GetRawConstantValue()! + "\"")
            .ToList();

    /// <summary>
    /// Each line of <paramref name="text"/> that holds a code as a literal, as "file:line "code"": quoted whole, or
    /// starting an interpolated string ($"http_{status}").
    /// </summary>
    private static IEnumerable<string> Literals(string file, string text)
    {
        var codes = Codes();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var code in codes.Where(code => lines[i].Contains(code, StringComparison.Ordinal) || lines[i].Contains(code[..^1] + "{", StringComparison.Ordinal)))
            {
                yield return $"{file}:{i + 1} {code}";
            }
        }
    }

    private static bool IsBuildOutput(string path)
    {
        var relative = Path.GetRelativePath(ModuleSource, path).Replace('\\', '/');
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
    }
}
