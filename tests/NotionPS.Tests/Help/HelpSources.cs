using System;
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

    private static readonly Dictionary<string, Type> CmdletTypes = typeof(NotionConnection).Assembly.GetTypes()
        .Where(type => type.GetCustomAttribute<CmdletAttribute>() != null)
        .ToDictionary(type => type.GetCustomAttribute<CmdletAttribute>()!.VerbName + "-" + type.GetCustomAttribute<CmdletAttribute>()!.NounName);

    public static IReadOnlyList<string> CmdletNames { get; } = CmdletTypes.Keys.OrderBy(name => name).ToList();

    public static Type TypeOf(string cmdletName) => CmdletTypes[cmdletName];

    public static IEnumerable<object[]> Cmdlets() => CmdletNames.Select(name => new object[] { name });

    public static string PathOf(string cmdletName) => Path.Combine(DocsFolder, cmdletName + ".md");

    public static CommandHelp Read(string cmdletName) => CommandHelpReader.ReadFile(PathOf(cmdletName));
}
