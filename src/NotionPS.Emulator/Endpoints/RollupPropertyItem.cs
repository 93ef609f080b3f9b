using System.Text.Json.Nodes;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Endpoints;

/// <summary>
/// A rollup as <c>GET /v1/pages/{id}/properties/{property_id}</c> gives it: a paged list, as Notion documents it.
/// A show_original rollup lists the rolled-up values themselves (its <c>property_item.rollup</c> then holds an
/// empty array); a rollup with an aggregation lists the relation it rolls up, and its value is in
/// <c>property_item.rollup</c>.
/// </summary>
public static class RollupPropertyItem
{
    /// <summary>The items the list pages through, each a complete property_item.</summary>
    public static List<JsonNode> Items(PropertySchema rollup, Page page, IReadOnlyList<PropertySchema> schema)
    {
        if (page.Values.GetValueOrDefault(rollup.Id) is JsonObject { } value && value["array"] is JsonArray original)
        {
            return [.. original.OfType<JsonObject>().Select(item => WithObjectAndId(item, rollup.Id))];
        }

        var relation = RelationOf(rollup, schema);
        return relation is null
            ? []
            : [.. ObjectRenderer.ItemsOf(page.Values.GetValueOrDefault(relation.Id)).Select(id => (JsonNode)new JsonObject
            {
                ["object"] = "property_item",
                ["id"] = relation.Id,
                ["type"] = "relation",
                ["relation"] = new JsonObject { ["id"] = id.DeepClone() },
            })];
    }

    /// <summary>The value for <c>property_item.rollup</c>: the computed value, or an empty array for show_original.</summary>
    public static JsonNode? Value(PropertySchema rollup, Page page)
    {
        var value = ObjectRenderer.ScalarPayload(rollup, page, page.Values.GetValueOrDefault(rollup.Id));
        if (value is JsonObject { } computed && computed["array"] is JsonArray)
        {
            computed["array"] = new JsonArray();
        }

        return value;
    }

    /// <summary>The relation property a rollup rolls up, as its configuration names it (by ID, else by name).</summary>
    private static PropertySchema? RelationOf(PropertySchema rollup, IReadOnlyList<PropertySchema> schema) =>
        (rollup.Configuration["relation_property_id"] ?? rollup.Configuration["relation_property_name"]) is JsonValue key
            ? PropertySchema.Find(schema, key.GetValue<string>())
            : null;

    private static JsonObject WithObjectAndId(JsonObject item, string id)
    {
        var result = new JsonObject { ["object"] = "property_item", ["id"] = id };
        foreach (var (key, value) in item)
        {
            result[key] = value?.DeepClone();
        }

        return result;
    }
}
