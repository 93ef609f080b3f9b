using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using NotionPS.HelpBuilder;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.Help;

/// <summary>
/// The facts in each help source (syntax, parameter sets, types, aliases, positions, pipeline input)
/// are the cmdlet's own, as the engine sees it, so help cannot drift from the code. A failure shows
/// the line to paste into the markdown.
/// </summary>
public sealed class HelpMatchesCodeTests : IClassFixture<HelpCoverageTests.Session>
{
    private const string AllSetsName = "__AllParameterSets";
    private static readonly HashSet<string> CommonParameters = [.. Cmdlet.CommonParameters];

    private readonly ModuleSession session;

    public HelpMatchesCodeTests(HelpCoverageTests.Session fixture) => session = fixture.Module;

    [Theory]
    [MemberData(nameof(HelpSources.Cmdlets), MemberType = typeof(HelpSources))]
    public void SyntaxIsTheCmdletsParameterSets(string cmdletName)
    {
        var command = Command(cmdletName);
        var help = HelpSources.Read(cmdletName);

        var expected = command.ParameterSets.Select(set => $"### {set.Name}{(set.IsDefault ? " (Default)" : "")}\n{SyntaxLine(cmdletName, set)}");
        var documented = help.Syntax.Select(set => $"### {set.Name}{(set.IsDefault ? " (Default)" : "")}\n{set.Line}");
        AssertSame(expected, documented);
    }

    [Theory]
    [MemberData(nameof(HelpSources.Cmdlets), MemberType = typeof(HelpSources))]
    public void ParametersAreTheCmdletsParameters(string cmdletName)
    {
        var command = Command(cmdletName);
        var help = HelpSources.Read(cmdletName);

        var expected = command.Parameters.Values.Where(p => !CommonParameters.Contains(p.Name)).Select(p => Describe(command, p)).OrderBy(line => line);
        var documented = help.Parameters.Select(Describe).OrderBy(line => line);
        AssertSame(expected, documented);
    }

    /// <summary>
    /// A default the code sets (a number, a version, an address, a wildcard) is the one the help gives.
    /// Defaults the code leaves empty are described in words in the help ("The current connection") and not compared.
    /// </summary>
    [Theory]
    [MemberData(nameof(HelpSources.Cmdlets), MemberType = typeof(HelpSources))]
    public void DefaultValuesAreTheCmdletsOwn(string cmdletName)
    {
        var type = HelpSources.TypeOf(cmdletName);
        var freshCmdlet = Activator.CreateInstance(type);

        var expected = new List<string>();
        var documented = new List<string>();
        foreach (var parameter in HelpSources.Read(cmdletName).Parameters)
        {
            var value = type.GetProperty(parameter.Name)?.GetValue(freshCmdlet);
            var text = value switch
            {
                SwitchParameter flag => flag.IsPresent.ToString(),
                string { Length: 0 } or Array { Length: 0 } or null => null,
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            };
            if (text != null)
            {
                expected.Add($"-{parameter.Name}: Default value: {text}");
                documented.Add($"-{parameter.Name}: Default value: {parameter.DefaultValue}");
            }
        }

        AssertSame(expected, documented);
    }

    /// <summary>Fails with the whole lines that differ, not xunit's truncated view of them.</summary>
    private static void AssertSame(IEnumerable<string> expected, IEnumerable<string> documented)
    {
        var fromCode = expected.ToList();
        var fromDocs = documented.ToList();
        Assert.True(
            fromCode.SequenceEqual(fromDocs),
            "The cmdlet has:\n" + string.Join("\n", fromCode.Except(fromDocs)) + "\n\nThe help says:\n" + string.Join("\n", fromDocs.Except(fromCode))
            + (fromCode.Except(fromDocs).Any() || fromDocs.Except(fromCode).Any() ? "" : "\n(the same entries in another order)"));
    }

    /// <summary>platyPS's syntax line: positional parameters first, [optional ones] in brackets, then the common parameters.</summary>
    internal static string SyntaxLine(string cmdletName, CommandParameterSetInfo set)
    {
        var parameters = set.Parameters
            .Where(p => !CommonParameters.Contains(p.Name))
            .OrderBy(p => p.Position >= 0 ? p.Position : int.MaxValue)
            .Select(p =>
            {
                var name = p.Position >= 0 ? $"[-{p.Name}]" : $"-{p.Name}";
                var text = p.ParameterType == typeof(SwitchParameter) ? name : $"{name} <{p.ParameterType.Name}>";
                return p.IsMandatory ? text : $"[{text}]";
            });
        return string.Join(" ", new[] { cmdletName }.Concat(parameters).Append("[<CommonParameters>]"));
    }

    private static string Describe(CmdletInfo command, ParameterMetadata parameter)
    {
        var sets = parameter.ParameterSets;
        var setNames = sets.ContainsKey(AllSetsName) ? new[] { ParameterHelp.AllSets } : sets.Keys.OrderBy(name => name).ToArray();
        var byValue = sets.Values.Any(set => set.ValueFromPipeline);
        var byName = sets.Values.Any(set => set.ValueFromPipelineByPropertyName);
        var pipeline = byValue || byName
            ? $"True ({string.Join(", ", new[] { byName ? "ByPropertyName" : null, byValue ? "ByValue" : null }.Where(kind => kind != null))})"
            : "False";
        var positions = sets.Values.Select(set => set.Position).Distinct().ToList();
        var position = positions.Count == 1 && positions[0] >= 0 ? positions[0].ToString() : "Named";
        return Describe(parameter.Name, parameter.ParameterType.Name, setNames, parameter.Aliases.OrderBy(a => a), Required(command, parameter), position, pipeline);
    }

    private static string Describe(ParameterHelp parameter) =>
        Describe(parameter.Name, parameter.Type, parameter.ParameterSets.OrderBy(name => name), parameter.Aliases.OrderBy(a => a), parameter.Required, parameter.Position, parameter.PipelineInput);

    private static string Describe(string name, string type, IEnumerable<string> sets, IEnumerable<string> aliases, string required, string position, string pipeline) =>
        $"-{name}: Type: {type}; Parameter Sets: {string.Join(", ", sets)}; Aliases: {string.Join(", ", aliases)}; Required: {required}; Position: {position}; Accept pipeline input: {pipeline}";

    /// <summary>"True" or "False" when the same in every set the parameter is in, else per set: "True (A), False (B)".</summary>
    private static string Required(CmdletInfo command, ParameterMetadata parameter)
    {
        var bySet = command.ParameterSets
            .Where(set => set.Parameters.Any(p => p.Name == parameter.Name))
            .GroupBy(set => set.Parameters.Single(p => p.Name == parameter.Name).IsMandatory, set => set.Name)
            .OrderByDescending(group => group.Key)
            .ToList();
        return bySet.Count == 1
            ? bySet[0].Key.ToString()
            : string.Join(", ", bySet.Select(group => $"{group.Key} ({string.Join(", ", group.OrderBy(name => name))})"));
    }

    private CmdletInfo Command(string cmdletName) =>
        Assert.IsType<CmdletInfo>(session.Run("Get-Command -Name $cmdletName -Module NotionPS", new Dictionary<string, object?> { ["cmdletName"] = cmdletName }).Output.Single().BaseObject);
}
