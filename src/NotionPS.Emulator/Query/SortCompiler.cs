using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Endpoints;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Query;

/// <summary>
/// Compiles a query's <c>sorts</c> (by property or by timestamp) into one ordering. Empty values sort last in
/// either direction; rows that tie keep their creation order.
/// </summary>
public sealed class SortCompiler(DataSource dataSource)
{
    /// <summary>
    /// Validates <paramref name="sorts"/> and returns a function that orders rows by them. Each row's sort values
    /// are read once, not at every comparison, so sorting tens of thousands of rows stays quick.
    /// </summary>
    public Func<IEnumerable<Page>, IEnumerable<Page>> Compile(JsonArray sorts)
    {
        var keys = sorts.Select((sort, i) => Key(sort as JsonObject ?? throw RequestJson.Invalid($"body.sorts[{i}]", "an object", sort), $"body.sorts[{i}]")).ToList();
        var comparer = Comparer<IComparable?[]>.Create((a, b) =>
        {
            for (var i = 0; i < keys.Count; i++)
            {
                var order = (a[i], b[i]) switch
                {
                    (null, null) => 0,
                    (null, _) => 1,
                    (_, null) => -1,
                    // Values of different kinds (a formula giving numbers in some rows, text in others) group by kind.
                    var (x, y) when x.GetType() != y.GetType() => string.CompareOrdinal(x.GetType().Name, y.GetType().Name),
                    var (x, y) => keys[i].Descending ? y.CompareTo(x) : x.CompareTo(y),
                };
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        });
        return rows => rows
            .Select(row => (Row: row, Values: keys.Select(k => k.Read(row)).ToArray()))
            .OrderBy(entry => entry.Values, comparer)
            .Select(entry => entry.Row);
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

    private static IComparable? SortValue(PropertySchema property, Page page) => property.Type switch
    {
        "created_time" => page.CreatedTime,
        "last_edited_time" => page.LastEditedTime,
        _ => ValueSortKey(property, property.Type, page.Values.GetValueOrDefault(property.Id)),
    };

    /// <summary>The sort key of a stored value of <paramref name="type"/>; formula and rollup values sort by what they hold.</summary>
    private static IComparable? ValueSortKey(PropertySchema property, string type, JsonNode? stored) => type switch
    {
        "title" or "rich_text" => RichText.PlainText(stored) is { Length: > 0 } text ? text.ToLowerInvariant() : null,
        "url" or "email" or "phone_number" or "string" => stored?.GetValue<string>()?.ToLowerInvariant(),
        "number" => stored?.GetValue<double>(),
        "unique_id" => stored?["number"]?.GetValue<double>(),
        "checkbox" or "boolean" => stored?.GetValue<bool>() ?? false,
        // Notion orders options as the schema lists them, not alphabetically.
        "select" or "status" => stored is null ? null : OptionIndex(property, stored["id"]?.GetValue<string>()),
        "date" => stored?["start"]?.GetValue<string>() is { } start ? Conditions.ParseDate(start) : null,
        "formula" or "rollup" => stored?["type"]?.GetValue<string>() is { } resultType ? ValueSortKey(property, resultType, stored[resultType]) : null,
        _ => stored?.ToJsonString(),
    };

    private static int OptionIndex(PropertySchema property, string? optionId) =>
        property.Options?.Select(o => o?["id"]?.GetValue<string>()).ToList().IndexOf(optionId) ?? -1;
}
