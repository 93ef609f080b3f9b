using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;

namespace NotionPS.Emulator.Endpoints;

/// <summary>The options of a select, multi-select or status column as a schema request changes them.</summary>
public static class OptionList
{
    /// <summary>
    /// The options after a request: each requested option matches an existing one by ID (then it may be renamed or
    /// recoloured) or by name, or is new. Existing options the request leaves out go, unless <paramref name="keepOmitted"/>.
    /// </summary>
    public static JsonArray Merge(JsonArray? current, JsonArray? requested, string path, bool keepOmitted)
    {
        var existing = (current ?? []).OfType<JsonObject>().ToList();
        if (requested is null)
        {
            return new JsonArray([.. existing.Select(o => o.DeepClone())]);
        }

        var result = new List<JsonObject>();
        for (var i = 0; i < requested.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            var item = requested[i] as JsonObject ?? throw RequestJson.Invalid(itemPath, "an object", requested[i]);
            var id = RequestJson.OptionalString(item, "id", itemPath);
            var name = RequestJson.OptionalString(item, "name", itemPath);
            var match = id is not null
                ? existing.FirstOrDefault(o => (string?)o["id"] == id)
                    ?? throw NotionException.Validation($"{itemPath}.id: no option has the ID {id}; leave the ID out to add an option.")
                : existing.FirstOrDefault(o => (string?)o["name"] == name);
            name ??= (string?)match?["name"] ?? throw RequestJson.Invalid($"{itemPath}.name", "defined", null);
            if (name.Length == 0 || name.Contains(','))
            {
                // Notion's property reference: commas are not valid in select option names.
                throw RequestJson.Invalid($"{itemPath}.name", "a non-empty string without commas", item["name"]);
            }

            result.Add(new JsonObject
            {
                ["id"] = (string?)match?["id"] ?? NewOptionId(),
                ["name"] = name,
                ["color"] = RequestJson.OptionalString(item, "color", itemPath) ?? (string?)match?["color"] ?? "default",
                ["description"] = item.ContainsKey("description") ? RequestJson.OptionalString(item, "description", itemPath) : (string?)match?["description"],
            });
        }

        if (keepOmitted)
        {
            result.AddRange(existing.Where(o => result.All(r => (string?)r["id"] != (string?)o["id"])).Select(o => (JsonObject)o.DeepClone()));
        }

        if (result.GroupBy(o => (string?)o["name"]).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw NotionException.Validation($"{path}: two options are named \"{duplicate.Key}\"; option names must be unique.");
        }

        return new JsonArray([.. result]);
    }

    /// <summary>A new option for a name met while converting values into a select or multi-select column.</summary>
    public static JsonObject Add(JsonArray options, string name)
    {
        var option = options.OfType<JsonObject>().FirstOrDefault(o => (string?)o["name"] == name);
        if (option is null)
        {
            option = new JsonObject { ["id"] = NewOptionId(), ["name"] = name, ["color"] = "default", ["description"] = null };
            options.Add(option);
        }

        return option;
    }

    private static string NewOptionId() => Guid.NewGuid().ToString("N")[..8];
}
