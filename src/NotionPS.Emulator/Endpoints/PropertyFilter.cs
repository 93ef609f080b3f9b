using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Endpoints;

/// <summary>The <c>filter_properties</c> query parameter: limits the properties a page object carries.</summary>
public static class PropertyFilter
{
    public static IReadOnlySet<string>? Parse(HttpRequest request, IReadOnlyList<PropertySchema> schema)
    {
        var wanted = request.Query["filter_properties"].Concat(request.Query["filter_properties[]"]).OfType<string>().ToList();
        if (wanted.Count == 0)
        {
            return null;
        }

        return wanted.Select(w => (PropertySchema.Find(schema, w)
                ?? throw NotionException.Validation($"Could not find property with name or id: {w}")).Id)
            .ToHashSet();
    }
}
