using System.Security.Cryptography;
using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Endpoints;

/// <summary>
/// Reads the <c>properties</c> of the schema endpoints (create a database or data source, update a data source, or
/// under 2022-06-28 a database) and applies them to one data source. Every change is checked before any is made,
/// so a refused request leaves the schema and the rows as they were.
/// </summary>
public sealed class SchemaEditor(NotionRequest request, DataSource dataSource)
{
    /// <summary>The type keys a property configuration may hold (Notion's list, plus the newer types it passes through).</summary>
    private static readonly HashSet<string> KnownTypes =
    [
        "title", "rich_text", "number", "select", "multi_select", "status", "date", "people", "files", "checkbox", "url",
        "email", "phone_number", "formula", "relation", "rollup", "created_time", "created_by", "last_edited_time",
        "last_edited_by", "unique_id", "button", "place", "location", "verification", "last_visited_time",
    ];

    private readonly List<Action> _changes = [];

    /// <summary>The names the schema will have once the pending changes are made, keyed by property ID (new ones by a placeholder).</summary>
    private readonly Dictionary<string, string> _names = dataSource.Properties.ToDictionary(p => p.Id, p => p.Name);

    private int _titles = dataSource.Properties.Count(p => p.Type == "title");

    /// <summary>The columns of a new data source. Without any, it gets Notion's default title column, Name.</summary>
    public void Define(JsonObject? properties, string path)
    {
        if (properties is null || properties.Count == 0)
        {
            properties = new JsonObject { ["Name"] = new JsonObject { ["title"] = new JsonObject() } };
        }

        foreach (var (key, value) in properties)
        {
            var definition = value as JsonObject ?? throw RequestJson.Invalid($"{path}.{key}", "an object", value);
            var type = TypeOf(definition, $"{path}.{key}")
                ?? throw RequestJson.Invalid($"{path}.{key}.type", "defined (or a type key such as rich_text)", null);
            PlanAdd(RequestJson.OptionalString(definition, "name", $"{path}.{key}") ?? key, type, definition, $"{path}.{key}");
        }

        Apply(path);
    }

    /// <summary>
    /// Schema updates keyed by property ID or name: <c>null</c> removes, <c>{name}</c> renames, a type key
    /// reconfigures or changes the type (converting the rows' values), an unknown key with a type adds a column.
    /// </summary>
    public void Update(JsonObject properties, string path)
    {
        foreach (var (key, value) in properties)
        {
            var itemPath = $"{path}.{key}";
            var existing = dataSource.FindProperty(key);
            if (value is null)
            {
                PlanRemove(existing ?? throw NotFound(key));
                continue;
            }

            var definition = value as JsonObject ?? throw RequestJson.Invalid(itemPath, "an object or `null`", value);
            var name = RequestJson.OptionalString(definition, "name", itemPath);
            var type = TypeOf(definition, itemPath);
            if (existing is null)
            {
                PlanAdd(name ?? key, type ?? throw NotFound(key), definition, itemPath);
                continue;
            }

            if (name is not null)
            {
                CheckName(name, itemPath);
                _names[existing.Id] = name;
                _changes.Add(() => existing.Name = name);
            }

            if (definition.ContainsKey("description"))
            {
                var description = RequestJson.OptionalString(definition, "description", itemPath);
                _changes.Add(() => existing.Description = description);
            }

            if (type is not null)
            {
                PlanReconfigure(existing, type, definition, itemPath);
            }
        }

        Apply(path);
    }

    /// <summary>Notion's answer for a property key that names nothing (and brings no type to create it with).</summary>
    private static NotionException NotFound(string key) =>
        NotionException.Validation($"Could not find property with name or id: {key}");

    private void Apply(string path)
    {
        if (_titles != 1)
        {
            throw NotionException.Validation(
                $"{path} must leave the data source exactly one property of type title; it would have {_titles}.");
        }

        var duplicate = _names.Values.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw NotionException.Validation($"{path}: two properties would be named \"{duplicate.Key}\"; property names must be unique.");
        }

        foreach (var change in _changes)
        {
            change();
        }

        _changes.Clear();
    }

    private void PlanAdd(string name, string type, JsonObject definition, string path)
    {
        CheckName(name, path);
        var id = type == "title" && dataSource.Properties.All(p => p.Id != "title") ? "title" : NewPropertyId();
        _names[id] = name;
        _titles += type == "title" ? 1 : 0;
        var property = new PropertySchema
        {
            Id = id,
            Name = name,
            Type = type,
            Description = RequestJson.OptionalString(definition, "description", path),
        };
        var configure = Configuration(property, keepsType: false, type, definition[type], path);
        _changes.Add(() =>
        {
            property.Configuration = configure();
            dataSource.Properties.Add(property);
        });
    }

    private void PlanRemove(PropertySchema property)
    {
        if (property.Type == "title")
        {
            throw NotionException.Validation($"Cannot delete the title property \"{property.Name}\": a data source needs exactly one title.");
        }

        _names.Remove(property.Id);
        _changes.Add(() =>
        {
            dataSource.Properties.Remove(property);
            foreach (var row in dataSource.Rows)
            {
                row.Values.Remove(property.Id);
            }

            UnlinkDualRelation(property);
        });
    }

    private void PlanReconfigure(PropertySchema property, string type, JsonObject definition, string path)
    {
        if (type != property.Type && (type == "title" || property.Type == "title"))
        {
            throw NotionException.Validation(
                $"Cannot change the type of {property.Name} to {type}: the title property keeps its type, and a data source has one title.");
        }

        var configure = Configuration(property, keepsType: type == property.Type, type, definition[type], path);
        _changes.Add(() =>
        {
            var oldType = property.Type;
            if (oldType == type)
            {
                property.Configuration = configure();
                RefreshOptionValues(property);
                return;
            }

            // Each value goes through its text, as Notion's app converts a column; new select options come from it.
            var texts = dataSource.Rows.ToDictionary(row => row, row => ValueText.Of(request.Workspace, oldType, row.Values.GetValueOrDefault(property.Id)));
            UnlinkDualRelation(property);
            property.Type = type;
            property.Configuration = configure();
            foreach (var (row, text) in texts)
            {
                row.Values[property.Id] = ValueText.ToValue(property, text);
            }
        });
    }

    /// <summary>
    /// Checks a type's configuration now and returns what builds it when the change is made. Where the property
    /// keeps its type (<paramref name="keepsType"/>), its options and settings carry over.
    /// </summary>
    private Func<JsonObject> Configuration(PropertySchema owner, bool keepsType, string type, JsonNode? payload, string path)
    {
        var current = keepsType ? owner : null;
        path = $"{path}.{type}";
        var settings = payload switch
        {
            null => new JsonObject(),
            JsonObject given => given,
            _ => throw RequestJson.Invalid(path, "an object", payload),
        };
        var previous = current?.Configuration ?? [];
        switch (type)
        {
            case "number":
                var format = RequestJson.OptionalString(settings, "format", path) ?? (string?)previous["format"] ?? "number";
                return () => new JsonObject { ["format"] = format };
            case "formula":
                var expression = RequestJson.OptionalString(settings, "expression", path) ?? (string?)previous["expression"]
                    ?? throw RequestJson.Invalid($"{path}.expression", "defined", null);
                return () => new JsonObject { ["expression"] = expression };
            case "select" or "multi_select":
                var options = OptionList.Merge(previous["options"] as JsonArray, RequestJson.OptionalArray(settings, "options", path), $"{path}.options", keepOmitted: false);
                return () => new JsonObject { ["options"] = options.DeepClone() };
            case "status":
                return StatusConfiguration(current, RequestJson.OptionalArray(settings, "options", path), $"{path}.options");
            case "relation":
                return Relation(owner, settings, path);
            case "rollup":
                return Rollup(settings, path);
            case "unique_id":
                var prefix = RequestJson.OptionalString(settings, "prefix", path) ?? (string?)previous["prefix"];
                return () => new JsonObject { ["prefix"] = prefix };
            case "title" or "rich_text" or "date" or "people" or "files" or "checkbox" or "url" or "email" or "phone_number"
                or "created_time" or "created_by" or "last_edited_time" or "last_edited_by":
                return () => new JsonObject();
            default:
                // Newer types (button, place, ...) are kept as given: the emulator stores them but computes nothing.
                return () => (JsonObject)settings.DeepClone();
        }
    }

    /// <summary>
    /// A status column: a new one gets Notion's three default options unless options are given (then all in To-do);
    /// an update adds options (to To-do) and renames or recolours them by ID, but never removes one.
    /// </summary>
    private static Func<JsonObject> StatusConfiguration(PropertySchema? current, JsonArray? requested, string path)
    {
        if (current is null)
        {
            var options = requested is null
                ? OptionList.Merge(null, [new JsonObject { ["name"] = "Not started" }, new JsonObject { ["name"] = "In progress", ["color"] = "blue" }, new JsonObject { ["name"] = "Done", ["color"] = "green" }], path, keepOmitted: false)
                : OptionList.Merge(null, requested, path, keepOmitted: false);
            var ids = options.Select(o => (string)o!["id"]!).ToList();
            var grouped = requested is null
                ? new[] { ("To-do", ids.Take(1)), ("In progress", ids.Skip(1).Take(1)), ("Complete", ids.Skip(2)) }
                : new[] { ("To-do", ids.AsEnumerable()), ("In progress", []), ("Complete", []) };
            return () => new JsonObject { ["options"] = options.DeepClone(), ["groups"] = StatusGroups(grouped) };
        }

        var merged = OptionList.Merge(current.Options, requested, path, keepOmitted: true);
        return () =>
        {
            var groups = current.Configuration["groups"]?.DeepClone() as JsonArray ?? StatusGroups([("To-do", [])]);
            var grouped = groups.OfType<JsonObject>().SelectMany(g => g["option_ids"]!.AsArray().Select(id => (string?)id)).ToHashSet();
            var toDo = groups.OfType<JsonObject>().First()["option_ids"]!.AsArray();
            foreach (var id in merged.Select(o => (string)o!["id"]!).Where(id => !grouped.Contains(id)))
            {
                toDo.Add(id);
            }

            return new JsonObject { ["options"] = merged.DeepClone(), ["groups"] = groups };
        };
    }

    private static JsonArray StatusGroups(IEnumerable<(string Name, IEnumerable<string> OptionIds)> groups) =>
        new([.. groups.Select(g => (JsonNode)new JsonObject
        {
            ["id"] = g.Name.ToLowerInvariant().Replace(' ', '-'),
            ["name"] = g.Name,
            ["color"] = "default",
            ["option_ids"] = new JsonArray([.. g.OptionIds.Select(id => (JsonNode)id)]),
        })]);

    /// <summary>
    /// A relation to a data source (or, as 2022-06-28 names it, a database with one data source). A dual relation
    /// adds its synced column to the related data source, named "Related to &lt;data source&gt; (&lt;column&gt;)" as Notion names it.
    /// </summary>
    private Func<JsonObject> Relation(PropertySchema owner, JsonObject settings, string path)
    {
        var target = RequestJson.OptionalString(settings, "data_source_id", path) is { } dataSourceId
            ? request.Visible<DataSource>(PagesEndpoints.ParseBodyId(dataSourceId, $"{path}.data_source_id"), "data source")
            : RequestJson.OptionalString(settings, "database_id", path) is { } databaseId
                ? request.SingleDataSourceOf(request.Visible<Database>(PagesEndpoints.ParseBodyId(databaseId, $"{path}.database_id"), "database"))
                : throw RequestJson.Invalid($"{path}.data_source_id", "defined", null);
        var kind = RequestJson.OptionalString(settings, "type", path) ?? (settings.ContainsKey("dual_property") ? "dual_property" : "single_property");
        if (kind is not ("single_property" or "dual_property"))
        {
            throw RequestJson.Invalid($"{path}.type", "`\"single_property\"` or `\"dual_property\"`", settings["type"]);
        }

        var databaseOfTarget = request.Workspace.DatabaseOf(target).Id;
        PropertySchema? synced = null;
        return () =>
        {
            var configuration = new JsonObject
            {
                ["database_id"] = databaseOfTarget.ToString(),
                ["data_source_id"] = target.Id.ToString(),
                ["type"] = kind,
                [kind] = new JsonObject(),
            };
            if (kind == "dual_property")
            {
                // Built when the change is made; the column it answers is the one this configuration goes to.
                synced ??= AddSyncedRelation(target, owner);
                configuration["dual_property"] = new JsonObject { ["synced_property_id"] = synced.Id, ["synced_property_name"] = synced.Name };
            }

            return configuration;
        };
    }

    private PropertySchema AddSyncedRelation(DataSource target, PropertySchema owner)
    {
        var baseName = $"Related to {dataSource.Name} ({owner.Name})";
        var name = baseName;
        for (var n = 2; target.Properties.Any(p => p.Name == name); n++)
        {
            name = $"{baseName} ({n})";
        }

        var synced = new PropertySchema
        {
            Id = NewPropertyId(target),
            Name = name,
            Type = "relation",
            Configuration = new JsonObject
            {
                // The parent, not the workspace: a data source being created is not in the workspace yet.
                ["database_id"] = dataSource.Parent.Id.ToString(),
                ["data_source_id"] = dataSource.Id.ToString(),
                ["type"] = "dual_property",
                ["dual_property"] = new JsonObject { ["synced_property_id"] = owner.Id, ["synced_property_name"] = owner.Name },
            },
        };
        target.Properties.Add(synced);
        return synced;
    }

    /// <summary>The synced side of a dual relation that goes (or changes type) stays, as a one-way relation.</summary>
    private void UnlinkDualRelation(PropertySchema property)
    {
        if (property.Type != "relation" || property.Configuration["dual_property"]?["synced_property_id"] is not { } syncedId
            || !Guid.TryParse((string?)property.Configuration["data_source_id"], out var targetId)
            || request.Workspace.Find<DataSource>(targetId) is not { } target
            || target.Properties.FirstOrDefault(p => p.Id == (string?)syncedId) is not { } synced)
        {
            return;
        }

        synced.Configuration["type"] = "single_property";
        synced.Configuration.Remove("dual_property");
        synced.Configuration["single_property"] = new JsonObject();
    }

    /// <summary>A rollup names a relation column of this data source and a column of the related one, each by name or ID.</summary>
    private Func<JsonObject> Rollup(JsonObject settings, string path)
    {
        var function = RequestJson.OptionalString(settings, "function", path) ?? throw RequestJson.Invalid($"{path}.function", "defined", null);
        var relationKey = RequestJson.OptionalString(settings, "relation_property_id", path) ?? RequestJson.OptionalString(settings, "relation_property_name", path)
            ?? throw RequestJson.Invalid($"{path}.relation_property_name", "defined", null);
        var relation = dataSource.FindProperty(relationKey) is { Type: "relation" } found
            ? found
            : throw NotionException.Validation($"{path}: {relationKey} is not a relation property of this data source.");
        var related = Guid.TryParse((string?)relation.Configuration["data_source_id"], out var relatedId) ? request.Workspace.Find<DataSource>(relatedId) : null;
        var rolledKey = RequestJson.OptionalString(settings, "rollup_property_id", path) ?? RequestJson.OptionalString(settings, "rollup_property_name", path)
            ?? throw RequestJson.Invalid($"{path}.rollup_property_name", "defined", null);
        var rolled = related?.FindProperty(rolledKey)
            ?? throw NotionException.Validation($"{path}: the related data source has no property {rolledKey}.");
        return () => new JsonObject
        {
            ["function"] = function,
            ["relation_property_name"] = relation.Name,
            ["relation_property_id"] = relation.Id,
            ["rollup_property_name"] = rolled.Name,
            ["rollup_property_id"] = rolled.Id,
        };
    }

    /// <summary>Gives each stored option the name and colour its ID now has; a value whose option is gone is cleared.</summary>
    private void RefreshOptionValues(PropertySchema property)
    {
        if (property.Type is not ("select" or "multi_select" or "status"))
        {
            return;
        }

        var byId = (property.Options ?? []).OfType<JsonObject>().ToDictionary(o => (string)o["id"]!);
        JsonObject? Refresh(JsonNode? stored) =>
            stored?["id"] is { } id && byId.TryGetValue((string)id!, out var option)
                ? new JsonObject { ["id"] = option["id"]!.DeepClone(), ["name"] = option["name"]!.DeepClone(), ["color"] = option["color"]!.DeepClone() }
                : null;
        foreach (var row in dataSource.Rows)
        {
            if (!row.Values.TryGetValue(property.Id, out var stored) || stored is null)
            {
                continue;
            }

            row.Values[property.Id] = property.Type == "multi_select"
                ? new JsonArray([.. stored.AsArray().Select(Refresh).OfType<JsonNode>()])
                : Refresh(stored);
        }
    }

    private void CheckName(string name, string path)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw RequestJson.Invalid($"{path}.name", "a non-empty string", JsonValue.Create(name));
        }
    }

    /// <summary>
    /// The type a configuration sets: its one type key, or <c>type</c> alone (some types need no settings).
    /// Null when it sets none (a rename).
    /// </summary>
    private static string? TypeOf(JsonObject definition, string path)
    {
        var declared = RequestJson.OptionalString(definition, "type", path);
        var keys = definition.Select(p => p.Key).Where(KnownTypes.Contains).ToList();
        if (keys.Count > 1)
        {
            throw NotionException.Validation($"{path} has more than one type key ({string.Join(", ", keys)}); give exactly one.");
        }

        var type = keys.Count == 1 ? keys[0] : declared;
        if (declared is not null && declared != type)
        {
            throw RequestJson.Invalid($"{path}.type", $"`\"{type}\"`", definition["type"]);
        }

        return type is null || KnownTypes.Contains(type)
            ? type
            : throw RequestJson.Invalid($"{path}.type", "a property type such as `\"rich_text\"`", definition["type"]);
    }

    private string NewPropertyId() => NewPropertyId(dataSource, _names.Keys);

    /// <summary>A short ID in Notion's style (a few URL-safe characters), unused in the data source.</summary>
    private static string NewPropertyId(DataSource target, IEnumerable<string>? reserved = null)
    {
        var taken = target.Properties.Select(p => p.Id).Concat(reserved ?? []).ToHashSet();
        string id;
        do
        {
            id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(3)).Replace('+', '-').Replace('/', '_');
        }
        while (taken.Contains(id));

        return id;
    }
}
