using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NotionPS.HelpBuilder;

namespace NotionPS.Tests.Help;

/// <summary>
/// The PowerShell code blocks of the repository's documents, each with the file and line it starts at: the fenced
/// ```powershell blocks of README.md, docs/about_*.md and the other markdown a reader or a developer follows (read
/// with the help builder's own reader), and the code of the about topics written as plain text
/// (src/NotionPS/en-US/about_*.help.txt). The cmdlets' help files (docs/Verb-Noun.md) are HelpExampleTests' to run.
/// </summary>
internal static class DocumentCode
{
    /// <summary>Where a plain-text about topic's code starts: its text is indented by four spaces, its code by eight.</summary>
    private const string PlainTextCodeIndent = "        ";

    private static readonly string[] PowerShellFences = ["powershell", "pwsh", "ps1"];

    /// <summary>The fence tags that say a block is not PowerShell, so no test runs it: a block in none of these lists is one nobody decided about.</summary>
    public static readonly string[] NotPowerShellFences = ["shell", "text", "json", "csv", "xml", "yaml", "csharp"];

    /// <summary>Folders that hold no document of ours: build output, packages, and the markdown the tests read as data.</summary>
    private static readonly string[] NotDocumentFolders = ["bin", "obj", "out", "node_modules", ".git", "TestData"];

    /// <summary>A block of code; <paramref name="Line"/> is the file's line (from 1) of its first line of code.</summary>
    public sealed record Block(string File, int Line, string Code)
    {
        /// <summary>The block's first line that is not blank, which names it in <see cref="DocumentExampleTests"/>' list of blocks not run.</summary>
        public string FirstLine => Code.Split('\n').Select(line => line.Trim()).First(line => line.Length > 0);
    }

    /// <summary>
    /// The documents, as paths relative to the repository root with '/' separators. An about topic the build
    /// generates from docs/ (about_X.help.txt from docs/about_X.md) is read in its source.
    /// </summary>
    public static IReadOnlyList<string> Documents { get; } =
        new[] { Path.Combine(TestPaths.RepoRoot, "README.md") }
            .Concat(Directory.GetFiles(HelpSources.DocsFolder, "about_*.md").Order(StringComparer.Ordinal))
            .Concat(OtherMarkdown(TestPaths.RepoRoot).Order(StringComparer.Ordinal))
            .Concat(Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "src", "NotionPS", "en-US"), "about_*.help.txt")
                .Where(topic => !File.Exists(Path.Combine(HelpSources.DocsFolder, Path.GetFileName(topic).Replace(".help.txt", ".md", StringComparison.Ordinal))))
                .Order(StringComparer.Ordinal))
            .Select(path => Path.GetRelativePath(TestPaths.RepoRoot, path).Replace('\\', '/'))
            .ToList();

    public static bool IsPowerShell(CodeBlock fence) => PowerShellFences.Contains(fence.Language, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every fenced block of a markdown document, whatever its tag (none for a plain-text topic).</summary>
    public static IReadOnlyList<CodeBlock> FencesOf(string document) =>
        document.EndsWith(".md", StringComparison.Ordinal)
            ? MarkdownBlocks.Parse(File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, document)), document).OfType<CodeBlock>().ToList()
            : [];

    public static IReadOnlyList<Block> BlocksOf(string document)
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, document));
        return document.EndsWith(".md", StringComparison.Ordinal) ? FencedBlocks(document, lines) : IndentedBlocks(document, lines);
    }

    private static List<Block> FencedBlocks(string document, string[] lines) =>
        MarkdownBlocks.Parse(lines, document).OfType<CodeBlock>()
            .Where(IsPowerShell)
            .Select(code => new Block(document, code.Line + 1, code.Code))
            .ToList();

    /// <summary>The markdown under a folder other than README.md, the about topics and the cmdlets' help files, which the lists above hold.</summary>
    private static IEnumerable<string> OtherMarkdown(string folder) =>
        Directory.GetFiles(folder, "*.md")
            .Where(file => folder != TestPaths.RepoRoot || Path.GetFileName(file) != "README.md")
            .Where(file => folder != HelpSources.DocsFolder
                || !(Path.GetFileName(file).StartsWith("about_", StringComparison.Ordinal) || HelpSources.CmdletNames.Contains(Path.GetFileNameWithoutExtension(file))))
            .Concat(Directory.GetDirectories(folder)
                .Where(child => !NotDocumentFolders.Contains(Path.GetFileName(child), StringComparer.Ordinal))
                .SelectMany(OtherMarkdown));

    /// <summary>Lines indented as code that follow a blank line, up to the next blank line, without their indent.</summary>
    private static List<Block> IndentedBlocks(string document, string[] lines)
    {
        var blocks = new List<Block>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i - 1].Trim().Length > 0 || !lines[i].StartsWith(PlainTextCodeIndent, StringComparison.Ordinal))
            {
                continue;
            }

            var start = i;
            while (i < lines.Length && lines[i].StartsWith(PlainTextCodeIndent, StringComparison.Ordinal))
            {
                i++;
            }

            blocks.Add(new Block(document, start + 1, string.Join("\n", lines[start..i].Select(line => line[PlainTextCodeIndent.Length..]))));
        }

        return blocks;
    }
}
