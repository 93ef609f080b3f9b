using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Files;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Endpoints;

/// <summary>
/// Validates property values sent to <c>POST /v1/pages</c> and <c>PATCH /v1/pages/{id}</c> against the schema and
/// converts them to the stored shape, answering Notion's 400 validation_error for anything it would refuse.
/// </summary>
public sealed class PropertyWriter(NotionWorkspace workspace)
{
    public const int MaxTextLength = 2000;
    public const int MaxUrlLength = 2000;
    public const int MaxEmailOrPhoneLength = 200;

    /// <summary>Converts a request's <c>properties</c> object to stored values keyed by property ID.</summary>
    public Dictionary<string, JsonNode?> Convert(JsonObject properties, IReadOnlyList<PropertySchema> schema)
    {
        var result = new Dictionary<string, JsonNode?>();
        foreach (var (key, value) in properties)
        {
            var property = PropertySchema.Find(schema, key)
                ?? throw NotionException.Validation($"{key} is not a property that exists.");
            result[property.Id] = ConvertValue(property, value, $"body.properties.{key}");
        }

        return result;
    }

    private JsonNode? ConvertValue(PropertySchema property, JsonNode? value, string path)
    {
        if (property.IsComputed)
        {
            throw NotionException.Validation(
                $"{property.Name} is a {property.Type} property, which Notion computes; it cannot be set.");
        }

        if (value is not JsonObject wrapper)
        {
            throw RequestJson.Invalid(path, "an object", value);
        }

        if (RequestJson.OptionalString(wrapper, "type", path) is { } declared && declared != property.Type)
        {
            throw RequestJson.Invalid($"{path}.type", $"`\"{property.Type}\"`", wrapper["type"]);
        }

        if (!wrapper.ContainsKey(property.Type))
        {
            throw RequestJson.Invalid($"{path}.{property.Type}", "defined", null);
        }

        var payload = wrapper[property.Type];
        path = $"{path}.{property.Type}";
        return property.Type switch
        {
            "title" or "rich_text" => RichTextArray(payload, path),
            "number" => payload is null || payload.GetValueKind() == JsonValueKind.Number
                ? payload?.DeepClone()
                : throw RequestJson.Invalid(path, "a number or `null`", payload),
            "checkbox" => payload?.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                ? payload.DeepClone()
                : throw RequestJson.Invalid(path, "a boolean", payload),
            "select" => payload is null ? null : Option(property, payload, path, createMissing: true),
            "status" => payload is null ? null : Option(property, payload, path, createMissing: false),
            "multi_select" => new JsonArray([.. Array(payload, path)
                .Select((item, i) => (JsonNode)Option(property, item, $"{path}[{i}]", createMissing: true))]),
            "date" => payload is null ? null : Date(payload, path),
            "url" => LimitedString(payload, path, MaxUrlLength),
            "email" or "phone_number" => LimitedString(payload, path, MaxEmailOrPhoneLength),
            "people" => IdList(payload, path, id => workspace.IsUser(id), "a user in this workspace"),
            "relation" => IdList(payload, path, _ => true, "a page ID"),
            "files" => FileList(payload, path),
            _ => throw NotionException.Validation(
                $"The emulator cannot write properties of type {property.Type}."),
        };
    }

    /// <summary>Validates rich text as Notion takes it (text items of at most 2000 characters) and converts it to the stored shape.</summary>
    public static JsonArray RichTextArray(JsonNode? payload, string path)
    {
        var result = new JsonArray();
        var items = Array(payload, path);
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (items[i] is not JsonObject item)
            {
                throw RequestJson.Invalid(itemPath, "an object", items[i]);
            }

            var type = RequestJson.OptionalString(item, "type", itemPath) ?? "text";
            if (type != "text")
            {
                throw NotionException.Validation($"The emulator supports rich text of type text only, not {type} ({itemPath}).");
            }

            var text = RequestJson.OptionalObject(item, "text", itemPath) ?? throw RequestJson.Invalid($"{itemPath}.text", "defined", null);
            var content = RequestJson.OptionalString(text, "content", $"{itemPath}.text")
                ?? throw RequestJson.Invalid($"{itemPath}.text.content", "a string", text["content"]);
            if (content.Length > MaxTextLength)
            {
                throw NotionException.Validation(
                    $"body failed validation: {itemPath}.text.content.length should be ≤ `{MaxTextLength}`, instead was `{content.Length}`.");
            }

            var link = RequestJson.OptionalObject(text, "link", $"{itemPath}.text") is { } linkObject
                ? RequestJson.OptionalString(linkObject, "url", $"{itemPath}.text.link")
                : null;
            if (link?.Length > MaxUrlLength)
            {
                throw NotionException.Validation(
                    $"body failed validation: {itemPath}.text.link.url.length should be ≤ `{MaxUrlLength}`, instead was `{link.Length}`.");
            }

            if (link is not null && !UrlRules.IsLink(link))
            {
                throw NotionException.Validation("Invalid URL for link.");
            }

            var annotations = RichText.DefaultAnnotations();
            if (RequestJson.OptionalObject(item, "annotations", itemPath) is { } requested)
            {
                foreach (var (key, value) in requested)
                {
                    if (annotations.ContainsKey(key))
                    {
                        annotations[key] = value?.DeepClone();
                    }
                }
            }

            result.Add(RichText.Text(content, link, annotations));
        }

        return result;
    }

    /// <summary>Finds a select, multi-select or status option by ID or name. Notion adds unknown select options; status options must exist.</summary>
    private static JsonObject Option(PropertySchema property, JsonNode? payload, string path, bool createMissing)
    {
        if (payload is not JsonObject request)
        {
            throw RequestJson.Invalid(path, "an object", payload);
        }

        var id = RequestJson.OptionalString(request, "id", path);
        var name = RequestJson.OptionalString(request, "name", path);
        if (id is null && name is null)
        {
            throw RequestJson.Invalid($"{path}.name", "defined", null);
        }

        var options = property.Options ?? [];
        var found = options.OfType<JsonObject>().FirstOrDefault(o =>
            (id is not null && o["id"]?.GetValue<string>() == id) || (id is null && o["name"]?.GetValue<string>() == name));
        if (found is null)
        {
            if (!createMissing || name is null)
            {
                throw NotionException.Validation($"Invalid {property.Type} option \"{name ?? id}\" for property {property.Name}.");
            }

            if (name.Contains(','))
            {
                // Notion's property reference: commas are not valid in select option names; a new one is refused so.
                throw NotionException.Validation($"Invalid select option, commas not allowed: {name}");
            }

            found = new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString("N")[..8],
                ["name"] = name,
                ["color"] = "default",
                ["description"] = null,
            };
            options.Add(found);
            property.Configuration["options"] = options;
        }

        return new JsonObject { ["id"] = found["id"]?.DeepClone(), ["name"] = found["name"]?.DeepClone(), ["color"] = found["color"]?.DeepClone() };
    }

    private static JsonObject Date(JsonNode payload, string path)
    {
        if (payload is not JsonObject request)
        {
            throw RequestJson.Invalid(path, "an object or `null`", payload);
        }

        var start = RequestJson.OptionalString(request, "start", path);
        if (start is null || !IsIsoDate(start))
        {
            throw RequestJson.Invalid($"{path}.start", "an ISO 8601 date or date-time", request["start"]);
        }

        var end = RequestJson.OptionalString(request, "end", path);
        if (end is not null && !IsIsoDate(end))
        {
            throw RequestJson.Invalid($"{path}.end", "an ISO 8601 date or date-time or `null`", request["end"]);
        }

        var timeZone = RequestJson.OptionalString(request, "time_zone", path);
        if (timeZone is null)
        {
            return new JsonObject { ["start"] = start, ["end"] = end, ["time_zone"] = null };
        }

        // Notion takes a time zone with local times only and answers with UTC offsets, never the time zone.
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            throw RequestJson.Invalid($"{path}.time_zone", "an IANA time zone name", request["time_zone"]);
        }

        return new JsonObject
        {
            ["start"] = WithOffset(start, zone, $"{path}.start"),
            ["end"] = end is null ? null : WithOffset(end, zone, $"{path}.end"),
            ["time_zone"] = null,
        };
    }

    /// <summary>A date-time without an offset, read in <paramref name="zone"/> and written with that zone's UTC offset then.</summary>
    private static string WithOffset(string text, TimeZoneInfo zone, string path)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out _)
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var local)
            || local.Kind != DateTimeKind.Unspecified)
        {
            throw RequestJson.Invalid(path, "a date-time without a UTC offset, as time_zone is set", JsonValue.Create(text));
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
    }

    public static bool IsIsoDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", out _) || DateTimeOffset.TryParse(text, out _);

    private static JsonNode? LimitedString(JsonNode? payload, string path, int maxLength) => payload switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text.Length <= maxLength
            ? text
            : throw NotionException.Validation(
                $"body failed validation: {path}.length should be ≤ `{maxLength}`, instead was `{text.Length}`."),
        _ => throw RequestJson.Invalid(path, "a string or `null`", payload),
    };

    private static JsonArray IdList(JsonNode? payload, string path, Func<Guid, bool> exists, string what)
    {
        var result = new JsonArray();
        var items = Array(payload, path);
        for (var i = 0; i < items.Count; i++)
        {
            var raw = items[i] is JsonObject item ? RequestJson.OptionalString(item, "id", $"{path}[{i}]") : null;
            if (raw is null || !Guid.TryParse(raw, out var id) || !exists(id))
            {
                throw RequestJson.Invalid($"{path}[{i}].id", what, items[i]);
            }

            result.Add(id.ToString());
        }

        return result;
    }

    /// <summary>
    /// A files cell: external URLs kept as given and uploads to attach by ID (the endpoint checks and claims them),
    /// each with a name; an upload sent without one takes its filename, an external file its URL's last segment.
    /// </summary>
    private static JsonArray FileList(JsonNode? payload, string path)
    {
        var result = new JsonArray();
        var items = Array(payload, path);
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            var item = items[i] as JsonObject ?? throw RequestJson.Invalid(itemPath, "an object", items[i]);
            var reference = FileReference.Read(item, itemPath, "file");
            var type = reference["type"]!.GetValue<string>();
            var name = RequestJson.OptionalString(item, "name", itemPath)
                ?? (type == "external" ? Uri.UnescapeDataString(reference["external"]!["url"]!.GetValue<string>().Split('?')[0].TrimEnd('/').Split('/')[^1]) : "");
            result.Add(new JsonObject { ["name"] = name, ["type"] = type, [type] = reference[type]!.DeepClone() });
        }

        return result;
    }

    private static JsonArray Array(JsonNode? payload, string path) =>
        payload as JsonArray ?? throw RequestJson.Invalid(path, "an array", payload);
}
