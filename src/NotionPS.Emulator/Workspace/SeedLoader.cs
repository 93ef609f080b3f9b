using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Workspace;

/// <summary>
/// Reads the seed-file format (documented in the emulator's README) into a workspace. The admin API feeds
/// single integrations, pages, databases, data sources and rows through the same methods, so there is one
/// format to learn. Mistakes raise <see cref="InvalidDataException"/> naming the offending item.
/// </summary>
public sealed partial class SeedLoader(NotionWorkspace workspace, DateTimeOffset now)
{
    /// <summary>The keys a seed file may hold at its top level; any other is a mistake, never silently skipped.</summary>
    private static readonly string[] TopLevelKeys = ["workspace", "people", "customEmojis", "integrations", "pages", "databases", "rateLimits"];

    /// <summary>Relation values seeded so far; checked once everything is in, as rows may relate to rows seeded after them.</summary>
    private readonly List<(Guid Row, string Property, Guid Target)> _relations = [];

    public static NotionWorkspace Load(string json, DateTimeOffset now)
    {
        JsonObject seed;
        try
        {
            seed = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException("A seed file must hold a JSON object.");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"The seed file is not valid JSON: {error.Message}", error);
        }

        if (seed.Select(p => p.Key).FirstOrDefault(key => !TopLevelKeys.Contains(key)) is { } unknown)
        {
            throw new InvalidDataException(
                $"The seed file has an unknown top-level key \"{unknown}\"; it takes {string.Join(", ", TopLevelKeys)}.");
        }

        var workspace = new NotionWorkspace();
        var loader = new SeedLoader(workspace, now);
        var header = seed["workspace"] as JsonObject ?? [];
        workspace.Id = OptionalId(header, "id") ?? Guid.NewGuid();
        workspace.Name = OptionalString(header, "name") ?? "Workspace";
        workspace.SeedRateLimits = seed["rateLimits"]?.DeepClone() as JsonObject;
        foreach (var person in Items(seed, "people"))
        {
            workspace.People.Add(new WorkspaceUser
            {
                Id = RequiredId(person, "id"),
                Name = RequiredString(person, "name"),
                Email = OptionalString(person, "email"),
                AvatarUrl = OptionalString(person, "avatarUrl"),
            });
        }

        foreach (var emoji in Items(seed, "customEmojis"))
        {
            workspace.CustomEmojis.Add(new CustomEmoji { Id = RequiredId(emoji, "id"), Name = RequiredString(emoji, "name"), Url = RequiredString(emoji, "url") });
        }

        foreach (var integration in Items(seed, "integrations"))
        {
            loader.AddIntegration(integration);
        }

        foreach (var page in Items(seed, "pages"))
        {
            loader.AddPage(page);
        }

        foreach (var database in Items(seed, "databases"))
        {
            loader.AddDatabase(database);
        }

        loader.CheckRelations();
        return workspace;
    }

    /// <summary>Refuses a relation value that names no page of the workspace, naming the row, the property and the ID.</summary>
    public void CheckRelations()
    {
        foreach (var (row, property, target) in _relations)
        {
            if (workspace.Find<Page>(target) is null)
            {
                throw new InvalidDataException($"Row {row}, property \"{property}\": relation names page {target}, which does not exist.");
            }
        }

        _relations.Clear();
    }

    public Integration AddIntegration(JsonObject item)
    {
        var name = RequiredString(item, "name");
        var token = RequiredString(item, "token");
        if (workspace.FindIntegrationByToken(token) is not null)
        {
            throw new InvalidDataException($"Integration \"{name}\": another integration already uses that token.");
        }

        var capabilities = StringList(item, "capabilities") ?? ["read", "update", "insert", "read_comments", "insert_comments"];
        var (kind, owner) = TokenKindAndOwner(item, name);
        var integration = new Integration
        {
            Id = OptionalId(item, "id") ?? Guid.NewGuid(),
            Name = name,
            Token = token,
            Kind = kind,
            OwnerId = owner,
            CanRead = capabilities.Contains("read"),
            CanUpdate = capabilities.Contains("update"),
            CanInsert = capabilities.Contains("insert"),
            CanReadComments = capabilities.Contains("read_comments"),
            CanInsertComments = capabilities.Contains("insert_comments"),
            UserInfo = OptionalString(item, "userInfo") switch
            {
                null or "with_email" => UserInfoLevel.WithEmail,
                "without_email" => UserInfoLevel.WithoutEmail,
                "none" => UserInfoLevel.None,
                var other => throw new InvalidDataException(
                    $"Integration \"{name}\": userInfo must be none, without_email or with_email, not \"{other}\"."),
            },
        };
        workspace.Integrations.Add(integration);
        return integration;
    }

    /// <summary>A standalone page under the workspace or under another page.</summary>
    public Page AddPage(JsonObject item)
    {
        var page = new Page { Id = OptionalId(item, "id") ?? Guid.NewGuid(), Parent = ParentPage(item) };
        page.Values["title"] = RichText.Array(OptionalString(item, "title") ?? "");
        Register(page, item);
        BlockTree.ListUnderParent(workspace, page);
        new SeedContent(workspace, page).Add(item);
        return page;
    }

    public Database AddDatabase(JsonObject item)
    {
        var database = new Database
        {
            Id = OptionalId(item, "id") ?? Guid.NewGuid(),
            Parent = ParentPage(item),
            Title = OptionalString(item, "title") ?? "",
            IsInline = item["isInline"]?.GetValue<bool>() ?? false,
            ViewOf = OptionalId(item, "viewOf"),
        };
        Register(database, item);
        BlockTree.ListUnderParent(workspace, database);
        foreach (var dataSource in Items(item, "dataSources"))
        {
            AddDataSource(database, dataSource);
        }

        if (database.DataSources.Count == 0 && database.ViewOf is null)
        {
            throw new InvalidDataException($"Database {database.Id}: a database needs at least one data source (or viewOf).");
        }

        return database;
    }

    public DataSource AddDataSource(Database database, JsonObject item)
    {
        var dataSource = new DataSource
        {
            Id = OptionalId(item, "id") ?? Guid.NewGuid(),
            Parent = new ParentRef(ParentKind.Database, database.Id),
            Name = OptionalString(item, "name") ?? database.Title,
        };
        var properties = item["properties"] as JsonObject
            ?? throw new InvalidDataException($"Data source {dataSource.Id}: properties must be an object keyed by property name.");
        foreach (var (name, definition) in properties)
        {
            dataSource.Properties.Add(Property(dataSource, name, definition as JsonObject
                ?? throw new InvalidDataException($"Data source {dataSource.Id}: property \"{name}\" must be an object.")));
        }

        if (dataSource.Properties.Count(p => p.Type == "title") != 1)
        {
            throw new InvalidDataException($"Data source {dataSource.Id}: exactly one property must be of type title.");
        }

        Register(dataSource, item);
        database.DataSources.Add(dataSource);
        foreach (var row in Items(item, "rows"))
        {
            AddRow(dataSource, row);
        }

        return dataSource;
    }

    /// <summary>A row, its values given plainly: text as strings, options by name, people and relations as ID lists.</summary>
    public Page AddRow(DataSource dataSource, JsonObject item)
    {
        var row = new Page { Id = OptionalId(item, "id") ?? Guid.NewGuid(), Parent = new ParentRef(ParentKind.DataSource, dataSource.Id) };
        var properties = item["properties"] as JsonObject ?? [];
        var given = properties.ToList();
        // Detached from the request, the values can be stored as they are: copying each one costs more than the
        // rest of the row when tens of thousands of rows arrive at once.
        properties.Clear();
        foreach (var (name, value) in given)
        {
            var property = dataSource.FindProperty(name)
                ?? throw new InvalidDataException($"Row {row.Id}: data source \"{dataSource.Name}\" has no property \"{name}\".");
            try
            {
                row.Values[property.Id] = PlainValue(property, value, row.Id);
            }
            catch (Exception error) when (error is InvalidOperationException or FormatException)
            {
                // A value of the wrong JSON kind for the column, e.g. a number where an option name belongs.
                throw new InvalidDataException($"Row {row.Id}, property \"{name}\" ({property.Type}): {error.Message}", error);
            }
        }

        Register(row, item);
        dataSource.Rows.Add(row);
        return row;
    }

    private void Register(WorkspaceObject item, JsonObject seed)
    {
        item.CreatedTime = OptionalTime(seed, "createdTime") ?? now;
        item.LastEditedTime = OptionalTime(seed, "lastEditedTime") ?? item.CreatedTime;
        item.CreatedBy = OptionalId(seed, "createdBy") ?? workspace.People.FirstOrDefault()?.Id ?? Guid.Empty;
        item.LastEditedBy = item.CreatedBy;
        item.InTrash = seed["inTrash"]?.GetValue<bool>() ?? false;
        foreach (var integrationName in StringList(seed, "sharedWith") ?? [])
        {
            var integration = workspace.FindIntegration(integrationName)
                ?? throw new InvalidDataException($"{item.Id}: sharedWith names an unknown integration \"{integrationName}\".");
            item.SharedWith.Add(integration.Id);
        }

        ReadPermissions(item, seed);

        try
        {
            workspace.Add(item);
        }
        catch (InvalidOperationException error)
        {
            throw new InvalidDataException(error.Message, error);
        }
    }

    private ParentRef ParentPage(JsonObject item)
    {
        if (OptionalId(item, "parent") is not { } parentId)
        {
            return ParentRef.Workspace;
        }

        return workspace.Find<Page>(parentId) is not null
            ? new ParentRef(ParentKind.Page, parentId)
            : throw new InvalidDataException($"{item["id"]}: parent {parentId} is not a page defined before it.");
    }

    private static PropertySchema Property(DataSource dataSource, string name, JsonObject definition)
    {
        var type = RequiredString(definition, "type");
        var id = OptionalString(definition, "id") ?? (type == "title" ? "title" : $"p{dataSource.Properties.Count}");
        var configuration = new JsonObject();
        foreach (var (key, value) in definition)
        {
            if (key is not ("id" or "type" or "options"))
            {
                configuration[key] = value?.DeepClone();
            }
        }

        if (type is "select" or "multi_select" or "status")
        {
            var options = Items(definition, "options").ToList();
            configuration["options"] = new JsonArray([.. options.Select((option, i) => (JsonNode)new JsonObject
            {
                ["id"] = OptionalString(option, "id") ?? $"{id}-{i}",
                ["name"] = RequiredString(option, "name"),
                ["color"] = OptionalString(option, "color") ?? "default",
                ["description"] = null,
            })]);
            if (type == "status")
            {
                configuration["groups"] = StatusGroups(options, configuration["options"]!.AsArray());
            }
        }
        else if (type == "relation" && !configuration.ContainsKey("type"))
        {
            configuration["type"] = "single_property";
            configuration["single_property"] = new JsonObject();
        }

        return new PropertySchema { Id = id, Name = name, Type = type, Configuration = configuration };
    }

    private static JsonArray StatusGroups(List<JsonObject> seedOptions, JsonArray options)
    {
        var groups = new JsonArray();
        foreach (var group in seedOptions.Select((o, i) => (Group: OptionalString(o, "group") ?? "To-do", Index: i)).GroupBy(g => g.Group))
        {
            groups.Add(new JsonObject
            {
                ["id"] = group.Key.ToLowerInvariant().Replace(' ', '-'),
                ["name"] = group.Key,
                ["color"] = "default",
                ["option_ids"] = new JsonArray([.. group.Select(g => options[g.Index]!["id"]!.DeepClone())]),
            });
        }

        return groups;
    }

    private JsonNode? PlainValue(PropertySchema property, JsonNode? value, Guid rowId)
    {
        string Where() => $"Row {rowId}, property \"{property.Name}\"";
        if (value is null)
        {
            return null;
        }

        return property.Type switch
        {
            "title" or "rich_text" => value as JsonArray ?? RichText.Array(value.GetValue<string>()),
            "select" or "status" => SeedOption(property, value.GetValue<string>(), Where),
            "multi_select" => new JsonArray([.. value.AsArray().Select(v => (JsonNode)SeedOption(property, v!.GetValue<string>(), Where))]),
            "date" => value is JsonObject date
                ? new JsonObject { ["start"] = (string?)date["start"], ["end"] = (string?)date["end"], ["time_zone"] = null }
                : new JsonObject { ["start"] = value.GetValue<string>(), ["end"] = null, ["time_zone"] = null },
            "people" => IdStrings(value, id => workspace.IsUser(id), Where),
            "relation" => Relation(property, value, rowId, Where),
            "formula" => value as JsonObject ?? Typed(value, []),
            "rollup" => value as JsonObject
                ?? Typed(value, new JsonObject { ["function"] = property.Configuration["function"]?.DeepClone() ?? "sum" }),
            "created_time" or "last_edited_time" or "created_by" or "last_edited_by" => throw new InvalidDataException(
                $"{Where()}: {property.Type} comes from the row's createdTime, lastEditedTime or createdBy."),
            _ => value,
        };
    }

    private JsonArray Relation(PropertySchema property, JsonNode value, Guid rowId, Func<string> where)
    {
        var ids = IdStrings(value, _ => true, where);
        _relations.AddRange(ids.Select(id => (rowId, property.Name, Guid.Parse(id!.GetValue<string>()))));
        return ids;
    }

    private static JsonObject SeedOption(PropertySchema property, string name, Func<string> where)
    {
        var option = property.Options?.OfType<JsonObject>().FirstOrDefault(o => o["name"]?.GetValue<string>() == name)
            ?? throw new InvalidDataException($"{where()}: \"{name}\" is not one of its options.");
        return new JsonObject { ["id"] = option["id"]!.DeepClone(), ["name"] = name, ["color"] = option["color"]!.DeepClone() };
    }

    private static JsonArray IdStrings(JsonNode value, Func<Guid, bool> exists, Func<string> where) =>
        new([.. value.AsArray().Select(v => Guid.TryParse(v?.GetValue<string>(), out var id) && exists(id)
            ? (JsonNode)id.ToString()
            : throw new InvalidDataException($"{where()}: {v} is not a known ID."))]);

    /// <summary>A computed value given plainly (42, "text", true) wrapped as Notion types it.</summary>
    private static JsonObject Typed(JsonNode value, JsonObject extra)
    {
        var type = value.GetValueKind() switch
        {
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "string",
        };
        extra["type"] = type;
        extra[type] = value;
        return extra;
    }

    private static IEnumerable<JsonObject> Items(JsonObject parent, string name) =>
        (parent[name] as JsonArray ?? []).Select(i => i as JsonObject ?? throw new InvalidDataException($"Every item of \"{name}\" must be an object."));

    private static string? OptionalString(JsonObject item, string name) => item[name]?.GetValue<string>();

    private static string RequiredString(JsonObject item, string name) =>
        OptionalString(item, name) ?? throw new InvalidDataException($"{item.ToJsonString()}: \"{name}\" is required.");

    private static Guid? OptionalId(JsonObject item, string name) =>
        OptionalString(item, name) is not { } raw ? null
        : Guid.TryParse(raw, out var id) ? id
        : throw new InvalidDataException($"\"{name}\": \"{raw}\" is not a Notion ID (32 hex digits, dashes optional).");

    private static Guid RequiredId(JsonObject item, string name) =>
        OptionalId(item, name) ?? throw new InvalidDataException($"{item.ToJsonString()}: \"{name}\" is required.");

    /// <summary>A seed time, cut to the minute as Notion gives created_time and last_edited_time.</summary>
    private static DateTimeOffset? OptionalTime(JsonObject item, string name)
    {
        if (OptionalString(item, name) is not { } raw)
        {
            return null;
        }

        return DateTimeOffset.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
            ? WorkspaceObject.ToMinute(time)
            : throw new InvalidDataException($"\"{name}\": \"{raw}\" is not an ISO 8601 time.");
    }

    private static List<string>? StringList(JsonObject item, string name) =>
        item[name] is JsonArray list ? [.. list.Select(v => v!.GetValue<string>())] : null;
}
