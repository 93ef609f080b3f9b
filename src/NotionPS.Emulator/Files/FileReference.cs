using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Endpoints;

namespace NotionPS.Emulator.Files;

/// <summary>
/// Reads a file object as a request sends it (a media block's content, an item of a files property, a page's
/// icon or cover): an external URL, kept as given, or an upload to attach by ID. Returns the stored shape,
/// <c>{"type","external":{"url"}}</c> or <c>{"type","file_upload":{"id"}}</c>. An external URL that is not
/// http(s) is refused as Notion refuses it, naming the kind of file ("Invalid image url.").
/// </summary>
public static class FileReference
{
    public const int MaxUrlLength = 2000;

    public static JsonObject Read(JsonObject holder, string path, string kind)
    {
        var type = RequestJson.OptionalString(holder, "type", path)
            ?? new[] { "external", "file_upload", "file" }.FirstOrDefault(holder.ContainsKey)
            ?? throw RequestJson.FixOne(path, ["external", "file_upload"]);
        switch (type)
        {
            case "external":
                var external = RequestJson.OptionalObject(holder, "external", path) ?? throw RequestJson.Invalid($"{path}.external", "defined", null);
                var url = RequestJson.OptionalString(external, "url", $"{path}.external") ?? throw RequestJson.Invalid($"{path}.external.url", "defined", null);
                if (url.Length > MaxUrlLength)
                {
                    throw NotionException.Validation($"body failed validation: {path}.external.url.length should be ≤ `{MaxUrlLength}`, instead was `{url.Length}`.");
                }

                return UrlRules.IsWebUrl(url)
                    ? new JsonObject { ["type"] = "external", ["external"] = new JsonObject { ["url"] = url } }
                    : throw NotionException.Validation($"Invalid {kind} url.");
            case "file_upload":
                var upload = RequestJson.OptionalObject(holder, "file_upload", path) ?? throw RequestJson.Invalid($"{path}.file_upload", "defined", null);
                var raw = RequestJson.OptionalString(upload, "id", $"{path}.file_upload");
                return Guid.TryParse(raw, out var id)
                    ? new JsonObject { ["type"] = "file_upload", ["file_upload"] = new JsonObject { ["id"] = id.ToString() } }
                    : throw RequestJson.Invalid($"{path}.file_upload.id", "a valid uuid", upload["id"]);
            case "file":
                throw NotionException.Validation(
                    $"{path} is a Notion-hosted file (type file), which a request cannot send: upload the content with POST /v1/file_uploads and attach it as {{\"type\":\"file_upload\",\"file_upload\":{{\"id\":...}}}}, or link it with type external.");
            default:
                throw RequestJson.Invalid($"{path}.type", "`\"external\"` or `\"file_upload\"`", holder["type"]);
        }
    }
}
