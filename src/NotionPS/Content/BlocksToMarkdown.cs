using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using NotionPS.Client;

namespace NotionPS.Content
{
    /// <summary>
    /// Notion blocks to Markdown, the form <see cref="MarkdownToBlocks"/> reads back. A block's children are read
    /// from its <c>children</c> array (where the reading operation puts them) or from its type object (the
    /// request shape). Writing is normalised (about_NotionPS_PageContent says how), so that
    /// Markdown -&gt; blocks -&gt; Markdown gives back the normalised Markdown:
    /// <list type="bullet">
    /// <item>blocks are separated by one blank line, consecutive list items by none; bullets are "-", numbered
    /// items count 1., 2., 3. in each run, to-dos are "- [ ]" and "- [x]", italics "*", bold "**";</item>
    /// <item>list children are indented by the width of their marker, quote children prefixed "&gt; ", callout and
    /// toggle children indented one tab; children of a block that has no Markdown form for them (a paragraph,
    /// a heading that is not a toggle, a code block) follow it at its own level;</item>
    /// <item>a line break inside a paragraph, list item, quote or callout is a new line; inside a heading, a toggle's summary, a
    /// table cell or a caption, &lt;br&gt;; either way each line's edges follow one rule (<see cref="EscapeEdgeWhitespace"/>);
    /// an empty paragraph is &lt;empty-block/&gt;; characters Markdown would read as markup are backslash-escaped, control
    /// characters but tab and line feed written as character references, and a table cell's pipes escaped;</item>
    /// <item>colors of text and underline are not written (block colors are, as {color="..."} or color="..."),
    /// nor captions of code blocks and bookmarks, nor a table's row header; a table without a column header, or with one
    /// of empty cells, gets a header row of empty cells;</item>
    /// <item>an image, pdf, video or audio block linking a URL is written ![caption](url) when that Markdown makes the same
    /// kind of block again (<see cref="MediaUrls"/>: by the URL's extension); an image Notion hosts is written with its URL too;</item>
    /// <item>a block with no Markdown form (child_page, child_database, embed, file, an uploaded video, pdf or audio, equation,
    /// synced_block, column_list, link_to_page, table_of_contents, unsupported...) is written as the placeholder
    /// <c>&lt;!-- notion-block type="embed" id="..." url="..." --&gt;</c>, followed by its children's Markdown.</item>
    /// </list>
    /// </summary>
    internal static class BlocksToMarkdown
    {
        private const string Tab = "\t";

        /// <summary>An empty paragraph, which Markdown has no other way to write.</summary>
        private const string EmptyBlock = "<empty-block/>";

        /// <summary>The characters inline text escapes with a backslash ("&amp;#" and "!" before a link's "[" are escaped too).</summary>
        private static readonly char[] Markup = { '\\', '*', '_', '`', '~', '[', ']', '<' };

        /// <summary>
        /// What inline text escapes: the markup, and the control characters but tab and line feed, as character references:
        /// a reader takes a carriage return for a line's end, and trims a vertical tab or form feed at a table cell's edge.
        /// </summary>
        private static readonly char[] Escaped = Markup.Concat(Enumerable.Range(0, ' ').Select(code => (char)code).Where(c => c != '\t' && c != '\n')).ToArray();

        private static readonly HashSet<string> ListTypes = new HashSet<string>(StringComparer.Ordinal)
        {
            "bulleted_list_item", "numbered_list_item", "to_do",
        };

        public static string Convert(IEnumerable<JsonElement> blocks) => string.Join("\n", RenderBlocks(blocks.ToList(), 0)) + "\n";

        private static List<string> RenderBlocks(IReadOnlyList<JsonElement> blocks, int depth)
        {
            var lines = new List<string>();
            string? previousType = null;
            var number = 0;
            foreach (var block in blocks)
            {
                var type = JsonRead.String(block, "type") ?? "unsupported";
                number = type == "numbered_list_item" ? (previousType == "numbered_list_item" ? number + 1 : 1) : 0;
                if (previousType != null && !(ListTypes.Contains(previousType) && ListTypes.Contains(type)))
                {
                    lines.Add(string.Empty);
                }

                lines.AddRange(RenderBlock(block, type, number, depth));
                previousType = type;
            }

            return lines;
        }

        private static List<string> RenderBlock(JsonElement block, string type, int number, int depth)
        {
            var body = JsonRead.Object(block, type) ?? default;
            var children = Children(block, body);
            var lines = new List<string>();
            switch (type)
            {
                case "paragraph":
                    var paragraph = InlineText(body);
                    lines.AddRange(paragraph.Length == 0 ? new[] { EmptyBlock } : TextLines(paragraph));
                    return Flattened(lines, children, depth);
                case "heading_1":
                case "heading_2":
                case "heading_3":
                    var attributes = new List<string>();
                    var toggleable = JsonRead.Bool(body, "is_toggleable") == true;
                    if (toggleable)
                    {
                        attributes.Add("toggle=\"true\"");
                    }

                    attributes.AddRange(ColorAttribute(body));
                    var heading = EscapeHeading(OneLine(InlineText(body)));
                    lines.Add(new string('#', type[type.Length - 1] - '0') + " " + heading + (attributes.Count > 0 ? " {" + string.Join(" ", attributes) + "}" : string.Empty));
                    if (toggleable && children.Count > 0)
                    {
                        lines.AddRange(Indent(RenderBlocks(children, depth + 1), Tab, Tab));
                        return lines;
                    }

                    return Flattened(lines, children, depth);
                case "bulleted_list_item":
                    return ListItem("- ", LeadLines(body, children), children, depth);
                case "numbered_list_item":
                    return ListItem(number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ". ", LeadLines(body, children), children, depth);
                case "to_do":
                    // The task marker holds the to-do's place: what follows it is read as its text, even when a paragraph does.
                    return ListItem(JsonRead.Bool(body, "checked") == true ? "- [x] " : "- [ ] ", TextLines(InlineText(body)).ToList(), children, depth, "  ");
                case "quote":
                    var quote = LeadLines(body, children);
                    if (quote.Count == 0)
                    {
                        quote.Add(string.Empty); // ">": a quote without text is still a quote
                    }

                    if (children.Count > 0)
                    {
                        quote.Add(string.Empty);
                        quote.AddRange(RenderBlocks(children, depth + 1));
                    }

                    return quote.Select(line => line.Length == 0 ? ">" : "> " + line).ToList();
                case "callout":
                    var open = new StringBuilder("<callout");
                    var icon = JsonRead.Object(body, "icon") ?? default;
                    // A custom emoji, which Markdown cannot name, by its image: the callout keeps its look, not its kind.
                    var iconText = JsonRead.String(icon, "emoji") ?? JsonRead.String(JsonRead.Object(icon, "external") ?? JsonRead.Object(icon, "custom_emoji") ?? default, "url");
                    if (iconText != null)
                    {
                        open.Append(" icon=\"").Append(iconText.Replace("\"", "%22")).Append('"');
                    }

                    foreach (var color in ColorAttribute(body))
                    {
                        open.Append(' ').Append(color);
                    }

                    lines.Add(open.Append('>').ToString());
                    var calloutContent = LeadLines(body, children);
                    if (children.Count > 0)
                    {
                        if (calloutContent.Count > 0)
                        {
                            calloutContent.Add(string.Empty);
                        }

                        calloutContent.AddRange(RenderBlocks(children, depth + 1));
                    }

                    lines.AddRange(Indent(calloutContent, Tab, Tab));
                    lines.Add("</callout>");
                    return lines;
                case "toggle":
                    var colorAttribute = ColorAttribute(body).ToList();
                    lines.Add(colorAttribute.Count > 0 ? "<details " + colorAttribute[0] + ">" : "<details>");
                    lines.Add("<summary>" + OneLine(InlineText(body)) + "</summary>");
                    lines.AddRange(Indent(RenderBlocks(children, depth + 1), Tab, Tab));
                    lines.Add("</details>");
                    return lines;
                case "code":
                    var code = RichText.Plain(RichText.FromJson(JsonRead.Array(body, "rich_text") ?? default));
                    var fence = new string('`', Math.Max(3, LongestBacktickRun(code) + 1));
                    lines.Add(fence + CodeLanguages.ToInfoString(JsonRead.String(body, "language")));
                    lines.AddRange(code.Split('\n'));
                    lines.Add(fence);
                    return Flattened(lines, children, depth);
                case "divider":
                    lines.Add("---");
                    return lines;
                case "table":
                    return Table(body, children);
                case "image":
                case "pdf":
                case "video":
                case "audio":
                    // An image Notion hosts too; a pdf, video or audio block only when linked, as its upload is Save-NotionFile's.
                    var url = JsonRead.String(JsonRead.Object(body, "external") ?? (type == "image" ? JsonRead.Object(body, "file") : null) ?? default, "url");
                    if (url == null || MediaUrls.BlockTypeFor(url) != type)
                    {
                        break; // written ![...](url), it would come back as another kind of block
                    }

                    lines.Add("![" + OneLine(Inline(RichText.FromJson(JsonRead.Array(body, "caption") ?? default))) + "](" + Destination(url) + ")");
                    return lines;
                case "bookmark":
                    var bookmark = JsonRead.String(body, "url");
                    if (bookmark == null || !(bookmark.StartsWith("https://", StringComparison.Ordinal) || bookmark.StartsWith("http://", StringComparison.Ordinal)))
                    {
                        break;
                    }

                    // <url> is read back as a bookmark only without spaces or angle brackets: those are percent-encoded, the same URL.
                    lines.Add("<" + bookmark.Replace(" ", "%20").Replace("<", "%3C").Replace(">", "%3E") + ">");
                    return lines;
            }

            lines.Add(Placeholder(block, type, body));
            return Flattened(lines, children, depth);
        }

        private static IReadOnlyList<JsonElement> Children(JsonElement block, JsonElement body)
        {
            var array = JsonRead.Array(block, "children") ?? JsonRead.Array(body, "children");
            return array == null ? Array.Empty<JsonElement>() : array.Value.EnumerateArray().ToList();
        }

        /// <summary>
        /// A list item's, quote's or callout's own text as lines: none for no text, unless its first child is a paragraph, which
        /// Markdown would read back as that text; then an empty paragraph (<c>&lt;empty-block/&gt;</c>) keeps the text's place.
        /// </summary>
        private static List<string> LeadLines(JsonElement body, IReadOnlyList<JsonElement> children)
        {
            var lines = TextLines(InlineText(body)).ToList();
            if (lines.Count == 0 && children.Count > 0 && JsonRead.String(children[0], "type") == "paragraph")
            {
                lines.Add(EmptyBlock);
            }

            return lines;
        }

        /// <summary>The block's lines, then its children's at the same level (for blocks whose children have no Markdown form).</summary>
        private static List<string> Flattened(List<string> lines, IReadOnlyList<JsonElement> children, int depth)
        {
            if (children.Count > 0)
            {
                lines.Add(string.Empty);
                lines.AddRange(RenderBlocks(children, depth + 1));
            }

            return lines;
        }

        private static List<string> ListItem(string marker, List<string> text, IReadOnlyList<JsonElement> children, int depth, string? childIndent = null)
        {
            var indent = childIndent ?? new string(' ', marker.Length);
            var lines = new List<string> { marker + (text.Count > 0 ? text[0] : string.Empty) };
            lines.AddRange(text.Skip(1).Select(line => indent + line));
            if (children.Count > 0)
            {
                var rendered = RenderBlocks(children, depth + 1);
                var firstChildType = JsonRead.String(children[0], "type");
                if (firstChildType == null || !ListTypes.Contains(firstChildType))
                {
                    lines.Add(string.Empty);
                }

                lines.AddRange(Indent(rendered, indent, indent));
            }

            return lines.Select(line => line.TrimEnd(' ')).ToList();
        }

        private static List<string> Table(JsonElement body, IReadOnlyList<JsonElement> rows)
        {
            var width = rows.Select(row => (JsonRead.Array(JsonRead.Object(row, "table_row") ?? default, "cells")?.GetArrayLength()) ?? 0).DefaultIfEmpty(0).Max();
            width = Math.Max(width, 1);
            var cells = rows.Select(row =>
            {
                var array = JsonRead.Array(JsonRead.Object(row, "table_row") ?? default, "cells");
                var texts = array?.EnumerateArray().Select(cell => Cell(RichText.FromJson(cell))).ToList() ?? new List<string>();
                while (texts.Count < width)
                {
                    texts.Add(string.Empty);
                }

                return texts;
            }).ToList();
            // A header row of empty cells is how a table without a column header is written, so an empty column header is lost,
            // as it must be, but its row is kept: it is written below such a header row.
            if (JsonRead.Bool(body, "has_column_header") != true || cells.Count == 0 || cells[0].All(cell => cell.Length == 0))
            {
                cells.Insert(0, Enumerable.Repeat(string.Empty, width).ToList());
            }

            var lines = new List<string> { Row(cells[0]), Row(Enumerable.Repeat("---", width)) };
            lines.AddRange(cells.Skip(1).Select(Row));
            return lines;
        }

        private static string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells) + " |";

        /// <summary>
        /// A table cell's text as one line of inline Markdown with every pipe escaped, in code spans and URLs too, as GFM
        /// reads "\|" as "|" before the cell's inline Markdown.
        /// </summary>
        private static string Cell(IReadOnlyList<RichSpan> text) => OneLine(Inline(text)).Replace("|", "\\|");

        private static string Placeholder(JsonElement block, string type, JsonElement body)
        {
            var text = new StringBuilder("<!-- notion-block type=\"").Append(Attribute(type)).Append('"');
            var id = JsonRead.String(block, "id");
            if (id != null)
            {
                text.Append(" id=\"").Append(Attribute(id)).Append('"');
            }

            var title = JsonRead.String(body, "title");
            if (title != null)
            {
                text.Append(" title=\"").Append(Attribute(title)).Append('"');
            }

            var url = JsonRead.String(body, "url") ?? JsonRead.String(JsonRead.Object(body, "external") ?? JsonRead.Object(body, "file") ?? default, "url");
            if (url != null)
            {
                text.Append(" url=\"").Append(Attribute(url)).Append('"');
            }

            return text.Append(" -->").ToString();
        }

        /// <summary>A value safe inside the placeholder comment: no quote, no "--" that would end it, one line.</summary>
        private static string Attribute(string value) =>
            value.Replace("\"", "&quot;").Replace("--", "&#45;&#45;").Replace("\r", " ").Replace("\n", " ");

        private static IEnumerable<string> ColorAttribute(JsonElement body)
        {
            var color = JsonRead.String(body, "color");
            if (color != null && color != "default")
            {
                yield return "color=\"" + color + "\"";
            }
        }

        private static IEnumerable<string> Indent(IEnumerable<string> lines, string first, string rest)
        {
            var isFirst = true;
            foreach (var line in lines)
            {
                yield return line.Length == 0 ? line : (isFirst ? first : rest) + line;
                isFirst = false;
            }
        }

        private static string InlineText(JsonElement body) => Inline(RichText.FromJson(JsonRead.Array(body, "rich_text") ?? default));

        /// <summary>
        /// Paragraph text as lines: every line escaped where its start would read as a block marker, and none blank, which
        /// would end the paragraph: an empty line is a backslash (a hard line break), the last one "&amp;#10;" after the line before.
        /// </summary>
        private static IEnumerable<string> TextLines(string text)
        {
            if (text.Length == 0)
            {
                return Array.Empty<string>();
            }

            var lines = text.Split('\n').Select(EscapeLine).ToList();
            if (lines.Count > 1 && lines[lines.Count - 1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
                lines[lines.Count - 1] += "&#10;";
            }

            return lines.Select(line => line.Length == 0 ? "\\" : line);
        }

        /// <summary>
        /// Inline Markdown that must stay on one line (a heading, a toggle's summary, a table cell, a caption): a line break is
        /// &lt;br&gt;, and each line's edges are written as a paragraph's lines are (<see cref="EscapeEdgeWhitespace"/>).
        /// </summary>
        private static string OneLine(string inline) =>
            inline.IndexOf('\n') < 0 ? EscapeEdgeWhitespace(inline) : string.Join("<br>", inline.Split('\n').Select(EscapeEdgeWhitespace));

        private static string EscapeLine(string line)
        {
            line = EscapeEdgeWhitespace(line);
            if (line.Length == 0)
            {
                return line;
            }

            var c = line[0];
            if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=' || c == '|' || c == ':')
            {
                return "\\" + line;
            }

            var digits = 0;
            while (digits < line.Length && char.IsDigit(line[digits]))
            {
                digits++;
            }

            if (digits > 0 && digits < line.Length && (line[digits] == '.' || line[digits] == ')'))
            {
                return line.Substring(0, digits) + "\\" + line.Substring(digits);
            }

            return line;
        }

        /// <summary>
        /// Whitespace at a line's edges, kept only where losing it would show. A space or tab starting a line is a character
        /// reference (Markdown strips it, and four spaces would make a code block), as is each end of a line holding only
        /// spaces and tabs (else it would be blank and end the block). Those ending a line with text are dropped: Markdown
        /// drops them too, at a block's end and before a line break (where two spaces would make a hard break, which reads
        /// back as the same line break), so the text reads back without them and looks the same in Notion.
        /// </summary>
        private static string EscapeEdgeWhitespace(string line)
        {
            var end = line.Length;
            while (end > 0 && MarkdownLine.IsSpaceOrTab(line[end - 1]))
            {
                end--;
            }

            if (end == 0)
            {
                return line.Length == 0 ? line : Reference(line[0]) + (line.Length > 1 ? line.Substring(1, line.Length - 2) + Reference(line[line.Length - 1]) : string.Empty);
            }

            return MarkdownLine.IsSpaceOrTab(line[0]) ? Reference(line[0]) + line.Substring(1, end - 1) : line.Substring(0, end);
        }

        private static string Reference(char c) => c == ' ' ? "&#32;" : "&#9;";

        private static string EscapeHeading(string text)
        {
            return text.EndsWith("#", StringComparison.Ordinal) || text.EndsWith("}", StringComparison.Ordinal) ? text.Substring(0, text.Length - 1) + "\\" + text[text.Length - 1] : text;
        }

        private static int LongestBacktickRun(string text)
        {
            int longest = 0, run = 0;
            foreach (var c in text)
            {
                run = c == '`' ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }

            return longest;
        }

        /// <summary>
        /// A link or image destination as Markdown that reads back as the same link. Notion's link to one of its pages,
        /// /&lt;page id&gt;, becomes that page's https://www.notion.so/ address, which works wherever the Markdown goes;
        /// any other destination that is not an http(s) or mailto URL (a path, say) is written in angle brackets, which
        /// MarkdownToBlocks never reads as a local file to upload, as is one holding a space, parenthesis or angle bracket.
        /// A backslash is escaped, as one before punctuation would escape that instead of standing for itself, and so is an
        /// angle bracket inside the brackets (CommonMark reads \&lt; and \&gt; there), so the URL reads back as it was.
        /// </summary>
        private static string Destination(string url)
        {
            var page = ContentUrls.NotionPageLink.Match(url);
            if (page.Success)
            {
                url = "https://www.notion.so/" + page.Groups[1].Value.Replace("-", string.Empty).ToLowerInvariant() + url.Substring(page.Length);
            }

            var escaped = url.Replace("\\", "\\\\");
            return url.IndexOfAny(new[] { ' ', '(', ')', '<', '>' }) >= 0 || !IsWebOrMailAddress(url) ? "<" + escaped.Replace("<", "\\<").Replace(">", "\\>") + ">" : escaped;
        }

        private static bool IsWebOrMailAddress(string url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeMailto);

        /// <summary>
        /// Rich text as inline Markdown. Styles open and close as a stack across adjacent items (bold "a" then
        /// bold-italic "b" is **a*b***), whitespace at a style's edge moves outside its delimiters (CommonMark
        /// would not read "** a**"), and every link closes the styles around it.
        /// </summary>
        internal static string Inline(IReadOnlyList<RichSpan> spans)
        {
            var text = new StringBuilder();
            var open = new List<char>();
            string? link = null;
            foreach (var span in MoveEdgeWhitespace(RichText.Merge(spans)))
            {
                if (span.Link != link)
                {
                    CloseAll(text, open);
                    if (link != null)
                    {
                        text.Append("](").Append(Destination(link)).Append(')');
                    }

                    if (span.Link != null)
                    {
                        if (text.Length > 0 && text[text.Length - 1] == '!')
                        {
                            text.Insert(text.Length - 1, '\\'); // "![" would open an image
                        }

                        text.Append('[');
                    }

                    link = span.Link;
                }

                var wanted = new List<char>();
                if (span.Strikethrough)
                {
                    wanted.Add('~');
                }

                if (span.Bold)
                {
                    wanted.Add('b');
                }

                if (span.Italic)
                {
                    wanted.Add('i');
                }

                var keep = 0;
                while (keep < open.Count && wanted.Contains(open[keep]))
                {
                    keep++;
                }

                while (open.Count > keep)
                {
                    text.Append(Delimiter(open[open.Count - 1]));
                    open.RemoveAt(open.Count - 1);
                }

                foreach (var style in wanted.Where(style => !open.Contains(style)))
                {
                    text.Append(Delimiter(style));
                    open.Add(style);
                }

                text.Append(span.Code ? CodeSpan(span.Text) : Escape(span.Text));
            }

            CloseAll(text, open);
            if (link != null)
            {
                text.Append("](").Append(Destination(link)).Append(')');
            }

            return text.ToString();
        }

        private static void CloseAll(StringBuilder text, List<char> open)
        {
            for (var i = open.Count - 1; i >= 0; i--)
            {
                text.Append(Delimiter(open[i]));
            }

            open.Clear();
        }

        private static string Delimiter(char style) => style == '~' ? "~~" : style == 'b' ? "**" : "*";

        /// <summary>Leading and trailing whitespace of a styled item keeps only the styles its neighbour on that side shares.</summary>
        private static List<RichSpan> MoveEdgeWhitespace(List<RichSpan> spans)
        {
            if (!spans.Exists(span => !span.Code && (span.Bold || span.Italic || span.Strikethrough)))
            {
                return spans;
            }

            var result = new List<RichSpan>();
            for (var i = 0; i < spans.Count; i++)
            {
                var span = spans[i];
                if (span.Code || !(span.Bold || span.Italic || span.Strikethrough))
                {
                    result.Add(span);
                    continue;
                }

                var core = span.Text.Trim();
                var leading = span.Text.Substring(0, span.Text.Length - span.Text.TrimStart().Length);
                var trailing = core.Length == 0 ? string.Empty : span.Text.Substring(span.Text.TrimEnd().Length);
                var previous = i > 0 ? spans[i - 1] : new RichSpan(string.Empty, link: span.Link);
                var next = i + 1 < spans.Count ? spans[i + 1] : new RichSpan(string.Empty, link: span.Link);
                result.Add(Shared(span, previous, leading));
                result.Add(span.WithText(core));
                result.Add(Shared(span, next, trailing));
            }

            return RichText.Merge(result);
        }

        private static RichSpan Shared(RichSpan span, RichSpan neighbour, string text) =>
            new RichSpan(text, span.Bold && neighbour.Bold, span.Italic && neighbour.Italic, span.Strikethrough && neighbour.Strikethrough, false, span.Link);

        private static string CodeSpan(string code)
        {
            var fence = new string('`', LongestBacktickRun(code) + 1);
            // A line break cannot be in a code span; nor can a carriage return, which would end the line (a table row, say).
            var content = code.Replace('\n', ' ').Replace('\r', ' ');
            var pad = content.StartsWith("`", StringComparison.Ordinal) || content.EndsWith("`", StringComparison.Ordinal)
                || (content.Length > 1 && content[0] == ' ' && content[content.Length - 1] == ' ' && content.Trim().Length > 0);
            return pad ? fence + " " + content + " " + fence : fence + content + fence;
        }

        private static string Escape(string text)
        {
            // Most text has nothing to escape: it is returned as it is.
            if (text.IndexOfAny(Escaped) < 0 && text.IndexOf("&#", StringComparison.Ordinal) < 0)
            {
                return text;
            }

            var escaped = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c < ' ' && c != '\t' && c != '\n')
                {
                    escaped.Append("&#").Append(((int)c).ToString(CultureInfo.InvariantCulture)).Append(';');
                    continue;
                }

                // "&#" too, which would start a character reference.
                if (Array.IndexOf(Markup, c) >= 0 || (c == '&' && i + 1 < text.Length && text[i + 1] == '#'))
                {
                    escaped.Append('\\');
                }

                escaped.Append(c);
            }

            return escaped.ToString();
        }
    }
}
