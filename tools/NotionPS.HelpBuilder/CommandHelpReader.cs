using System.Text.RegularExpressions;

namespace NotionPS.HelpBuilder;

/// <summary>
/// Reads a cmdlet's help file in platyPS's markdown layout (schema 2.0.0): front matter, "# Name",
/// then the sections SYNOPSIS, SYNTAX, DESCRIPTION, EXAMPLES, PARAMETERS, INPUTS, OUTPUTS, NOTES and
/// RELATED LINKS. Structure errors name the file and line; whether the content is complete is for the
/// help tests to judge against the cmdlets themselves.
/// </summary>
public static partial class CommandHelpReader
{
    private static readonly string[] RequiredSections = ["SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "RELATED LINKS"];

    public static CommandHelp ReadFile(string path) => Read(File.ReadAllLines(path), Path.GetFileName(path));

    public static CommandHelp Read(IReadOnlyList<string> lines, string file)
    {
        var (frontMatter, bodyStart) = FrontMatter(lines, file);
        var blocks = MarkdownBlocks.Parse(lines.Skip(bodyStart).ToList(), file, bodyStart + 1);
        if (blocks.FirstOrDefault() is not HeadingBlock { Level: 1 } title)
        {
            throw new HelpFormatException(file, bodyStart + 1, "The help must start with '# <Verb-Noun>' after the front matter.");
        }

        var sections = Sections(blocks.Skip(1).ToList(), file);
        foreach (var required in RequiredSections.Where(name => !sections.ContainsKey(name)))
        {
            throw new HelpFormatException(file, title.Line, $"The section '## {required}' is missing.");
        }

        return new CommandHelp(
            title.Text,
            string.Join(" ", Paragraphs(sections["SYNOPSIS"])),
            Paragraphs(sections["DESCRIPTION"]),
            Syntax(sections["SYNTAX"], file),
            Parameters(sections["PARAMETERS"], file),
            Types(sections["INPUTS"], file),
            Types(sections["OUTPUTS"], file),
            sections.TryGetValue("NOTES", out var notes) ? Paragraphs(notes) : [],
            Examples(sections["EXAMPLES"], file),
            Links(sections["RELATED LINKS"]),
            frontMatter.GetValueOrDefault("online version"));
    }

    private static (Dictionary<string, string> Values, int BodyStart) FrontMatter(IReadOnlyList<string> lines, string file)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (lines.Count == 0 || lines[0].Trim() != "---")
        {
            return (values, 0);
        }

        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Trim() == "---")
            {
                return (values, i + 1);
            }

            var colon = lines[i].IndexOf(':');
            if (colon > 0)
            {
                values[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
            }
        }

        throw new HelpFormatException(file, 1, "The front matter (---) is never closed.");
    }

    private static Dictionary<string, List<MarkdownBlock>> Sections(IReadOnlyList<MarkdownBlock> blocks, string file)
    {
        var sections = new Dictionary<string, List<MarkdownBlock>>(StringComparer.Ordinal);
        List<MarkdownBlock>? current = null;
        foreach (var block in blocks)
        {
            if (block is HeadingBlock { Level: <= 2 } heading)
            {
                if (heading.Level == 1 || !sections.TryAdd(heading.Text, current = []))
                {
                    throw new HelpFormatException(file, heading.Line, $"Unexpected or repeated heading '{heading.Text}'.");
                }
            }
            else if (current == null)
            {
                throw new HelpFormatException(file, block.Line, "Text before the first '## ' section.");
            }
            else
            {
                current.Add(block);
            }
        }

        return sections;
    }

    /// <summary>The "### " subsections of a section, each with the blocks under it.</summary>
    private static IEnumerable<(HeadingBlock Heading, List<MarkdownBlock> Blocks)> Subsections(IReadOnlyList<MarkdownBlock> blocks, string file)
    {
        (HeadingBlock Heading, List<MarkdownBlock> Blocks)? current = null;
        foreach (var block in blocks)
        {
            if (block is HeadingBlock { Level: 3 } heading)
            {
                if (current != null)
                {
                    yield return current.Value;
                }

                current = (heading, []);
            }
            else if (current == null)
            {
                throw new HelpFormatException(file, block.Line, "Expected a '### ' heading here.");
            }
            else
            {
                current.Value.Blocks.Add(block);
            }
        }

        if (current != null)
        {
            yield return current.Value;
        }
    }

    private static List<string> Paragraphs(IEnumerable<MarkdownBlock> blocks) => blocks.OfType<ParagraphBlock>().Select(p => p.Text).ToList();

    private static List<SyntaxSet> Syntax(IReadOnlyList<MarkdownBlock> blocks, string file) =>
        Subsections(blocks, file).Select(sub =>
        {
            const string DefaultMark = "(Default)";
            var isDefault = sub.Heading.Text.EndsWith(DefaultMark, StringComparison.Ordinal);
            var name = isDefault ? sub.Heading.Text[..^DefaultMark.Length].Trim() : sub.Heading.Text;
            var code = sub.Blocks.OfType<CodeBlock>().FirstOrDefault()
                ?? throw new HelpFormatException(file, sub.Heading.Line, $"The syntax of '{name}' needs a code block.");
            return new SyntaxSet(name, isDefault, code.Code.Trim());
        }).ToList();

    private static List<ParameterHelp> Parameters(IReadOnlyList<MarkdownBlock> blocks, string file) =>
        Subsections(blocks, file)
            .Where(sub => sub.Heading.Text != "CommonParameters")
            .Select(sub =>
            {
                if (!sub.Heading.Text.StartsWith('-'))
                {
                    throw new HelpFormatException(file, sub.Heading.Line, "A parameter heading is '### -Name'.");
                }

                var yaml = sub.Blocks.OfType<CodeBlock>().FirstOrDefault(code => code.Language == "yaml")
                    ?? throw new HelpFormatException(file, sub.Heading.Line, $"Parameter {sub.Heading.Text} needs a ```yaml block (Type, Parameter Sets, Required, ...).");
                var fields = yaml.Code.Split('\n')
                    .Select(line => line.Split(':', 2))
                    .Where(pair => pair.Length == 2)
                    .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
                string Field(string key) => fields.TryGetValue(key, out var value) && value.Length > 0
                    ? value
                    : throw new HelpFormatException(file, yaml.Line, $"Parameter {sub.Heading.Text}: the yaml block has no '{key}'.");
                static List<string> List(string? value) => (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

                return new ParameterHelp(
                    sub.Heading.Text[1..],
                    Paragraphs(sub.Blocks),
                    Field("Type"),
                    List(Field("Parameter Sets")),
                    List(fields.GetValueOrDefault("Aliases")),
                    Field("Required"),
                    Field("Position"),
                    fields.GetValueOrDefault("Default value") is { Length: > 0 } defaultValue ? defaultValue : "None",
                    Field("Accept pipeline input"),
                    bool.TryParse(fields.GetValueOrDefault("Accept wildcard characters"), out var wildcards) && wildcards);
            }).ToList();

    private static List<TypeHelp> Types(IReadOnlyList<MarkdownBlock> blocks, string file) =>
        Subsections(blocks, file).Select(sub => new TypeHelp(sub.Heading.Text, Paragraphs(sub.Blocks))).ToList();

    private static List<ExampleHelp> Examples(IReadOnlyList<MarkdownBlock> blocks, string file) =>
        Subsections(blocks, file).Select(sub =>
        {
            var code = sub.Blocks.OfType<CodeBlock>().FirstOrDefault()
                ?? throw new HelpFormatException(file, sub.Heading.Line, $"Example '{sub.Heading.Text}' needs a code block.");
            return new ExampleHelp(sub.Heading.Text, code.Code.Trim(), Paragraphs(sub.Blocks));
        }).ToList();

    private static List<LinkHelp> Links(IReadOnlyList<MarkdownBlock> blocks) =>
        Paragraphs(blocks)
            .SelectMany(text => MarkdownLink().Matches(text))
            .Select(match => new LinkHelp(match.Groups["text"].Value, IsAbsolute(match.Groups["uri"].Value) ? match.Groups["uri"].Value : string.Empty))
            .ToList();

    private static bool IsAbsolute(string uri) => Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https";

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<uri>[^)\s]*)\)")]
    private static partial Regex MarkdownLink();
}
