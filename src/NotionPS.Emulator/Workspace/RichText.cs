using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Workspace;

/// <summary>Builds rich-text items in the shape Notion returns them.</summary>
public static class RichText
{
    public static JsonObject Text(string content, string? link = null, JsonObject? annotations = null) => new()
    {
        ["type"] = "text",
        ["text"] = new JsonObject
        {
            ["content"] = content,
            ["link"] = link is null ? null : new JsonObject { ["url"] = link },
        },
        ["annotations"] = annotations ?? DefaultAnnotations(),
        ["plain_text"] = content,
        ["href"] = link,
    };

    public static JsonArray Array(string? content) => content is null or "" ? [] : [Text(content)];

    public static JsonObject DefaultAnnotations() => new()
    {
        ["bold"] = false,
        ["italic"] = false,
        ["strikethrough"] = false,
        ["underline"] = false,
        ["code"] = false,
        ["color"] = "default",
    };

    /// <summary>The concatenated plain text of stored rich text (how Notion compares text in filters and search).</summary>
    public static string PlainText(JsonNode? richText) =>
        richText is JsonArray items
            ? string.Concat(items.Select(i => i?["plain_text"]?.GetValue<string>() ?? ""))
            : "";
}
