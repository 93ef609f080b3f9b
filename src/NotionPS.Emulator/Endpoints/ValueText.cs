using System.Globalization;
using System.Text.Json.Nodes;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Endpoints;

/// <summary>
/// How a stored value survives a change of its column's type. Notion's API reference does not say; the emulator
/// does what Notion's app does when a column's type changes: the value becomes text, and the text is read as the
/// new type. What cannot be read so (people, relations, files, computed values) is cleared.
/// </summary>
public static class ValueText
{
    public const string MultiSelectSeparator = ", ";

    /// <summary>The text of a stored value, or null where the type has none to give.</summary>
    public static string? Of(NotionWorkspace workspace, string type, JsonNode? stored)
    {
        if (stored is null)
        {
            return null;
        }

        return type switch
        {
            "title" or "rich_text" => RichText.PlainText(stored),
            "number" => stored.GetValue<double>().ToString(CultureInfo.InvariantCulture),
            "select" or "status" => (string?)stored["name"],
            "multi_select" => string.Join(MultiSelectSeparator, stored.AsArray().Select(o => (string?)o?["name"])),
            "date" => (string?)stored["end"] is { } end ? $"{stored["start"]} → {end}" : (string?)stored["start"],
            "checkbox" => stored.GetValue<bool>() ? "true" : "false",
            "url" or "email" or "phone_number" => stored.GetValue<string>(),
            "people" => string.Join(MultiSelectSeparator, ObjectRenderer.ItemsOf(stored)
                .Select(id => workspace.FindPerson(Guid.Parse((string)id!))?.Name ?? (string)id!)),
            "relation" => string.Join(MultiSelectSeparator, ObjectRenderer.ItemsOf(stored)
                .Select(id => workspace.Find<Page>(Guid.Parse((string)id!)) is { } page ? workspace.TitleOf(page) : (string)id!)),
            _ => null,
        };
    }

    /// <summary>The stored value of <paramref name="text"/> read as the property's (new) type; select options it names are added.</summary>
    public static JsonNode? ToValue(PropertySchema property, string? text)
    {
        if (property.Type == "checkbox")
        {
            return text?.Trim().ToLowerInvariant() is "true" or "yes" or "1" or "checked";
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        switch (property.Type)
        {
            case "title" or "rich_text":
                return RichText.Array(text);
            case "number":
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
            case "select":
                return OptionValue(OptionList.Add(Options(property), text.Trim().Replace(",", "")));
            case "status":
                return property.Options?.OfType<JsonObject>().FirstOrDefault(o => (string?)o["name"] == text) is { } status ? OptionValue(status) : null;
            case "multi_select":
                return new JsonArray([.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Distinct().Select(name => (JsonNode)OptionValue(OptionList.Add(Options(property), name)))]);
            case "date":
                var parts = text.Split(" → ");
                return PropertyWriter.IsIsoDate(parts[0])
                    ? new JsonObject { ["start"] = parts[0], ["end"] = parts.Length == 2 && PropertyWriter.IsIsoDate(parts[1]) ? parts[1] : null, ["time_zone"] = null }
                    : null;
            case "url" or "email" or "phone_number":
                return text;
            default:
                return null;
        }
    }

    private static JsonArray Options(PropertySchema property)
    {
        if (property.Options is not { } options)
        {
            options = [];
            property.Configuration["options"] = options;
        }

        return options;
    }

    private static JsonObject OptionValue(JsonObject option) =>
        new() { ["id"] = option["id"]!.DeepClone(), ["name"] = option["name"]!.DeepClone(), ["color"] = option["color"]!.DeepClone() };
}
