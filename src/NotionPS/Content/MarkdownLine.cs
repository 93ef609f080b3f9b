namespace NotionPS.Content
{
    /// <summary>
    /// A view of one source line inside a container (a list item, a quote, a callout): <see cref="Padding"/> spaces, then
    /// the text from <see cref="Start"/> on, which sits at <see cref="Column"/> of the source line (tabs stop every 4
    /// columns, as CommonMark counts them). Containers take lines apart by moving the start, not by copying text: a tab
    /// a container splits leaves its remaining columns as padding, so a line indented by thousands of tabs is not copied
    /// (and measured again) at every level it passes through.
    /// </summary>
    internal readonly struct MarkdownLine
    {
        /// <summary>
        /// The whitespace Markdown strips at a line's edges, CommonMark around a heading's text and GFM around a table
        /// cell's; any other whitespace (a no-break space, a vertical tab) is text.
        /// </summary>
        public static readonly char[] SpaceOrTab = { ' ', '\t' };

        public MarkdownLine(int number, string text, int start, int column)
        {
            Number = number;
            Text = text;
            Start = start;
            Column = column;

            // Measured once: the parser asks these of every line at every level.
            var i = start;
            var at = column;
            while (i < text.Length && IsSpaceOrTab(text[i]))
            {
                at += text[i] == '\t' ? 4 - at % 4 : 1;
                i++;
            }

            FirstNonSpace = i;
            Indent = at - column;
        }

        private MarkdownLine(int number, string text, int padding, int start, int column, int firstNonSpace, int indent)
        {
            Number = number;
            Text = text;
            Padding = padding;
            Start = start;
            Column = column;
            FirstNonSpace = firstNonSpace;
            Indent = indent;
        }

        public static bool IsSpaceOrTab(char c) => c == ' ' || c == '\t';

        /// <summary>The 1-based line number in the whole document.</summary>
        public int Number { get; }

        public string Text { get; }

        /// <summary>Columns of spaces before <see cref="Start"/>: what is left of a tab that a container split.</summary>
        public int Padding { get; }

        public int Start { get; }

        public int Column { get; }

        public bool IsBlank => FirstNonSpace == Text.Length;

        /// <summary>Columns of leading spaces and tabs.</summary>
        public int Indent { get; }

        /// <summary>The offset of the first character that is not a space or tab (Text.Length when blank).</summary>
        public int FirstNonSpace { get; }

        /// <summary>The character <paramref name="offset"/> places after the first non-space one, or '\0' past the end.</summary>
        public char At(int offset)
        {
            var i = FirstNonSpace + offset;
            return i < Text.Length ? Text[i] : '\0';
        }

        public string Rest => new string(' ', Padding) + Text.Substring(Start);

        /// <summary>The text after the leading spaces and tabs, without trailing spaces and tabs.</summary>
        public string Trimmed => Text.Substring(FirstNonSpace).TrimEnd(SpaceOrTab);

        /// <summary>The line with up to <paramref name="columns"/> columns of leading whitespace removed (a tab split in two leaves padding).</summary>
        public MarkdownLine Dedent(int columns)
        {
            if (columns <= Padding)
            {
                return new MarkdownLine(Number, Text, Padding - columns, Start, Column + columns, FirstNonSpace, Indent - columns);
            }

            var column = Column + Padding;
            var i = Start;
            while (i < Text.Length && column - Column < columns && IsSpaceOrTab(Text[i]))
            {
                var width = Text[i] == '\t' ? 4 - column % 4 : 1;
                if (column - Column + width > columns)
                {
                    // The tab's columns past the cut stay as padding; tabs stop at absolute columns, so the first
                    // non-space character keeps its column.
                    var left = column - Column + width - columns;
                    return new MarkdownLine(Number, Text, left, i + 1, Column + columns, FirstNonSpace, Indent - columns);
                }

                column += width;
                i++;
            }

            // The first non-space character has not moved: no need to measure the rest of the indentation again.
            return new MarkdownLine(Number, Text, 0, i, column, FirstNonSpace, Column + Indent - column);
        }

        /// <summary>The line from <paramref name="offset"/> characters after its start, padding included (a marker such as '&gt;' skipped).</summary>
        public MarkdownLine Skip(int offset) =>
            offset <= Padding ? Dedent(offset) : new MarkdownLine(Number, Text, Start + offset - Padding, Column + offset);
    }
}
