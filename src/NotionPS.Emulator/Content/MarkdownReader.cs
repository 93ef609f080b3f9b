using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Endpoints;

namespace NotionPS.Emulator.Content;

/// <summary>
/// Reads Notion's enhanced Markdown into blocks in the shape the API takes them (then validated like any
/// request's blocks). One line is one block; a line indented one tab deeper than a block is its child. What the
/// guide gives a form for is read; a construct the emulator cannot store (a child page tag) is a 400 naming the
/// line, never dropped.
/// </summary>
public static partial class MarkdownReader
{
    /// <summary>Notion's limit on the text of one rich-text item; longer text is split into several items.</summary>
    private const int MaxTextLength = 2000;

    public static IReadOnlyList<BlockDraft> Read(string markdown, string path)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var index = 0;
        var blocks = ReadBlocks(lines, ref index, 0, path);
        return BlockRequest.ReadConverted(blocks, path);
    }

    private static JsonArray ReadBlocks(string[] lines, ref int index, int depth, string path)
    {
        var blocks = new JsonArray();
        while (index < lines.Length)
        {
            var line = lines[index];
            if (line.Trim().Length == 0)
            {
                index++;
                continue;
            }

            var indent = line.TakeWhile(c => c == '\t').Count();
            if (indent < depth)
            {
                break;
            }

            if (indent > depth)
            {
                var parent = blocks.Count > 0
                    ? blocks[^1]!.AsObject()
                    : throw Refused(path, index, "an indented line has no block above it to belong to");
                var children = ReadBlocks(lines, ref index, depth + 1, path);

                var content = parent[parent["type"]!.GetValue<string>()]!.AsObject();
                var existing = content["children"] as JsonArray ?? [];
                foreach (var child in children.ToList())
                {
                    children.Remove(child);
                    existing.Add(child);
                }

                content["children"] = existing;
                continue;
            }

            blocks.Add(ReadBlock(lines, ref index, depth, line[indent..], path));
        }

        return blocks;
    }

    private static JsonObject ReadBlock(string[] lines, ref int index, int depth, string text, string path)
    {
        var start = index;
        index++;
        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            var code = new List<string>();
            while (index < lines.Length && Strip(lines[index], depth) != "```")
            {
                code.Add(Strip(lines[index], depth));
                index++;
            }

            if (index == lines.Length)
            {
                throw Refused(path, start, "a code block is not closed with ```");
            }

            index++;
            var language = text[3..].Trim().ToLowerInvariant();
            return Block("code", new JsonObject
            {
                ["rich_text"] = Plain(string.Join("\n", code)),
                ["language"] = BlockRequest.CodeLanguages.Contains(language) ? language : "plain text",
            });
        }

        if (text.StartsWith("<details", StringComparison.Ordinal))
        {
            var summary = index < lines.Length ? SummaryTag().Match(Strip(lines[index], depth)) : Match.Empty;
            if (!summary.Success)
            {
                throw Refused(path, start, "<details> must be followed by <summary>text</summary> on the next line");
            }

            index++;
            var toggle = Block("toggle", Attributed(new JsonObject { ["rich_text"] = Inline(summary.Groups[1].Value) }, text));
            return Closed(lines, ref index, depth, toggle, "</details>", path, start);
        }

        if (text.StartsWith("<callout", StringComparison.Ordinal))
        {
            var callout = new JsonObject { ["rich_text"] = new JsonArray() };
            if (AttributeValue(text, "icon") is { } icon)
            {
                callout["icon"] = new JsonObject { ["type"] = "emoji", ["emoji"] = icon };
            }

            var block = Closed(lines, ref index, depth, Block("callout", Attributed(callout, text)), "</callout>", path, start);
            // The first indented line is the callout's own text; the rest are its children.
            if (callout["children"] is JsonArray { Count: > 0 } children && children[0]!["type"]!.GetValue<string>() == "paragraph")
            {
                var first = children[0]!["paragraph"]!.AsObject();
                callout["rich_text"] = first["rich_text"]!.DeepClone();
                children.RemoveAt(0);
                foreach (var grandchild in (first["children"] as JsonArray ?? []).ToList())
                {
                    first["children"]!.AsArray().Remove(grandchild);
                    children.Insert(0, grandchild);
                }
            }

            return block;
        }

        if (text.StartsWith("<table", StringComparison.Ordinal))
        {
            return Table(lines, ref index, depth, text, path, start);
        }

        if (text.StartsWith('|'))
        {
            return PipeTable(lines, ref index, depth, text);
        }

        if (text is "---" or "***" or "___")
        {
            return Block("divider", []);
        }

        if (text == "<empty-block/>")
        {
            return Block("paragraph", new JsonObject { ["rich_text"] = new JsonArray() });
        }

        if (text.StartsWith("<page", StringComparison.Ordinal) || text.StartsWith("<database", StringComparison.Ordinal))
        {
            throw Refused(path, start, "child pages and databases are created with POST /v1/pages, not through Markdown");
        }

        if (text.StartsWith("<unknown", StringComparison.Ordinal))
        {
            throw Refused(path, start, "an <unknown/> tag stands for a block Markdown cannot show and cannot be written back");
        }

        if (ImageLine().Match(text) is { Success: true } image)
        {
            return Block("image", new JsonObject
            {
                ["type"] = "external",
                ["external"] = new JsonObject { ["url"] = image.Groups[2].Value },
                ["caption"] = Inline(image.Groups[1].Value),
            });
        }

        if (FileLine().Match(text) is { Success: true } file)
        {
            return Block("file", new JsonObject
            {
                ["type"] = "external",
                ["external"] = new JsonObject { ["url"] = file.Groups[1].Value },
                ["caption"] = Inline(file.Groups[2].Value),
            });
        }

        if (Heading().Match(text) is { Success: true } heading)
        {
            var level = Math.Min(heading.Groups[1].Length, 3);
            var content = Attributed(new JsonObject(), heading.Groups[2].Value, out var body);
            content["rich_text"] = Inline(body);
            if (AttributeValue(heading.Groups[2].Value, "toggle") == "true")
            {
                content["is_toggleable"] = true;
            }

            return Block($"heading_{level}", content);
        }

        if (ToDo().Match(text) is { Success: true } toDo)
        {
            var content = TextBlock(toDo.Groups[2].Value);
            content["checked"] = toDo.Groups[1].Value is "x" or "X";
            return Block("to_do", content);
        }

        if (Bullet().Match(text) is { Success: true } bullet)
        {
            return Block("bulleted_list_item", TextBlock(bullet.Groups[1].Value));
        }

        if (Numbered().Match(text) is { Success: true } numbered)
        {
            return Block("numbered_list_item", TextBlock(numbered.Groups[1].Value));
        }

        return text.StartsWith("> ", StringComparison.Ordinal) || text == ">"
            ? Block("quote", TextBlock(text.Length > 2 ? text[2..] : ""))
            : Block("paragraph", TextBlock(text));
    }

    /// <summary>Reads the indented children of a tag block up to its closing tag.</summary>
    private static JsonObject Closed(string[] lines, ref int index, int depth, JsonObject block, string closing, string path, int start)
    {
        var children = ReadBlocks(lines, ref index, depth + 1, path);
        if (index >= lines.Length || Strip(lines[index], depth) != closing)
        {
            throw Refused(path, start, $"the tag opened here is not closed with {closing} at the same indentation");
        }

        index++;
        if (children.Count > 0)
        {
            block[block["type"]!.GetValue<string>()]!["children"] = children;
        }

        return block;
    }

    private static JsonObject Table(string[] lines, ref int index, int depth, string text, string path, int start)
    {
        var rows = new JsonArray();
        JsonArray? cells = null;
        while (index < lines.Length && Strip(lines[index], depth) != "</table>")
        {
            var line = lines[index].Trim();
            index++;
            if (line == "<tr>")
            {
                cells = [];
            }
            else if (line == "</tr>" && cells is not null)
            {
                rows.Add(Block("table_row", new JsonObject { ["cells"] = cells }));
                cells = null;
            }
            else if (CellTag().Match(line) is { Success: true } cell && cells is not null)
            {
                cells.Add(Inline(cell.Groups[1].Value));
            }
            else if (line.Length > 0)
            {
                throw Refused(path, index - 1, "inside <table> only <tr>, <td>...</td> and </tr> lines are read");
            }
        }

        if (index == lines.Length)
        {
            throw Refused(path, start, "<table> is not closed with </table>");
        }

        index++;
        return TableBlock(rows, AttributeValue(text, "header-row") == "true", AttributeValue(text, "header-column") == "true");
    }

    /// <summary>A GitHub-style pipe table; the row before a <c>|---|</c> line is the header row.</summary>
    private static JsonObject PipeTable(string[] lines, ref int index, int depth, string first)
    {
        var rowTexts = new List<string> { first };
        while (index < lines.Length && Strip(lines[index], depth).StartsWith('|'))
        {
            rowTexts.Add(Strip(lines[index], depth));
            index++;
        }

        var header = rowTexts.Count > 1 && Separator().IsMatch(rowTexts[1]);
        var rows = new JsonArray();
        foreach (var row in rowTexts.Where((_, i) => !(header && i == 1)))
        {
            var cells = PipeCell().Matches(row.Trim().Trim('|')).Select(m => (JsonNode)Inline(m.Value.Trim()));
            rows.Add(Block("table_row", new JsonObject { ["cells"] = new JsonArray([.. cells]) }));
        }

        return TableBlock(rows, header, false);
    }

    private static JsonObject TableBlock(JsonArray rows, bool headerRow, bool headerColumn) => Block("table", new JsonObject
    {
        ["table_width"] = rows.Count == 0 ? 0 : rows[0]!["table_row"]!["cells"]!.AsArray().Count,
        ["has_column_header"] = headerRow,
        ["has_row_header"] = headerColumn,
        ["children"] = rows,
    });

    private static JsonObject TextBlock(string text)
    {
        var content = Attributed(new JsonObject(), text, out var body);
        content["rich_text"] = Inline(body);
        return content;
    }

    /// <summary>Takes a trailing <c>{color="..."}</c> attribute list off a line into the block's color.</summary>
    private static JsonObject Attributed(JsonObject content, string text, out string body)
    {
        var attributes = TrailingAttributes().Match(text);
        body = attributes.Success ? text[..attributes.Index] : text;
        if (attributes.Success && AttributeValue(attributes.Value, "color") is { } color)
        {
            content["color"] = color;
        }

        return content;
    }

    private static JsonObject Attributed(JsonObject content, string tag)
    {
        if (AttributeValue(tag, "color") is { } color)
        {
            content["color"] = color;
        }

        return content;
    }

    private static string? AttributeValue(string text, string name) =>
        Regex.Match(text, $@"\b{Regex.Escape(name)}=""([^""]*)""") is { Success: true } match ? match.Groups[1].Value : null;

    private static JsonObject Block(string type, JsonObject content) => new() { ["type"] = type, [type] = content };

    private static string Strip(string line, int depth) =>
        line.Length >= depth && line.Take(depth).All(c => c == '\t') ? line[depth..] : line.TrimStart('\t');

    private static NotionException Refused(string path, int lineIndex, string why) =>
        NotionException.Validation($"body failed validation: {path} line {lineIndex + 1}: {why}.");

    private static JsonArray Plain(string text) => Items([(text, null, new Style())]);

    /// <summary>Inline enhanced Markdown: **bold**, *italic*, ~~strike~~, `code`, [links](url), &lt;span&gt; underline and color, &lt;br&gt;, backslash escapes.</summary>
    public static JsonArray Inline(string text)
    {
        var runs = new List<(string Text, string? Link, Style Style)>();
        ReadInline(text, null, new Style(), runs);
        return Items(runs);
    }

    private static void ReadInline(string text, string? link, Style style, List<(string, string?, Style)> runs)
    {
        var current = new StringBuilder();
        var spans = new Stack<Style>();
        void Flush()
        {
            if (current.Length > 0)
            {
                runs.Add((current.ToString(), link, style));
                current.Clear();
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            var rest = text.AsSpan(i);
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                current.Append(text[++i]);
            }
            else if (text[i] == '`' && text.IndexOf('`', i + 1) is var end and > 0)
            {
                Flush();
                runs.Add((text[(i + 1)..end], link, style with { Code = true }));
                i = end;
            }
            else if (rest.StartsWith("**"))
            {
                Flush();
                style = style with { Bold = !style.Bold };
                i++;
            }
            else if (rest.StartsWith("~~"))
            {
                Flush();
                style = style with { Strikethrough = !style.Strikethrough };
                i++;
            }
            else if (text[i] == '*')
            {
                Flush();
                style = style with { Italic = !style.Italic };
            }
            else if (rest.StartsWith("<br>"))
            {
                current.Append('\n');
                i += 3;
            }
            else if (SpanOpen().Match(text, i) is { Success: true } span && span.Index == i)
            {
                Flush();
                spans.Push(style);
                style = AttributeValue(span.Value, "underline") == "true" ? style with { Underline = true } : style;
                style = AttributeValue(span.Value, "color") is { } color ? style with { Color = color } : style;
                i += span.Length - 1;
            }
            else if (rest.StartsWith("</span>") && spans.Count > 0)
            {
                Flush();
                style = spans.Pop();
                i += "</span>".Length - 1;
            }
            else if (text[i] == '[' && LinkAt().Match(text, i) is { Success: true } linked && linked.Index == i)
            {
                Flush();
                ReadInline(linked.Groups[1].Value, linked.Groups[2].Value, style, runs);
                i += linked.Length - 1;
            }
            else
            {
                current.Append(text[i]);
            }
        }

        Flush();
    }

    private static JsonArray Items(IEnumerable<(string Text, string? Link, Style Style)> runs)
    {
        var items = new JsonArray();
        foreach (var (text, link, style) in runs)
        {
            for (var start = 0; start < text.Length; start += MaxTextLength)
            {
                items.Add(new JsonObject
                {
                    ["type"] = "text",
                    ["text"] = new JsonObject
                    {
                        ["content"] = text.Substring(start, Math.Min(MaxTextLength, text.Length - start)),
                        ["link"] = link is null ? null : new JsonObject { ["url"] = link },
                    },
                    ["annotations"] = new JsonObject
                    {
                        ["bold"] = style.Bold,
                        ["italic"] = style.Italic,
                        ["strikethrough"] = style.Strikethrough,
                        ["underline"] = style.Underline,
                        ["code"] = style.Code,
                        ["color"] = style.Color,
                    },
                });
            }
        }

        return items;
    }

    private readonly record struct Style(bool Bold, bool Italic, bool Strikethrough, bool Underline, bool Code, string Color = "default")
    {
        public Style() : this(false, false, false, false, false)
        {
        }
    }

    [GeneratedRegex(@"^<summary>(.*)</summary>$")]
    private static partial Regex SummaryTag();

    [GeneratedRegex(@"^<td>(.*)</td>$")]
    private static partial Regex CellTag();

    [GeneratedRegex(@"^!\[(.*)\]\((\S+)\)$")]
    private static partial Regex ImageLine();

    [GeneratedRegex(@"^<file src=""([^""]+)"">(.*)</file>$")]
    private static partial Regex FileLine();

    [GeneratedRegex(@"^(#{1,6}) (.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[-*+] \[([ xX])\] ?(.*)$")]
    private static partial Regex ToDo();

    [GeneratedRegex(@"^[-*+] (.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\d+\. (.*)$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"\s*\{(\s*[a-z-]+=""[^""]*"")+\s*\}$")]
    private static partial Regex TrailingAttributes();

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"(\\\||[^|])+")]
    private static partial Regex PipeCell();

    [GeneratedRegex(@"<span(\s+[a-z-]+=""[^""]*"")+>")]
    private static partial Regex SpanOpen();

    [GeneratedRegex(@"\[((?:\\.|[^\]])*)\]\(([^)\s]+)\)")]
    private static partial Regex LinkAt();
}
