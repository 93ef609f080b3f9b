using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using NotionPS.HelpBuilder;

namespace NotionPS.Tests.Help;

/// <summary>The module's cmdlets and their help sources in docs/.</summary>
internal static class HelpSources
{
    public static string DocsFolder { get; } = Path.Combine(TestPaths.RepoRoot, "docs");

    public static IReadOnlyList<string> CmdletNames { get; } = typeof(NotionConnection).Assembly.GetTypes()
        .Select(type => type.GetCustomAttribute<CmdletAttribute>())
        .Where(attribute => attribute != null)
        .Select(attribute => attribute!.VerbName + "-" + attribute.NounName)
        .OrderBy(name => name)
        .ToList();

    public static IEnumerable<object[]> Cmdlets() => CmdletNames.Select(name => new object[] { name });

    public static string PathOf(string cmdletName) => Path.Combine(DocsFolder, cmdletName + ".md");

    public static CommandHelp Read(string cmdletName) => CommandHelpReader.ReadFile(PathOf(cmdletName));
}
