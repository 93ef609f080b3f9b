using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotionPS.Client;

namespace NotionPS.Content
{
    /// <summary>A run of text with one set of the annotations Markdown can carry, and an optional link.</summary>
    internal readonly struct RichSpan : IEquatable<RichSpan>
    {
        public RichSpan(string text, bool bold = false, bool italic = false, bool strikethrough = false, bool code = false, string? link = null)
        {
            Text = text;
            Bold = bold;
            Italic = italic;
            Strikethrough = strikethrough;
            Code = code;
            Link = link;
        }

        public string Text { get; }

        public bool Bold { get; }

        public bool Italic { get; }

        public bool Strikethrough { get; }

        public bool Code { get; }

        public string? Link { get; }

        public RichSpan WithText(string text) => new RichSpan(text, Bold, Italic, Strikethrough, Code, Link);

        /// <summary>Same annotations and link (the text may differ).</summary>
        public bool SameStyle(RichSpan other) =>
            Bold == other.Bold && Italic == other.Italic && Strikethrough == other.Strikethrough && Code == other.Code && Link == other.Link;

        public bool Equals(RichSpan other) => Text == other.Text && SameStyle(other);

        public override bool Equals(object? obj) => obj is RichSpan other && Equals(other);

        public override int GetHashCode() => (Text, Bold, Italic, Strikethrough, Code, Link).GetHashCode();

        public override string ToString() => $"{Text}{(Bold ? " [b]" : "")}{(Italic ? " [i]" : "")}{(Strikethrough ? " [s]" : "")}{(Code ? " [c]" : "")}{(Link != null ? " -> " + Link : "")}";
    }

    /// <summary>Rich-text arrays both ways: spans to Notion's request shape (within its limits), and Notion's items back to spans.</summary>
    internal static class RichText
    {
        /// <summary>Notion's limit on one text item's <c>content</c> and on a link URL (UTF-16 code units, as JavaScript counts).</summary>
        public const int MaxTextLength = 2000;

        /// <summary>Notion's limit on the items of one rich-text array.</summary>
        public const int MaxItems = 100;

        /// <summary>
        /// The spans as a rich-text array: adjacent spans with the same style merged, text longer than 2,000
        /// characters split into several items (never inside a surrogate pair). More than 100 items, or a link
        /// longer than 2,000 characters, is an error naming <paramref name="line"/>.
        /// </summary>
        public static JsonArray ToJson(IEnumerable<RichSpan> spans, int line)
        {
            var array = new JsonArray();
            foreach (var span in Merge(spans))
            {
                if (span.Link != null && span.Link.Length > MaxTextLength)
                {
                    throw new MarkdownContentException(MarkdownContentException.UrlTooLong, line,
                        $"a link's URL is {span.Link.Length:N0} characters long; Notion takes at most {MaxTextLength:N0}. Shorten the URL.");
                }

                for (var start = 0; start < span.Text.Length;)
                {
                    var length = Math.Min(MaxTextLength, span.Text.Length - start);
                    if (length == MaxTextLength && char.IsHighSurrogate(span.Text[start + length - 1]))
                    {
                        length--;
                    }

                    if (array.Count == MaxItems)
                    {
                        throw new MarkdownContentException(MarkdownContentException.TextTooLong, line,
                            $"the block's text needs more than {MaxItems} rich-text items (each at most {MaxTextLength:N0} characters, a new one at each change of formatting); Notion takes at most {MaxItems}. Split the text into several paragraphs or code blocks.");
                    }

                    array.Add(Item(span, span.Text.Substring(start, length)));
                    start += length;
                }
            }

            return array;
        }

        /// <summary>Spans read back from a rich-text array as Notion returns it (or as a request sends it).</summary>
        public static List<RichSpan> FromJson(JsonElement richText)
        {
            var spans = new List<RichSpan>();
            if (richText.ValueKind != JsonValueKind.Array)
            {
                return spans;
            }

            foreach (var item in richText.EnumerateArray())
            {
                var text = JsonRead.Object(item, "text") ?? default;
                var content = JsonRead.String(item, "plain_text") ?? JsonRead.String(text, "content") ?? string.Empty;
                var link = JsonRead.String(item, "href") ?? JsonRead.String(JsonRead.Object(text, "link") ?? default, "url");
                var annotations = JsonRead.Object(item, "annotations") ?? default;
                spans.Add(new RichSpan(content, Flag(annotations, "bold"), Flag(annotations, "italic"), Flag(annotations, "strikethrough"), Flag(annotations, "code"), link));
            }

            return spans;
        }

        /// <summary>The text without formatting.</summary>
        public static string Plain(IEnumerable<RichSpan> spans)
        {
            var text = new StringBuilder();
            foreach (var span in spans)
            {
                text.Append(span.Text);
            }

            return text.ToString();
        }

        /// <summary>
        /// Adjacent spans of one style joined, empty ones dropped (one builder per run of two spans or more: linear
        /// however many spans; a span alone keeps its text).
        /// </summary>
        public static List<RichSpan> Merge(IEnumerable<RichSpan> spans)
        {
            var merged = new List<RichSpan>();
            RichSpan? first = null;
            StringBuilder? run = null;
            foreach (var span in spans)
            {
                if (span.Text.Length == 0)
                {
                    continue;
                }

                if (first != null && first.Value.SameStyle(span))
                {
                    (run ??= new StringBuilder(first.Value.Text)).Append(span.Text);
                    continue;
                }

                if (first != null)
                {
                    merged.Add(Joined(first.Value, run));
                }

                first = span;
                run = null;
            }

            if (first != null)
            {
                merged.Add(Joined(first.Value, run));
            }

            return merged;
        }

        private static RichSpan Joined(RichSpan first, StringBuilder? run) => run == null ? first : first.WithText(run.ToString());

        private static JsonObject Item(RichSpan span, string content)
        {
            var text = new JsonObject { ["content"] = content };
            if (span.Link != null)
            {
                text["link"] = new JsonObject { ["url"] = span.Link };
            }

            var item = new JsonObject { ["type"] = "text", ["text"] = text };
            var annotations = new JsonObject();
            AddFlag(annotations, "bold", span.Bold);
            AddFlag(annotations, "italic", span.Italic);
            AddFlag(annotations, "strikethrough", span.Strikethrough);
            AddFlag(annotations, "code", span.Code);
            if (annotations.Count > 0)
            {
                item["annotations"] = annotations;
            }

            return item;
        }

        private static void AddFlag(JsonObject annotations, string name, bool value)
        {
            if (value)
            {
                annotations[name] = true;
            }
        }

        private static bool Flag(JsonElement annotations, string name) => JsonRead.Bool(annotations, name) == true;
    }
}
