using System.Text.Json.Nodes;
using NotionPS.Emulator.Endpoints;

namespace NotionPS.Emulator.Behaviour;

/// <summary>
/// Every difference between the Notion-Version values the emulator answers lives here, so a version
/// (such as 2022-06-28, with the schema on the database) is added in one place.
/// </summary>
public sealed class NotionVersion
{
    public static readonly NotionVersion V2025_09_03 = new("2025-09-03", writesArchived: true);

    /// <summary>2026-03-11 renamed <c>archived</c> to <c>in_trash</c> everywhere.</summary>
    public static readonly NotionVersion V2026_03_11 = new("2026-03-11", writesArchived: false);

    public static IReadOnlyList<NotionVersion> Supported { get; } = [V2025_09_03, V2026_03_11];

    private NotionVersion(string name, bool writesArchived)
    {
        Name = name;
        WritesArchived = writesArchived;
    }

    public string Name { get; }

    /// <summary>Whether objects carry the legacy <c>archived</c> flag beside <c>in_trash</c>, and requests may send it.</summary>
    public bool WritesArchived { get; }

    public static NotionVersion? Find(string? header) => Supported.FirstOrDefault(v => v.Name == header);

    public void WriteTrashFlags(JsonObject target, bool inTrash)
    {
        if (WritesArchived)
        {
            target["archived"] = inTrash;
        }

        target["in_trash"] = inTrash;
    }

    /// <summary>Reads the trash flag of a request body: <c>in_trash</c>, or <c>archived</c> where this version still has it.</summary>
    public bool? ReadTrashFlag(JsonObject body)
    {
        if (body.ContainsKey("archived") && !WritesArchived)
        {
            throw NotionException.Validation(
                $"body failed validation: body.archived is not supported in Notion-Version {Name}; use body.in_trash.");
        }

        return RequestJson.OptionalBool(body, "in_trash") ?? RequestJson.OptionalBool(body, "archived");
    }
}
