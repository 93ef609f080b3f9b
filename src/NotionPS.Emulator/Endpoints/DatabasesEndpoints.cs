using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Query;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Endpoints;

/// <summary>
/// <c>GET /v1/databases/{id}</c>: the container listing its data sources, or under 2022-06-28 the database with
/// its schema; and <c>POST /v1/databases/{id}/query</c>, which exists only under 2022-06-28.
/// </summary>
public static class DatabasesEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/databases/{database_id}", (HttpContext context, string database_id) =>
            ObjectRetrieval.Retrieve<Database>(context, database_id, "database_id", "database", (renderer, database) =>
                renderer.Database(database, NotionRequest.Of(context) is { Version.HasDataSources: false } request ? request.SingleDataSourceOf(database) : null)));

        app.MapPost("/v1/databases/{database_id}/query", async (HttpContext context, string database_id) =>
        {
            var request = NotionRequest.Of(context);
            if (request.Version.HasDataSources)
            {
                throw NotionException.InvalidRequestUrl();
            }

            var id = RequestJson.ParseId(database_id, "database_id");
            var body = await RequestJson.ReadObjectAsync(context);
            request.RequireRead();
            var query = new RowQuery(request, body);
            using (request.Workspace.Gate.EnterScope())
            {
                var dataSource = request.SingleDataSourceOf(request.Visible<Database>(id, "database"));
                return NotionResults.Json(query.Run(context, request, dataSource));
            }
        });
    }
}
