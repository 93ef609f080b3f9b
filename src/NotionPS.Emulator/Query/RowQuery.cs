using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Endpoints;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Query;

/// <summary>
/// One page of a row query (<c>POST /v1/data_sources/{id}/query</c>, or <c>/v1/databases/{id}/query</c> under
/// 2022-06-28): filter, sorts, paging and Notion's 10,000-row cap.
/// </summary>
public sealed class RowQuery
{
    /// <summary>
    /// Notion stops a query after this many rows: the page that reaches it says <c>has_more: false</c> and
    /// <c>request_status: {type: "incomplete", incomplete_reason: "query_result_limit_reached"}</c>; a client must split the query to read further.
    /// </summary>
    public const int MaxResults = 10_000;

    private readonly JsonObject? _filter;
    private readonly JsonArray? _sorts;
    private readonly int _pageSize;
    private readonly string? _startCursor;
    private readonly bool _inTrash;

    /// <summary>Reads the body's shape outside the workspace lock; the filter and sorts are checked against the schema later.</summary>
    public RowQuery(NotionRequest request, JsonObject body)
    {
        _filter = RequestJson.OptionalObject(body, "filter");
        _sorts = RequestJson.OptionalArray(body, "sorts");
        _pageSize = RequestJson.PageSize(body);
        _startCursor = RequestJson.OptionalString(body, "start_cursor");
        _inTrash = request.Version.ReadTrashFlag(body) ?? false;
    }

    /// <summary>Runs the query; the caller holds the workspace lock.</summary>
    public JsonObject Run(HttpContext context, NotionRequest request, DataSource dataSource)
    {
        var conditions = new Conditions(request.State.Clock.GetUtcNow(), request.Integration.ActorId);
        var predicate = _filter is null ? _ => true : new FilterCompiler(dataSource, conditions).Compile(_filter);
        IEnumerable<Page> rows = dataSource.Rows.Where(r => r.InTrash == _inTrash).Where(predicate);
        if (_sorts is { Count: > 0 })
        {
            rows = new SortCompiler(dataSource).Compile(_sorts)(rows);
        }

        var capped = rows.Take(MaxResults + 1).ToList();
        var incomplete = capped.Count > MaxResults;
        if (incomplete)
        {
            capped.RemoveAt(MaxResults);
        }

        var slice = Paging.Take(capped, r => r.Id.ToString(), _startCursor, _pageSize);
        var renderer = ObjectRenderer.For(request);
        var only = PropertyFilter.Parse(context.Request, dataSource.Properties);
        var list = ObjectRenderer.List(slice.Items.Select(r => (JsonNode)renderer.Page(r, only)), slice.NextCursor, request.Version.ResultListType);
        if (incomplete && slice.NextCursor is null)
        {
            list["request_status"] = new JsonObject { ["type"] = "incomplete", ["incomplete_reason"] = "query_result_limit_reached" };
        }

        return list;
    }
}
