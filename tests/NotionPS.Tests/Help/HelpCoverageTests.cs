using System.Collections.Generic;
using System;
using System.IO;
using System.Linq;
using NotionPS.HelpBuilder;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.Help;

/// <summary>
/// What Get-Help shows for each cmdlet from the staged module's MAML: a cmdlet or parameter without
/// help, or a cmdlet without examples, fails here.
/// </summary>
public sealed class HelpCoverageTests : IClassFixture<HelpCoverageTests.Session>
{
    /// <summary>One runspace for the class: importing the module for every case would be slow.</summary>
    public sealed class Session : IDisposable
    {
        public ModuleSession Module { get; } = new();

        public void Dispose() => Module.Dispose();
    }

    // Lists what is missing from one cmdlet's help, one line per gap, so a failure says all of it at once.
    private const string FindGaps = """
        $command = Get-Command -Name $cmdletName -Module NotionPS
        $help = Get-Help -Name $cmdletName -Full
        if (-not $help.description) { 'no description' }
        if ($help.Synopsis -like "*$cmdletName*[<CommonParameters>]*") { 'no synopsis (Get-Help made one up from the syntax)' }
        $common = [System.Management.Automation.Cmdlet]::CommonParameters
        foreach ($name in $command.Parameters.Keys | Where-Object { $common -notcontains $_ }) {
            $parameter = $help.parameters.parameter | Where-Object name -eq $name
            if (-not $parameter.description) { "parameter -$name has no description" }
        }
        $examples = @($help.examples.example | Where-Object { $_.code -and $_.remarks })
        if ($examples.Count -lt 2) { "$($examples.Count) examples with code and remarks, not 2" }
        if (-not $help.inputTypes.inputType.type.name) { 'no INPUTS' }
        $documentedOutputs = @($help.returnValues.returnValue.type.name)
        foreach ($output in $command.OutputType | ForEach-Object { $_.Name } | Where-Object { $_ -and $_ -ne 'System.Void' }) {
            if ($documentedOutputs -notcontains $output) { "OUTPUTS does not list $output" }
        }
        $online = $help.relatedLinks.navigationLink | Where-Object linkText -eq 'Online Version:'
        if ($online.uri -ne $command.HelpUri) { "Online Version is '$($online.uri)', HelpUri is '$($command.HelpUri)'" }
        if (@($help.relatedLinks.navigationLink).Count -lt 2) { 'no related links besides the online version' }
        """;

    private readonly ModuleSession session;

    public HelpCoverageTests(Session fixture) => session = fixture.Module;

    [Theory]
    [MemberData(nameof(HelpSources.Cmdlets), MemberType = typeof(HelpSources))]
    public void GetHelpShowsEveryPartOfTheHelp(string cmdletName)
    {
        var result = session.Run(FindGaps, new Dictionary<string, object?> { ["cmdletName"] = cmdletName });

        Assert.Empty(result.Errors);
        var gaps = result.Output.Select(gap => $"{cmdletName}: {gap}").ToList();
        Assert.True(gaps.Count == 0, string.Join("\n", gaps));
    }

    [Fact]
    public void EveryHelpSourceIsACmdletOfTheModule()
    {
        var sources = Directory.GetFiles(HelpSources.DocsFolder, "*.md").Where(HelpBuild.IsCommandHelp).Select(Path.GetFileNameWithoutExtension);

        Assert.Equal(HelpSources.CmdletNames, sources.OrderBy(name => name));
    }

    [Fact]
    public void TheAboutTopicIsStaged()
    {
        var topic = session.Run("Get-Help about_NotionPS").Output.Single().BaseObject;

        var text = Assert.IsType<string>(topic);
        Assert.StartsWith("TOPIC\n    about_NotionPS\n", text.ReplaceLineEndings("\n"));
        Assert.Contains("Connect-NotionIntegration -Token $token", text);
    }
}
