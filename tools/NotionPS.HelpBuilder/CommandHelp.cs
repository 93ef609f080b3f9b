namespace NotionPS.HelpBuilder;

/// <summary>One cmdlet's help, as read from its platyPS-style markdown file.</summary>
public sealed record CommandHelp(
    string Name,
    string Synopsis,
    IReadOnlyList<string> Description,
    IReadOnlyList<SyntaxSet> Syntax,
    IReadOnlyList<ParameterHelp> Parameters,
    IReadOnlyList<TypeHelp> Inputs,
    IReadOnlyList<TypeHelp> Outputs,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ExampleHelp> Examples,
    IReadOnlyList<LinkHelp> Links,
    string? OnlineVersion);

/// <summary>A parameter set as the SYNTAX section names it (<c>### Token</c>, <c>### Environment (Default)</c>).</summary>
public sealed record SyntaxSet(string Name, bool IsDefault, string Line);

/// <summary>A parameter: its description and the metadata of its yaml block.</summary>
public sealed record ParameterHelp(
    string Name,
    IReadOnlyList<string> Description,
    string Type,
    IReadOnlyList<string> ParameterSets,
    IReadOnlyList<string> Aliases,
    string Required,
    string Position,
    string DefaultValue,
    string PipelineInput,
    bool AcceptsWildcards)
{
    public const string AllSets = "(All)";

    public bool IsSwitch => Type == "SwitchParameter";

    public bool IsIn(string setName) => ParameterSets.Contains(AllSets) || ParameterSets.Contains(setName, StringComparer.OrdinalIgnoreCase);

    /// <summary>"True", "False", or per set as platyPS writes it: "True (Token), False (Environment)".</summary>
    public bool IsRequiredIn(string setName)
    {
        if (bool.TryParse(Required, out var everywhere))
        {
            return everywhere;
        }

        foreach (var part in Required.Split("),", StringSplitOptions.TrimEntries))
        {
            var open = part.IndexOf('(');
            if (open > 0 && part[(open + 1)..].TrimEnd(')').Split(',', StringSplitOptions.TrimEntries).Contains(setName, StringComparer.OrdinalIgnoreCase))
            {
                return bool.Parse(part[..open].Trim());
            }
        }

        return false;
    }
}

/// <summary>An entry of INPUTS or OUTPUTS: a type name and what it means here.</summary>
public sealed record TypeHelp(string TypeName, IReadOnlyList<string> Description);

public sealed record ExampleHelp(string Title, string Code, IReadOnlyList<string> Remarks);

/// <summary>A related link; <see cref="Uri"/> is empty for a link to another help file in docs/.</summary>
public sealed record LinkHelp(string Text, string Uri);

/// <summary>A help source that does not follow the layout; the build reports it as an error at that line.</summary>
public sealed class HelpFormatException(string file, int line, string message) : Exception(message)
{
    public string File { get; } = file;

    public int Line { get; } = line;
}
