using System.Text.Json.Nodes;
using NotionPS.Emulator.Endpoints;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Files;

/// <summary>
/// A page's <c>icon</c> and <c>cover</c> as <c>POST /v1/pages</c> and <c>PATCH /v1/pages/{id}</c> send them: an
/// icon is an emoji, an external image or an uploaded one; a cover an external or uploaded image; null removes it.
/// </summary>
public sealed record PageVisuals(bool SetsIcon, JsonObject? Icon, bool SetsCover, JsonObject? Cover)
{
    public static PageVisuals Read(JsonObject body) => new(
        body.ContainsKey("icon"), RequestJson.OptionalObject(body, "icon") is { } icon ? ReadIcon(icon) : null,
        body.ContainsKey("cover"), RequestJson.OptionalObject(body, "cover") is { } cover ? FileReference.Read(cover, "body.cover") : null);

    /// <summary>Checks the uploads the icon and cover attach: images only.</summary>
    public FileUploadStore.Attachments CheckIn(FileUploadStore.Attachments attachments) =>
        attachments.Check(Icon, "icon", "body.icon").Check(Cover, "cover", "body.cover");

    public void ApplyTo(Page page)
    {
        if (SetsIcon)
        {
            page.Icon = Icon;
        }

        if (SetsCover)
        {
            page.Cover = Cover;
        }
    }

    private static JsonObject ReadIcon(JsonObject icon)
    {
        if (RequestJson.OptionalString(icon, "type", "body.icon") != "emoji" && !icon.ContainsKey("emoji"))
        {
            return FileReference.Read(icon, "body.icon");
        }

        var emoji = RequestJson.OptionalString(icon, "emoji", "body.icon");
        return string.IsNullOrEmpty(emoji)
            ? throw RequestJson.Invalid("body.icon.emoji", "an emoji", icon["emoji"])
            : new JsonObject { ["type"] = "emoji", ["emoji"] = emoji };
    }
}
