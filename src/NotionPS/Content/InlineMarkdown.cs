using System.Collections.Generic;
using System.Text;

namespace NotionPS.Content
{
    /// <summary>
    /// CommonMark inline parsing for the subset Notion's rich text can hold: **strong** and *emphasis* (also with
    /// underscores, by CommonMark's delimiter-run rules), ~~strikethrough~~ (GFM, two tildes), `code spans`,
    /// [links](url "title") (the title is dropped), &lt;https://autolinks&gt;, backslash escapes and hard line
    /// breaks (backslash or two spaces before a newline, or Notion's &lt;br&gt;). An inline image ![alt](url)
    /// becomes a link with its alt text (a rich text has no images), a numeric character reference (&amp;#9;) the
    /// character it names. Anything else (HTML tags, named entities, reference links) stays as the literal text written.
    /// The delimiter and bracket stacks follow the spec's "process emphasis" algorithm with its openers-bottom
    /// bound, link destinations stop at 32 nested parentheses as cmark does, and code-span closers are looked up
    /// in a precomputed index, so no input makes the parser quadratic.
    /// </summary>
    internal static class InlineMarkdown
    {
        private const int MaxDestinationParens = 32;

        public static List<RichSpan> Parse(string text) => new Parser(text).Run();

        /// <summary>
        /// Where the text of the link or image that is all of <paramref name="text"/> ("[text](url)" or "![text](url)")
        /// ends, at its closing ']', as CommonMark matches brackets (past escapes, code spans, and links nested in an
        /// image's description with their destinations); -1 when <paramref name="text"/> is not one link or image.
        /// </summary>
        public static int WholeLinkTextEnd(string text) => new Parser(text).WholeLinkTextEnd();

        /// <summary>A link destination as CommonMark reads it: a backslash before ASCII punctuation escapes it.</summary>
        public static string UnescapeDestination(string destination)
        {
            var text = new StringBuilder(destination.Length);
            for (var p = 0; p < destination.Length;)
            {
                p = AppendDestinationChar(destination, p, text);
            }

            return text.ToString();
        }

        /// <summary>
        /// Reads the link destination in angle brackets whose '&lt;' is at <paramref name="start"/> as CommonMark reads one: no
        /// line ending, and no '&lt;' or '&gt;' but an escaped one (\&lt;, \&gt;); its characters, escapes resolved, go into
        /// <paramref name="destination"/>. Returns where its closing '&gt;' is; -1 when it has none.
        /// </summary>
        public static int AngleDestinationEnd(string source, int start, StringBuilder destination)
        {
            var p = start + 1;
            while (p < source.Length && source[p] != '>')
            {
                if (source[p] == '\n' || source[p] == '<')
                {
                    return -1;
                }

                p = AppendDestinationChar(source, p, destination);
            }

            return p < source.Length ? p : -1;
        }

        /// <summary>Appends the character of a link destination at <paramref name="p"/>, a backslash-escaped punctuation mark as itself; returns where the next starts.</summary>
        private static int AppendDestinationChar(string source, int p, StringBuilder destination)
        {
            if (source[p] == '\\' && p + 1 < source.Length && IsAsciiPunctuation(source[p + 1]))
            {
                destination.Append(source[p + 1]);
                return p + 2;
            }

            destination.Append(source[p]);
            return p + 1;
        }

        private enum Kind
        {
            Text,
            Code,
            Delimiter,
            Bracket,
            LinkStart,
            LinkEnd,
            StyleStart,
            StyleEnd,
        }

        private enum Style
        {
            Bold,
            Italic,
            Strike,
        }

        private sealed class Node
        {
            public Kind Kind;
            public string Text = string.Empty;
            public char DelimiterChar;
            public int Count;
            public int OriginalCount;
            public bool CanOpen;
            public bool CanClose;
            public Style Style;
            public string? Url;
            public Node? Previous;
            public Node? Next;
            public Node? PreviousDelimiter;
            public Node? NextDelimiter;

            // For brackets: the delimiter on top of the stack when the bracket was seen (the stack bottom of its link).
            public Node? DelimiterBottom;
            public bool IsImage;
            public Node? PreviousBracket;
            public int Start;
        }

        private sealed class Parser
        {
            private readonly string _text;
            private readonly StringBuilder _pending = new StringBuilder();
            private readonly Dictionary<int, List<int>> _backtickRuns = new Dictionary<int, List<int>>();
            private readonly Dictionary<int, int> _backtickCursor = new Dictionary<int, int>();
            private Node? _first;
            private Node? _last;
            private Node? _lastDelimiter;
            private Node? _lastBracket;

            // No links inside links: a bracket starting before the last link closed can no longer open one (an image's can).
            // A position, not a flag on each bracket, so closing a link costs the same however many brackets are open.
            private int _linkFloor;
            private int _firstBracketClose = -1;
            private int _firstBracketEnd = -1;

            public Parser(string text)
            {
                _text = text;
                IndexBacktickRuns();
            }

            public List<RichSpan> Run()
            {
                Scan();
                FlushText();
                ProcessEmphasis(null);
                return Render();
            }

            public int WholeLinkTextEnd()
            {
                Scan();
                return _firstBracketEnd == _text.Length ? _firstBracketClose : -1;
            }

            private void Scan()
            {
                var i = 0;
                while (i < _text.Length)
                {
                    var c = _text[i];
                    switch (c)
                    {
                        case '\\':
                            i = Escape(i);
                            break;
                        case '`':
                            i = CodeSpan(i);
                            break;
                        case '*':
                        case '_':
                        case '~':
                            i = DelimiterRun(i);
                            break;
                        case '[':
                            AddBracket(i, 1, false);
                            i++;
                            break;
                        case '!' when i + 1 < _text.Length && _text[i + 1] == '[':
                            AddBracket(i, 2, true);
                            i += 2;
                            break;
                        case ']':
                            i = CloseBracket(i);
                            break;
                        case '<':
                            i = AngleBracket(i);
                            break;
                        case '&':
                            i = NumericCharacterReference(i);
                            break;
                        case '\n':
                            i = LineBreak(i + 1);
                            break;
                        default:
                            _pending.Append(c);
                            i++;
                            break;
                    }
                }
            }

            private void IndexBacktickRuns()
            {
                for (var i = 0; i < _text.Length;)
                {
                    if (_text[i] != '`')
                    {
                        i++;
                        continue;
                    }

                    var start = i;
                    while (i < _text.Length && _text[i] == '`')
                    {
                        i++;
                    }

                    if (!_backtickRuns.TryGetValue(i - start, out var starts))
                    {
                        _backtickRuns[i - start] = starts = new List<int>();
                        _backtickCursor[i - start] = 0;
                    }

                    starts.Add(start);
                }
            }

            private int Escape(int i)
            {
                if (i + 1 < _text.Length && IsAsciiPunctuation(_text[i + 1]))
                {
                    _pending.Append(_text[i + 1]);
                    return i + 2;
                }

                if (i + 1 < _text.Length && _text[i + 1] == '\n')
                {
                    _pending.Append('\n');
                    return i + 2;
                }

                _pending.Append('\\');
                return i + 1;
            }

            private int CodeSpan(int i)
            {
                var length = 0;
                while (i + length < _text.Length && _text[i + length] == '`')
                {
                    length++;
                }

                var closer = NextBacktickRun(length, i + length);
                if (closer < 0)
                {
                    _pending.Append('`', length);
                    return i + length;
                }

                var content = _text.Substring(i + length, closer - i - length).Replace('\n', ' ');
                if (content.Length >= 2 && content[0] == ' ' && content[content.Length - 1] == ' ' && content.Trim(' ').Length > 0)
                {
                    content = content.Substring(1, content.Length - 2);
                }

                Append(new Node { Kind = Kind.Code, Text = content });
                return closer + length;
            }

            /// <summary>The start of the first run of exactly <paramref name="length"/> backticks at or after <paramref name="from"/>, or -1.</summary>
            private int NextBacktickRun(int length, int from)
            {
                if (!_backtickRuns.TryGetValue(length, out var starts))
                {
                    return -1;
                }

                var cursor = _backtickCursor[length];
                while (cursor < starts.Count && starts[cursor] < from)
                {
                    cursor++;
                }

                _backtickCursor[length] = cursor;
                return cursor < starts.Count ? starts[cursor] : -1;
            }

            private int DelimiterRun(int i)
            {
                var c = _text[i];
                var end = i;
                while (end < _text.Length && _text[end] == c)
                {
                    end++;
                }

                var count = end - i;
                if (c == '~' && count != 2)
                {
                    _pending.Append(c, count);
                    return end;
                }

                var before = i > 0 ? _text[i - 1] : '\n';
                var after = end < _text.Length ? _text[end] : '\n';
                var leftFlanking = !IsWhitespace(after) && (!IsPunctuation(after) || IsWhitespace(before) || IsPunctuation(before));
                var rightFlanking = !IsWhitespace(before) && (!IsPunctuation(before) || IsWhitespace(after) || IsPunctuation(after));
                var node = new Node { Kind = Kind.Delimiter, DelimiterChar = c, Count = count, OriginalCount = count };
                if (c == '_')
                {
                    node.CanOpen = leftFlanking && (!rightFlanking || IsPunctuation(before));
                    node.CanClose = rightFlanking && (!leftFlanking || IsPunctuation(after));
                }
                else
                {
                    node.CanOpen = leftFlanking;
                    node.CanClose = rightFlanking;
                }

                Append(node);
                PushDelimiter(node);
                return end;
            }

            private void AddBracket(int i, int length, bool image)
            {
                var node = new Node { Kind = Kind.Bracket, Text = _text.Substring(i, length), IsImage = image, DelimiterBottom = _lastDelimiter, PreviousBracket = _lastBracket, Start = i };
                Append(node);
                _lastBracket = node;
            }

            private int CloseBracket(int i)
            {
                var opener = _lastBracket;
                if (opener == null)
                {
                    _pending.Append(']');
                    return i + 1;
                }

                _lastBracket = opener.PreviousBracket;
                if ((!opener.IsImage && opener.Start < _linkFloor) || !TryDestination(i + 1, out var url, out var end))
                {
                    _pending.Append(']');
                    return i + 1;
                }

                if (opener.Start == 0)
                {
                    _firstBracketClose = i;
                    _firstBracketEnd = end;
                }

                FlushText();
                ProcessEmphasis(opener.DelimiterBottom);
                opener.Kind = Kind.LinkStart;
                opener.Url = url;
                opener.Text = string.Empty;
                Append(new Node { Kind = Kind.LinkEnd });
                if (!opener.IsImage)
                {
                    _linkFloor = opener.Start;
                }

                return end;
            }

            /// <summary>Reads <c>(destination "optional title")</c> at <paramref name="i"/>.</summary>
            private bool TryDestination(int i, out string url, out int end)
            {
                url = string.Empty;
                end = i;
                if (i >= _text.Length || _text[i] != '(')
                {
                    return false;
                }

                var p = SkipSpaces(i + 1);
                var destination = new StringBuilder();
                if (p < _text.Length && _text[p] == '<')
                {
                    var close = AngleDestinationEnd(_text, p, destination);
                    if (close < 0)
                    {
                        return false;
                    }

                    p = close + 1;
                }
                else
                {
                    var depth = 0;
                    while (p < _text.Length && !IsWhitespace(_text[p]) && !char.IsControl(_text[p]))
                    {
                        if (_text[p] == '(' && ++depth > MaxDestinationParens)
                        {
                            return false;
                        }

                        if (_text[p] == ')' && depth-- == 0)
                        {
                            break;
                        }

                        p = AppendDestinationChar(_text, p, destination);
                    }
                }

                var afterDestination = p;
                p = SkipSpaces(p);
                if (p < _text.Length && p > afterDestination && (_text[p] == '"' || _text[p] == '\'' || _text[p] == '('))
                {
                    var close = _text[p] == '(' ? ')' : _text[p];
                    p++;
                    while (p < _text.Length && _text[p] != close)
                    {
                        if (_text[p] == '(' && close == ')')
                        {
                            return false;
                        }

                        p += _text[p] == '\\' && p + 1 < _text.Length ? 2 : 1;
                    }

                    if (p >= _text.Length)
                    {
                        return false;
                    }

                    p = SkipSpaces(p + 1);
                }

                if (p >= _text.Length || _text[p] != ')')
                {
                    return false;
                }

                url = destination.ToString();
                end = p + 1;
                return true;
            }

            private int SkipSpaces(int p)
            {
                while (p < _text.Length && (_text[p] == ' ' || _text[p] == '\t' || _text[p] == '\n'))
                {
                    p++;
                }

                return p;
            }

            /// <summary>
            /// A numeric character reference, &amp;#9; or &amp;#x9;, as the character it names (U+FFFD for none), literal text
            /// as CommonMark reads it: BlocksToMarkdown writes a line's leading space or tab so. Other "&amp;" is literal.
            /// </summary>
            private int NumericCharacterReference(int i)
            {
                var p = i + 1;
                if (p < _text.Length && _text[p] == '#')
                {
                    p++;
                    var hex = p < _text.Length && (_text[p] == 'x' || _text[p] == 'X');
                    p += hex ? 1 : 0;
                    var start = p;
                    var value = 0;
                    int digit;
                    while (p < _text.Length && p - start < (hex ? 6 : 7) && (digit = DigitValue(_text[p], hex)) >= 0)
                    {
                        value = (value * (hex ? 16 : 10)) + digit;
                        p++;
                    }

                    if (p > start && p < _text.Length && _text[p] == ';')
                    {
                        _pending.Append(value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) ? "\uFFFD" : char.ConvertFromUtf32(value));
                        FlushText(); // the character is text, never the whitespace a line break trims before it
                        return p + 1;
                    }
                }

                _pending.Append('&');
                return i + 1;
            }

            private static int DigitValue(char c, bool hex) =>
                c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

            /// <summary>An autolink &lt;scheme:...&gt;, Notion's &lt;br&gt;, or a literal '&lt;'.</summary>
            private int AngleBracket(int i)
            {
                foreach (var lineBreak in new[] { "<br>", "<br/>", "<br />" })
                {
                    if (string.CompareOrdinal(_text, i, lineBreak, 0, lineBreak.Length) == 0)
                    {
                        return LineBreak(i + lineBreak.Length);
                    }
                }

                var p = i + 1;
                var schemeStart = p;
                while (p < _text.Length && p - schemeStart <= 32 && (char.IsLetterOrDigit(_text[p]) && _text[p] < 128 || _text[p] == '+' || _text[p] == '.' || _text[p] == '-'))
                {
                    p++;
                }

                if (p - schemeStart >= 2 && p < _text.Length && _text[p] == ':' && char.IsLetter(_text[schemeStart]))
                {
                    while (p < _text.Length && _text[p] != '>' && _text[p] != '<' && !IsWhitespace(_text[p]) && !char.IsControl(_text[p]))
                    {
                        p++;
                    }

                    if (p < _text.Length && _text[p] == '>')
                    {
                        var url = _text.Substring(i + 1, p - i - 1);
                        Append(new Node { Kind = Kind.LinkStart, Url = url });
                        Append(new Node { Kind = Kind.Text, Text = url });
                        Append(new Node { Kind = Kind.LinkEnd });
                        return p + 1;
                    }
                }

                _pending.Append('<');
                return i + 1;
            }

            /// <summary>
            /// A line break, a line end or &lt;br&gt;, that <paramref name="after"/> follows: the spaces and tabs around it
            /// are dropped, as Markdown drops them at a line's edges (a character reference, &amp;#32;, is text and stays).
            /// </summary>
            private int LineBreak(int after)
            {
                var length = _pending.Length;
                while (length > 0 && MarkdownLine.IsSpaceOrTab(_pending[length - 1]))
                {
                    length--;
                }

                _pending.Length = length;
                _pending.Append('\n');
                while (after < _text.Length && MarkdownLine.IsSpaceOrTab(_text[after]))
                {
                    after++;
                }

                return after;
            }

            private void FlushText()
            {
                if (_pending.Length > 0)
                {
                    var node = new Node { Kind = Kind.Text, Text = _pending.ToString() };
                    _pending.Clear();
                    Link(node);
                }
            }

            private void Append(Node node)
            {
                FlushText();
                Link(node);
            }

            private void Link(Node node)
            {
                node.Previous = _last;
                if (_last == null)
                {
                    _first = node;
                }
                else
                {
                    _last.Next = node;
                }

                _last = node;
            }

            private static void InsertAfter(Node anchor, Node node)
            {
                node.Previous = anchor;
                node.Next = anchor.Next;
                if (anchor.Next != null)
                {
                    anchor.Next.Previous = node;
                }

                anchor.Next = node;
            }

            private void InsertBefore(Node anchor, Node node)
            {
                node.Next = anchor;
                node.Previous = anchor.Previous;
                if (anchor.Previous != null)
                {
                    anchor.Previous.Next = node;
                }
                else
                {
                    _first = node;
                }

                anchor.Previous = node;
            }

            private void PushDelimiter(Node node)
            {
                node.PreviousDelimiter = _lastDelimiter;
                if (_lastDelimiter != null)
                {
                    _lastDelimiter.NextDelimiter = node;
                }

                _lastDelimiter = node;
            }

            private void RemoveDelimiter(Node node)
            {
                if (node.PreviousDelimiter != null)
                {
                    node.PreviousDelimiter.NextDelimiter = node.NextDelimiter;
                }

                if (node.NextDelimiter != null)
                {
                    node.NextDelimiter.PreviousDelimiter = node.PreviousDelimiter;
                }
                else
                {
                    _lastDelimiter = node.PreviousDelimiter;
                }

                node.PreviousDelimiter = node.NextDelimiter = null;
            }

            /// <summary>CommonMark's "process emphasis" over the delimiters above <paramref name="bottom"/>, which it then removes.</summary>
            private void ProcessEmphasis(Node? bottom)
            {
                var openersBottom = new Dictionary<int, Node?>();
                Node? closer = _lastDelimiter;
                while (closer != null && closer.PreviousDelimiter != bottom)
                {
                    closer = closer.PreviousDelimiter;
                }

                if (closer == bottom)
                {
                    closer = null;
                }

                while (closer != null)
                {
                    if (!closer.CanClose)
                    {
                        closer = closer.NextDelimiter;
                        continue;
                    }

                    var key = closer.DelimiterChar * 8 + (closer.CanOpen ? 4 : 0) + closer.OriginalCount % 3;
                    var limit = openersBottom.TryGetValue(key, out var found) ? found : bottom;
                    var opener = closer.PreviousDelimiter;
                    while (opener != null && opener != bottom && opener != limit && !Matches(opener, closer))
                    {
                        opener = opener.PreviousDelimiter;
                    }

                    if (opener != null && opener != bottom && opener != limit)
                    {
                        var used = closer.DelimiterChar == '~' ? 2 : (opener.Count >= 2 && closer.Count >= 2 ? 2 : 1);
                        var style = closer.DelimiterChar == '~' ? Style.Strike : used == 2 ? Style.Bold : Style.Italic;
                        opener.Count -= used;
                        closer.Count -= used;
                        InsertAfter(opener, new Node { Kind = Kind.StyleStart, Style = style });
                        InsertBefore(closer, new Node { Kind = Kind.StyleEnd, Style = style });
                        while (closer.PreviousDelimiter != opener)
                        {
                            RemoveDelimiter(closer.PreviousDelimiter!);
                        }

                        if (opener.Count == 0)
                        {
                            RemoveDelimiter(opener);
                        }

                        if (closer.Count == 0)
                        {
                            var next = closer.NextDelimiter;
                            RemoveDelimiter(closer);
                            closer = next;
                        }
                    }
                    else
                    {
                        openersBottom[key] = closer.PreviousDelimiter;
                        var next = closer.NextDelimiter;
                        if (!closer.CanOpen)
                        {
                            RemoveDelimiter(closer);
                        }

                        closer = next;
                    }
                }

                while (_lastDelimiter != null && _lastDelimiter != bottom)
                {
                    RemoveDelimiter(_lastDelimiter);
                }
            }

            private static bool Matches(Node opener, Node closer)
            {
                if (!opener.CanOpen || opener.DelimiterChar != closer.DelimiterChar)
                {
                    return false;
                }

                if (closer.DelimiterChar == '~')
                {
                    return opener.Count == closer.Count;
                }

                // CommonMark's "rule of 3" for runs that can both open and close.
                var multipleOfThree = (opener.CanClose || closer.CanOpen)
                    && (opener.OriginalCount + closer.OriginalCount) % 3 == 0
                    && !(opener.OriginalCount % 3 == 0 && closer.OriginalCount % 3 == 0);
                return !multipleOfThree;
            }

            private List<RichSpan> Render()
            {
                var spans = new List<RichSpan>();
                int bold = 0, italic = 0, strike = 0;
                string? url = null;
                for (var node = _first; node != null; node = node.Next)
                {
                    switch (node.Kind)
                    {
                        case Kind.Text:
                        case Kind.Bracket:
                            spans.Add(new RichSpan(node.Text, bold > 0, italic > 0, strike > 0, false, url));
                            break;
                        case Kind.Delimiter:
                            spans.Add(new RichSpan(new string(node.DelimiterChar, node.Count), bold > 0, italic > 0, strike > 0, false, url));
                            break;
                        case Kind.Code:
                            spans.Add(new RichSpan(node.Text, bold > 0, italic > 0, strike > 0, true, url));
                            break;
                        case Kind.LinkStart:
                            url = node.Url;
                            break;
                        case Kind.LinkEnd:
                            url = null;
                            break;
                        case Kind.StyleStart:
                        case Kind.StyleEnd:
                            var change = node.Kind == Kind.StyleStart ? 1 : -1;
                            if (node.Style == Style.Bold)
                            {
                                bold += change;
                            }
                            else if (node.Style == Style.Italic)
                            {
                                italic += change;
                            }
                            else
                            {
                                strike += change;
                            }

                            break;
                    }
                }

                return RichText.Merge(spans);
            }
        }

        internal static bool IsAsciiPunctuation(char c) =>
            c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';

        private static bool IsWhitespace(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || char.IsWhiteSpace(c);

        private static bool IsPunctuation(char c) => IsAsciiPunctuation(c) || char.IsPunctuation(c) || char.IsSymbol(c);
    }
}
