using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotionPS.Client;

namespace NotionPS.Content
{
    /// <summary>
    /// Markdown to Notion blocks: a tree of <see cref="ContentBlock"/> ready for the append endpoint.
    /// <para>
    /// A line-based parser of our own, CommonMark-compatible for the subset Notion's blocks can hold (see
    /// about_NotionPS_PageContent). Why not Markdig: PowerShell 7.4 ships Markdig.Signed 0.33.0 and a binary
    /// module must not bring a newer one into a 7.4 session (the same rule as System.Text.Json); the package
    /// mirror this project builds from serves only 0.44.0 and 1.4.0 on, so that version cannot be referenced.
    /// </para>
    /// <para>
    /// Safe on any input: containers (list items, quotes, callouts, toggles) nest at most
    /// <see cref="MaxDepth"/> deep (deeper is <see cref="MarkdownContentException.TooDeep"/>), a block's inline
    /// text is bounded before it is parsed, NUL becomes U+FFFD, and every step is linear in the text it reads.
    /// </para>
    /// </summary>
    internal static class MarkdownToBlocks
    {
        /// <summary>How deep list items, quotes, callouts and toggles may nest in one another.</summary>
        public const int MaxDepth = 24;

        /// <summary>
        /// The most Markdown one block's text may take before inline parsing: twice what 100 rich-text items of
        /// 2,000 characters hold, so markup fits but a runaway paragraph is refused before any work is done on it.
        /// </summary>
        public const int MaxInlineSource = 2 * RichText.MaxItems * RichText.MaxTextLength;

        /// <summary>A URL's scheme (two characters or more, so that a Windows drive, C:, is none).</summary>
        private static readonly Regex UrlScheme = new Regex("^[A-Za-z][A-Za-z0-9+.-]+:", RegexOptions.CultureInvariant);

        /// <summary>The most columns a table may have: a row's cells are one array, and Notion takes at most 100 elements in any array.</summary>
        public const int MaxTableWidth = 100;

        /// <summary>
        /// The most cells one table may have: every row holds a cell for each column, even a line of only '|', so a table is
        /// refused before its rows are built when they would take more than about 150 MB (a megabyte of such lines asked for gigabytes).
        /// </summary>
        public const int MaxTableCells = 1_000_000;

        private const string PlaceholderPrefix = "<!-- notion-block";

        private static readonly string[] NotionColors =
        {
            "default", "gray", "brown", "orange", "yellow", "green", "blue", "purple", "pink", "red",
        };

        /// <param name="log">Where Markdown that converts with a loss GFM allows (a table row's extra cells) is reported as a warning.</param>
        /// <param name="markdown">The Markdown.</param>
        public static List<ContentBlock> Convert(INotionLog log, string markdown)
        {
            if (markdown == null)
            {
                throw new ArgumentNullException(nameof(markdown));
            }

            return ParseBlocks(SplitLines(markdown), 0, log);
        }

        private static List<MarkdownLine> SplitLines(string markdown)
        {
            var text = markdown.IndexOf('\0') >= 0 ? markdown.Replace('\0', '\uFFFD') : markdown;
            var lines = new List<MarkdownLine>();
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] == '\n' || text[i] == '\r')
                {
                    if (i == text.Length && start == i && lines.Count > 0)
                    {
                        break;
                    }

                    lines.Add(new MarkdownLine(lines.Count + 1, text.Substring(start, i - start), 0, 0));
                    if (i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    start = i + 1;
                }
            }

            return lines;
        }

        private static List<ContentBlock> ParseBlocks(List<MarkdownLine> lines, int depth, INotionLog log)
        {
            if (depth > MaxDepth && lines.Count > 0)
            {
                throw new MarkdownContentException(MarkdownContentException.TooDeep, lines[0].Number,
                    $"lists, quotes, callouts and toggles nest more than {MaxDepth} levels deep here; NotionPS takes at most {MaxDepth}. Indent less.");
            }

            var blocks = new List<ContentBlock>();
            var i = 0;
            while (i < lines.Count)
            {
                var line = lines[i];
                if (line.IsBlank)
                {
                    i++;
                    continue;
                }

                if (line.Indent >= 4)
                {
                    i = IndentedCode(lines, i, blocks);
                }
                else if (IsFence(line, out _, out _))
                {
                    i = FencedCode(lines, i, blocks);
                }
                else if (AtxLevel(line) > 0)
                {
                    i = Heading(lines, i, blocks, depth, log);
                }
                else if (IsThematicBreak(line))
                {
                    blocks.Add(new ContentBlock("divider", new JsonObject(), line.Number));
                    i++;
                }
                else if (line.At(0) == '>')
                {
                    i = Quote(lines, i, blocks, depth, log);
                }
                else if (ListMarker(line, out _, out _) > 0)
                {
                    i = ListItem(lines, i, blocks, depth, log);
                }
                else if (TableHeader(lines, i) is { } header)
                {
                    i = Table(lines, i, header, blocks, log);
                }
                else if (IsContainerTag(line))
                {
                    i = ContainerTag(lines, i, blocks, depth, log);
                }
                else if (line.Trimmed == "<empty-block/>")
                {
                    blocks.Add(TextBlock("paragraph", new List<RichSpan>(), line.Number));
                    i++;
                }
                else if (line.Trimmed.StartsWith(PlaceholderPrefix, StringComparison.Ordinal))
                {
                    throw new MarkdownContentException(MarkdownContentException.Placeholder, line.Number,
                        "this line stands for a Notion block that Markdown cannot carry (a database, an embed...), as NotionPS writes it when reading a page. It cannot be created from Markdown: delete the line, and add or keep that block in Notion.");
                }
                else if (TryMediaLine(line, out var media))
                {
                    blocks.Add(media);
                    i++;
                }
                else if (IsHtmlBlockStart(line))
                {
                    i = HtmlBlock(lines, i, blocks);
                }
                else
                {
                    i = Paragraph(lines, i, blocks);
                }
            }

            return blocks;
        }

        private static int IndentedCode(List<MarkdownLine> lines, int i, List<ContentBlock> blocks)
        {
            var first = lines[i].Number;
            var code = new List<string>();
            var end = i;
            while (end < lines.Count && (lines[end].IsBlank || lines[end].Indent >= 4))
            {
                code.Add(lines[end].Dedent(4).Rest);
                end++;
            }

            while (code.Count > 0 && code[code.Count - 1].Trim().Length == 0)
            {
                code.RemoveAt(code.Count - 1);
            }

            blocks.Add(CodeBlock(string.Join("\n", code), CodeLanguages.PlainText, first));
            return end;
        }

        private static bool IsFence(MarkdownLine line, out char fenceChar, out int length)
        {
            fenceChar = line.At(0);
            length = 0;
            if (line.Indent > 3 || (fenceChar != '`' && fenceChar != '~'))
            {
                return false;
            }

            while (line.At(length) == fenceChar)
            {
                length++;
            }

            return length >= 3 && (fenceChar == '~' || line.Trimmed.IndexOf('`', length) < 0);
        }

        private static int FencedCode(List<MarkdownLine> lines, int i, List<ContentBlock> blocks)
        {
            var opening = lines[i];
            IsFence(opening, out var fenceChar, out var length);
            var info = opening.Trimmed.Substring(length).Trim();
            var indent = opening.Indent;
            var code = new List<string>();
            var end = i + 1;
            for (; end < lines.Count; end++)
            {
                var line = lines[end];
                if (IsFence(line, out var c, out var closeLength) && c == fenceChar && closeLength >= length && line.Trimmed.Length == closeLength)
                {
                    end++;
                    break;
                }

                code.Add(line.Dedent(indent).Rest);
            }

            // An unclosed fence runs to the end of its container, as CommonMark says: no text is lost.
            blocks.Add(CodeBlock(string.Join("\n", code), CodeLanguages.FromInfoString(info), opening.Number));
            return end;
        }

        private static ContentBlock CodeBlock(string code, string language, int line)
        {
            var body = new JsonObject
            {
                ["rich_text"] = RichText.ToJson(new[] { new RichSpan(code) }, line),
                ["language"] = language,
            };
            return new ContentBlock("code", body, line);
        }

        private static int AtxLevel(MarkdownLine line)
        {
            if (line.Indent > 3)
            {
                return 0;
            }

            var level = 0;
            while (line.At(level) == '#')
            {
                level++;
            }

            var after = line.At(level);
            return level >= 1 && level <= 6 && (after == ' ' || after == '\t' || after == '\0') ? level : 0;
        }

        private static int Heading(List<MarkdownLine> lines, int i, List<ContentBlock> blocks, int depth, INotionLog log)
        {
            var line = lines[i];
            var level = AtxLevel(line);
            var text = line.Trimmed.Substring(level).Trim(MarkdownLine.SpaceOrTab);
            var closing = text.Length;
            while (closing > 0 && text[closing - 1] == '#')
            {
                closing--;
            }

            if (closing == 0 || text[closing - 1] == ' ' || text[closing - 1] == '\t')
            {
                text = text.Substring(0, closing).TrimEnd(MarkdownLine.SpaceOrTab);
            }

            var attributes = TakeAttributes(ref text, line.Number);
            var block = TextBlock("heading_" + Math.Min(level, 3), Inline(text, line.Number), line.Number);
            ApplyColor(block, attributes, line.Number);
            var end = i + 1;
            if (attributes.TryGetValue("toggle", out var toggle) && toggle == "true")
            {
                block.Body["is_toggleable"] = true;

                // A toggle heading's children are the lines indented under it (a tab, or 4 spaces).
                var children = new List<MarkdownLine>();
                while (end < lines.Count && (lines[end].Indent >= 4 || (lines[end].IsBlank && NextIndented(lines, end))))
                {
                    children.Add(lines[end].Dedent(4));
                    end++;
                }

                block.Children.AddRange(ParseBlocks(children, depth + 1, log));
            }

            blocks.Add(block);
            return end;
        }

        private static bool NextIndented(List<MarkdownLine> lines, int i)
        {
            while (i < lines.Count && lines[i].IsBlank)
            {
                i++;
            }

            return i < lines.Count && lines[i].Indent >= 4;
        }

        private static bool IsThematicBreak(MarkdownLine line)
        {
            var c = line.At(0);
            if (line.Indent > 3 || (c != '-' && c != '*' && c != '_'))
            {
                return false;
            }

            var count = 0;
            for (var p = line.FirstNonSpace; p < line.Text.Length; p++)
            {
                if (line.Text[p] == c)
                {
                    count++;
                }
                else if (line.Text[p] != ' ' && line.Text[p] != '\t')
                {
                    return false;
                }
            }

            return count >= 3;
        }

        private static bool IsSetextUnderline(MarkdownLine line, out int level)
        {
            level = line.At(0) == '=' ? 1 : line.At(0) == '-' ? 2 : 0;
            if (level == 0 || line.Indent > 3)
            {
                return false;
            }

            var trimmed = line.Trimmed;
            foreach (var c in trimmed)
            {
                if (c != trimmed[0])
                {
                    return false;
                }
            }

            return true;
        }

        private static int Quote(List<MarkdownLine> lines, int i, List<ContentBlock> blocks, int depth, INotionLog log)
        {
            var first = lines[i].Number;
            var inner = new List<MarkdownLine>();
            var end = i;
            var lazyAllowed = false;
            while (end < lines.Count)
            {
                var line = lines[end];
                if (!line.IsBlank && line.Indent <= 3 && line.At(0) == '>')
                {
                    var content = line.Dedent(line.Indent).Skip(1);
                    content = content.Text.Length > content.Start && (content.Text[content.Start] == ' ' || content.Text[content.Start] == '\t') ? content.Dedent(1) : content;
                    inner.Add(content);
                    lazyAllowed = !content.IsBlank && !IsFence(content, out _, out _);
                }
                else if (lazyAllowed && !line.IsBlank && !StartsBlock(line))
                {
                    inner.Add(line.Dedent(line.Indent));
                }
                else
                {
                    break;
                }

                end++;
            }

            var children = ParseBlocks(inner, depth + 1, log);
            blocks.Add(WithLeadText("quote", children, first));
            return end;
        }

        /// <summary>
        /// A container's block: its first paragraph is the block's own text, the rest its children (Notion's
        /// list items, quotes and callouts hold text and then children).
        /// </summary>
        private static ContentBlock WithLeadText(string type, List<ContentBlock> content, int line, JsonObject? extra = null)
        {
            JsonArray richText;
            if (content.Count > 0 && content[0].Type == "paragraph")
            {
                richText = (JsonArray)content[0].Body["rich_text"]!.DeepClone();
                content.RemoveAt(0);
            }
            else
            {
                richText = new JsonArray();
            }

            var body = new JsonObject { ["rich_text"] = richText };
            if (extra != null)
            {
                foreach (var pair in extra)
                {
                    body[pair.Key] = pair.Value?.DeepClone();
                }
            }

            var block = new ContentBlock(type, body, line);
            block.Children.AddRange(content);
            return block;
        }

        /// <summary>The width of a list marker ("- ", "12. ") with its following spaces, or 0; <paramref name="ordered"/> for numbers.</summary>
        private static int ListMarker(MarkdownLine line, out bool ordered, out bool empty)
        {
            ordered = false;
            empty = false;
            if (line.Indent > 3)
            {
                return 0;
            }

            var c = line.At(0);
            int markerLength;
            if (c == '-' || c == '*' || c == '+')
            {
                markerLength = 1;
            }
            else
            {
                var digits = 0;
                while (digits < 10 && line.At(digits) >= '0' && line.At(digits) <= '9')
                {
                    digits++;
                }

                if (digits == 0 || digits > 9 || (line.At(digits) != '.' && line.At(digits) != ')'))
                {
                    return 0;
                }

                ordered = true;
                markerLength = digits + 1;
            }

            var after = line.At(markerLength);
            if (after == '\0')
            {
                empty = true;
                return markerLength + 1;
            }

            if (after != ' ' && after != '\t')
            {
                return 0;
            }

            var rest = line.Dedent(line.Indent).Skip(markerLength);
            var spaces = rest.Indent;
            if (rest.IsBlank)
            {
                empty = true;
                return markerLength + 1;
            }

            return markerLength + (spaces > 4 ? 1 : spaces);
        }

        private static int ListItem(List<MarkdownLine> lines, int i, List<ContentBlock> blocks, int depth, INotionLog log)
        {
            var first = lines[i];
            var width = ListMarker(first, out var ordered, out var empty);
            var contentColumn = first.Indent + width;
            var inner = new List<MarkdownLine>();
            inner.Add(FirstItemLine(first, width));
            var end = i + 1;
            var lazyAllowed = !empty && !IsFence(inner[0], out _, out _);
            while (end < lines.Count)
            {
                var line = lines[end];
                if (line.IsBlank)
                {
                    // A blank line stays in the item only when indented content follows it.
                    var next = end;
                    while (next < lines.Count && lines[next].IsBlank)
                    {
                        next++;
                    }

                    if (next >= lines.Count || lines[next].Indent < contentColumn || (empty && inner.Count == 1))
                    {
                        break;
                    }

                    for (; end < next; end++)
                    {
                        inner.Add(lines[end].Dedent(contentColumn));
                    }

                    lazyAllowed = false;
                    continue;
                }

                if (line.Indent >= contentColumn)
                {
                    var content = line.Dedent(contentColumn);
                    inner.Add(content);
                    lazyAllowed = !IsFence(content, out _, out _) && !StartsBlock(content);
                }
                else if (lazyAllowed && !StartsBlock(line) && ListMarker(line, out _, out _) == 0)
                {
                    inner.Add(line.Dedent(line.Indent));
                }
                else
                {
                    break;
                }

                end++;
            }

            var children = ParseBlocks(inner, depth + 1, log);
            if (ordered)
            {
                blocks.Add(WithLeadText("numbered_list_item", children, first.Number));
                return end;
            }

            // "[ ]" written "\[ \]" is text: only an unescaped bracket starts a task marker.
            var firstText = inner.FindIndex(content => !content.IsBlank);
            if (firstText >= 0 && inner[firstText].At(0) == '[' && TryTaskMarker(children, out var isChecked))
            {
                blocks.Add(WithLeadText("to_do", children, first.Number, new JsonObject { ["checked"] = isChecked }));
                return end;
            }

            blocks.Add(WithLeadText("bulleted_list_item", children, first.Number));
            return end;
        }

        private static MarkdownLine FirstItemLine(MarkdownLine first, int width)
        {
            var atMarker = first.Dedent(first.Indent);
            var markerLength = 0;
            while (atMarker.At(markerLength) != ' ' && atMarker.At(markerLength) != '\t' && atMarker.At(markerLength) != '\0')
            {
                markerLength++;
            }

            return atMarker.Skip(markerLength).Dedent(width - markerLength);
        }

        /// <summary>A bulleted item whose text starts "[ ] " or "[x] " is a to-do; the marker is taken off its text.</summary>
        private static bool TryTaskMarker(List<ContentBlock> children, out bool isChecked)
        {
            isChecked = false;
            if (children.Count == 0 || children[0].Type != "paragraph" || children[0].Body["rich_text"] is not JsonArray richText || richText.Count == 0)
            {
                return false;
            }

            var firstItem = richText[0]!.AsObject();
            if (firstItem["annotations"] != null || firstItem["text"]!["link"] != null)
            {
                return false;
            }

            var content = firstItem["text"]!["content"]!.GetValue<string>();
            if (content.Length < 3 || content[0] != '[' || content[2] != ']' || (content[1] != ' ' && content[1] != 'x' && content[1] != 'X')
                || (content.Length > 3 && content[3] != ' ' && content[3] != '\n'))
            {
                return false;
            }

            isChecked = content[1] != ' ';
            var rest = content.Length > 3 ? content.Substring(4) : string.Empty;
            if (rest.Length == 0)
            {
                richText.RemoveAt(0);
            }
            else
            {
                firstItem["text"]!["content"] = rest;
            }

            return true;
        }

        /// <summary>Whether a line starts a block that ends a paragraph (a lazy line that does is not a continuation).</summary>
        private static bool StartsBlock(MarkdownLine line)
        {
            if (line.IsBlank || line.Indent > 3)
            {
                return false;
            }

            return IsFence(line, out _, out _) || AtxLevel(line) > 0 || IsThematicBreak(line) || line.At(0) == '>'
                || (ListMarker(line, out var ordered, out var empty) > 0 && !empty && (!ordered || line.Trimmed.StartsWith("1.", StringComparison.Ordinal) || line.Trimmed.StartsWith("1)", StringComparison.Ordinal)))
                || IsContainerTag(line) || IsHtmlBlockInterrupting(line) || line.Trimmed == "<empty-block/>";
        }

        private static bool IsTableStart(List<MarkdownLine> lines, int i) => TableHeader(lines, i) != null;

        /// <summary>The cells of line <paramref name="i"/> when it is a GFM table's header row (a delimiter row of as many cells follows it), else null.</summary>
        private static List<string>? TableHeader(List<MarkdownLine> lines, int i)
        {
            if (i + 1 >= lines.Count || lines[i].Trimmed.IndexOf('|') < 0)
            {
                return null;
            }

            var delimiter = SplitRow(lines[i + 1].Trimmed);
            if (delimiter.Count == 0)
            {
                return null;
            }

            foreach (var cell in delimiter)
            {
                var dashes = cell.Trim(MarkdownLine.SpaceOrTab).TrimStart(':').TrimEnd(':');
                if (dashes.Length == 0 || dashes.Trim('-').Length > 0)
                {
                    return null;
                }
            }

            var header = SplitRow(lines[i].Trimmed);
            return header.Count == delimiter.Count ? header : null;
        }

        private static int Table(List<MarkdownLine> lines, int i, List<string> headerCells, List<ContentBlock> blocks, INotionLog log)
        {
            var header = lines[i];
            var width = headerCells.Count;
            if (width > MaxTableWidth)
            {
                // Before any row is built: padding thousands of rows to thousands of columns would take gigabytes.
                throw new MarkdownContentException(MarkdownContentException.BlockTooLarge, header.Number,
                    $"this table has {width:N0} columns; Notion takes at most {MaxTableWidth}. Split it into several tables, or write some of its columns as rows.");
            }

            var rows = new List<MarkdownLine> { header };
            var end = i + 2;
            while (end < lines.Count && !lines[end].IsBlank && lines[end].Trimmed.IndexOf('|') >= 0 && !StartsBlock(lines[end]))
            {
                rows.Add(lines[end]);
                end++;
            }

            if ((long)rows.Count * width > MaxTableCells)
            {
                throw new MarkdownContentException(MarkdownContentException.BlockTooLarge, header.Number,
                    $"this table has {rows.Count:N0} rows of {width:N0} columns; NotionPS takes at most {MaxTableCells:N0} cells in one table. Split it into several tables.");
            }

            // A header row of empty cells is how a table without a column header is written (GFM needs a header row).
            var hasHeader = headerCells.Exists(cell => cell.Trim(MarkdownLine.SpaceOrTab).Length > 0);
            var table = new ContentBlock("table", new JsonObject
            {
                ["table_width"] = width,
                ["has_column_header"] = hasHeader,
                ["has_row_header"] = false,
            }, header.Number);
            for (var r = hasHeader ? 0 : 1; r < rows.Count; r++)
            {
                var cells = r == 0 ? headerCells : SplitRow(rows[r].Trimmed);
                var dropped = cells.Skip(width).Count(cell => cell.Trim(MarkdownLine.SpaceOrTab).Length > 0);
                if (dropped > 0)
                {
                    // GFM leaves them out, and so does Notion's table; the common trap is a | in code, which ends the cell.
                    log.Warning($"Line {rows[r].Number}: this table row has {cells.Count} cells but the table {width} columns, so {dropped} cell(s) with text are left out, as GFM does. "
                        + "A | ends a cell even inside `code`: write it \\| to keep it in the cell.");
                }

                var row = new JsonArray();
                for (var c = 0; c < width; c++)
                {
                    row.Add(RichText.ToJson(c < cells.Count ? Inline(cells[c].Trim(MarkdownLine.SpaceOrTab), rows[r].Number) : new List<RichSpan>(), rows[r].Number));
                }

                table.Children.Add(new ContentBlock("table_row", new JsonObject { ["cells"] = row }, rows[r].Number));
            }

            if (table.Children.Count == 0)
            {
                // An all-empty header and no rows: keep the empty row rather than a table Notion refuses.
                var row = new JsonArray();
                for (var c = 0; c < width; c++)
                {
                    row.Add(new JsonArray());
                }

                table.Children.Add(new ContentBlock("table_row", new JsonObject { ["cells"] = row }, header.Number));
            }

            blocks.Add(table);
            return end;
        }

        /// <summary>
        /// A GFM table row's cells: split at unescaped pipes, outer pipes optional. As GFM does, "\|" is a pipe before the
        /// cell's inline Markdown is read, so it is one in a code span or a link's URL too. A backslash right before a pipe
        /// escapes it whatever comes before: "\\|" is a pipe in the cell, not a backslash and the cell's end, also closing a
        /// row, as cmark-gfm reads it (its cell scanner takes the longest match; github/cmark-gfm#277), so GitHub shows the
        /// same table.
        /// </summary>
        private static List<string> SplitRow(string row)
        {
            var cells = new List<string>();
            var text = row.Trim(MarkdownLine.SpaceOrTab);
            if (text.StartsWith("|", StringComparison.Ordinal))
            {
                text = text.Substring(1);
            }

            if (text.EndsWith("|", StringComparison.Ordinal) && !text.EndsWith("\\|", StringComparison.Ordinal))
            {
                text = text.Substring(0, text.Length - 1);
            }

            var cell = new StringBuilder();
            for (var p = 0; p < text.Length; p++)
            {
                if (text[p] == '\\' && p + 1 < text.Length && text[p + 1] == '|')
                {
                    cell.Append('|');
                    p++;
                }
                else if (text[p] == '|')
                {
                    cells.Add(cell.ToString());
                    cell.Clear();
                }
                else
                {
                    cell.Append(text[p]);
                }
            }

            cells.Add(cell.ToString());
            return cells;
        }

        private static bool IsContainerTag(MarkdownLine line)
        {
            if (line.Indent > 3)
            {
                return false;
            }

            return OpensContainer(line.Trimmed);
        }

        private static bool OpensContainer(string trimmed)
        {
            return trimmed.StartsWith("<callout", StringComparison.Ordinal) && trimmed.EndsWith(">", StringComparison.Ordinal) && !trimmed.EndsWith("/>", StringComparison.Ordinal)
                || trimmed == "<details>" || trimmed.StartsWith("<details ", StringComparison.Ordinal) && trimmed.EndsWith(">", StringComparison.Ordinal)
                || trimmed.StartsWith(":::", StringComparison.Ordinal) && trimmed.TrimStart(':').TrimStart().StartsWith("callout", StringComparison.Ordinal);
        }

        /// <summary>
        /// Notion's enhanced-Markdown containers: &lt;callout icon="💡" color="..."&gt; ... &lt;/callout&gt;, the fenced
        /// form ::: callout {icon="💡"} ... :::, and &lt;details&gt;&lt;summary&gt;title&lt;/summary&gt; ... &lt;/details&gt; for
        /// toggles. The content may be indented (Notion indents it one tab); nested containers of one kind pair up.
        /// </summary>
        private static int ContainerTag(List<MarkdownLine> lines, int i, List<ContentBlock> blocks, int depth, INotionLog log)
        {
            var opening = lines[i];
            var trimmed = opening.Trimmed;
            var fenced = trimmed.StartsWith(":::", StringComparison.Ordinal);
            var isToggle = trimmed.StartsWith("<details", StringComparison.Ordinal);
            var openTag = fenced ? null : isToggle ? "<details" : "<callout";
            var closeTag = fenced ? ":::" : isToggle ? "</details>" : "</callout>";
            var inner = new List<MarkdownLine>();
            var nesting = 0;
            var end = i + 1;
            for (; ; end++)
            {
                if (end >= lines.Count)
                {
                    throw new MarkdownContentException(MarkdownContentException.Unclosed, opening.Number,
                        $"'{ServerText.VisibleShort(trimmed)}' is never closed; end it with a line holding '{closeTag}'.");
                }

                var line = lines[end].Trimmed;
                if (fenced ? line.StartsWith(":::", StringComparison.Ordinal) && line.TrimStart(':').Trim().Length > 0 : line.StartsWith(openTag!, StringComparison.Ordinal) && OpensContainer(line))
                {
                    nesting++;
                }
                else if (line == closeTag || (fenced && line.Length >= 3 && line.Trim(':').Length == 0))
                {
                    if (nesting-- == 0)
                    {
                        break;
                    }
                }

                inner.Add(lines[end].Dedent(4));
            }

            var attributes = fenced
                ? ParseAttributes(trimmed.Substring(trimmed.IndexOf("callout", StringComparison.Ordinal) + 7).Trim().Trim('{', '}'), false, opening.Number)
                : ParseAttributes(trimmed.Substring(openTag!.Length).TrimEnd('>'), true, opening.Number);
            if (isToggle)
            {
                var title = new List<RichSpan>();
                if (inner.Count > 0 && inner[0].Trimmed.StartsWith("<summary>", StringComparison.Ordinal) && inner[0].Trimmed.EndsWith("</summary>", StringComparison.Ordinal))
                {
                    var summary = inner[0].Trimmed;
                    title = Inline(summary.Substring(9, summary.Length - 19), inner[0].Number);
                    inner.RemoveAt(0);
                }

                var toggle = TextBlock("toggle", title, opening.Number);
                ApplyColor(toggle, attributes, opening.Number);
                toggle.Children.AddRange(ParseBlocks(inner, depth + 1, log));
                blocks.Add(toggle);
                return end + 1;
            }

            var extra = new JsonObject();
            if (attributes.TryGetValue("icon", out var icon) && icon.Length > 0)
            {
                extra["icon"] = icon.StartsWith("http://", StringComparison.Ordinal) || icon.StartsWith("https://", StringComparison.Ordinal)
                    ? new JsonObject { ["type"] = "external", ["external"] = new JsonObject { ["url"] = icon } }
                    : new JsonObject { ["type"] = "emoji", ["emoji"] = icon };
            }

            var callout = WithLeadText("callout", ParseBlocks(inner, depth + 1, log), opening.Number, extra);
            ApplyColor(callout, attributes, opening.Number);
            blocks.Add(callout);
            return end + 1;
        }

        /// <summary>The attributes a heading takes.</summary>
        private static readonly string[] HeadingAttributes = { "toggle", "color" };

        /// <summary>
        /// Takes a trailing {name="value" ...} attribute list (Notion's block attributes) off a heading's text. Only a
        /// well-formed list of the names a heading takes is one: {id="setup"}, {n=5}, {color=red} or {a="b" c} are the
        /// heading's text, kept as written, as a heading may end in braces of its own.
        /// </summary>
        private static Dictionary<string, string> TakeAttributes(ref string text, int line)
        {
            var none = new Dictionary<string, string>();
            if (!text.EndsWith("}", StringComparison.Ordinal) || text.EndsWith("\\}", StringComparison.Ordinal))
            {
                return none;
            }

            var open = text.LastIndexOf('{');
            var attributes = open < 0 ? null : ReadAttributes(text.Substring(open + 1, text.Length - open - 2), false, out _);
            if (attributes == null || attributes.Count == 0 || attributes.Keys.Any(name => Array.IndexOf(HeadingAttributes, name) < 0))
            {
                return none;
            }

            if (attributes.TryGetValue("toggle", out var toggle) && toggle != "true" && toggle != "false")
            {
                throw new MarkdownContentException(MarkdownContentException.BadAttribute, line,
                    $"the heading's toggle is '{ServerText.VisibleShort(toggle)}'; write toggle=\"true\" for a toggle heading, or leave the attribute out.");
            }

            text = text.Substring(0, open).TrimEnd(MarkdownLine.SpaceOrTab);
            return attributes;
        }

        /// <summary>The attributes of a callout or toggle tag, an error naming the line when they cannot be read.</summary>
        private static Dictionary<string, string> ParseAttributes(string text, bool htmlTag, int line) =>
            ReadAttributes(text, htmlTag, out var problem) ?? throw new MarkdownContentException(MarkdownContentException.BadAttribute, line, problem);

        /// <summary>
        /// Reads name="value" pairs separated by whitespace; in an HTML tag (<paramref name="htmlTag"/>) a name alone is
        /// a boolean attribute, as &lt;details open&gt; holds one. Null, with what is wrong, for text that is no such list.
        /// </summary>
        private static Dictionary<string, string>? ReadAttributes(string text, bool htmlTag, out string problem)
        {
            problem = string.Empty;
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            var p = 0;
            while (p < text.Length)
            {
                while (p < text.Length && char.IsWhiteSpace(text[p]))
                {
                    p++;
                }

                var nameStart = p;
                while (p < text.Length && (char.IsLetterOrDigit(text[p]) || text[p] == '-' || text[p] == '_'))
                {
                    p++;
                }

                if (p == nameStart)
                {
                    if (p < text.Length)
                    {
                        problem = $"cannot read the attributes '{ServerText.VisibleShort(text)}'; write them as name=\"value\", for example icon=\"💡\" color=\"blue\".";
                        return null;
                    }

                    break;
                }

                var name = text.Substring(nameStart, p - nameStart);
                if (htmlTag && (p == text.Length || char.IsWhiteSpace(text[p])))
                {
                    attributes[name] = string.Empty;
                    continue;
                }

                if (p + 1 >= text.Length || text[p] != '=' || text[p + 1] != '"')
                {
                    problem = $"the attribute '{name}' has no quoted value; write it as {name}=\"value\".";
                    return null;
                }

                var close = text.IndexOf('"', p + 2);
                if (close < 0)
                {
                    problem = $"the value of the attribute '{name}' has no closing quote.";
                    return null;
                }

                attributes[name] = text.Substring(p + 2, close - p - 2);
                p = close + 1;
            }

            return attributes;
        }

        /// <summary>Sets a block's color from a color attribute: Notion's names, with "_bg" read as "_background".</summary>
        private static void ApplyColor(ContentBlock block, Dictionary<string, string> attributes, int line)
        {
            if (!attributes.TryGetValue("color", out var color))
            {
                return;
            }

            var name = color.EndsWith("_bg", StringComparison.Ordinal) ? color.Substring(0, color.Length - 3) + "_background" : color;
            var baseName = name.EndsWith("_background", StringComparison.Ordinal) ? name.Substring(0, name.Length - 11) : name;
            if (Array.IndexOf(NotionColors, baseName) < 0 || name == "default_background")
            {
                throw new MarkdownContentException(MarkdownContentException.BadAttribute, line,
                    $"'{color}' is not a Notion color; use one of {string.Join(", ", NotionColors)}, or one of them with '_background'.");
            }

            block.Body["color"] = name;
        }

        private static bool IsHtmlBlockStart(MarkdownLine line)
        {
            if (line.Indent > 3 || line.At(0) != '<')
            {
                return false;
            }

            var next = line.At(1);
            return next == '!' || next == '?' || next == '/' || char.IsLetter(next);
        }

        /// <summary>HTML that may interrupt a paragraph (CommonMark's kinds 1 to 6; here: comments and closing or known block tags).</summary>
        private static bool IsHtmlBlockInterrupting(MarkdownLine line) =>
            IsHtmlBlockStart(line) && (line.At(1) == '!' || line.At(1) == '?' || line.Trimmed.StartsWith("<div", StringComparison.OrdinalIgnoreCase)
                || line.Trimmed.StartsWith("<pre", StringComparison.OrdinalIgnoreCase) || line.Trimmed.StartsWith("<table", StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// An HTML block (up to a blank line; a comment up to its "--&gt;") has no Notion form: it is kept, as the
        /// literal text written, in a paragraph, so nothing is lost.
        /// </summary>
        private static int HtmlBlock(List<MarkdownLine> lines, int i, List<ContentBlock> blocks)
        {
            var comment = lines[i].Trimmed.StartsWith("<!--", StringComparison.Ordinal);
            var text = new List<string>();
            var end = i;
            var length = 0;
            while (end < lines.Count && (comment || !lines[end].IsBlank))
            {
                var rest = lines[end].Rest;
                length += rest.Length + 1;
                CheckInlineLength(length, lines[i].Number);
                text.Add(rest);
                end++;
                if (comment && rest.Contains("-->"))
                {
                    break;
                }
            }

            blocks.Add(TextBlock("paragraph", new List<RichSpan> { new RichSpan(string.Join("\n", text)) }, lines[i].Number));
            return end;
        }

        /// <summary>
        /// A line holding only ![caption](url) is a block that shows the file in the page: for a URL, an image, pdf, video
        /// or audio block by the extension of its path (see <see cref="MediaUrls"/>); for a local path, one by the file's
        /// type, known once it is checked for upload; only [name](local path) a file block to upload; only &lt;url&gt; a bookmark.
        /// </summary>
        private static bool TryMediaLine(MarkdownLine line, out ContentBlock block)
        {
            block = null!;
            var text = line.Trimmed;
            if (text.StartsWith("![", StringComparison.Ordinal) && text.EndsWith(")", StringComparison.Ordinal))
            {
                CheckInlineLength(text.Length, line.Number);
                var middle = InlineMarkdown.WholeLinkTextEnd(text);
                var url = MediaDestination(text, middle, out var bracketed);
                if (url == null)
                {
                    return false;
                }

                // Angle brackets mean a link, never a local file: what they hold is the block's URL, read as CommonMark
                // reads a link's (\) is a backslash). A path is kept as written, for Windows writes backslashes in it.
                var local = !bracketed && IsLocalPath(url);
                url = local || bracketed ? url : InlineMarkdown.UnescapeDestination(url);
                CheckUrl(url, line.Number);
                var caption = RichText.ToJson(Inline(text.Substring(2, middle - 2), line.Number), line.Number);
                if (local)
                {
                    // Image, PDF, video or audio: which one is known once the file is checked (ContentFileUploads).
                    block = LocalFileBlock("image", url, new JsonObject { ["caption"] = caption }, line.Number);
                    block.ShowsFileInline = true;
                    return true;
                }

                block = new ContentBlock(MediaUrls.BlockTypeFor(url), new JsonObject
                {
                    ["type"] = "external",
                    ["external"] = new JsonObject { ["url"] = url },
                    ["caption"] = caption,
                }, line.Number);
                return true;
            }

            if (text.StartsWith("[", StringComparison.Ordinal) && text.EndsWith(")", StringComparison.Ordinal))
            {
                CheckInlineLength(text.Length, line.Number);
                var middle = InlineMarkdown.WholeLinkTextEnd(text);
                var path = MediaDestination(text, middle, out var bracketed);
                if (path == null || bracketed || path[0] == '#' || !IsLocalPath(path))
                {
                    return false;
                }

                var name = text.Substring(1, middle - 1).Trim();
                block = LocalFileBlock("file", path, new JsonObject { ["caption"] = new JsonArray(), ["name"] = name }, line.Number);
                return true;
            }

            if (text.StartsWith("<http", StringComparison.Ordinal) && text.EndsWith(">", StringComparison.Ordinal) && text.IndexOfAny(new[] { ' ', '\t', '<' }, 1) < 0
                && (text.StartsWith("<https://", StringComparison.Ordinal) || text.StartsWith("<http://", StringComparison.Ordinal)))
            {
                var url = text.Substring(1, text.Length - 2);
                CheckUrl(url, line.Number);
                block = new ContentBlock("bookmark", new JsonObject { ["url"] = url, ["caption"] = new JsonArray() }, line.Number);
                return true;
            }

            return false;
        }

        /// <summary>
        /// The URL in the destination of a media line whose caption ends at <paramref name="captionEnd"/>: &lt;anything but a
        /// line ending or an unescaped angle bracket&gt; (<paramref name="bracketed"/>, as BlocksToMarkdown writes a URL holding
        /// a space, parenthesis or angle bracket), its escapes resolved as a link's; or, as written, one without spaces,
        /// parentheses or angle brackets; null for any other, or for no caption end.
        /// </summary>
        private static string? MediaDestination(string line, int captionEnd, out bool bracketed)
        {
            var destination = captionEnd < 0 ? string.Empty : line.Substring(captionEnd + 2, line.Length - captionEnd - 3);
            bracketed = destination.StartsWith("<", StringComparison.Ordinal);
            if (bracketed)
            {
                var url = new StringBuilder();
                return InlineMarkdown.AngleDestinationEnd(destination, 0, url) == destination.Length - 1 && url.Length > 0 ? url.ToString() : null;
            }

            return destination.Length == 0 || destination.IndexOfAny(new[] { ' ', '\t', '(', ')', '<', '>' }) >= 0 ? null : destination;
        }

        /// <summary>
        /// A destination with no scheme (./chart.png, out/report.pdf, /tmp/a.png, C:\a.png) names a local file;
        /// anything with one (https://...), one .NET cannot read (https:///host/a.png) included, and a scheme-relative
        /// //host/path (a link to a host, as CommonMark and browsers read it) stay links.
        /// </summary>
        private static bool IsLocalPath(string destination) =>
            !destination.StartsWith("//", StringComparison.Ordinal)
            && (Uri.TryCreate(destination, UriKind.Absolute, out var uri) ? uri.IsFile : !UrlScheme.IsMatch(destination));

        /// <summary>A block that shows a local file, attached once the file is uploaded (see <see cref="ContentBlock.LocalPath"/>).</summary>
        private static ContentBlock LocalFileBlock(string type, string path, JsonObject body, int line)
        {
            body["type"] = "file_upload";
            body["file_upload"] = new JsonObject { ["id"] = string.Empty };
            return new ContentBlock(type, body, line) { LocalPath = Uri.UnescapeDataString(path) };
        }

        private static void CheckUrl(string url, int line)
        {
            if (url.Length > RichText.MaxTextLength)
            {
                throw new MarkdownContentException(MarkdownContentException.UrlTooLong, line,
                    $"the URL is {url.Length:N0} characters long; Notion takes at most {RichText.MaxTextLength:N0}. Shorten the URL.");
            }
        }

        private static int Paragraph(List<MarkdownLine> lines, int i, List<ContentBlock> blocks)
        {
            var first = lines[i];
            var text = new StringBuilder(first.Trimmed);
            var end = i + 1;
            while (end < lines.Count && !lines[end].IsBlank)
            {
                var line = lines[end];
                if (IsSetextUnderline(line, out var level))
                {
                    blocks.Add(TextBlock("heading_" + level, Inline(text.ToString(), first.Number), first.Number));
                    return end + 1;
                }

                if (StartsBlock(line) || IsTableStart(lines, end))
                {
                    break;
                }

                text.Append('\n').Append(line.Trimmed);
                CheckInlineLength(text.Length, first.Number);
                end++;
            }

            blocks.Add(TextBlock("paragraph", Inline(text.ToString(), first.Number), first.Number));
            return end;
        }

        private static void CheckInlineLength(int length, int line)
        {
            if (length > MaxInlineSource)
            {
                throw new MarkdownContentException(MarkdownContentException.TextTooLong, line,
                    $"this text is longer than {MaxInlineSource:N0} characters of Markdown; Notion holds at most {RichText.MaxItems * RichText.MaxTextLength:N0} in one block or table cell. Split a paragraph with blank lines into several, or shorten the text.");
            }
        }

        private static List<RichSpan> Inline(string text, int line)
        {
            CheckInlineLength(text.Length, line);
            return InlineMarkdown.Parse(text);
        }

        private static ContentBlock TextBlock(string type, List<RichSpan> spans, int line) =>
            new ContentBlock(type, new JsonObject { ["rich_text"] = RichText.ToJson(spans, line) }, line);
    }
}
