using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotionPS.Content;

namespace NotionPS.Tests.Content;

/// <summary>Helpers shared by the content tests: blocks as JSON text and as the elements the writer reads.</summary>
internal static class ContentJson
{
    public static string Json(IEnumerable<ContentBlock> blocks) => ContentBlock.ToJsonArray(blocks).ToJsonString();

    public static List<JsonElement> Elements(IEnumerable<ContentBlock> blocks) =>
        JsonDocument.Parse(Json(blocks)).RootElement.EnumerateArray().ToList();

    public static List<JsonElement> Elements(string json) => JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();

    public static string RoundTrip(string markdown) => BlocksToMarkdown.Convert(Elements(MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown)));

    /// <summary>Each row of a table block read from Markdown as its cells' text (each link's URL after "->").</summary>
    public static string[][] Cells(ContentBlock table) =>
        table.Children.Select(row => row.Body["cells"]!.AsArray().Select(cell => string.Concat(cell!.AsArray().Select(item =>
        {
            var link = item!["text"]!["link"]?["url"]?.GetValue<string>();
            return item["text"]!["content"]!.GetValue<string>() + (link == null ? string.Empty : "->" + link);
        }))).ToArray()).ToArray();

    /// <summary>The text of a rich-text array as the reader built it, without its links and styles.</summary>
    public static string Plain(JsonNode? richText) => string.Concat(richText!.AsArray().Select(item => item!["text"]!["content"]!.GetValue<string>()));

    /// <summary>Every block of the tree, depth first.</summary>
    public static IEnumerable<ContentBlock> All(IEnumerable<ContentBlock> blocks) =>
        blocks.SelectMany(block => new[] { block }.Concat(All(block.Children)));
}
