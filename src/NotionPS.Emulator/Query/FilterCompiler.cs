using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Endpoints;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Query;

/// <summary>
/// Compiles a query's <c>filter</c> into a predicate, validating all of it first so a bad filter is a 400 even
/// when no row would reach it. Handles the filter's structure (and/or to Notion's depth, timestamp filters,
/// property filters and which condition types fit which property type); <see cref="Conditions"/> handles the
/// conditions themselves.
/// </summary>
public sealed class FilterCompiler(DataSource dataSource, Conditions conditions)
{
    /// <summary>A compound filter may hold compound filters, but those may hold only property and timestamp filters.</summary>
    public const int MaxCompoundDepth = 2;

    /// <summary>The filter key each property type takes (text-like types also take <c>rich_text</c>, as Notion allows).</summary>
    private static readonly Dictionary<string, string[]> FilterKeysByType = new()
    {
        ["title"] = ["title", "rich_text"],
        ["rich_text"] = ["rich_text", "title"],
        ["url"] = ["url", "rich_text"],
        ["email"] = ["email", "rich_text"],
        ["phone_number"] = ["phone_number", "rich_text"],
        ["number"] = ["number"],
        ["checkbox"] = ["checkbox"],
        ["select"] = ["select"],
        ["status"] = ["status"],
        ["multi_select"] = ["multi_select"],
        ["date"] = ["date"],
        ["people"] = ["people"],
        ["relation"] = ["relation"],
        ["files"] = ["files"],
        ["formula"] = ["formula"],
        ["rollup"] = ["rollup"],
        ["unique_id"] = ["unique_id"],
        ["created_time"] = ["created_time", "date"],
        ["last_edited_time"] = ["last_edited_time", "date"],
        ["created_by"] = ["created_by", "people"],
        ["last_edited_by"] = ["last_edited_by", "people"],
    };

    /// <summary>Every filter key a property filter may carry, to tell a misspelt key from a type mismatch.</summary>
    private static readonly HashSet<string> KnownFilterKeys = [.. FilterKeysByType.Values.SelectMany(keys => keys)];

    public Func<Page, bool> Compile(JsonObject filter) => Compile(filter, "body.filter", depth: 0);

    private Func<Page, bool> Compile(JsonObject filter, string path, int depth)
    {
        foreach (var compound in (string[])["and", "or"])
        {
            if (filter.ContainsKey(compound))
            {
                return Compound(filter, compound, path, depth);
            }
        }

        if (filter.ContainsKey("timestamp"))
        {
            return Timestamp(filter, path);
        }

        if (!filter.ContainsKey("property"))
        {
            throw RequestJson.FixOne(path, ["or", "and", "property", "timestamp"]);
        }

        return Property(filter, path);
    }

    private Func<Page, bool> Compound(JsonObject filter, string compound, string path, int depth)
    {
        if (depth >= MaxCompoundDepth)
        {
            throw NotionException.Validation(
                $"body failed validation: {path}.{compound} should be not present, instead was `{RequestJson.Describe(filter[compound])}`. " +
                $"Compound filters can be nested only {MaxCompoundDepth} levels deep.");
        }

        var parts = RequestJson.OptionalArray(filter, compound, path) ?? [];
        var predicates = parts.Select((part, i) => part is JsonObject item
            ? Compile(item, $"{path}.{compound}[{i}]", depth + 1)
            : throw RequestJson.Invalid($"{path}.{compound}[{i}]", "an object", part)).ToList();
        return compound == "and"
            ? page => predicates.All(p => p(page))
            : page => predicates.Any(p => p(page));
    }

    private Func<Page, bool> Timestamp(JsonObject filter, string path)
    {
        var timestamp = RequestJson.OptionalString(filter, "timestamp", path);
        Func<Page, DateTimeOffset> read = timestamp switch
        {
            "created_time" => p => p.CreatedTime,
            "last_edited_time" => p => p.LastEditedTime,
            _ => throw RequestJson.Invalid($"{path}.timestamp", "`\"created_time\"` or `\"last_edited_time\"`", filter["timestamp"]),
        };
        var test = conditions.Date(Conditions.Single(filter, timestamp, path), $"{path}.{timestamp}");
        return page => test(read(page));
    }

    private Func<Page, bool> Property(JsonObject filter, string path)
    {
        var propertyName = RequestJson.OptionalString(filter, "property", path)!;
        var property = dataSource.FindProperty(propertyName)
            ?? throw NotionException.Validation($"Could not find property with name or id: {propertyName}");
        var allowed = FilterKeysByType.GetValueOrDefault(property.Type)
            ?? throw NotionException.Validation($"The emulator cannot filter on properties of type {property.Type} ({propertyName}).");
        var given = filter.Select(pair => pair.Key).Where(KnownFilterKeys.Contains).ToList();
        if (given.Count == 0)
        {
            throw RequestJson.FixOne(path, allowed);
        }

        var key = given.FirstOrDefault(allowed.Contains)
            ?? throw NotionException.Validation($"database property {property.Type} does not match filter {given[0]}");
        var condition = Conditions.Single(filter, key, path);
        var conditionPath = $"{path}.{key}";
        var id = property.Id;
        switch (property.Type)
        {
            case "created_time":
                var created = conditions.Date(condition, conditionPath);
                return page => created(page.CreatedTime);
            case "last_edited_time":
                var edited = conditions.Date(condition, conditionPath);
                return page => edited(page.LastEditedTime);
            case "created_by":
                var creator = conditions.People(condition, conditionPath);
                return page => creator([page.CreatedBy]);
            case "last_edited_by":
                var editor = conditions.People(condition, conditionPath);
                return page => editor([page.LastEditedBy]);
            default:
                var test = conditions.ForValue(property.Type, condition, conditionPath);
                return page => test(page.Values.GetValueOrDefault(id));
        }
    }
}
