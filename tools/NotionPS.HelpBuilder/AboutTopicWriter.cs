using System.Text;

namespace NotionPS.HelpBuilder;

/// <summary>
/// Turns an about topic in platyPS's markdown layout ("# about_X", "## SHORT DESCRIPTION", ...) into the
/// plain text Get-Help about_X shows: section names in capitals, text indented and wrapped at 80 columns,
/// code kept as written.
/// </summary>
public static class AboutTopicWriter
{
    private const int Width = 80;
    private const string Indent = "    ";

    public static (string Name, string Text) Convert(IReadOnlyList<string> lines, string file)
    {
        var blocks = MarkdownBlocks.Parse(lines, file);
        if (blocks.FirstOrDefault() is not HeadingBlock { Level: 1 } title || !title.Text.StartsWith("about_", StringComparison.Ordinal))
        {
            throw new HelpFormatException(file, 1, "An about topic starts with '# about_<Name>'.");
        }

        var text = new StringBuilder().Append("TOPIC\n").Append(Indent).Append(title.Text).Append('\n');
        foreach (var block in blocks.Skip(1))
        {
            switch (block)
            {
                case HeadingBlock { Level: 2 } section:
                    EndWithBlankLine(text).Append(section.Text.ToUpperInvariant()).Append('\n');
                    break;
                case HeadingBlock subsection:
                    EndWithBlankLine(text).Append(Indent).Append(subsection.Text).Append('\n');
                    break;
                case ParagraphBlock paragraph:
                    foreach (var line in paragraph.Text.Split('\n'))
                    {
                        Wrap(text, line);
                    }

                    text.Append('\n');
                    break;
                case CodeBlock code:
                    foreach (var line in code.Code.Split('\n'))
                    {
                        text.Append(Indent).Append(Indent).Append(line).Append('\n');
                    }

                    text.Append('\n');
                    break;
            }
        }

        return (title.Text, text.ToString().TrimEnd('\n') + "\n");
    }

    private static StringBuilder EndWithBlankLine(StringBuilder text) =>
        text.Length >= 2 && text[^1] == '\n' && text[^2] == '\n' ? text : text.Append('\n');

    /// <summary>Wraps one line at word boundaries; a list item's continuation lines line up under its text.</summary>
    private static void Wrap(StringBuilder text, string line)
    {
        var hanging = line.StartsWith("- ", StringComparison.Ordinal) ? Indent + "  " : Indent;
        var current = new StringBuilder(Indent);
        foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length + word.Length + 1 > Width && current.ToString().Trim().Length > 0)
            {
                text.Append(current.ToString().TrimEnd()).Append('\n');
                current.Clear().Append(hanging);
            }

            current.Append(word).Append(' ');
        }

        text.Append(current.ToString().TrimEnd()).Append('\n');
    }
}
