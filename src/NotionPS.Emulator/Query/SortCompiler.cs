using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Endpoints;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Query;

/// <summary>
/// Compiles a query's <c>sorts</c> (by property or by timestamp) into one comparer. Empty values sort last in
/// either direction; rows that tie keep their creation order.
/// </summary>
public sealed class SortCompiler(DataSource dataSource)
{
    public IComparer<Page> Compile(JsonArray sorts)
    {
        var keys = sorts.Select((sort, i) => Key(sort as JsonObject ?? throw RequestJson.Invalid($"body.sorts[{i}]", "an object", sort), $"body.sorts[{i}]")).ToList();
        return Comparer<Page>.Create((a, b) =>
        {
            foreach (var (read, descending) in keys)
            {
                var (x, y) = (read(a), read(b));
                var order = (x, y) switch
                {
                    (null, null) => 0,
                    (null, _) => 1,
                    (_, null) => -1,
                    _ => descending ? y.CompareTo(x) : x.CompareTo(y),
                };
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        });
    }

    private (Func<Page, IComparable?> Read, bool Descending) Key(JsonObject sort, string path)
    {
        var descending = RequestJson.OptionalString(sort, "direction", path) switch
        {
            "ascending" => false,
            "descending" => true,
            _ => throw RequestJson.Invalid($"{path}.direction", "`\"ascending\"` or `\"descending\"`", sort["direction"]),
        };
        if (RequestJson.OptionalString(sort, "timestamp", path) is { } timestamp)
        {
            return timestamp switch
            {
                "created_time" => (p => p.CreatedTime, descending),
                "last_edited_time" => (p => p.LastEditedTime, descending),
                _ => throw RequestJson.Invalid($"{path}.timestamp", "`\"created_time\"` or `\"last_edited_time\"`", sort["timestamp"]),
            };
        }

        var name = RequestJson.OptionalString(sort, "property", path)
            ?? throw RequestJson.Invalid($"{path}.property", "defined (or timestamp)", null);
        var property = dataSource.FindProperty(name)
            ?? throw NotionException.Validation($"Could not find sort property with name or id: {name}");
        return (page => SortValue(property, page), descending);
    }

    private static IComparable? SortValue(PropertySchema property, Page page)
    {
        var stored = page.Values.GetValueOrDefault(property.Id);
        return property.Type switch
        {
            "title" or "rich_text" => RichText.PlainText(stored) is { Length: > 0 } text ? text.ToLowerInvariant() : null,
            "number" => stored?.GetValue<double>(),
            "checkbox" => stored?.GetValue<bool>() ?? false,
            // Notion orders options as the schema lists them, not alphabetically.
            "select" or "status" => stored is null ? null : OptionIndex(property, stored["id"]?.GetValue<string>()),
            "date" => stored?["start"]?.GetValue<string>() is { } start ? FilterCompiler.ParseDate(start) : null,
            "created_time" => page.CreatedTime,
            "last_edited_time" => page.LastEditedTime,
            _ => stored?.ToJsonString(),
        };
    }

    private static int OptionIndex(PropertySchema property, string? optionId) =>
        property.Options?.Select(o => o?["id"]?.GetValue<string>()).ToList().IndexOf(optionId) ?? -1;
}
