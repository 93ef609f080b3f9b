using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Query;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Endpoints;

/// <summary><c>POST /v1/search</c>: pages and data sources shared with the caller whose title contains the query.</summary>
public static class SearchEndpoints
{
    public static void Map(IEndpointRouteBuilder app) => app.MapPost("/v1/search", async (HttpContext context) =>
    {
        var request = NotionRequest.Of(context);
        var body = await RequestJson.ReadObjectAsync(context);
        request.RequireRead();
        var query = RequestJson.OptionalString(body, "query") ?? "";
        var objectFilter = ObjectFilter(body, request.Version);
        var ascending = SortAscending(body);
        var pageSize = RequestJson.PageSize(body);
        var startCursor = RequestJson.OptionalString(body, "start_cursor");

        using (request.Workspace.Gate.EnterScope())
        {
            var workspace = request.Workspace;
            var renderer = ObjectRenderer.For(request);
            var matches = workspace.Objects
                .Where(o => o is Page or DataSource && !o.InTrash && workspace.IsVisible(o, request.Integration))
                .Where(o => request.Version.HasDataSources || o is not DataSource table || workspace.DatabaseOf(table).DataSources.Count == 1)
                .Where(o => objectFilter is null || (objectFilter == "page") == (o is Page))
                .Where(o => Title(workspace, o).Contains(query, StringComparison.OrdinalIgnoreCase));
            var ordered = (ascending
                ? matches.OrderBy(o => o.LastEditedTime)
                : matches.OrderByDescending(o => o.LastEditedTime)).ThenBy(o => o.Id).ToList();
            var slice = Paging.Take(ordered, o => o.Id.ToString(), startCursor, pageSize);
            var results = slice.Items.Select(o => (JsonNode)(o is Page page ? renderer.Page(page) : Table(request, renderer, (DataSource)o)));
            return NotionResults.Json(ObjectRenderer.List(results, slice.NextCursor, request.Version.ResultListType));
        }
    });

    /// <summary>A data source as search lists it: itself, or before data sources its database (which then has only this one).</summary>
    private static JsonObject Table(NotionRequest request, ObjectRenderer renderer, DataSource dataSource) =>
        request.Version.HasDataSources ? renderer.DataSource(dataSource) : renderer.Database(request.Workspace.DatabaseOf(dataSource), dataSource);

    private static string Title(NotionWorkspace workspace, WorkspaceObject item) =>
        item is Page page ? workspace.TitleOf(page) : ((DataSource)item).Name;

    private static string? ObjectFilter(JsonObject body, NotionVersion version)
    {
        if (RequestJson.OptionalObject(body, "filter") is not { } filter)
        {
            return null;
        }

        if (RequestJson.OptionalString(filter, "property", "body.filter") != "object")
        {
            throw RequestJson.Invalid("body.filter.property", "`\"object\"`", filter["property"]);
        }

        var value = RequestJson.OptionalString(filter, "value", "body.filter");
        return value == "page" || value == version.SearchTableObject
            ? value
            : throw RequestJson.Invalid("body.filter.value", $"`\"page\"` or `\"{version.SearchTableObject}\"`", filter["value"]);
    }

    private static bool SortAscending(JsonObject body)
    {
        if (RequestJson.OptionalObject(body, "sort") is not { } sort)
        {
            return false;
        }

        if (RequestJson.OptionalString(sort, "timestamp", "body.sort") != "last_edited_time")
        {
            throw RequestJson.Invalid("body.sort.timestamp", "`\"last_edited_time\"`", sort["timestamp"]);
        }

        return RequestJson.OptionalString(sort, "direction", "body.sort") switch
        {
            "ascending" => true,
            "descending" => false,
            _ => throw RequestJson.Invalid("body.sort.direction", "`\"ascending\"` or `\"descending\"`", sort["direction"]),
        };
    }
}
