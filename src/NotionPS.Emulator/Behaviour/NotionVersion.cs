using System.Text.Json.Nodes;
using NotionPS.Emulator.Endpoints;

namespace NotionPS.Emulator.Behaviour;

/// <summary>
/// Every difference between the Notion-Version values the emulator answers lives here: endpoints and the
/// renderer ask the request's version instead of comparing version names.
/// </summary>
public sealed class NotionVersion
{
    /// <summary>Before data sources: the schema is on the database and rows come from <c>POST /v1/databases/{id}/query</c>.</summary>
    public static readonly NotionVersion V2022_06_28 = new("2022-06-28", hasDataSources: false, keepsLegacyNames: true);

    /// <summary>Databases became containers of data sources.</summary>
    public static readonly NotionVersion V2025_09_03 = new("2025-09-03", hasDataSources: true, keepsLegacyNames: true);

    /// <summary>2026-03-11 renamed <c>archived</c> to <c>in_trash</c> and <c>after</c> to <c>position</c>.</summary>
    public static readonly NotionVersion V2026_03_11 = new("2026-03-11", hasDataSources: true, keepsLegacyNames: false);

    public static IReadOnlyList<NotionVersion> Supported { get; } = [V2022_06_28, V2025_09_03, V2026_03_11];

    private NotionVersion(string name, bool hasDataSources, bool keepsLegacyNames)
    {
        Name = name;
        HasDataSources = hasDataSources;
        KeepsLegacyNames = keepsLegacyNames;
    }

    public string Name { get; }

    /// <summary>
    /// Whether databases list data sources (2025-09-03 on). Without them the database object carries the schema,
    /// rows are queried through the database, a row's parent is the database, and search finds databases.
    /// </summary>
    public bool HasDataSources { get; }

    /// <summary>
    /// Whether this version predates 2026-03-11's renames: objects carry the legacy <c>archived</c> flag beside
    /// <c>in_trash</c>, and requests may send <c>archived</c> and <c>after</c>.
    /// </summary>
    public bool KeepsLegacyNames { get; }

    /// <summary>The value of search's object filter that finds tables: <c>database</c> before data sources, then <c>data_source</c>.</summary>
    public string SearchTableObject => HasDataSources ? "data_source" : "database";

    /// <summary>The <c>type</c> of a list of query or search results.</summary>
    public string ResultListType => HasDataSources ? "page_or_data_source" : "page_or_database";

    public static NotionVersion? Find(string? header) => Supported.FirstOrDefault(v => v.Name == header);

    public void WriteTrashFlags(JsonObject target, bool inTrash)
    {
        if (KeepsLegacyNames)
        {
            target["archived"] = inTrash;
        }

        target["in_trash"] = inTrash;
    }

    /// <summary>Reads the trash flag of a request body: <c>in_trash</c>, or <c>archived</c> where this version still has it.</summary>
    public bool? ReadTrashFlag(JsonObject body) =>
        ReadRenamed(body, legacy: "archived", current: "in_trash") ? RequestJson.OptionalBool(body, "in_trash") ?? RequestJson.OptionalBool(body, "archived") : null;

    /// <summary>The parent a row shows: its data source and database, or before data sources only the database.</summary>
    public JsonObject RowParent(Guid dataSourceId, Guid databaseId) => HasDataSources
        ? new JsonObject
        {
            ["type"] = "data_source_id",
            ["data_source_id"] = dataSourceId.ToString(),
            ["database_id"] = databaseId.ToString(),
        }
        : new JsonObject { ["type"] = "database_id", ["database_id"] = databaseId.ToString() };

    /// <summary>
    /// Whether a body uses a field renamed between versions, refusing the legacy name where this version no
    /// longer has it (Notion answers 400 naming the new field).
    /// </summary>
    public bool ReadRenamed(JsonObject body, string legacy, string current, string path = "body")
    {
        if (body.ContainsKey(legacy) && !KeepsLegacyNames)
        {
            throw NotionException.Validation(
                $"body failed validation: {path}.{legacy} is not supported in Notion-Version {Name}; use {path}.{current}.");
        }

        return body.ContainsKey(legacy) || body.ContainsKey(current);
    }
}
