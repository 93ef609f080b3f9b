using System.Linq;
using System.Xml.Linq;
using NotionPS.HelpBuilder;
using Xunit;

namespace NotionPS.Tests.Help;

/// <summary>The markdown-to-MAML conversion the module build runs on docs/.</summary>
public class HelpBuilderTests
{
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";

    private const string Source = """
        ---
        online version: https://example.test/docs/Set-Thing.md
        schema: 2.0.0
        ---

        # Set-Thing

        ## SYNOPSIS
        Sets a thing.

        ## SYNTAX

        ### ByName (Default)
        ```
        Set-Thing -Name <String> [-Force] [<CommonParameters>]
        ```

        ### ById
        ```
        Set-Thing [-Id] <Guid> [-Name <String>] [-Force] [<CommonParameters>]
        ```

        ## DESCRIPTION
        First paragraph
        goes on here.

        - one
        - two

        ## EXAMPLES

        ### Example 1: Set it
        ```powershell
        # A comment, not a heading
        Set-Thing -Name x
        ```

        Sets x.

        ## PARAMETERS

        ### -Name
        The name.

        ```yaml
        Type: String
        Parameter Sets: ByName, ById
        Aliases: N

        Required: True (ByName), False (ById)
        Position: Named
        Default value: None
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### -Id
        The ID.

        ```yaml
        Type: Guid
        Parameter Sets: ById
        Aliases:

        Required: True
        Position: 0
        Default value: None
        Accept pipeline input: True (ByPropertyName, ByValue)
        Accept wildcard characters: False
        ```

        ### -Force
        Do it anyway.

        ```yaml
        Type: SwitchParameter
        Parameter Sets: (All)
        Aliases:

        Required: False
        Position: Named
        Default value: False
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### CommonParameters
        The usual.

        ## INPUTS

        ### System.Guid
        An ID.

        ## OUTPUTS

        ### None
        Nothing.

        ## NOTES

        ## RELATED LINKS

        [Get-Thing](Get-Thing.md)

        [Things](https://example.test/things)
        """;

    private static CommandHelp Read(string text) => CommandHelpReader.Read(text.Split('\n'), "Set-Thing.md");

    [Fact]
    public void ReadsEverySection()
    {
        var help = Read(Source);

        Assert.Equal("Set-Thing", help.Name);
        Assert.Equal("Sets a thing.", help.Synopsis);
        Assert.Equal(["First paragraph goes on here.", "- one\n- two"], help.Description);
        Assert.Equal([new SyntaxSet("ByName", true, "Set-Thing -Name <String> [-Force] [<CommonParameters>]"), new SyntaxSet("ById", false, "Set-Thing [-Id] <Guid> [-Name <String>] [-Force] [<CommonParameters>]")], help.Syntax);
        Assert.Equal(["Name", "Id", "Force"], help.Parameters.Select(p => p.Name));
        Assert.Equal("True (ByPropertyName, ByValue)", help.Parameters[1].PipelineInput);
        Assert.Equal("System.Guid", help.Inputs.Single().TypeName);
        Assert.Equal([new LinkHelp("Get-Thing", ""), new LinkHelp("Things", "https://example.test/things")], help.Links);
        Assert.Equal("https://example.test/docs/Set-Thing.md", help.OnlineVersion);
    }

    [Fact]
    public void KeepsPowerShellCommentsInCodeAsCode()
    {
        var example = Read(Source).Examples.Single();

        Assert.Equal("# A comment, not a heading\nSet-Thing -Name x", example.Code);
        Assert.Equal(["Sets x."], example.Remarks);
    }

    [Theory]
    [InlineData("ByName", true)]
    [InlineData("ById", false)]
    public void ReadsRequiredPerParameterSet(string setName, bool required)
    {
        Assert.Equal(required, Read(Source).Parameters[0].IsRequiredIn(setName));
    }

    [Fact]
    public void WritesOneSyntaxItemPerSetWithThatSetsParameters()
    {
        var maml = MamlWriter.Write([Read(Source)]);

        var items = maml.Descendants(Command + "syntaxItem").ToList();
        Assert.Equal(["Name", "Force"], items[0].Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value));
        Assert.Equal(["true", "false"], items[0].Elements(Command + "parameter").Select(p => p.Attribute("required")!.Value));
        Assert.Equal(["Name", "Id", "Force"], items[1].Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value));
        Assert.Equal("false", items[1].Elements(Command + "parameter").First().Attribute("required")!.Value);
        Assert.Equal("0", items[1].Elements(Command + "parameter").ElementAt(1).Attribute("position")!.Value);
    }

    [Fact]
    public void GivesASwitchNoValue()
    {
        var maml = MamlWriter.Write([Read(Source)]);

        var parameters = maml.Descendants(Command + "parameters").Single().Elements(Command + "parameter").ToList();
        Assert.Null(parameters.Single(p => p.Element(Maml + "name")!.Value == "Force").Element(Command + "parameterValue"));
        Assert.Equal("Guid", parameters.Single(p => p.Element(Maml + "name")!.Value == "Id").Element(Command + "parameterValue")!.Value);
    }

    [Fact]
    public void PutsTheOnlineVersionFirstAmongTheLinks()
    {
        var maml = MamlWriter.Write([Read(Source)]);

        var links = maml.Descendants(Maml + "navigationLink").Select(link => (link.Element(Maml + "linkText")!.Value, link.Element(Maml + "uri")!.Value));
        Assert.Equal([("Online Version:", "https://example.test/docs/Set-Thing.md"), ("Get-Thing", ""), ("Things", "https://example.test/things")], links);
    }

    [Fact]
    public void NamesTheFileAndLineOfAMissingSection()
    {
        var error = Assert.Throws<HelpFormatException>(() => Read(Source.Replace("## OUTPUTS", "## OUTPUT")));

        Assert.Equal("Set-Thing.md", error.File);
        Assert.Equal(6, error.Line);
        Assert.Contains("'## OUTPUTS' is missing", error.Message);
    }

    [Fact]
    public void RefusesAParameterWithoutItsYamlBlock()
    {
        var error = Assert.Throws<HelpFormatException>(() => Read(Source.Replace("```yaml\nType: Guid", "```\nType: Guid")));

        Assert.Contains("Parameter -Id needs a ```yaml block", error.Message);
    }

    [Fact]
    public void RefusesAnUnclosedCodeFence()
    {
        const string LastCodeLine = "Set-Thing -Name x\n";
        var cutInsideTheFence = Source[..(Source.IndexOf(LastCodeLine, System.StringComparison.Ordinal) + LastCodeLine.Length)];

        var error = Assert.Throws<HelpFormatException>(() => Read(cutInsideTheFence));

        Assert.Contains("never closed", error.Message);
    }

    [Fact]
    public void WritesAnAboutTopicAsWrappedIndentedText()
    {
        var lines = """
            # about_Thing

            ## SHORT DESCRIPTION
            Things, explained at some length so that this sentence has to wrap onto a second line of text.

            ```powershell
            Get-Thing
            ```
            """.Split('\n');

        var (name, text) = AboutTopicWriter.Convert(lines, "about_Thing.md");

        Assert.Equal("about_Thing", name);
        Assert.Equal(
            "TOPIC\n    about_Thing\n\nSHORT DESCRIPTION\n"
            + "    Things, explained at some length so that this sentence has to wrap onto a\n"
            + "    second line of text.\n\n"
            + "        Get-Thing\n",
            text);
    }
}
