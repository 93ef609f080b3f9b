using System.Text;

namespace NotionPS.HelpBuilder;

/// <summary>The few markdown blocks help files use: headings, paragraphs (and lists) and fenced code.</summary>
public abstract record MarkdownBlock(int Line);

public sealed record HeadingBlock(int Line, int Level, string Text) : MarkdownBlock(Line);

public sealed record ParagraphBlock(int Line, string Text) : MarkdownBlock(Line);

public sealed record CodeBlock(int Line, string Language, string Code) : MarkdownBlock(Line);

public static class MarkdownBlocks
{
    /// <summary>
    /// Splits markdown into blocks. Lines inside a code fence are never headings (a PowerShell comment
    /// starts with '#'). A paragraph's lines are joined with spaces, except list items, which keep
    /// their own line so Get-Help shows them as a list.
    /// </summary>
    public static IReadOnlyList<MarkdownBlock> Parse(IReadOnlyList<string> lines, string file, int firstLine = 1)
    {
        var blocks = new List<MarkdownBlock>();
        var paragraph = new StringBuilder();
        var paragraphLine = 0;

        void EndParagraph()
        {
            if (paragraph.Length > 0)
            {
                blocks.Add(new ParagraphBlock(paragraphLine, paragraph.ToString()));
                paragraph.Clear();
            }
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var lineNumber = firstLine + i;
            var trimmed = line.Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                EndParagraph();
                var language = trimmed[3..].Trim();
                var code = new List<string>();
                for (i++; i < lines.Count && !lines[i].Trim().StartsWith("```", StringComparison.Ordinal); i++)
                {
                    code.Add(lines[i]);
                }

                if (i == lines.Count)
                {
                    throw new HelpFormatException(file, lineNumber, "A code fence (```) is never closed.");
                }

                blocks.Add(new CodeBlock(lineNumber, language, string.Join("\n", code)));
            }
            else if (trimmed.StartsWith('#'))
            {
                EndParagraph();
                var level = trimmed.TakeWhile(c => c == '#').Count();
                blocks.Add(new HeadingBlock(lineNumber, level, trimmed[level..].Trim()));
            }
            else if (trimmed.Length == 0)
            {
                EndParagraph();
            }
            else
            {
                if (paragraph.Length == 0)
                {
                    paragraphLine = lineNumber;
                }
                else
                {
                    paragraph.Append(IsListItem(trimmed) ? '\n' : ' ');
                }

                paragraph.Append(trimmed);
            }
        }

        EndParagraph();
        return blocks;
    }

    private static bool IsListItem(string line) =>
        line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal)
        || (line.Length > 2 && char.IsDigit(line[0]) && line.IndexOf(". ", StringComparison.Ordinal) is > 0 and < 4);
}
