using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Files;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Endpoints;

/// <summary>
/// Turns workspace objects into the JSON Notion returns, for one caller (its capabilities decide what user
/// information shows) and one Notion-Version (which decides version-dependent fields).
/// </summary>
public sealed partial class ObjectRenderer(NotionWorkspace workspace, Integration caller, NotionVersion version, FileUploadStore files)
{
    /// <summary>A page object carries at most this many people or relations, and this many page or person mentions in a title or text value.</summary>
    public const int MaxValuesInPageObject = 25;

    public static ObjectRenderer For(NotionRequest request) => new(request.Workspace, request.Integration, request.Version, request.State.Files);

    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonObject PartialUser(Guid id) => new() { ["object"] = "user", ["id"] = id.ToString() };

    public static JsonObject List(IEnumerable<JsonNode> results, string? nextCursor, string type) => new()
    {
        ["object"] = "list",
        ["results"] = new JsonArray([.. results]),
        ["next_cursor"] = nextCursor,
        ["has_more"] = nextCursor is not null,
        ["type"] = type,
        [type] = new JsonObject(),
    };

    public JsonObject Page(Page page, IReadOnlySet<string>? onlyPropertyIds = null)
    {
        var properties = new JsonObject();
        foreach (var schema in workspace.SchemaOf(page))
        {
            if (onlyPropertyIds is null || onlyPropertyIds.Contains(schema.Id))
            {
                properties[schema.Name] = PropertyValue(schema, page);
            }
        }

        var result = new JsonObject
        {
            ["object"] = "page",
            ["id"] = page.Id.ToString(),
            ["created_time"] = Timestamp(page.CreatedTime),
            ["last_edited_time"] = Timestamp(page.LastEditedTime),
            ["created_by"] = PartialUser(page.CreatedBy),
            ["last_edited_by"] = PartialUser(page.LastEditedBy),
            ["cover"] = files.Render(page.Cover),
            ["icon"] = files.Render(page.Icon),
            ["parent"] = Parent(page),
        };
        version.WriteTrashFlags(result, page.InTrash);
        result["is_locked"] = false;
        result["properties"] = properties;
        result["url"] = PageUrl(page);
        result["public_url"] = null;
        return result;
    }

    /// <summary>
    /// A database: with its data sources listed, or, before data sources (2022-06-28), with the schema of
    /// <paramref name="schemaSource"/>, the one data source it stands for.
    /// </summary>
    public JsonObject Database(Database database, DataSource? schemaSource = null)
    {
        var result = new JsonObject
        {
            ["object"] = "database",
            ["id"] = database.Id.ToString(),
            ["title"] = RichText.Array(database.Title),
            ["description"] = new JsonArray(),
            ["parent"] = Parent(database),
            ["is_inline"] = database.IsInline,
        };
        version.WriteTrashFlags(result, database.InTrash);
        result["is_locked"] = false;
        result["created_time"] = Timestamp(database.CreatedTime);
        result["last_edited_time"] = Timestamp(database.LastEditedTime);
        if (version.HasDataSources)
        {
            result["data_sources"] = new JsonArray([.. workspace.DataSourcesShownBy(database)
                .Where(d => workspace.IsVisible(d, caller))
                .Select(d => (JsonNode)new JsonObject { ["id"] = d.Id.ToString(), ["name"] = d.Name })]);
        }
        else
        {
            result["created_by"] = PartialUser(database.CreatedBy);
            result["last_edited_by"] = PartialUser(database.LastEditedBy);
            result["properties"] = Schema(schemaSource ?? throw new ArgumentNullException(nameof(schemaSource), "Before data sources a database shows its schema."));
        }

        result["icon"] = null;
        result["cover"] = null;
        result["url"] = $"https://www.notion.so/{database.Id:N}";
        result["public_url"] = null;
        return result;
    }

    public JsonObject DataSource(DataSource dataSource)
    {
        var database = workspace.DatabaseOf(dataSource);
        var result = new JsonObject
        {
            ["object"] = "data_source",
            ["id"] = dataSource.Id.ToString(),
            ["created_time"] = Timestamp(dataSource.CreatedTime),
            ["last_edited_time"] = Timestamp(dataSource.LastEditedTime),
            ["created_by"] = PartialUser(dataSource.CreatedBy),
            ["last_edited_by"] = PartialUser(dataSource.LastEditedBy),
            ["title"] = RichText.Array(dataSource.Name),
            ["description"] = new JsonArray(),
            ["icon"] = null,
            ["cover"] = null,
            ["properties"] = Schema(dataSource),
            ["parent"] = new JsonObject { ["type"] = "database_id", ["database_id"] = database.Id.ToString() },
            ["database_parent"] = Parent(database),
            ["is_inline"] = database.IsInline,
        };
        version.WriteTrashFlags(result, dataSource.InTrash || database.InTrash);
        result["url"] = $"https://www.notion.so/{database.Id:N}";
        result["public_url"] = null;
        return result;
    }

    /// <summary>The <c>properties</c> of a data source (or of a database before data sources): each column's configuration.</summary>
    private static JsonObject Schema(DataSource dataSource)
    {
        var properties = new JsonObject();
        foreach (var schema in dataSource.Properties)
        {
            properties[schema.Name] = new JsonObject
            {
                ["id"] = schema.Id,
                ["name"] = schema.Name,
                ["description"] = schema.Description,
                ["type"] = schema.Type,
                [schema.Type] = schema.Configuration.DeepClone(),
            };
        }

        return properties;
    }

    /// <summary>A block; a <c>child_page</c> or <c>child_database</c> block shows its page's or database's title and trash state.</summary>
    public JsonObject Block(Block block)
    {
        var standsFor = block.IsStandIn ? workspace.Find<WorkspaceObject>(block.Id) : null;
        var children = standsFor is null ? block.Children : BlockTree.ChildrenOf(workspace, standsFor) ?? [];
        var result = new JsonObject
        {
            ["object"] = "block",
            ["id"] = block.Id.ToString(),
            ["parent"] = Parent(standsFor ?? block),
            ["created_time"] = Timestamp((standsFor ?? block).CreatedTime),
            ["last_edited_time"] = Timestamp((standsFor ?? block).LastEditedTime),
            ["created_by"] = PartialUser((standsFor ?? block).CreatedBy),
            ["last_edited_by"] = PartialUser((standsFor ?? block).LastEditedBy),
            ["has_children"] = children.Any(child => !BlockTree.IsTrashed(workspace, child)),
        };
        version.WriteTrashFlags(result, BlockTree.IsTrashed(workspace, block));
        result["type"] = block.Type;
        result[block.Type] = standsFor switch
        {
            Page page => new JsonObject { ["title"] = workspace.TitleOf(page) },
            Database database => new JsonObject { ["title"] = database.Title },
            _ => files.Render(block.Content),
        };
        return result;
    }

    /// <summary>A property value as a page object carries it (people, relations and mentions cut at 25, as Notion does).</summary>
    public JsonObject PropertyValue(PropertySchema schema, Page page)
    {
        var value = new JsonObject { ["id"] = schema.Id, ["type"] = schema.Type };
        var stored = page.Values.GetValueOrDefault(schema.Id);
        switch (schema.Type)
        {
            case "title" or "rich_text":
                value[schema.Type] = new JsonArray([.. WithinMentionCap(ItemsOf(stored)).Select(i => i.DeepClone())]);
                break;
            case "people":
                value["people"] = new JsonArray([.. IdsOf(stored).Take(MaxValuesInPageObject).Select(User)]);
                break;
            case "relation":
                var ids = IdsOf(stored).ToList();
                value["relation"] = new JsonArray([.. ids.Take(MaxValuesInPageObject).Select(RelationItem)]);
                value["has_more"] = ids.Count > MaxValuesInPageObject;
                break;
            case "files":
                value["files"] = files.Render(stored) ?? new JsonArray();
                break;
            default:
                value[schema.Type] = ScalarPayload(schema, page, stored);
                break;
        }

        return value;
    }

    /// <summary>The value of a property that is not paged (everything but title, text, people and relation).</summary>
    public static JsonNode? ScalarPayload(PropertySchema schema, Page page, JsonNode? stored) => schema.Type switch
    {
        "created_time" => Timestamp(page.CreatedTime),
        "last_edited_time" => Timestamp(page.LastEditedTime),
        "created_by" => PartialUser(page.CreatedBy),
        "last_edited_by" => PartialUser(page.LastEditedBy),
        "checkbox" => stored?.DeepClone() ?? false,
        "multi_select" => stored?.DeepClone() ?? new JsonArray(),
        "formula" => stored?.DeepClone() ?? new JsonObject { ["type"] = "string", ["string"] = null },
        "rollup" => stored?.DeepClone() ?? new JsonObject { ["type"] = "number", ["number"] = null, ["function"] = "sum" },
        _ => stored?.DeepClone(),
    };

    /// <summary>One item of a paged property, as the property-item endpoint lists them.</summary>
    public JsonNode PropertyItem(PropertySchema schema, JsonNode item) => schema.Type switch
    {
        "people" => User(IdOf(item)),
        "relation" => RelationItem(IdOf(item)),
        _ => item.DeepClone(),
    };

    /// <summary>Every text item, but no page or person mention past the 25th: the only cut Notion makes in a page object's text.</summary>
    private static IEnumerable<JsonNode> WithinMentionCap(IEnumerable<JsonNode> items)
    {
        var mentions = 0;
        foreach (var item in items)
        {
            var isCappedMention = item["type"]?.GetValue<string>() == "mention" && item["mention"]?["type"]?.GetValue<string>() is "page" or "user";
            if (!isCappedMention || ++mentions <= MaxValuesInPageObject)
            {
                yield return item;
            }
        }
    }

    public static IEnumerable<JsonNode> ItemsOf(JsonNode? stored) =>
        stored is JsonArray array ? array.OfType<JsonNode>() : [];

    public JsonObject User(Guid id)
    {
        if (workspace.FindPerson(id) is { } person)
        {
            var personInfo = new JsonObject();
            if (caller.UserInfo == UserInfoLevel.WithEmail && person.Email is not null)
            {
                personInfo["email"] = person.Email;
            }

            return new JsonObject
            {
                ["object"] = "user",
                ["id"] = person.Id.ToString(),
                ["name"] = person.Name,
                ["avatar_url"] = person.AvatarUrl,
                ["type"] = "person",
                ["person"] = personInfo,
            };
        }

        return workspace.Integrations.FirstOrDefault(i => i.Id == id) is { } bot
            ? new JsonObject
            {
                ["object"] = "user",
                ["id"] = bot.Id.ToString(),
                ["name"] = bot.Name,
                ["avatar_url"] = null,
                ["type"] = "bot",
                ["bot"] = new JsonObject(),
            }
            : PartialUser(id);
    }

    /// <summary>
    /// The caller's own bot user, as <c>GET /v1/users/me</c> shows it; a public connection's bot names the person who
    /// installed it as its owner. For a personal access token Notion returns the person who created it.
    /// </summary>
    public JsonObject Me()
    {
        if (caller.IsPersonal)
        {
            return User(caller.ActorId);
        }

        var me = User(caller.Id);
        me["bot"] = new JsonObject
        {
            ["owner"] = caller.OwnerId is { } owner
                ? new JsonObject { ["type"] = "user", ["user"] = User(owner) }
                : new JsonObject { ["type"] = "workspace", ["workspace"] = true },
            ["workspace_name"] = workspace.Name,
            ["workspace_id"] = workspace.Id.ToString(),
            ["workspace_limits"] = new JsonObject { ["max_file_upload_size_in_bytes"] = files.MaxUploadBytes },
        };
        return me;
    }

    private static JsonObject RelationItem(Guid id) => new() { ["id"] = id.ToString() };

    private static IEnumerable<Guid> IdsOf(JsonNode? stored) => ItemsOf(stored).Select(IdOf);

    private static Guid IdOf(JsonNode item) => Guid.Parse(item.GetValue<string>());

    private JsonObject Parent(WorkspaceObject item) => item.Parent.Kind switch
    {
        ParentKind.Page => new JsonObject { ["type"] = "page_id", ["page_id"] = item.Parent.Id.ToString() },
        ParentKind.DataSource => version.RowParent(item.Parent.Id, workspace.DatabaseOf(workspace.Find<DataSource>(item.Parent.Id)!).Id),
        ParentKind.Database => new JsonObject { ["type"] = "database_id", ["database_id"] = item.Parent.Id.ToString() },
        ParentKind.Block => new JsonObject { ["type"] = "block_id", ["block_id"] = item.Parent.Id.ToString() },
        _ => new JsonObject { ["type"] = "workspace", ["workspace"] = true },
    };

    private string PageUrl(Page page)
    {
        var slug = NonWordRun().Replace(workspace.TitleOf(page), "-").Trim('-');
        return slug.Length == 0 ? $"https://www.notion.so/{page.Id:N}" : $"https://www.notion.so/{slug}-{page.Id:N}";
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWordRun();
}
