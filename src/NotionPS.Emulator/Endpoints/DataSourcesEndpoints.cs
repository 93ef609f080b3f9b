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
            var query = new RowQuery(request, body);
            using (request.Workspace.Gate.EnterScope())
            {
                return NotionResults.Json(query.Run(context, request, request.Visible<DataSource>(id, "data source")));
            }
        });
    }
}
