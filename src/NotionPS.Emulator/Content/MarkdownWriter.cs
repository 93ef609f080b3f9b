using System.Text;
using System.Text.Json.Nodes;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Content;

/// <summary>A page (or block subtree) as enhanced Markdown, with the blocks that could not be shown.</summary>
public sealed record PageMarkdown(string Markdown, bool Truncated, IReadOnlyList<Guid> UnknownBlockIds);

/// <summary>
/// Renders blocks as Notion's enhanced Markdown (its "Enhanced markdown" guide): children indented one tab
/// deeper, XML-like tags for callouts, toggles, tables, child pages and databases, <c>&lt;unknown/&gt;</c> for a
/// block Markdown cannot show. Past <c>blockLimit</c> rendered blocks the rest of the page is cut: each block not
/// reached becomes an <c>&lt;unknown/&gt;</c> tag, its ID is listed and <c>truncated</c> is true.
/// </summary>
public sealed class MarkdownWriter(NotionWorkspace workspace, Guid pageId, int blockLimit)
{
    /// <summary>The characters Notion escapes with a backslash outside code.</summary>
    private const string Escaped = "\\*~`$[]<>{}|^";

    private readonly StringBuilder _text = new();
    private readonly List<Guid> _unknown = [];
    private int _rendered;
    private bool _truncated;

    public PageMarkdown Write(IEnumerable<Block> blocks)
    {
        WriteBlocks(BlockTree.Live(workspace, blocks), 0);
        return new PageMarkdown(_text.ToString().TrimEnd('\n'), _truncated, _unknown);
    }

    public static string Inline(JsonNode? richText)
    {
        var text = new StringBuilder();
        foreach (var item in richText as JsonArray ?? [])
        {
            var annotations = item!["annotations"]!;
            var plain = item["plain_text"]!.GetValue<string>();
            var piece = annotations["code"]!.GetValue<bool>() ? $"`{plain}`" : Escape(plain);
            piece = Wrap(piece, annotations["bold"]!.GetValue<bool>(), "**", "**");
            piece = Wrap(piece, annotations["italic"]!.GetValue<bool>(), "*", "*");
            piece = Wrap(piece, annotations["strikethrough"]!.GetValue<bool>(), "~~", "~~");
            piece = Wrap(piece, annotations["underline"]!.GetValue<bool>(), "<span underline=\"true\">", "</span>");
            var color = annotations["color"]!.GetValue<string>();
            piece = Wrap(piece, color != "default", $"<span color=\"{color}\">", "</span>");
            piece = item["href"]?.GetValue<string>() is { } url ? $"[{piece}]({url})" : piece;
            text.Append(piece);
        }

        return text.ToString().Replace("\n", "<br>", StringComparison.Ordinal);
    }

    private static string Escape(string plain)
    {
        var escaped = new StringBuilder(plain.Length);
        foreach (var c in plain)
        {
            if (Escaped.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static string Wrap(string text, bool on, string open, string close) => on ? open + text + close : text;

    private void WriteBlocks(List<Block> blocks, int depth)
    {
        var number = 0;
        foreach (var block in blocks)
        {
            number = block.Type == "numbered_list_item" ? number + 1 : 0;
            if (_rendered >= blockLimit)
            {
                _truncated = true;
                Unknown(block, depth);
                continue;
            }

            _rendered++;
            WriteBlock(block, depth, number);
        }
    }

    private void WriteBlock(Block block, int depth, int number)
    {
        var content = block.Content;
        var color = content["color"]?.GetValue<string>() is { } c and not "default" ? $" {{color=\"{c}\"}}" : "";
        var text = Inline(content["rich_text"]);
        switch (block.Type)
        {
            case "paragraph":
                Line(depth, text.Length == 0 ? "<empty-block/>" : text + color);
                break;
            case "heading_1" or "heading_2" or "heading_3":
                var toggle = content["is_toggleable"]?.GetValue<bool>() == true ? " {toggle=\"true\"}" : "";
                Line(depth, $"{new string('#', block.Type[^1] - '0')} {text}{toggle}{color}");
                break;
            case "bulleted_list_item":
                Line(depth, $"- {text}{color}");
                break;
            case "numbered_list_item":
                Line(depth, $"{number}. {text}{color}");
                break;
            case "to_do":
                Line(depth, $"- [{(content["checked"]!.GetValue<bool>() ? "x" : " ")}] {text}{color}");
                break;
            case "quote":
                Line(depth, $"> {text}{color}");
                break;
            case "toggle":
                Line(depth, "<details" + Attribute("color", content["color"]) + ">");
                Line(depth, $"<summary>{text}</summary>");
                WriteBlocks(BlockTree.Live(workspace, block.Children), depth + 1);
                Line(depth, "</details>");
                return;
            case "callout":
                var icon = content["icon"]?["emoji"]?.GetValue<string>();
                Line(depth, "<callout" + Attribute("icon", icon) + Attribute("color", content["color"]) + ">");
                Line(depth + 1, text);
                WriteBlocks(BlockTree.Live(workspace, block.Children), depth + 1);
                Line(depth, "</callout>");
                return;
            case "code":
                Line(depth, "```" + content["language"]!.GetValue<string>());
                foreach (var codeLine in RichText.PlainText(content["rich_text"]).Split('\n'))
                {
                    Line(depth, codeLine);
                }

                Line(depth, "```");
                return;
            case "divider":
                Line(depth, "---");
                return;
            case "table":
                WriteTable(block, depth);
                return;
            // An attached upload has no lasting URL to write; it is listed among the unknown blocks instead.
            case "image" when content["external"] is not null:
                Line(depth, $"![{Inline(content["caption"])}]({content["external"]!["url"]})");
                return;
            case "file" when content["external"] is not null:
                Line(depth, $"<file src=\"{content["external"]!["url"]}\">{Inline(content["caption"])}</file>");
                return;
            case "child_page" when workspace.Find<Page>(block.Id) is { } page:
                Line(depth, $"<page url=\"{Url(page.Id)}\">{Escape(workspace.TitleOf(page))}</page>");
                return;
            case "child_database" when workspace.Find<Database>(block.Id) is { } database:
                Line(depth, $"<database url=\"{Url(database.Id)}\">{Escape(database.Title)}</database>");
                return;
            default:
                // bookmark, embed and unsupported have no Markdown form (Notion's guide lists bookmarks and embeds).
                Unknown(block, depth);
                return;
        }

        WriteBlocks(BlockTree.Live(workspace, block.Children), depth + 1);
    }

    private void WriteTable(Block table, int depth)
    {
        Line(depth, $"<table header-row=\"{Flag(table.Content["has_column_header"])}\" header-column=\"{Flag(table.Content["has_row_header"])}\">");
        foreach (var row in BlockTree.Live(workspace, table.Children))
        {
            _rendered++;
            Line(depth + 1, "<tr>");
            foreach (var cell in row.Content["cells"]!.AsArray())
            {
                Line(depth + 2, $"<td>{Inline(cell)}</td>");
            }

            Line(depth + 1, "</tr>");
        }

        Line(depth, "</table>");
    }

    private void Unknown(Block block, int depth)
    {
        _unknown.Add(block.Id);
        Line(depth, $"<unknown url=\"{Url(pageId)}#{block.Id:N}\" alt=\"{block.Type}\"/>");
    }

    private static string Flag(JsonNode? value) => value?.GetValue<bool>() == true ? "true" : "false";

    private static string Attribute(string name, JsonNode? value) =>
        value?.GetValue<string>() is { } text and not "default" ? $" {name}=\"{text}\"" : "";

    private static string Attribute(string name, string? value) => value is null ? "" : $" {name}=\"{value}\"";

    private static string Url(Guid id) => $"https://www.notion.so/{id:N}";

    private void Line(int depth, string text) => _text.Append('\t', depth).Append(text).Append('\n');
}
