using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Query;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Endpoints;

/// <summary><c>GET /v1/data_sources/{id}</c> (schema) and <c>POST /v1/data_sources/{id}/query</c> (rows).</summary>
public static class DataSourcesEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/data_sources/{data_source_id}", (HttpContext context, string data_source_id) =>
            ObjectRetrieval.Retrieve<DataSource>(context, data_source_id, "data_source_id", "data source", (renderer, dataSource) => renderer.DataSource(dataSource)));

        app.MapPost("/v1/data_sources/{data_source_id}/query", async (HttpContext context, string data_source_id) =>
        {
            var request = NotionRequest.Of(context);
            var id = RequestJson.ParseId(data_source_id, "data_source_id");
            var body = await RequestJson.ReadObjectAsync(context);
            request.RequireRead();
            var pageSize = RequestJson.PageSize(body);
            var startCursor = RequestJson.OptionalString(body, "start_cursor");
            var inTrash = request.Version.ReadTrashFlag(body) ?? false;
            using (request.Workspace.Gate.EnterScope())
            {
                var dataSource = request.Visible<DataSource>(id, "data source");
                var filter = RequestJson.OptionalObject(body, "filter") is { } filterBody
                    ? new FilterCompiler(dataSource).Compile(filterBody)
                    : _ => true;
                IEnumerable<Page> rows = dataSource.Rows.Where(r => r.InTrash == inTrash).Where(filter);
                if (RequestJson.OptionalArray(body, "sorts") is { Count: > 0 } sorts)
                {
                    rows = rows.Order(new SortCompiler(dataSource).Compile(sorts));
                }

                var slice = Paging.Take(rows.ToList(), r => r.Id.ToString(), startCursor, pageSize);
                var renderer = ObjectRenderer.For(request);
                var only = PropertyFilter.Parse(context.Request, dataSource.Properties);
                return NotionResults.Json(ObjectRenderer.List(
                    slice.Items.Select(r => (JsonNode)renderer.Page(r, only)), slice.NextCursor, "page_or_data_source"));
            }
        });
    }
}
