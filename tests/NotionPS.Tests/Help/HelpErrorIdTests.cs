using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using NotionPS.Content;
using NotionPS.Errors;
using NotionPS.Secrets;
using NotionPS.Tests.Architecture;
using Xunit;

namespace NotionPS.Tests.Help;

/// <summary>
/// The ErrorIds the help names are ones the code writes, so a script that catches one by its id can ever see it;
/// and the topics that promise every id of a kind (the vault errors, the Markdown errors) list them all.
/// </summary>
public sealed class HelpErrorIdTests
{
    // A word shaped like NotionPS's ids: its prefixes, then more capitalised words. Not one after '-', '$', '.' or a
    // path separator: that is a cmdlet (Get-SecretInfo), a parameter (-SecretName), a variable or a member.
    private static readonly Regex IdShaped = new(@"(?<![-\w.$\\/])(?:Notion|Invalid|Secret|NoDefault|Empty|Markdown)[A-Z][A-Za-z]+\b", RegexOptions.CultureInvariant);

    // Names of other things the help mentions that have the same shape.
    private static readonly HashSet<string> OtherNames = new(StringComparer.Ordinal)
    {
        "NotionPS",            // the module
        "NotionPSLocal",       // the repository README's install example registers
        "NotionSchema",        // README's "NotionSchema..." for the family of schema ids
        "NotionVault",         // the vault of the examples
        "SecretManagement",    // Microsoft.PowerShell.SecretManagement
        "SecretStore",         // Microsoft.PowerShell.SecretStore
        "SecretStorePassword", // an Azure Automation credential in about_NotionPS_Vaults
    };

    private static readonly string RepositoryRoot = TestPaths.RepoRoot;

    public static IEnumerable<object[]> HelpFiles() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot, "docs"), "*.md")
            .Append(Path.Combine(RepositoryRoot, "README.md"))
            .Concat(Directory.GetFiles(Path.Combine(RepositoryRoot, "src", "NotionPS", "en-US"), "about_*.help.txt"))
            .Select(path => new object[] { Path.GetRelativePath(RepositoryRoot, path) });

    [Theory]
    [MemberData(nameof(HelpFiles))]
    public void EveryErrorIdTheHelpNamesIsOneTheCodeWrites(string helpFile)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot, helpFile));
        var known = new HashSet<string>(NotionErrorIds.All.Concat(NamesInTheModule()).Concat(OtherNames), StringComparer.Ordinal);

        var unknown = IdShaped.Matches(text).Select(match => match.Value).Where(word => !known.Contains(word)).Distinct().ToList();

        Assert.True(unknown.Count == 0, $"{helpFile} names ErrorIds the code never writes: {string.Join(", ", unknown)}");
    }

    [Theory]
    [MemberData(nameof(HelpFiles))]
    public void EveryErrorIdTheHelpNamesIsWrittenSomewhereInTheModule(string helpFile)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot, helpFile));

        var neverWritten = IdShaped.Matches(text).Select(match => match.Value).Where(NotionErrorIds.All.Contains).Except(IdsTheModuleWrites.Value).Distinct().ToList();

        Assert.True(neverWritten.Count == 0, $"{helpFile} names ErrorIds that src/NotionPS declares but never uses: {string.Join(", ", neverWritten)}");
    }

    [Fact]
    public void EveryErrorIdTheModuleDeclaresIsInTheHelp()
    {
        var help = string.Join("\n", HelpFiles().Select(file => (string)file[0]).Where(file => file != "README.md").Select(file => File.ReadAllText(Path.Combine(RepositoryRoot, file))));

        var undocumented = NotionErrorIds.All.Where(id => !Regex.IsMatch(help, $@"\b{id}\b")).ToList();

        Assert.True(undocumented.Count == 0, $"ErrorIds no cmdlet help or about topic names (say what each means and what to do): {string.Join(", ", undocumented)}");
    }

    [Fact]
    public void FindsTheIdsTheModuleWritesThroughEachKindOfName()
    {
        Assert.Contains(NotionErrorIds.NotionRowFailed, IdsTheModuleWrites.Value);         // NotionErrorIds.NotionRowFailed
        Assert.Contains(NotionErrorIds.MarkdownNestingTooDeep, IdsTheModuleWrites.Value);  // MarkdownContentException.TooDeep
        Assert.Contains(NotionErrorIds.SecretVaultLocked, IdsTheModuleWrites.Value);       // SecretVaultLockedId in VaultErrors
        Assert.Contains(NotionErrorIds.NotionObjectNotFound, IdsTheModuleWrites.Value);    // NotionErrorCodes' map of Notion's codes
    }

    [Fact]
    public void TheVaultsTopicListsEveryVaultError()
    {
        var errors = Section(File.ReadAllText(Path.Combine(RepositoryRoot, "src", "NotionPS", "en-US", "about_NotionPS_Vaults.help.txt")), "ERRORS", "SEE ALSO");

        Assert.All(ErrorIdTests.ConstantValues(typeof(VaultErrors)), id => Assert.Matches($@"\b{id}\b", errors));
    }

    [Fact]
    public void ThePageContentTopicListsEveryMarkdownError()
    {
        var topic = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "about_NotionPS_PageContent.md"));

        Assert.All(ErrorIdTests.ConstantValues(typeof(MarkdownContentException)), id => Assert.Matches($@"\b{id}\b", topic));
    }

    [Fact]
    public void FindsIdsInTheHelp()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "about_NotionPS.md"));

        Assert.Contains("NotionObjectNotFound", IdShaped.Matches(text).Select(match => match.Value));
    }

    /// <summary>
    /// The ids of <see cref="NotionErrorIds"/> that src/NotionPS uses besides declaring them: as NotionErrorIds.X, or
    /// through a constant of another class that holds the id (MarkdownContentException.TooDeep = "MarkdownNestingTooDeep",
    /// VaultErrors.SecretVaultLockedId = NotionErrorIds.SecretVaultLocked), used as Class.Name or, in its own file, as Name.
    /// Comment lines do not count.
    /// </summary>
    private static readonly Lazy<HashSet<string>> IdsTheModuleWrites = new(() =>
    {
        var declarations = new Regex(@"const\s+string\s+(?<name>\w+)\s*=\s*(?:""(?<id>\w+)""|NotionErrorIds\.(?<id>\w+)|nameof\((?:NotionErrorIds\.)?(?<id>\w+)\))\s*;");
        var sources = Directory.GetFiles(Path.Combine(RepositoryRoot, "src", "NotionPS"), "*.cs", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(path) != "NotionErrorIds.cs")
            .ToDictionary(path => path, path => string.Join("\n", File.ReadLines(path).Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal))));
        var aliases = sources.SelectMany(source => declarations.Matches(source.Value)
                .Where(declaration => NotionErrorIds.All.Contains(declaration.Groups["id"].Value))
                .Select(declaration => (File: source.Key, Class: Regex.Matches(source.Value[..declaration.Index], @"\bclass\s+(\w+)")[^1].Groups[1].Value,
                    Name: declaration.Groups["name"].Value, Id: declaration.Groups["id"].Value)))
            .ToList();
        var uses = sources.ToDictionary(source => source.Key, source => declarations.Replace(source.Value, string.Empty));

        return NotionErrorIds.All.Where(id =>
                uses.Values.Any(code => Regex.IsMatch(code, $@"\bNotionErrorIds\.{id}\b"))
                || aliases.Where(alias => alias.Id == id).Any(alias => uses.Any(use =>
                    Regex.IsMatch(use.Value, $@"\b{alias.Class}\.{alias.Name}\b") || (use.Key == alias.File && Regex.IsMatch(use.Value, $@"(?<![.\w]){alias.Name}\b")))))
            .ToHashSet(StringComparer.Ordinal);
    });

    /// <summary>Type, property and parameter set names of the module: NotionConnection, SecretName, MarkdownFromPipeline.</summary>
    private static IEnumerable<string> NamesInTheModule()
    {
        var types = typeof(NotionConnection).Assembly.GetTypes().Where(type => !type.Name.Contains('<')).ToList();
        return types.Select(type => type.Name.Split('`')[0])
            .Concat(types.SelectMany(type => type.GetProperties()).Select(property => property.Name))
            .Concat(types.SelectMany(type => type.GetProperties())
                .SelectMany(property => property.GetCustomAttributes<ParameterAttribute>())
                .Select(parameter => parameter.ParameterSetName));
    }

    private static string Section(string topic, string heading, string nextHeading)
    {
        var start = topic.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        var end = topic.IndexOf("\n" + nextHeading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"No {heading} section before {nextHeading}.");
        return topic.Substring(start, end - start);
    }
}
