using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Endpoints;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Files;

/// <summary>
/// A page's <c>icon</c> and <c>cover</c> as <c>POST /v1/pages</c> and <c>PATCH /v1/pages/{id}</c> send them: an
/// icon is an emoji, a custom emoji of the workspace (by ID), an external image or an uploaded one; a cover an external
/// or uploaded image; null removes it.
/// </summary>
public sealed record PageVisuals(bool SetsIcon, JsonObject? Icon, bool SetsCover, JsonObject? Cover)
{
    private static readonly string[] IconKinds = ["emoji", "external", "file_upload"];

    public static PageVisuals Read(JsonObject body) => new(
        body.ContainsKey("icon"), RequestJson.OptionalObject(body, "icon") is { } icon ? ReadIcon(icon) : null,
        body.ContainsKey("cover"), RequestJson.OptionalObject(body, "cover") is { } cover ? FileReference.Read(cover, "body.cover", "cover") : null);

    /// <summary>
    /// The icon's custom emoji, named by ID, as a page answers it: with the emoji's name and image URL. An ID that names no
    /// custom emoji of the workspace is a validation error.
    /// </summary>
    public PageVisuals WithCustomEmojiOf(NotionWorkspace workspace)
    {
        if (Icon?["type"]?.GetValue<string>() != "custom_emoji")
        {
            return this;
        }

        var id = Guid.Parse(Icon["custom_emoji"]!["id"]!.GetValue<string>());
        var emoji = workspace.CustomEmojis.FirstOrDefault(candidate => candidate.Id == id)
            ?? throw NotionException.Validation($"body failed validation: body.icon.custom_emoji.id {id} names no custom emoji of the workspace.");
        return this with
        {
            Icon = new JsonObject
            {
                ["type"] = "custom_emoji",
                ["custom_emoji"] = new JsonObject { ["id"] = emoji.Id.ToString(), ["name"] = emoji.Name, ["url"] = emoji.Url },
            },
        };
    }

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

    /// <summary>
    /// An icon names its kind by <c>type</c> or by its one key: an emoji, a custom emoji, else a file (external or upload).
    /// A missing or unknown kind is answered as Notion answers it, listing the three kinds its reference names, not only
    /// the files. A custom emoji is sent by ID alone (a name or URL beside it is not read), and found in
    /// <see cref="WithCustomEmojiOf"/>.
    /// </summary>
    private static JsonObject ReadIcon(JsonObject icon)
    {
        var type = RequestJson.OptionalString(icon, "type", "body.icon") ?? IconKinds.Append("custom_emoji").FirstOrDefault(icon.ContainsKey)
            ?? throw RequestJson.FixOne("body.icon", IconKinds);
        if (type == "custom_emoji")
        {
            var custom = RequestJson.OptionalObject(icon, "custom_emoji", "body.icon") ?? throw RequestJson.Invalid("body.icon.custom_emoji", "defined", null);
            return Guid.TryParse(RequestJson.OptionalString(custom, "id", "body.icon.custom_emoji"), out var id)
                ? new JsonObject { ["type"] = "custom_emoji", ["custom_emoji"] = new JsonObject { ["id"] = id.ToString() } }
                : throw RequestJson.Invalid("body.icon.custom_emoji.id", "a valid uuid", custom["id"]);
        }

        if (type != "emoji")
        {
            return type is "external" or "file_upload" or "file"
                ? FileReference.Read(icon, "body.icon", "icon")
                : throw RequestJson.Invalid("body.icon.type", "`\"emoji\"`, `\"external\"` or `\"file_upload\"`", icon["type"]);
        }

        var emoji = RequestJson.OptionalString(icon, "emoji", "body.icon");
        return IsEmoji(emoji)
            ? new JsonObject { ["type"] = "emoji", ["emoji"] = emoji }
            : throw RequestJson.Invalid("body.icon.emoji", emoji is null ? "defined" : "an emoji", icon["emoji"]);
    }

    /// <summary>
    /// One emoji: a single user-perceived character (a ZWJ family, a flag or a keycap counts as one) that is not
    /// plain text: no letter, unless the emoji presentation selector (U+FE0F) dresses it, as in ℹ️. Notion checks
    /// against its emoji list; a word, a letter or two emoji are refused the same way.
    /// </summary>
    private static bool IsEmoji(string? text) =>
        !string.IsNullOrEmpty(text)
        && System.Globalization.StringInfo.GetNextTextElementLength(text) == text.Length
        && text.Any(c => c > '\u007f')
        && (text.Contains('\uFE0F') || !text.Any(char.IsLetter));
}
