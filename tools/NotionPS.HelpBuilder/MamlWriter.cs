using System.Xml.Linq;

namespace NotionPS.HelpBuilder;

/// <summary>Writes commands' help as MAML, the XML that Get-Help reads for a binary module (NotionPS.dll-Help.xml).</summary>
public static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static XDocument Write(IEnumerable<CommandHelp> commands) =>
        new(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                Msh + "helpItems",
                new XAttribute("schema", "maml"),
                commands.OrderBy(command => command.Name, StringComparer.Ordinal).Select(CommandElement)));

    private static XElement CommandElement(CommandHelp help)
    {
        var dash = help.Name.IndexOf('-');
        return new XElement(
            Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XElement(
                Command + "details",
                new XElement(Command + "name", help.Name),
                new XElement(Command + "verb", dash > 0 ? help.Name[..dash] : help.Name),
                new XElement(Command + "noun", dash > 0 ? help.Name[(dash + 1)..] : string.Empty),
                Description([help.Synopsis])),
            Description(help.Description),
            new XElement(Command + "syntax", help.Syntax.Select(set => SyntaxItem(help, set))),
            new XElement(Command + "parameters", help.Parameters.Select(parameter => ParameterElement(parameter, parameter.Required.StartsWith("True", StringComparison.OrdinalIgnoreCase)))),
            new XElement(Command + "inputTypes", help.Inputs.Select(input => TypeElement(Command + "inputType", input))),
            new XElement(Command + "returnValues", help.Outputs.Select(output => TypeElement(Command + "returnValue", output))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(help.Notes))),
            new XElement(Command + "examples", help.Examples.Select(ExampleElement)),
            new XElement(Command + "relatedLinks", LinkElements(help)));
    }

    private static XElement SyntaxItem(CommandHelp help, SyntaxSet set) =>
        new(
            Command + "syntaxItem",
            new XElement(Maml + "name", help.Name),
            help.Parameters.Where(parameter => parameter.IsIn(set.Name)).Select(parameter => ParameterElement(parameter, parameter.IsRequiredIn(set.Name))));

    private static XElement ParameterElement(ParameterHelp parameter, bool required) =>
        new(
            Command + "parameter",
            new XAttribute("required", Lower(required)),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", Lower(parameter.AcceptsWildcards)),
            new XAttribute("pipelineInput", parameter.PipelineInput),
            new XAttribute("position", parameter.Position.Equals("Named", StringComparison.OrdinalIgnoreCase) ? "named" : parameter.Position),
            new XAttribute("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases)),
            new XElement(Maml + "name", parameter.Name),
            Description(parameter.Description),
            // Get-Help shows "<Type>" after a parameter from parameterValue; a switch takes no value.
            parameter.IsSwitch ? null : new XElement(Command + "parameterValue", new XAttribute("required", "true"), new XAttribute("variableLength", "false"), parameter.Type),
            new XElement(Dev + "type", new XElement(Maml + "name", parameter.Type), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", parameter.DefaultValue));

    private static XElement TypeElement(XName name, TypeHelp type) =>
        new(name, new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)), Description(type.Description));

    private static XElement ExampleElement(ExampleHelp example) =>
        new(
            Command + "example",
            new XElement(Maml + "title", $"--------- {example.Title} ---------"),
            new XElement(Dev + "code", example.Code),
            new XElement(Dev + "remarks", Paragraphs(example.Remarks)));

    private static IEnumerable<XElement> LinkElements(CommandHelp help)
    {
        if (help.OnlineVersion is { Length: > 0 } online)
        {
            yield return Link("Online Version:", online);
        }

        foreach (var link in help.Links.Where(link => link.Uri != help.OnlineVersion))
        {
            yield return Link(link.Text, link.Uri);
        }
    }

    private static XElement Link(string text, string uri) =>
        new(Maml + "navigationLink", new XElement(Maml + "linkText", text), new XElement(Maml + "uri", uri));

    private static XElement Description(IEnumerable<string> paragraphs) => new(Maml + "description", Paragraphs(paragraphs));

    private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs) => paragraphs.Select(text => new XElement(Maml + "para", text));

    private static string Lower(bool value) => value ? "true" : "false";
}
